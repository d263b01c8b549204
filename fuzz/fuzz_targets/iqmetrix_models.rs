//! iqmetrix-carrier's response models: each writes back to itself; lookup keys round-trip.
//! Run with the field-name dictionary: `cargo +nightly fuzz run iqmetrix_models -- -dict=dicts/iqmetrix.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iqmetrix_carrier::fuzzing::models(data));
