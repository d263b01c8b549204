//! Every fixture under `fixtures/`, run against the real clients as `cargo xtask conformance`
//! does, one test per vendor so a failure names its vendor.
#![cfg(any(
    feature = "iqmetrix",
    feature = "revio",
    feature = "traitel",
    feature = "vcare"
))]

use std::path::PathBuf;

async fn vendor_passes(name: &str) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let adapter = xtask::vendors::all()
        .into_iter()
        .find(|a| a.name() == name)
        .unwrap_or_else(|| panic!("no adapter named {name}"));
    let report = xtask::runner::run_vendor(adapter.as_ref(), &root, None).await;
    let table = xtask::report::vendor_table(&report);
    println!("{table}");
    assert!(report.ok(), "{table}");
    assert!(!report.cases.is_empty(), "{name} has no conformance case");
}

#[cfg(feature = "iqmetrix")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iqmetrix() {
    vendor_passes("iqmetrix").await;
}

#[cfg(feature = "revio")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revio() {
    vendor_passes("revio").await;
}

#[cfg(feature = "traitel")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn traitel() {
    vendor_passes("traitel").await;
}

#[cfg(feature = "vcare")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vcare() {
    vendor_passes("vcare").await;
}
