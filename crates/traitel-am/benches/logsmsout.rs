//! Parses a generated 1,000,000-row `logsmsout` body with the crate's streaming parser (owned
//! rows and borrowed rows) and with plain `csv::ByteRecord` reading of the same bytes, and prints rows per second and
//! the peak memory (VmHWM) of each.
//!
//! `cargo bench -p traitel-am --bench logsmsout`
//!
//! Each parser runs in a child process (this binary again, with `TRAITEL_BENCH_CHILD`
//! set), so each peak-memory figure is that parser's own: the body is a 0.6 MB pattern of
//! 10,000 varied rows replayed 100 times and never held whole, so the numbers show what the
//! parser keeps. A `generate` child that only reads the bytes gives the floor. An `http` child runs the
//! whole client against a local `mock_http` gateway; that server holds the whole body in
//! the same process, so its memory figure includes the body.

use std::io::Read;
use std::pin::Pin;
use std::process::Command;
use std::task::{Context, Poll};
use std::time::Instant;

use futures::StreamExt;
use tokio::io::{AsyncRead, ReadBuf};
use traitel_am::{LogRows, LogStream, Money, SmsOut};

const ROWS: u64 = 1_000_000;
const CHILD: &str = "TRAITEL_BENCH_CHILD";
/// Runs per parser; the fastest is reported, with the highest peak memory of all runs.
const RUNS: usize = 3;
const HEADER: &str = "Ok\nID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost\n";

/// Distinct rows in the repeating pattern; the body is this pattern `ROWS / DISTINCT` times.
const DISTINCT: u64 = 10_000;

/// The body: the `Ok` line and header, then a pattern of `DISTINCT` varied rows repeated,
/// so producing it costs a copy, not formatting, and every parser sees the same bytes.
struct Body {
    pattern: Vec<u8>,
    header_pos: usize,
    pos: usize,
    repeats_left: u64,
}

impl Body {
    fn new() -> Self {
        use std::fmt::Write as _;
        let mut text = String::with_capacity(64 * DISTINCT as usize);
        for i in 0..DISTINCT {
            let tracking = if i.is_multiple_of(3) { "DELIVRD" } else { "" };
            let _ = writeln!(
                text,
                "{},{},2024-01-{:02},{:02}:{:02}:{:02},ACME,614{:08},1,{},0.0{}",
                1_000_000 + i,
                1000 + i % 50,
                1 + i % 28,
                (i / 3600) % 24,
                (i / 60) % 60,
                i % 60,
                i * 7919 % 100_000_000,
                tracking,
                50 + i % 10,
            );
        }
        Body {
            pattern: text.into_bytes(),
            header_pos: 0,
            pos: 0,
            repeats_left: ROWS / DISTINCT,
        }
    }
}

