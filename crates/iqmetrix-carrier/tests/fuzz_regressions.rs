//! Every input kept under `tests/fuzz-regressions/<target>/` (crashes the fuzzer found, and
//! the spec's own examples as a floor) runs through the same entry point as its cargo-fuzz
//! target in `fuzz/fuzz_targets/`, on stable, in the normal test run.

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("the regression folder exists") {
        let path = entry.expect("a readable entry").path();
        let input = std::fs::read(&path).expect("a readable input");
        check(&input);
        count += 1;
    }
    assert!(count > 0, "no input in {}", dir.display());
}

#[test]
fn iqmetrix_models() {
    replay("iqmetrix_models", iqmetrix_carrier::fuzzing::models);
}

#[test]
fn iqmetrix_pages() {
    replay("iqmetrix_pages", iqmetrix_carrier::fuzzing::pages);
}

#[test]
fn iqmetrix_errors() {
    replay("iqmetrix_errors", iqmetrix_carrier::fuzzing::errors);
}
