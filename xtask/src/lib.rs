//! Workspace tasks for the telecom vendor clients: the conformance runner and its parts.

pub mod adapter;
pub mod compare;
pub mod fixture;
pub mod msrv;
pub mod report;
pub mod runner;
pub mod vendors;
