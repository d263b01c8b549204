//! Every input kept under `tests/fuzz-regressions/<target>/` (crashes the fuzzer found, and
//! the spec's own examples as a floor) runs through the same entry point as its cargo-fuzz
//! target in `fuzz/fuzz_targets/`, on stable, in the normal test run.

use std::path::{Path, PathBuf};

use iqmetrix_carrier::fuzzing;
use telecom_core::fuzzing::replay;

fn folder(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target)
}

#[test]
fn iqmetrix_models() {
    replay(&folder("iqmetrix_models"), fuzzing::models);
}

#[test]
fn iqmetrix_pages() {
    replay(&folder("iqmetrix_pages"), fuzzing::pages);
}

#[test]
fn iqmetrix_errors() {
    replay(&folder("iqmetrix_errors"), fuzzing::errors);
}
