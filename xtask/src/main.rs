//! `cargo xtask <command>`: workspace tasks.
//!
//! - `conformance [--vendor V] [--case ID] [--list]`: run the fixture cases against the real
//!   clients on local servers, print a table per vendor, exit non-zero on any failure.
//! - `msrv`: print the highest `rust-version` in the dependency graph.
//! - `bench [--rounds N] [--build-rounds N] [--skip-build] [--only VENDOR] [--side S]`: every
//!   client against hand-rolled code on the same loopback server, ratios against their goals
//!   (runs itself in release); `--side client` or `--side baseline` runs one side alone, for a
//!   profiler, and prints no ratios.
//! - `fuzz [--target NAME] [--seconds N]`: run the cargo-fuzz targets in `fuzz/` (nightly and
//!   cargo-fuzz needed; it says so when they are missing), print execs and crashes.

use std::path::PathBuf;
use std::process::ExitCode;

#[cfg(all(
    feature = "iqmetrix",
    feature = "revio",
    feature = "traitel",
    feature = "vcare"
))]
use xtask::bench;
use xtask::{fixture, fuzz, msrv, report, runner, vendors};

const USAGE: &str = "usage: cargo xtask conformance [--vendor V] [--case ID] [--list]\n       cargo xtask msrv\n       cargo xtask bench [--rounds N] [--build-rounds N] [--skip-build] [--only VENDOR] [--side client|baseline]\n       cargo xtask fuzz [--target NAME] [--seconds N]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("conformance") => conformance(&args[1..]),
        Some("fuzz") => fuzz_all(&args[1..]),
        Some("bench") => bench_all(&args[1..]),
        #[cfg(all(
            feature = "iqmetrix",
            feature = "revio",
            feature = "traitel",
            feature = "vcare"
        ))]
        Some(arg) if arg == bench::memory_child_arg() => match bench::memory_child() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Some("msrv") => match msrv::highest_rust_version() {
            Ok((version, packages)) => {
                println!("{version} (declared by {})", packages.join(", "));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("msrv: {e}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn fixtures_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("fixtures")
}

#[cfg(not(all(
    feature = "iqmetrix",
    feature = "revio",
    feature = "traitel",
    feature = "vcare"
)))]
fn bench_all(_: &[String]) -> ExitCode {
    eprintln!("bench compares all four clients: build xtask with every vendor feature");
    ExitCode::from(2)
}

