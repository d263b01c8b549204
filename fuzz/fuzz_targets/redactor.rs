//! The redactor: no planted secret survives an excerpt, no body panics.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| telecom_core::fuzzing::redactor(data));
