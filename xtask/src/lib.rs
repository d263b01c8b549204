//! Workspace tasks for the telecom vendor clients: the conformance runner and its parts.

pub mod adapter;
pub mod vendors;
