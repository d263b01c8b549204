//! iqmetrix-carrier's error decoding: token responses and errors, status errors, the 400 classifier, rate-limit headers.
//! Run with the field-name dictionary: `cargo +nightly fuzz run iqmetrix_errors -- -dict=dicts/iqmetrix.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iqmetrix_carrier::fuzzing::errors(data));
