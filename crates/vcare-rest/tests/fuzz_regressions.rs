//! Every input kept under `tests/fuzz-regressions/<target>/` (crashes the fuzzer found, and
//! the spec's own examples from `fixtures/vcare` as a floor) runs through the same entry point
//! as its cargo-fuzz target in `fuzz/fuzz_targets/`, on stable, in the normal test run.

use std::path::{Path, PathBuf};

use telecom_core::fuzzing::replay;
use vcare_rest::fuzzing;

fn folder(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target)
}

#[test]
fn vcare_envelope() {
    replay(&folder("vcare_envelope"), fuzzing::envelope);
}

#[test]
fn vcare_models() {
    replay(&folder("vcare_models"), fuzzing::models);
}
