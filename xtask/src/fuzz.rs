//! `cargo xtask fuzz [--target NAME] [--seconds N]`: runs the cargo-fuzz targets in `fuzz/`,
//! each for N seconds from a seed corpus made of the fixtures, and prints execs and crashes.
//!
//! It installs nothing: without the nightly toolchain or cargo-fuzz it says what is missing
//! and how to get it.

use std::collections::BTreeSet;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::fixture;

/// One target's run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuzzRun {
    /// The target name.
    pub target: String,
    /// Inputs executed.
    pub execs: u64,
    /// Seconds it ran.
    pub seconds: u64,
    /// Crash, leak and timeout artifacts it left.
    pub crashes: usize,
}

/// Checks the tools, returning what is missing in words.
pub fn check_tools() -> Result<(), String> {
    let nightly = Command::new("cargo")
        .args(["+nightly", "--version"])
        .output();
    if !nightly.is_ok_and(|o| o.status.success()) {
        return Err("the nightly toolchain is missing: rustup toolchain install nightly".into());
    }
    let fuzz = Command::new("cargo")
        .args(["+nightly", "fuzz", "--version"])
        .output();
    if !fuzz.is_ok_and(|o| o.status.success()) {
        return Err("cargo-fuzz is missing: cargo install cargo-fuzz --locked".into());
    }
    Ok(())
}

/// The targets `fuzz/Cargo.toml` declares.
pub fn targets(fuzz_dir: &Path) -> Result<Vec<String>, String> {
    let manifest = std::fs::read_to_string(fuzz_dir.join("Cargo.toml"))
        .map_err(|e| format!("cannot read fuzz/Cargo.toml: {e}"))?;
    let mut names = Vec::new();
    let mut in_bin = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_bin = line == "[[bin]]";
        } else if in_bin && let Some(rest) = line.strip_prefix("name") {
            let name = rest
                .trim_start()
                .trim_start_matches('=')
                .trim()
                .trim_matches('"');
            names.push(name.to_owned());
        }
    }
    Ok(names)
}

/// Every response body and every string value in the fixtures: the seed inputs.
pub fn fixture_seeds(fixtures: &Path) -> BTreeSet<Vec<u8>> {
    let mut seeds = BTreeSet::new();
    for path in fixture::files_below(fixtures) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        collect(&value, &mut seeds);
        if let Some(exchanges) = value.get("exchanges").and_then(Value::as_array) {
            for response in exchanges.iter().filter_map(|e| e.get("response")) {
                if let Some(json) = response.get("json") {
                    seeds.insert(json.to_string().into_bytes());
                }
                if let Some(file) = response.get("body_file").and_then(Value::as_str)
                    && let Some(dir) = path.parent()
                    && let Ok(bytes) = std::fs::read(dir.join(file))
                {
                    // Large bodies are cut: libFuzzer's default input limit is 4 KiB.
                    seeds.insert(bytes.into_iter().take(64 * 1024).collect());
                }
            }
        }
    }
    seeds
}

fn collect(value: &Value, out: &mut BTreeSet<Vec<u8>>) {
    match value {
        Value::String(s) if !s.is_empty() => {
            out.insert(s.as_bytes().to_vec());
        }
        Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
        Value::Object(map) => map.values().for_each(|v| collect(v, out)),
        _ => {}
    }
}

/// How many selector values the seeds are spread over: most vendor targets read their first
/// byte as a selector (which status, which model), so a raw fixture body would lose its
/// first character to it.
const SELECTORS: u8 = 16;

/// Writes the seeds into `corpus/<target>/` (kept between runs; the fuzzer adds to it): each
/// as it is, and once more behind a selector byte, the selectors taken in turn.
pub fn write_seeds(corpus: &Path, seeds: &BTreeSet<Vec<u8>>) -> std::io::Result<()> {
    std::fs::create_dir_all(corpus)?;
    let behind_selectors = seeds
        .iter()
        .zip((0..SELECTORS).cycle())
        .map(|(seed, selector)| {
            let mut prefixed = Vec::with_capacity(seed.len() + 1);
            prefixed.push(selector);
            prefixed.extend_from_slice(seed);
            prefixed
        });
    let all: Vec<Vec<u8>> = seeds.iter().cloned().chain(behind_selectors).collect();
    for seed in &all {
        let mut hasher = DefaultHasher::new();
        seed.hash(&mut hasher);
        let path = corpus.join(format!("seed-{:016x}", hasher.finish()));
        if !path.exists() {
            std::fs::write(path, seed)?;
        }
    }
    Ok(())
}

/// Reads libFuzzer's final stats from its output.
pub fn parse_stats(output: &str) -> Option<(u64, u64)> {
    let mut execs = None;
    let mut seconds = None;
    for line in output.lines() {
        if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            execs = n.trim().parse().ok();
        }
        if let Some(rest) = line.strip_prefix("Done ")
            && let Some((runs, time)) = rest.split_once(" runs in ")
        {
            execs = execs.or_else(|| runs.trim().parse().ok());
            seconds = time.split_whitespace().next().and_then(|s| s.parse().ok());
        }
    }
    Some((execs?, seconds.unwrap_or(0)))
}

fn artifacts(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                ["crash-", "leak-", "timeout-", "oom-"]
                    .iter()
                    .any(|p| name.starts_with(p))
            })
            .count()
    })
}

/// Runs one target for `seconds`, with its vendor's dictionary when `fuzz/dicts/` has one.
pub fn run(fuzz_dir: &Path, target: &str, seconds: u64) -> Result<FuzzRun, String> {
    let corpus: PathBuf = fuzz_dir.join("corpus").join(target);
    let artifact_dir = fuzz_dir.join("artifacts").join(target);
    let before = artifacts(&artifact_dir);
    let mut options = vec![
        format!("-max_total_time={seconds}"),
        "-print_final_stats=1".to_owned(),
        "-timeout=10".to_owned(),
        "-max_len=65536".to_owned(),
    ];
    // `iqmetrix_models` uses `dicts/iqmetrix.dict`: the vendor's field names and values.
    let vendor = target.split('_').next().unwrap_or(target);
    let dict = fuzz_dir.join("dicts").join(format!("{vendor}.dict"));
    if dict.exists() {
        options.push(format!("-dict={}", dict.display()));
    }
    let output = Command::new("cargo")
        .current_dir(fuzz_dir)
        .args(["+nightly", "fuzz", "run", target])
        .arg(&corpus)
        .arg("--")
        .args(&options)
        .output()
        .map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
    let text = String::from_utf8_lossy(&output.stderr);
    let crashes = artifacts(&artifact_dir).saturating_sub(before);
    let (execs, ran) = parse_stats(&text).unwrap_or((0, 0));
    if !output.status.success() && crashes == 0 {
        let tail: Vec<&str> = text.lines().rev().take(20).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!("{target} failed to run:\n{}", tail.join("\n")));
    }
    Ok(FuzzRun {
        target: target.to_owned(),
        execs,
        seconds: ran.max(1),
        crashes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_stats_are_read() {
        let out = "#1234\tDONE cov: 10\nstat::number_of_executed_units: 98765\nDone 98765 runs in 61 second(s)\n";
        assert_eq!(parse_stats(out), Some((98765, 61)));
        assert_eq!(parse_stats("nothing"), None);
    }
}
