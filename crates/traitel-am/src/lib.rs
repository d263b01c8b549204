//! Async client for the TraiTel Account Management API: all 27 modes, typed Ok/Error and CSV responses, streaming logs and gateway failover.
//!
//! This crate is being built; see the workspace README.
