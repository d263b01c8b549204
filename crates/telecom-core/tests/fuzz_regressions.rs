//! Every input kept under `tests/fuzz-regressions/<target>/` (crashes the fuzzer found, and
//! cases found before it) runs through the same entry point as its cargo-fuzz target.

use std::path::Path;

use telecom_core::fuzzing::{self, replay};

fn folder(target: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target)
}

#[test]
fn core_parsers() {
    replay(&folder("core_parsers"), fuzzing::parsers);
}

#[test]
fn redactor() {
    replay(&folder("redactor"), fuzzing::redactor);
}
