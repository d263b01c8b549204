//! Release build time of a program using only one vendor crate against one using reqwest,
//! serde_json and tokio directly: each built from scratch in its own target folder, with the
//! workspace's `Cargo.lock` so both resolve the same versions. Each round builds both, the
//! side that goes first alternating round after round; one build is noisy on this VM (the
//! same tree has read 0.07 apart).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use super::measure::{Goal, Row};

const VENDOR_MAIN: &str = r#"fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let client = traitel_am::Client::new(traitel_am::Credentials::new("user", "pass")).expect("client");
        if let Ok(balance) = client.query_balance().await {
            println!("{balance}");
        }
    });
}
"#;

const BASELINE_MAIN: &str = r#"fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    runtime.block_on(async {
        let http = reqwest::Client::new();
        if let Ok(r) = http.get("https://api.traitel.com/accountmanager.pl").send().await {
            let v: serde_json::Value = r.json().await.unwrap_or_default();
            println!("{v}");
        }
    });
}
"#;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn write_crate(dir: &Path, dependencies: &str, main: &str) -> Result<(), String> {
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let manifest = format!(
        "[package]\nname = \"bench-build\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         # Not part of the workspace it sits in.\n[workspace]\n\n[dependencies]\n{dependencies}"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("src/main.rs"), main).map_err(|e| e.to_string())?;
    std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock"))
        .map_err(|e| e.to_string())?;
    Ok(())
}

fn build_seconds(dir: &Path) -> Result<f64, String> {
    let target = dir.join("target");
    let _ = std::fs::remove_dir_all(&target);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let started = Instant::now();
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target)
        .status()
        .map_err(|e| format!("cargo: {e}"))?;
    if !status.success() {
        return Err(format!("cargo build failed in {}", dir.display()));
    }
    Ok(started.elapsed().as_secs_f64())
}

/// `rounds` builds of each, from scratch.
pub(super) fn compare(rounds: usize) -> Result<Row, String> {
    let root = workspace().join("target").join("bench-build");
    let traitel = workspace().join("crates").join("traitel-am");
    let vendor = root.join("vendor");
    let baseline = root.join("baseline");
    write_crate(
        &vendor,
        &format!(
            "traitel-am = {{ path = {:?} }}\ntokio = {{ version = \"1\", features = [\"rt-multi-thread\"] }}\n",
            traitel.display().to_string()
        ),
        VENDOR_MAIN,
    )?;
    write_crate(
        &baseline,
        "reqwest = { version = \"0.13\", default-features = false, features = [\"rustls\", \"json\"] }\n\
         serde_json = \"1\"\ntokio = { version = \"1\", features = [\"rt-multi-thread\"] }\n",
        BASELINE_MAIN,
    )?;
    let mut ratios = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let (vendor_seconds, baseline_seconds) = if round % 2 == 0 {
            let baseline_seconds = build_seconds(&baseline)?;
            (build_seconds(&vendor)?, baseline_seconds)
        } else {
            let vendor_seconds = build_seconds(&vendor)?;
            (vendor_seconds, build_seconds(&baseline)?)
        };
        ratios.push(vendor_seconds / baseline_seconds);
    }
    Ok(Row {
        name: "cargo build --release: traitel-am only / reqwest+serde_json+tokio".into(),
        goal: Goal::AtMost(1.10),
        ratios,
    })
}
