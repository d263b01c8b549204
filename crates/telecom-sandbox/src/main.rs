//! `telecom-sandbox`: starts the chosen vendor fakes on 127.0.0.1, prints one base URL per
//! vendor and serves until Ctrl-C.
//!
//! ```text
//! telecom-sandbox [--vendor all|vcare|iqmetrix|traitel|revio]... [--port N] [--seed S]
//! ```
//!
//! `--port N` gives the first vendor port N, the next N+1 and so on (TraiTel takes two);
//! without it every server gets a free port.

use std::process::ExitCode;

const VENDORS: &[&str] = &[
    #[cfg(feature = "vcare")]
    "vcare",
    #[cfg(feature = "iqmetrix")]
    "iqmetrix",
    #[cfg(feature = "traitel")]
    "traitel",
    #[cfg(feature = "revio")]
    "revio",
];

struct Args {
    vendors: Vec<String>,
    port: Option<u16>,
    seed: u64,
}

fn usage() -> String {
    format!(
        "usage: telecom-sandbox [--vendor all|{}]... [--port N] [--seed S]",
        VENDORS.join("|")
    )
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args {
        vendors: Vec::new(),
        port: None,
        seed: 0,
    };
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
            None => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}\n{}", usage()))
        };
        match name.as_str() {
            "--vendor" => {
                for v in value("a vendor name")?.split(',') {
                    let v = v.trim().to_ascii_lowercase();
                    if v == "all" {
                        out.vendors.extend(VENDORS.iter().map(|s| (*s).to_owned()));
                    } else if VENDORS.contains(&v.as_str()) {
                        out.vendors.push(v);
                    } else {
                        return Err(format!("unknown vendor {v:?}\n{}", usage()));
                    }
                }
            }
            "--port" => {
                let v = value("a port number")?;
                out.port = Some(
                    v.parse()
                        .map_err(|_| format!("--port: {v:?} is not a port number"))?,
                );
            }
            "--seed" => {
                let v = value("a number")?;
                out.seed = v
                    .parse()
                    .map_err(|_| format!("--seed: {v:?} is not a number"))?;
            }
            "-h" | "--help" => return Err(usage()),
            _ => return Err(format!("unknown argument {arg:?}\n{}", usage())),
        }
    }
    if out.vendors.is_empty() {
        out.vendors = VENDORS.iter().map(|s| (*s).to_owned()).collect();
    }
    out.vendors.dedup();
    Ok(out)
}

/// Every started fake, kept alive until the process ends.
#[derive(Default)]
struct Running {
    #[cfg(feature = "vcare")]
    vcare: Vec<telecom_sandbox::vcare::VcareSandbox>,
    #[cfg(feature = "iqmetrix")]
    iqmetrix: Vec<telecom_sandbox::iqmetrix::IqmetrixSandbox>,
    #[cfg(feature = "traitel")]
    traitel: Vec<telecom_sandbox::traitel::TraitelSandbox>,
    #[cfg(feature = "revio")]
    revio: Vec<telecom_sandbox::revio::RevioSandbox>,
}

async fn start(args: &Args) -> Result<Running, String> {
    let mut running = Running::default();
    let mut next_port = args.port;
    let mut take = || {
        let p = next_port.unwrap_or(0);
        next_port = next_port.map(|p| p.saturating_add(1));
        p
    };
    let seed = args.seed;
    for vendor in &args.vendors {
        let failed = |e: std::io::Error| format!("{vendor}: {e}");
        match vendor.as_str() {
            #[cfg(feature = "vcare")]
            "vcare" => {
                use telecom_sandbox::vcare::{VcareConfig, VcareSandbox};
                let s = VcareSandbox::start(VcareConfig {
                    port: take(),
                    seed,
                    ..VcareConfig::default()
                })
                .await
                .map_err(failed)?;
                println!("vcare     {}", s.url());
                running.vcare.push(s);
            }
            #[cfg(feature = "iqmetrix")]
            "iqmetrix" => {
                use telecom_sandbox::iqmetrix::{IqmetrixConfig, IqmetrixSandbox};
                let s = IqmetrixSandbox::start(IqmetrixConfig {
                    port: take(),
                    seed,
                    ..IqmetrixConfig::default()
                })
                .await
                .map_err(failed)?;
                println!(
                    "iqmetrix  {} (accounts /v1, carrier services /v2)",
                    s.base_url()
                );
                running.iqmetrix.push(s);
            }
            #[cfg(feature = "traitel")]
            "traitel" => {
                use telecom_sandbox::traitel::{TraitelConfig, TraitelSandbox};
                let (primary_port, alternate_port) = (take(), take());
                let s = TraitelSandbox::start(TraitelConfig {
                    primary_port,
                    alternate_port,
                    seed,
                    ..TraitelConfig::default()
                })
                .await
                .map_err(failed)?;
                println!(
                    "traitel   {} (alternate {})",
                    s.base_url(),
                    s.alternate_url()
                );
                running.traitel.push(s);
            }
            #[cfg(feature = "revio")]
            "revio" => {
                use telecom_sandbox::revio::{RevioConfig, RevioSandbox};
                let s = RevioSandbox::start(RevioConfig {
                    port: take(),
                    seed,
                    ..RevioConfig::default()
                })
                .await
                .map_err(failed)?;
                println!("revio     {}", s.base_url());
                running.revio.push(s);
            }
            other => return Err(format!("unknown vendor {other:?}")),
        }
    }
    Ok(running)
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("telecom-sandbox: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let running = match start(&args).await {
            Ok(r) => r,
            Err(e) => {
                eprintln!("telecom-sandbox: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!("serving; Ctrl-C to stop");
        let _ = tokio::signal::ctrl_c().await;
        drop(running);
        ExitCode::SUCCESS
    })
}
