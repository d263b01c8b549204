//! `cargo xtask msrv`: the oldest toolchain the dependency graph allows, derived from the
//! `rust-version` every package declares.

use std::process::Command;

use serde_json::Value;

/// The highest `rust-version` in `cargo metadata`, with the packages that declare it.
pub fn highest_rust_version() -> Result<(String, Vec<String>), String> {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .args(["metadata", "--format-version", "1"])
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let metadata: Value = serde_json::from_slice(&output.stdout).map_err(|e| e.to_string())?;
    let packages = metadata["packages"]
        .as_array()
        .ok_or("no packages in cargo metadata")?;
    let mut best: Option<(Vec<u64>, String, Vec<String>)> = None;
    for package in packages {
        let Some(version) = package["rust_version"].as_str() else {
            continue;
        };
        let key: Vec<u64> = version.split('.').map(|p| p.parse().unwrap_or(0)).collect();
        let who = format!(
            "{} {}",
            package["name"].as_str().unwrap_or("?"),
            package["version"].as_str().unwrap_or("?")
        );
        match &mut best {
            Some((k, _, names)) if *k == key => names.push(who),
            Some((k, _, _)) if *k > key => {}
            _ => best = Some((key, version.to_owned(), vec![who])),
        }
    }
    best.map(|(_, v, names)| (v, names))
        .ok_or_else(|| "no package declares rust-version".to_owned())
}
