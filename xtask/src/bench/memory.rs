//! Peak memory of streaming a 1,000,000-row TraiTel log: measured in a child process (this
//! binary again), so the figure is the stream's own and not the rest of the run's.

use std::pin::Pin;
use std::process::Command;
use std::task::{Context, Poll};

use futures::TryStreamExt;
use tokio::io::{AsyncRead, ReadBuf};
use traitel_am::{LogStream, SmsOut};

use super::measure::{Goal, Row};

/// The argument that makes `xtask` the child.
pub const CHILD_ARG: &str = "bench-memory-child";
const ROWS: usize = 1_000_000;
const DISTINCT: usize = 10_000;

/// The log body produced as it is read: the header, then a pattern of `DISTINCT` rows
/// replayed, so the body is never held whole.
struct Body {
    head: Vec<u8>,
    pattern: Vec<u8>,
    pos: usize,
    head_done: bool,
    repeats_left: usize,
}

impl Body {
    fn new() -> Body {
        let full = super::traitel::log_body(DISTINCT);
        let split = full
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(1)
            .map_or(0, |(i, _)| i + 1);
        Body {
            head: full[..split].to_vec(),
            pattern: full[split..].to_vec(),
            pos: 0,
            head_done: false,
            repeats_left: ROWS / DISTINCT,
        }
    }
}

impl AsyncRead for Body {
    fn poll_read(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        out: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let source = if this.head_done {
            if this.pos == this.pattern.len() {
                if this.repeats_left <= 1 {
                    return Poll::Ready(Ok(()));
                }
                this.repeats_left -= 1;
                this.pos = 0;
            }
            &this.pattern
        } else {
            &this.head
        };
        let n = out.remaining().min(source.len() - this.pos);
        out.put_slice(&source[this.pos..this.pos + n]);
        this.pos += n;
        if !this.head_done && this.pos == this.head.len() {
            this.head_done = true;
            this.pos = 0;
        }
        Poll::Ready(Ok(()))
    }
}

fn peak_rss_kib() -> Option<u64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// The child: streams the rows, then prints `rows peak_kib`.
pub fn child() -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    let rows = runtime.block_on(async {
        let mut stream = LogStream::<SmsOut>::from_reader("logsmsout", Body::new());
        let mut n = 0usize;
        while stream
            .try_next()
            .await
            .map_err(|e| e.to_string())?
            .is_some()
        {
            n += 1;
        }
        Ok::<_, String>(n)
    })?;
    println!("{rows} {}", peak_rss_kib().unwrap_or(0));
    Ok(())
}

/// Runs the child and reads its peak memory, in MiB.
pub(super) fn traitel_log() -> Result<Row, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = Command::new(exe)
        .arg(CHILD_ARG)
        .output()
        .map_err(|e| format!("memory child: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let mut words = text.split_whitespace();
    let rows: usize = words.next().and_then(|w| w.parse().ok()).unwrap_or(0);
    let kib: f64 = words
        .next()
        .and_then(|w| w.parse().ok())
        .unwrap_or(f64::NAN);
    if rows != ROWS {
        return Err(format!(
            "memory child read {rows} rows: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(Row {
        name: "traitel 1,000,000-row log, peak memory in MiB".into(),
        goal: Goal::AtMost(32.0),
        ratios: vec![kib / 1024.0],
    })
}
