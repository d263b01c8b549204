//! Async client for the Rev.io legacy SOAP billing API: credentials or sessions, typed requests, enums and error codes.
//!
//! This crate is being built; see the workspace README.
