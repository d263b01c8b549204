//! vcare-rest's envelope decoder (every status, every `errors` shape and msg_code) and every
//! error an answer becomes: no panic, no secret the redactor holds in any error text.
//! Run with the field-name dictionary: `cargo +nightly fuzz run vcare_envelope -- -dict=dicts/vcare.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vcare_rest::fuzzing::envelope(data));