#[cfg(all(
    feature = "iqmetrix",
    feature = "revio",
    feature = "traitel",
    feature = "vcare"
))]
fn bench_all(args: &[String]) -> ExitCode {
    if cfg!(debug_assertions) {
        // Ratios of a debug build say nothing about the clients: run again in release.
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = std::process::Command::new(cargo)
            .args([
                "run",
                "--release",
                "--quiet",
                "--package",
                "xtask",
                "--",
                "bench",
            ])
            .args(args)
            .status();
        return match status {
            Ok(s) if s.success() => ExitCode::SUCCESS,
            Ok(_) => ExitCode::FAILURE,
            Err(e) => {
                eprintln!("bench: cannot run cargo: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let mut options = bench::Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--skip-build" => options.skip_build = true,
            "--side" => match rest.next().map(String::as_str) {
                Some("client") => bench::measure::run_sides(bench::measure::Sides::Client),
                Some("baseline") => bench::measure::run_sides(bench::measure::Sides::Baseline),
                _ => {
                    eprintln!("--side takes client or baseline");
                    return ExitCode::from(2);
                }
            },
            "--only" => match rest.next() {
                Some(vendor) => options.only = Some(vendor.clone()),
                None => {
                    eprintln!("--only takes a vendor");
                    return ExitCode::from(2);
                }
            },
            "--rounds" | "--build-rounds" => {
                let Some(n) = rest.next().and_then(|n| n.parse().ok()) else {
                    eprintln!("{arg} takes a number");
                    return ExitCode::from(2);
                };
                if arg == "--rounds" {
                    options.rounds = n;
                } else {
                    options.build_rounds = n;
                }
            }
            _ => {
                eprintln!("unknown argument {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    match bench::run(&options) {
        Ok(_) if bench::measure::one_side() => {
            println!("one side only: no ratios (run without --side for them)");
            ExitCode::SUCCESS
        }
        Ok(rows) => {
            bench::measure::print(&rows);
            if rows.iter().all(bench::Row::met) {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn fuzz_all(args: &[String]) -> ExitCode {
    let mut only = None;
    let mut seconds: u64 = 60;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match (arg.as_str(), rest.next()) {
            ("--target", Some(name)) => only = Some(name.clone()),
            ("--seconds", Some(n)) => match n.parse() {
                Ok(n) => seconds = n,
                Err(_) => {
                    eprintln!("--seconds takes a number, not {n:?}");
                    return ExitCode::from(2);
                }
            },
            _ => {
                eprintln!("unknown or incomplete argument {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    if let Err(missing) = fuzz::check_tools() {
        eprintln!("fuzz: {missing}");
        return ExitCode::from(2);
    }
    let fuzz_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("fuzz");
    let targets = match fuzz::targets(&fuzz_dir) {
        Ok(targets) => targets,
        Err(e) => {
            eprintln!("fuzz: {e}");
            return ExitCode::FAILURE;
        }
    };
    let targets: Vec<_> = targets
        .into_iter()
        .filter(|t| only.as_deref().is_none_or(|o| o == t))
        .collect();
    if targets.is_empty() {
        eprintln!("fuzz: no target named {only:?} in fuzz/Cargo.toml");
        return ExitCode::from(2);
    }
    let seeds = fuzz::fixture_seeds(&fixtures_root());
    println!("| target | seconds | execs | execs/s | crashes |\n|---|---:|---:|---:|---:|");
    let mut failed = false;
    for target in &targets {
        if let Err(e) = fuzz::write_seeds(&fuzz_dir.join("corpus").join(target), &seeds) {
            eprintln!("fuzz: cannot write the seed corpus of {target}: {e}");
            return ExitCode::FAILURE;
        }
        match fuzz::run(&fuzz_dir, target, seconds) {
            Ok(run) => {
                failed |= run.crashes > 0;
                println!(
                    "| {} | {} | {} | {} | {} |",
                    run.target,
                    run.seconds,
                    run.execs,
                    run.execs / run.seconds,
                    run.crashes
                );
            }
            Err(e) => {
                failed = true;
                eprintln!("fuzz: {e}");
            }
        }
    }
    if failed {
        eprintln!(
            "fuzz: crashes are in fuzz/artifacts/<target>/; turn each into a regression test"
        );
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn conformance(args: &[String]) -> ExitCode {
    let mut vendor = None;
    let mut case = None;
    let mut list = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--vendor" => vendor = rest.next().cloned(),
            "--case" => case = rest.next().cloned(),
            "--list" => list = true,
            other => {
                eprintln!("unknown argument {other:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    // A case id names its vendor: `--case traitel/x` implies `--vendor traitel`.
    if vendor.is_none() {
        vendor = case
            .as_deref()
            .and_then(|c| c.split('/').next())
            .map(str::to_owned);
    }
    let adapters: Vec<_> = vendors::all()
        .into_iter()
        .filter(|a| vendor.as_deref().is_none_or(|v| v == a.name()))
        .collect();
    if adapters.is_empty() {
        eprintln!("no vendor named {vendor:?} is compiled in");
        return ExitCode::from(2);
    }
    let root = fixtures_root();
    if list {
        for adapter in &adapters {
            let dir = root.join(adapter.name());
            for path in fixture::files_below(&dir) {
                match fixture::load(&path, adapter.name(), &dir) {
                    Ok(c) => println!(
                        "{}\t{}",
                        c.id,
                        c.calls
                            .iter()
                            .map(|c| c.operation.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                    Err(why) => println!("BROKEN {}: {why}", path.display()),
                }
            }
        }
        return ExitCode::SUCCESS;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let reports = runtime.block_on(async {
        let mut reports = Vec::new();
        for adapter in &adapters {
            reports.push(runner::run_vendor(adapter.as_ref(), &root, case.as_deref()).await);
        }
        reports
    });
    for r in &reports {
        println!("{}", report::vendor_table(r));
    }
    print!("{}", report::summary(&reports));
    let ran: usize = reports.iter().map(|r| r.cases.len()).sum();
    if case.is_some() && ran == 0 {
        eprintln!("no case with id {case:?}");
        return ExitCode::FAILURE;
    }
    if reports.iter().all(runner::VendorReport::ok) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
