//! The async attempt driver every vendor crate's send path runs on.

use std::fmt::Display;
use std::future::Future;
use std::time::{Duration, Instant};

use tracing::Instrument;
use tracing::field::Empty;

use super::kind::{CallKind, Failure, FailureClass};
use crate::RetryPolicy;

/// What the driver needs to know about one call before its first attempt.
#[derive(Debug, Clone, Copy)]
pub struct CallPlan<'a> {
    vendor: &'static str,
    operation: &'a str,
    kind: CallKind,
    retry: &'a RetryPolicy,
    endpoints: usize,
}

impl<'a> CallPlan<'a> {
    /// A call of `operation` at `vendor`, resent by `kind` within `retry`.
    pub fn new(
        vendor: &'static str,
        operation: &'a str,
        kind: CallKind,
        retry: &'a RetryPolicy,
    ) -> Self {
        CallPlan {
            vendor,
            operation,
            kind,
            retry,
            endpoints: 1,
        }
    }

    /// Failover: `count` endpoints tried in turn within one round, the next one at once after
    /// a failure that may be resent; the backoff comes only between rounds, which start again
    /// at the first endpoint. [`RetryPolicy::max_attempts`] counts rounds.
    pub fn with_endpoints(mut self, count: usize) -> Self {
        self.endpoints = count.max(1);
        self
    }
}

/// One attempt as the driver hands it to the vendor crate's send step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Attempt {
    /// 1 for the first attempt of the call, counting every attempt made.
    pub number: u32,
    /// Which endpoint to send to (0 unless the plan has failover endpoints).
    pub endpoint: usize,
    /// True when the previous attempt was [`FailureClass::Refused`]: renew the credentials,
    /// token or session before sending. Happens at most once per call.
    pub renew_credentials: bool,
}

/// Records the HTTP status of the current attempt on the call's span. Call it from inside
/// the attempt.
pub fn record_status(status: u16) {
    tracing::Span::current().record("status", status);
}

/// Records the endpoint name (a TraiTel gateway, say) of the current attempt on the call's
/// span. Call it from inside the attempt.
pub fn record_endpoint(name: &str) {
    tracing::Span::current().record("endpoint", name);
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// Runs `attempt` until it succeeds or the resend rule and the retry policy say stop, inside
/// one `call` span (target `telecom_core::call`) with the fields `vendor`, `operation`,
/// `call_kind`, `attempt`, `endpoint`, `status` and `elapsed_ms`.
///
/// After a failure the driver decides, in this order:
/// 1. [`FailureClass::Refused`]: the next attempt renews the credentials and is sent at once,
///    once per call; a second refusal ends the call with its error.
/// 2. [`CallKind::may_resend`] says no: the call ends with the attempt's error.
/// 3. Another failover endpoint is left in this round: it is tried at once.
/// 4. [`RetryPolicy::next_delay`] gives a wait (the vendor's `Retry-After` if it sent one):
///    the driver sleeps and starts the next round; without one the call ends.
///
/// Logging is the same for every vendor: a failed attempt that is resent is a `WARN` event
/// (an `INFO` one for a credential renewal), the end of a failed call an `INFO` event, the
/// end of a successful one `DEBUG`. The errors logged are the vendor crate's, which hold only
/// redacted text.
pub async fn drive<T, E, F, Fut>(plan: CallPlan<'_>, mut attempt: F) -> Result<T, E>
where
    E: Display,
    F: FnMut(Attempt) -> Fut,
    Fut: Future<Output = Result<T, Failure<E>>>,
{
    let span = tracing::info_span!(
        target: "telecom_core::call",
        "call",
        vendor = plan.vendor,
        operation = plan.operation,
        call_kind = plan.kind.as_str(),
        attempt = Empty,
        endpoint = Empty,
        status = Empty,
        elapsed_ms = Empty,
    );
    let started = Instant::now();
    let outcome = async {
        let mut number: u32 = 0;
        let mut round: u32 = 1;
        let mut endpoint: usize = 0;
        let mut renewed = false;
        let mut renew_credentials = false;
        loop {
            number = number.saturating_add(1);
            // The endpoint field is the vendor crate's to fill with a name (record_endpoint).
            tracing::Span::current().record("attempt", number);
            let this = Attempt {
                number,
                endpoint,
                renew_credentials,
            };
            renew_credentials = false;
            let failure = match attempt(this).await {
                Ok(value) => return Ok(value),
                Err(failure) => failure,
            };
            if failure.class == FailureClass::Refused && !renewed {
                tracing::info!(
                    target: "telecom_core::call",
                    attempt = number,
                    error = %failure.error,
                    "credentials refused before the vendor acted; renewing them and resending once"
                );
                renewed = true;
                renew_credentials = true;
                continue;
            }
            if !plan.kind.may_resend(failure.class) {
                return Err(failure.error);
            }
            if endpoint + 1 < plan.endpoints {
                tracing::warn!(
                    target: "telecom_core::call",
                    attempt = number,
                    endpoint,
                    error = %failure.error,
                    "attempt failed; trying the next endpoint"
                );
                endpoint += 1;
                continue;
            }
            let Some(delay) = plan.retry.next_delay(round, failure.retry_after.as_ref()) else {
                return Err(failure.error);
            };
            tracing::warn!(
                target: "telecom_core::call",
                attempt = number,
                delay_ms = millis(delay),
                error = %failure.error,
                "attempt failed; resending after the backoff"
            );
            tokio::time::sleep(delay).await;
            round = round.saturating_add(1);
            endpoint = 0;
        }
    }
    .instrument(span.clone())
    .await;
    let elapsed_ms = millis(started.elapsed());
    span.record("elapsed_ms", elapsed_ms);
    match &outcome {
        Ok(_) => {
            tracing::debug!(target: "telecom_core::call", parent: &span, elapsed_ms, "call succeeded")
        }
        Err(error) => {
            tracing::info!(target: "telecom_core::call", parent: &span, elapsed_ms, error = %error, "call failed")
        }
    }
    outcome
}
