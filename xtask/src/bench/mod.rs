//! `cargo xtask bench`: every comparison of the performance issue in one run. Each client
//! call is measured side by side with the hand-rolled code a user would write instead
//! (reqwest with serde_json, quick-xml or csv), against the same loopback server and the
//! same canned answers, decoding the same fields, sides interleaved over several rounds.
//!
//! The ratios are only meaningful in a release build: run from a debug build, the command
//! runs itself again with `--release`.

mod build;
mod iqmetrix;
pub mod measure;
mod memory;
mod revio;
pub mod server;
mod traitel;
mod vcare;

use std::time::Duration;

pub use measure::{Goal, Row};

/// The hidden argument that runs the peak-memory child.
pub const fn memory_child_arg() -> &'static str {
    memory::CHILD_ARG
}

/// The peak-memory child's work (see [`memory_child_arg`]).
pub fn memory_child() -> Result<(), String> {
    memory::child()
}

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Rounds per comparison.
    pub rounds: usize,
    /// Skip the `cargo build --release` comparison (minutes of compiling).
    pub skip_build: bool,
    /// Only the rows of this vendor (`vcare`, `iqmetrix`, `revio`, `traitel`), or `build`.
    pub only: Option<String>,
    /// From-scratch builds of each side for the build row (a few minutes each).
    pub build_rounds: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rounds: 7,
            skip_build: false,
            only: None,
            build_rounds: 3,
        }
    }
}

/// Runs every comparison and returns the rows, in the order.
pub fn run(options: &Options) -> Result<Vec<Row>, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("runtime: {e}"))?;
    let rounds = options.rounds.max(1);
    let mut rows = Vec::new();
    let wants = |vendor: &str| options.only.as_deref().is_none_or(|o| o == vendor);
    runtime.block_on(async {
        if wants("vcare") {
            rows.extend(vcare::calls(rounds).await?);
        }
        if wants("iqmetrix") {
            rows.extend(iqmetrix::calls(rounds).await?);
        }
        if wants("revio") {
            rows.extend(revio::calls(rounds).await?);
        }
        if wants("traitel") {
            rows.push(traitel::balance(rounds).await?);
            rows.extend(traitel::rows(rounds).await?);
        }
        if wants("revio") {
            rows.extend(revio::large(rounds).await?);
        }
        if wants("vcare") {
            rows.extend(vcare::tokens(rounds).await?);
        }
        Ok::<_, String>(())
    })?;
    // The build and memory rows have no side to leave out: a one-side run is for a profiler.
    let both = !measure::one_side();
    if both && !options.skip_build && (options.only.is_none() || wants("build")) {
        rows.push(build::compare(options.build_rounds.max(1))?);
    }
    if both && wants("traitel") {
        rows.push(memory::traitel_log()?);
    }
    Ok(rows)
}

/// The wall time of `work`, which must report its own failure.
pub(crate) async fn timed<F, T>(work: F) -> Result<Duration, String>
where
    F: Future<Output = Result<T, String>>,
{
    let started = std::time::Instant::now();
    work.await?;
    Ok(started.elapsed())
}

/// Runs the future `task(i)` for each of `tasks` tasks at once and waits for all of them.
pub(crate) async fn in_tasks<F, Fut>(tasks: usize, task: F) -> Result<(), String>
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = Result<(), String>> + Send + 'static,
{
    let handles: Vec<_> = (0..tasks).map(|i| tokio::spawn(task(i))).collect();
    for handle in handles {
        handle.await.map_err(|e| format!("task: {e}"))??;
    }
    Ok(())
}
