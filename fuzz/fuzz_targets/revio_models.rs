//! revio-client's element reader on one element read as the response model the first byte
//! picks: no panic, a value reads back what it writes, secret elements masked in the XML
//! handed back, no secret in a decode error.
//! Run with the element-name dictionary: `cargo +nightly fuzz run revio_models -- -dict=dicts/revio.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| revio_client::fuzzing::models(data));
