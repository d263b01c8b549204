//! Every input kept under `tests/fuzz-regressions/<target>/` (crashes the fuzzer found, and
//! cases found before it) runs through the same entry point as its cargo-fuzz target.

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
fn core_parsers() {
    replay("core_parsers", telecom_core::fuzzing::parsers);
}

#[test]
fn redactor() {
    replay("redactor", telecom_core::fuzzing::redactor);
}
