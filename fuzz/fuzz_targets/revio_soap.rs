//! revio-client's SOAP reader on a whole answer to the operation the first byte picks (each
//! typed result and the raw tree; faults, headers and error codes; other statuses): no
//! panic, typed results read back what they write, no secret in any error.
//! Run with the element-name dictionary: `cargo +nightly fuzz run revio_soap -- -dict=dicts/revio.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| revio_client::fuzzing::soap(data));
