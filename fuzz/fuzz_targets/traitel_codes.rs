//! traitel-am's small decoders on the same text: UTF-16 hex SMS text, ASCII escapes, fax
//! error codes, log dates, times and durations, `DIDs` lists and the open enums; each value
//! writes back to itself.
//! Run with the dictionary: `cargo +nightly fuzz run traitel_codes -- -dict=dicts/traitel.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| traitel_am::fuzzing::codes(data));
