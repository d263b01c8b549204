//! telecom-core's parsers: Money, PhoneNumber, every date adapter, Retry-After.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| telecom_core::fuzzing::parsers(data));
