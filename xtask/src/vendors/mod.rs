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
    vec![
        #[cfg(feature = "iqmetrix")]
        Box::new(iqmetrix::Adapter),
        #[cfg(feature = "revio")]
        Box::new(revio::Adapter),
        #[cfg(feature = "traitel")]
        Box::new(traitel::Adapter),
        #[cfg(feature = "vcare")]
        Box::new(vcare::Adapter),
    ]
}
