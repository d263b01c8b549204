//! The one call pipeline: which calls may be resent ([`CallKind`], [`FailureClass`]) and
//! the async driver every vendor crate's send path runs on ([`drive`]).
//!
//! The split follows smithy-rs: the vendor crate's `transport.rs` classifies what went wrong
//! (it knows its HTTP stack, SOAP faults, `Error NNN:` lines, envelopes) and hands the
//! driver a [`Failure`]; the driver alone decides whether and when to send again. Vendor
//! steps plug in through [`Attempt`]: failover picks its endpoint by [`Attempt::endpoint`],
//! a refused session, token or bearer is renewed when [`Attempt::renew_credentials`] is set.
//! Each attempt's exchange is bounded by the client's [`AttemptTimer`].

mod driver;
mod kind;
mod timer;

pub use driver::{Attempt, CallPlan, drive, record_endpoint, record_status};
pub use kind::{CallKind, Failure, FailureClass};
pub use timer::{AttemptTimer, Limited, OutOfTime};
