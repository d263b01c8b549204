//! traitel-am's `Ok` / `Error NNN: message` status line, read whole and as the log stream
//! reads it, then the single value, money value or raw CSV table after `Ok` (the first byte
//! picks which): the two readers agree, an error line writes back to itself, no error shows
//! a planted secret.
//! Run with the dictionary: `cargo +nightly fuzz run traitel_lines -- -dict=dicts/traitel.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| traitel_am::fuzzing::lines(data));
