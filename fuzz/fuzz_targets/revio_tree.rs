//! revio-client's markup scanner against quick-xml's reader on any text: the same element
//! tree node for node, or both refuse it. Cheap per input, so it reaches far more markup
//! shapes than `revio_soap`.
//! Run with the element-name dictionary: `cargo +nightly fuzz run revio_tree -- -dict=dicts/revio.dict`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| revio_client::fuzzing::tree(data));
