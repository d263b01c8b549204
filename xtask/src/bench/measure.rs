//! Side-by-side timing: the client and its hand-rolled baseline do the same work against the
//! same server, in alternating order round after round, and each round gives one ratio.

use std::fmt;
use std::sync::OnceLock;
use std::time::Duration;

/// Which sides [`compare`] runs: both (the default), or one alone so that a profiler
/// (`strace -c`, `perf record`, callgrind) sees only that side's work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sides {
    /// Both sides, turn by turn: the only setting that gives ratios.
    #[default]
    Both,
    /// The client alone.
    Client,
    /// The hand-rolled baseline alone.
    Baseline,
}

static SIDES: OnceLock<Sides> = OnceLock::new();

/// Sets the sides of every comparison of this process; only the first call counts.
pub fn run_sides(sides: Sides) {
    let _ = SIDES.set(sides);
}

fn sides() -> Sides {
    SIDES.get().copied().unwrap_or_default()
}

/// True when [`run_sides`] chose one side: the rows then hold no meaningful ratio.
pub fn one_side() -> bool {
    sides() != Sides::Both
}

/// What a row must show.
#[derive(Debug, Clone, Copy)]
pub enum Goal {
    /// The ratio must not exceed this (time of the client over time of the baseline).
    AtMost(f64),
    /// The ratio must reach this (throughput of the client over throughput of the baseline).
    AtLeast(f64),
}

impl Goal {
    /// True when `ratio` meets the goal.
    pub fn met(self, ratio: f64) -> bool {
        match self {
            Goal::AtMost(limit) => ratio <= limit,
            Goal::AtLeast(floor) => ratio >= floor,
        }
    }
}

impl fmt::Display for Goal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Goal::AtMost(limit) => write!(f, "<= {limit:.2}"),
            Goal::AtLeast(floor) => write!(f, ">= {floor:.2}"),
        }
    }
}

/// One line of the report: a ratio per round.
#[derive(Debug, Clone)]
pub struct Row {
    /// What is compared.
    pub name: String,
    /// What it must show.
    pub goal: Goal,
    /// The ratio of each round.
    pub ratios: Vec<f64>,
}

impl Row {
    /// The median ratio.
    pub fn median(&self) -> f64 {
        let mut sorted = self.ratios.clone();
        sorted.sort_by(f64::total_cmp);
        sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN)
    }

    /// The lowest and highest ratio.
    pub fn spread(&self) -> (f64, f64) {
        let low = self.ratios.iter().copied().fold(f64::INFINITY, f64::min);
        let high = self
            .ratios
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        (low, high)
    }

    /// True when the median meets the goal.
    pub fn met(&self) -> bool {
        self.goal.met(self.median())
    }
}

/// How a row turns two times of the same work into its ratio.
#[derive(Debug, Clone, Copy)]
pub enum Orientation {
    /// client time / baseline time (lower is better).
    Time,
    /// baseline time / client time, i.e. client throughput / baseline throughput.
    Throughput,
}

impl Orientation {
    fn ratio(self, client: Duration, baseline: Duration) -> f64 {
        let (c, b) = (client.as_secs_f64(), baseline.as_secs_f64());
        match self {
            Orientation::Time => c / b,
            Orientation::Throughput => b / c,
        }
    }
}

/// How long each side of a round runs at least: a round of a few dozen milliseconds on this
/// shared 2-core VM swings by a third from scheduling and steal alone.
const ROUND: Duration = Duration::from_millis(250);

/// Runs `client` and `baseline` once each as a warm-up, then `rounds` rounds, alternating
/// which side goes first. A round runs each side the same number of times, enough for the
/// slower side's warm-up to fill 250 ms, one run of each in turn, and gives one ratio of the
/// summed times.
pub async fn compare<C, B, FC, FB>(
    name: impl Into<String>,
    goal: Goal,
    orientation: Orientation,
    rounds: usize,
    mut client: C,
    mut baseline: B,
) -> Result<Row, String>
where
    C: FnMut() -> FC,
    B: FnMut() -> FB,
    FC: Future<Output = Result<Duration, String>>,
    FB: Future<Output = Result<Duration, String>>,
{
    let name = name.into();
    // A side left out (`--side`) is not warmed up either: a profiler sees none of its work.
    let client_warm = warm_up(sides() == Sides::Baseline, &name, "client", &mut client).await?;
    let baseline_warm = warm_up(sides() == Sides::Client, &name, "baseline", &mut baseline).await?;
    let once = client_warm.max(baseline_warm).max(Duration::from_micros(1));
    let repeats = u32::try_from(ROUND.as_nanos().div_ceil(once.as_nanos()))
        .unwrap_or(u32::MAX)
        .clamp(1, 1000);
    let mut ratios = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let mut c = Duration::ZERO;
        let mut b = Duration::ZERO;
        // The sides take turns run by run, so that a slow spell of the machine (another
        // guest, a compaction) falls on both rather than on whichever side it caught.
        for _ in 0..repeats {
            for side in [round % 2 == 0, round % 2 != 0] {
                let skipped = match sides() {
                    Sides::Both => false,
                    Sides::Client => !side,
                    Sides::Baseline => side,
                };
                if skipped {
                    continue;
                }
                if side {
                    c += client().await.map_err(|e| format!("{name}, client: {e}"))?;
                } else {
                    b += baseline()
                        .await
                        .map_err(|e| format!("{name}, baseline: {e}"))?;
                }
            }
        }
        ratios.push(orientation.ratio(c, b));
    }
    Ok(Row { name, goal, ratios })
}

/// One untimed run of a side, unless it is left out.
async fn warm_up<F, Fut>(skip: bool, name: &str, side: &str, run: F) -> Result<Duration, String>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<Duration, String>>,
{
    if skip {
        return Ok(Duration::ZERO);
    }
    run()
        .await
        .map_err(|e| format!("{name}, {side} warm-up: {e}"))
}

/// Prints the rows as a table.
pub fn print(rows: &[Row]) {
    let width = rows
        .iter()
        .map(|r| r.name.len())
        .max()
        .unwrap_or(10)
        .max(10);
    println!(
        "{:<width$}  {:>7}  {:>15}  {:>8}  result",
        "measurement", "median", "spread", "goal"
    );
    for row in rows {
        let (low, high) = row.spread();
        println!(
            "{:<width$}  {:>7.2}  {:>6.2} .. {:<6.2}  {:>8}  {}",
            row.name,
            row.median(),
            low,
            high,
            row.goal.to_string(),
            if row.met() { "met" } else { "MISSED" }
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_spreads_and_goals() {
        let row = Row {
            name: "x".into(),
            goal: Goal::AtMost(1.05),
            ratios: vec![1.2, 1.0, 1.04],
        };
        assert_eq!(row.median(), 1.04);
        assert_eq!(row.spread(), (1.0, 1.2));
        assert!(row.met());
        assert!(!Goal::AtLeast(2.0).met(1.81));
        let half = Orientation::Throughput.ratio(Duration::from_secs(2), Duration::from_secs(1));
        assert_eq!(half, 0.5);
    }
}
