//! The conformance tables.

use std::fmt::Write;

use crate::runner::VendorReport;

/// One vendor's table: the counts, the operations not covered, and each failure with the
/// field that differed.
pub fn vendor_table(report: &VendorReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {} ==", report.vendor);
    let _ = writeln!(
        out,
        "{:<24} {:>6}\n{:<24} {:>6}\n{:<24} {:>6}\n{:<24} {:>6}\n{:<24} {:>6}",
        "operations in spec",
        report.operations.len(),
        "operations covered",
        report.covered.len(),
        "cases",
        report.cases.len(),
        "passed",
        report.passed(),
        "failed",
        report.failed(),
    );
    let uncovered: Vec<&str> = report
        .operations
        .iter()
        .filter(|op| !report.covered.contains(*op))
        .map(String::as_str)
        .collect();
    if !uncovered.is_empty() {
        let _ = writeln!(out, "not covered: {}", uncovered.join(", "));
    }
    for (path, why) in &report.broken_fixtures {
        let _ = writeln!(out, "BROKEN {path}: {why}");
    }
    for case in report.cases.iter().filter(|c| !c.passed()) {
        let _ = writeln!(out, "FAIL {}", case.id);
        for failure in &case.failures {
            let _ = writeln!(out, "    {failure}");
        }
    }
    out
}

/// The summary across vendors.
pub fn summary(reports: &[VendorReport]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<10} {:>10} {:>8} {:>6} {:>7} {:>7} {:>7}",
        "vendor", "operations", "covered", "cases", "passed", "failed", "broken"
    );
    for r in reports {
        let _ = writeln!(
            out,
            "{:<10} {:>10} {:>8} {:>6} {:>7} {:>7} {:>7}",
            r.vendor,
            r.operations.len(),
            r.covered.len(),
            r.cases.len(),
            r.passed(),
            r.failed(),
            r.broken_fixtures.len()
        );
    }
    let passed: usize = reports.iter().map(|r| r.passed()).sum();
    let failed: usize = reports.iter().map(|r| r.failed()).sum();
    let _ = writeln!(out, "conformance: {passed} passed, {failed} failed");
    out
}
