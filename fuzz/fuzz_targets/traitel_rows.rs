//! traitel-am's CSV answers, each row type (the first byte picks which: every log, the cost
//! rows, sub-accounts, DIDs, IVR and IVML lists), decoded whole and streamed from an
//! in-memory reader: both read the same rows, every row writes as JSON, no error shows a
//! planted secret.
//! Run with the dictionary: `cargo +nightly fuzz run traitel_rows -- -dict=dicts/traitel.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| traitel_am::fuzzing::rows(data));
