//! Retry and timeout policy values that every vendor client takes on its builder.
//!
//! The policy only answers "wait how long before attempt N, if at all". Which calls may be
//! resent at all is the one rule of [`crate::call::CallKind::may_resend`]; which failures
//! are transient, each vendor crate's classifier says.

use std::time::{Duration, SystemTime};

/// How often and how patiently a call is retried.
///
/// Backoff is "full jitter": before retry `n` (1-based) the client waits a uniformly random
/// time in `[0, min(max_delay, base_delay * 2^(n-1))]`, unless the server said how long to wait
/// with `Retry-After`, which is honoured up to `max_retry_after`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 means never retry.
    pub max_attempts: u32,
    /// The backoff cap before the first retry.
    pub base_delay: Duration,
    /// The largest backoff cap.
    pub max_delay: Duration,
    /// The longest `Retry-After` honoured; a longer one ends the retries.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    /// Three attempts, 200 ms base, 5 s cap, `Retry-After` honoured up to 60 s.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn never() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Sets the number of attempts in all (at least 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Sets the longest `Retry-After` honoured; a longer one ends the retries.
    pub fn with_max_retry_after(mut self, limit: Duration) -> Self {
        self.max_retry_after = limit;
        self
    }

    /// Sets the base and maximum backoff.
    pub fn with_backoff(mut self, base: Duration, max: Duration) -> Self {
        self.base_delay = base;
        self.max_delay = max.max(base);
        self
    }

    /// The backoff cap before retry `retry` (1 for the first retry).
    pub fn backoff_cap(&self, retry: u32) -> Duration {
        let factor = 1u32
            .checked_shl(retry.saturating_sub(1))
            .unwrap_or(u32::MAX);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    /// How long to wait after failed attempt `attempt` (1-based) before the next one, or
    /// `None` when no attempt is left or the server asked for a longer wait than allowed.
    ///
    /// Pure: `jitter` is a uniformly random `u64` supplied by the caller (the real clients
    /// use [`RetryPolicy::next_delay`]), `now` is used to resolve an HTTP-date `Retry-After`.
    pub fn delay_after(
        &self,
        attempt: u32,
        retry_after: Option<&RetryAfter>,
        now: SystemTime,
        jitter: u64,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        if let Some(after) = retry_after {
            let wait = after.delay_from(now);
            return (wait <= self.max_retry_after).then_some(wait);
        }
        let cap = self.backoff_cap(attempt);
        let cap_nanos = u64::try_from(cap.as_nanos()).unwrap_or(u64::MAX);
        if cap_nanos == 0 {
            return Some(Duration::ZERO);
        }
        Some(Duration::from_nanos(jitter % (cap_nanos + 1)))
    }

    /// [`RetryPolicy::delay_after`] with the clock and a random jitter.
    pub fn next_delay(&self, attempt: u32, retry_after: Option<&RetryAfter>) -> Option<Duration> {
        self.delay_after(attempt, retry_after, SystemTime::now(), jitter())
    }
}

/// Connect and per-request timeouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Time allowed to open the TCP and TLS connection.
    pub connect: Duration,
    /// Time allowed for one whole attempt: request sent and response read.
    pub request: Duration,
}

impl Default for Timeouts {
    /// 10 s to connect, 60 s per request.
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            request: Duration::from_secs(60),
        }
    }
}

impl Timeouts {
    /// `connect` to open the connection, `request` for each whole attempt.
    pub fn new(connect: Duration, request: Duration) -> Self {
        Timeouts { connect, request }
    }

    /// Sets the connect timeout.
    pub fn with_connect(mut self, connect: Duration) -> Self {
        self.connect = connect;
        self
    }

    /// Sets the per-attempt timeout.
    pub fn with_request(mut self, request: Duration) -> Self {
        self.request = request;
        self
    }
}

/// A parsed `Retry-After` header: a number of seconds or an HTTP date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    /// `Retry-After: 120`.
    Delay(Duration),
    /// `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`.
    At(SystemTime),
}

