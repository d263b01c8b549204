//! The vendor adapters, each behind its cargo feature (all on by default).

use crate::adapter::VendorAdapter;

#[cfg(feature = "iqmetrix")]
pub mod iqmetrix;
#[cfg(feature = "revio")]
pub mod revio;
#[cfg(feature = "traitel")]
pub mod traitel;
#[cfg(feature = "vcare")]
pub mod vcare;

/// Every vendor adapter compiled in.
pub fn all() -> Vec<Box<dyn VendorAdapter>> {
    // `mut` is unused only when every vendor feature is off.
    #[allow(unused_mut)]
    let mut adapters: Vec<Box<dyn VendorAdapter>> = Vec::new();
    #[cfg(feature = "iqmetrix")]
    adapters.push(Box::new(iqmetrix::Adapter));
    #[cfg(feature = "revio")]
    adapters.push(Box::new(revio::Adapter));
    #[cfg(feature = "traitel")]
    adapters.push(Box::new(traitel::Adapter));
    #[cfg(feature = "vcare")]
    adapters.push(Box::new(vcare::Adapter));
    adapters
}
