//! Every input kept under `tests/fuzz-regressions/<target>/` (what the fuzzer found, and the
//! spec's own answers from `fixtures/traitel` as a floor) runs through the same entry point as
//! its cargo-fuzz target in `fuzz/fuzz_targets/`, on stable, in the normal test run.

use std::path::{Path, PathBuf};

use telecom_core::fuzzing::replay;
use traitel_am::fuzzing;

fn folder(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target)
}

#[test]
fn traitel_lines() {
    replay(&folder("traitel_lines"), fuzzing::lines);
}

#[test]
fn traitel_rows() {
    replay(&folder("traitel_rows"), fuzzing::rows);
}

#[test]
fn traitel_codes() {
    replay(&folder("traitel_codes"), fuzzing::codes);
}
