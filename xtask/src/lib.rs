//! Workspace tasks for the telecom vendor clients: the conformance runner and its parts.

pub mod adapter;
/// Needs every vendor: it compares all four clients.
#[cfg(all(
    feature = "iqmetrix",
    feature = "revio",
    feature = "traitel",
    feature = "vcare"
))]
pub mod bench;
pub mod compare;
pub mod fixture;
pub mod fuzz;
pub mod msrv;
pub mod report;
pub mod runner;
pub mod vendors;

/// The README's quick starts, compiled as doctests so they cannot drift from the crates.
#[cfg(all(
    doctest,
    feature = "iqmetrix",
    feature = "revio",
    feature = "traitel",
    feature = "vcare"
))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeQuickStarts;

/// `docs/using.md`, the one shape of the four clients, compiled and run as doctests against
/// the sandbox.
#[cfg(all(
    doctest,
    feature = "iqmetrix",
    feature = "revio",
    feature = "traitel",
    feature = "vcare"
))]
#[doc = include_str!("../../docs/using.md")]
pub struct UsingGuide;
