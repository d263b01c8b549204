//! Async client for the vcare / Telgoo5 REST API with pooled single-use rotating tokens and typed actions.
//!
//! This crate is being built; see the workspace README.