impl Read for Body {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let header = HEADER.as_bytes();
        if self.header_pos < header.len() {
            let n = out.len().min(header.len() - self.header_pos);
            out[..n].copy_from_slice(&header[self.header_pos..self.header_pos + n]);
            self.header_pos += n;
            return Ok(n);
        }
        if self.pos == self.pattern.len() {
            if self.repeats_left <= 1 {
                return Ok(0);
            }
            self.repeats_left -= 1;
            self.pos = 0;
        }
        let n = out.len().min(self.pattern.len() - self.pos);
        out[..n].copy_from_slice(&self.pattern[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

impl AsyncRead for Body {
    fn poll_read(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        out: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let n = Read::read(this, out.initialize_unfilled())?;
        out.advance(n);
        Poll::Ready(Ok(()))
    }
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

/// Runs one parser and prints `rows bytes seconds peak_kib checksum`.
fn child(kind: &str) {
    let started = Instant::now();
    let (rows, bytes, checksum) = match kind {
        "generate" => {
            let mut body = Body::new();
            let mut buf = vec![0u8; 64 * 1024];
            let mut bytes = 0u64;
            loop {
                let n = body.read(&mut buf).expect("generated");
                if n == 0 {
                    break;
                }
                bytes += n as u64;
            }
            (ROWS, bytes, String::from("-"))
        }
        "bytes" => {
            let mut body = Body::new();
            let mut status = [0u8; 3];
            body.read_exact(&mut status).expect("Ok line");
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_reader(body);
            let mut record = csv::ByteRecord::new();
            let (mut rows, mut fields) = (0u64, 0u64);
            while reader.read_byte_record(&mut record).expect("csv") {
                rows += 1;
                fields += record.len() as u64;
            }
            let bytes = reader.position().byte() + 3;
            (rows, bytes, format!("{fields} fields"))
        }
        "stream" => runtime().block_on(async {
            let mut stream = LogStream::<SmsOut>::from_reader("logsmsout", Body::new());
            let (mut rows, mut total) = (0u64, Money::ZERO);
            while let Some(row) = stream.next().await {
                let row = row.expect("row");
                rows += 1;
                total += row.cost.unwrap_or(Money::ZERO);
            }
            (rows, 0, format!("cost sum {total}"))
        }),
        "rows" => runtime().block_on(async {
            let mut rows = LogRows::<SmsOut>::from_reader("logsmsout", Body::new());
            let (mut n, mut total) = (0u64, Money::ZERO);
            while let Some(row) = rows.next_row().await {
                let row = row.expect("row");
                n += 1;
                total += row.cost.unwrap_or(Money::ZERO);
            }
            (n, 0, format!("cost sum {total}"))
        }),
        "http" => runtime().block_on(async {
            let mut body = Vec::new();
            Body::new().read_to_end(&mut body).expect("generated");
            let len = body.len() as u64;
            let server = mock_http::MockServer::start(move |_| {
                mock_http::Response::new(200).body(body.clone()).into()
            })
            .await
            .expect("server");
            let client = traitel_am::Client::builder(traitel_am::Credentials::new("u", "p"))
                .base_url(format!("{}/accountmanager.pl", server.url()))
                .without_alternate()
                .build()
                .expect("client");
            let query = traitel_am::LogQuery::builder()
                .start_date(time::macros::date!(2024 - 01 - 01))
                .end_date(time::macros::date!(2024 - 01 - 31))
                .build()
                .expect("valid query");
            let mut stream = client.log_sms_out(&query).await.expect("opened");
            let (mut rows, mut total) = (0u64, Money::ZERO);
            while let Some(row) = stream.next().await {
                rows += 1;
                total += row.expect("row").cost.unwrap_or(Money::ZERO);
            }
            (rows, len, format!("cost sum {total}"))
        }),
        other => panic!("unknown child {other}"),
    };
    let secs = started.elapsed().as_secs_f64();
    println!("{rows} {bytes} {secs} {} {checksum}", peak_rss_kib());
}

fn main() {
    if let Ok(kind) = std::env::var(CHILD) {
        child(&kind);
        return;
    }
    // `cargo bench` passes `--bench`; nothing else is read.
    let exe = std::env::current_exe().expect("own path");
    println!("logsmsout: {ROWS} rows, each parser in its own process, best of {RUNS}");
    println!(
        "{:<44} {:>10} {:>12} {:>9} {:>13}  check",
        "parser", "rows", "rows/s", "seconds", "peak RSS MiB"
    );
    let runs = [
        ("generate", "body source alone (floor)"),
        ("bytes", "csv::ByteRecord (no typing)"),
        ("stream", "traitel-am LogStream<SmsOut>"),
        ("rows", "traitel-am LogRows<SmsOut> (borrowed)"),
        ("http", "traitel-am client over local HTTP (*)"),
    ];
    for (kind, label) in runs {
        // Best of three: the machine is shared, and the fastest run is the least disturbed.
        let mut best: Option<(f64, f64, f64, String)> = None;
        for _ in 0..RUNS {
            let out = Command::new(&exe)
                .env(CHILD, kind)
                .output()
                .expect("child ran");
            let text = String::from_utf8_lossy(&out.stdout);
            let parts: Vec<&str> = text.trim().splitn(5, ' ').collect();
            if !out.status.success() || parts.len() < 5 {
                println!(
                    "{label}: failed: {text} {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                break;
            }
            let rows: f64 = parts[0].parse().unwrap_or(0.0);
            let secs: f64 = parts[2].parse().unwrap_or(f64::NAN);
            let kib: f64 = parts[3].parse().unwrap_or(0.0);
            let peak = best.as_ref().map_or(kib, |b| b.2.max(kib));
            if best.as_ref().is_none_or(|b| secs < b.1) {
                best = Some((rows, secs, peak, parts[4].to_owned()));
            } else if let Some(b) = best.as_mut() {
                b.2 = peak;
            }
        }
        let Some((rows, secs, kib, check)) = best else {
            continue;
        };
        println!(
            "{label:<44} {rows:>10} {:>12.0} {secs:>9.3} {:>13.1}  {check}",
            rows / secs,
            kib / 1024.0,
        );
    }
    println!("(*) the in-process mock server holds the whole body, so its peak includes it");
}
