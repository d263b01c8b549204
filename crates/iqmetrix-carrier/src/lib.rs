//! Async client for the iQmetrix Carrier Integration API v2: activations, lookup fields, configurations and confirmed activations, with OAuth2 tokens.
//!
//! This crate is being built; see the workspace README.