impl RetryAfter {
    /// Parses a header value; `None` when it is neither form. Seconds may come with a
    /// decimal fraction (`2.5`, as some rate limiters send): the wait is rounded up to
    /// whole seconds, so the client never comes back before the server asked.
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        if let Some(seconds) = decimal_seconds(value) {
            return Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        }
        crate::http_date::parse(value).map(RetryAfter::At)
    }

    /// How long from `now` (zero when the date has passed).
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match self {
            RetryAfter::Delay(d) => *d,
            RetryAfter::At(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// `120` or `2.5` (digits, then optionally `.` and at least one digit) as whole seconds,
/// a fraction rounded up; `None` for anything else (a sign, an exponent, an overflow).
fn decimal_seconds(value: &str) -> Option<u64> {
    let (whole, fraction) = match value.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (value, None),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seconds: u64 = whole.parse().ok()?;
    match fraction {
        None => Some(seconds),
        Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => None,
        Some(f) if f.bytes().all(|b| b == b'0') => Some(seconds),
        Some(_) => seconds.checked_add(1),
    }
}

/// A random `u64` for the backoff jitter. Each `RandomState` is keyed afresh from the
/// thread's random seed, which is all the spreading of retries needs; no `rand` crate.
fn jitter() -> u64 {
    use std::hash::BuildHasher;
    std::hash::RandomState::new().hash_one(0u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = RetryPolicy::default()
            .with_max_attempts(10)
            .with_backoff(Duration::from_millis(100), Duration::from_secs(1));
        assert_eq!(p.backoff_cap(1), Duration::from_millis(100));
        assert_eq!(p.backoff_cap(2), Duration::from_millis(200));
        assert_eq!(p.backoff_cap(4), Duration::from_millis(800));
        assert_eq!(p.backoff_cap(5), Duration::from_secs(1));
        assert_eq!(p.backoff_cap(200), Duration::from_secs(1));
    }

    #[test]
    fn full_jitter_stays_within_the_cap() {
        let p =
            RetryPolicy::default().with_backoff(Duration::from_millis(100), Duration::from_secs(1));
        let now = SystemTime::UNIX_EPOCH;
        for jitter in [0, 1, 99_999_999, 100_000_000, u64::MAX] {
            let d = p.delay_after(1, None, now, jitter).unwrap();
            assert!(d <= Duration::from_millis(100), "{d:?}");
        }
        assert_eq!(p.delay_after(1, None, now, 0), Some(Duration::ZERO));
    }

    #[test]
    fn attempts_run_out() {
        let p = RetryPolicy::default().with_max_attempts(3);
        let now = SystemTime::UNIX_EPOCH;
        assert!(p.delay_after(2, None, now, 7).is_some());
        assert_eq!(p.delay_after(3, None, now, 7), None);
        assert_eq!(RetryPolicy::never().delay_after(1, None, now, 7), None);
    }

    #[test]
    fn retry_after_seconds_and_http_date() {
        let p = RetryPolicy::default();
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_470); // 07:27:50
        let secs = RetryAfter::parse(" 7 ").unwrap();
        assert_eq!(
            p.delay_after(1, Some(&secs), now, 0),
            Some(Duration::from_secs(7))
        );
        let date = RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(
            p.delay_after(1, Some(&date), now, 0),
            Some(Duration::from_secs(10))
        );
        let past = now + Duration::from_secs(3600);
        assert_eq!(date.delay_from(past), Duration::ZERO);
        assert_eq!(RetryAfter::parse("soon"), None);
    }

    #[test]
    fn retry_after_decimal_seconds_round_up() {
        let secs = |v: &str| match RetryAfter::parse(v) {
            Some(RetryAfter::Delay(d)) => Some(d.as_secs()),
            _ => None,
        };
        assert_eq!(secs("2.5"), Some(3));
        assert_eq!(secs(" 0.001 "), Some(1));
        assert_eq!(secs("2.0"), Some(2));
        assert_eq!(secs("0.0"), Some(0));
        assert_eq!(secs("120"), Some(120));
        for bad in [
            "2.",
            ".5",
            "-1.5",
            "+2",
            "1e3",
            "2.5.1",
            "1,5",
            "",
            "18446744073709551615.5",
        ] {
            assert_eq!(RetryAfter::parse(bad), None, "{bad:?}");
        }
        assert_eq!(secs("18446744073709551615"), Some(u64::MAX));
    }

    #[test]
    fn retry_after_beyond_the_limit_ends_retries() {
        let p = RetryPolicy::default();
        let long = RetryAfter::Delay(Duration::from_secs(3600));
        assert_eq!(
            p.delay_after(1, Some(&long), SystemTime::UNIX_EPOCH, 0),
            None
        );
    }
}
