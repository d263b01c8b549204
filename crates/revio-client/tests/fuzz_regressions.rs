//! Every input kept under `tests/fuzz-regressions/<target>/` (what the fuzzer found, and the
//! spec's own answers from `fixtures/revio` as a floor) runs through the same entry point as
//! its cargo-fuzz target in `fuzz/fuzz_targets/`, on stable, in the normal test run.

use std::path::{Path, PathBuf};

use revio_client::fuzzing;
use telecom_core::fuzzing::replay;

fn folder(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target)
}

#[test]
fn revio_soap() {
    replay(&folder("revio_soap"), fuzzing::soap);
}

#[test]
fn revio_tree() {
    replay(&folder("revio_tree"), fuzzing::tree);
}

#[test]
fn revio_models() {
    replay(&folder("revio_models"), fuzzing::models);
}
