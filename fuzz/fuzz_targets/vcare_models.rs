//! vcare-rest's typed `data` of each action (the first byte picks which): each writes back to
//! itself; a misfit is an error with no secret in it.
//! Run with the field-name dictionary: `cargo +nightly fuzz run vcare_models -- -dict=dicts/vcare.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vcare_rest::fuzzing::models(data));
