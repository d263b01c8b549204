//! The operations, grouped by resource; each is a method on [`Client`](crate::Client).

pub(crate) mod activations;
pub(crate) mod configurations;
pub(crate) mod confirmed;
mod raw;
