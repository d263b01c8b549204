//! iqmetrix-carrier's HAL pages and next/prev link resolution.
//! Run with the field-name dictionary: `cargo +nightly fuzz run iqmetrix_pages -- -dict=dicts/iqmetrix.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| iqmetrix_carrier::fuzzing::pages(data));
