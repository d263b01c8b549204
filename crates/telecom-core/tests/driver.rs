//! The attempt driver: the resend rule, failover rounds, credential renewal and backoff,
//! on tokio's paused clock.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::sync::Mutex;
use std::time::Duration;

use telecom_core::call::{Attempt, CallKind, CallPlan, Failure, FailureClass, drive};
use telecom_core::{RetryAfter, RetryPolicy};

fn policy(attempts: u32) -> RetryPolicy {
    RetryPolicy::default()
        .with_max_attempts(attempts)
        .with_backoff(Duration::from_millis(100), Duration::from_secs(1))
}

/// Runs a call whose attempts fail with `script` in turn (then succeed), and returns what
/// came out with the attempts seen.
async fn run(
    kind: CallKind,
    retry: &RetryPolicy,
    endpoints: usize,
    script: &[FailureClass],
) -> (Result<u32, String>, Vec<Attempt>) {
    let seen = Mutex::new(Vec::new());
    let plan = CallPlan::new("test", "op", kind, retry).with_endpoints(endpoints);
    let result = drive(plan, |attempt: Attempt| {
        let index = {
            let mut seen = seen.lock().unwrap();
            seen.push(attempt);
            seen.len() - 1
        };
        async move {
            match script.get(index) {
                Some(class) => Err(Failure::new(format!("failure {index}"), *class)),
                None => Ok(attempt.number),
            }
        }
    })
    .await;
    (result, seen.into_inner().unwrap())
}

#[tokio::test(start_paused = true)]
async fn reads_are_resent_after_transient_failures_until_the_policy_ends() {
    let retry = policy(3);
    let (result, seen) = run(
        CallKind::Read,
        &retry,
        1,
        &[FailureClass::Transient, FailureClass::NotConnected],
    )
    .await;
    assert_eq!(result, Ok(3));
    assert_eq!(seen.len(), 3);

    let (result, seen) = run(CallKind::Read, &retry, 1, &[FailureClass::Transient; 5]).await;
    assert_eq!(result, Err("failure 2".to_owned()));
    assert_eq!(seen.len(), 3);
}

#[tokio::test(start_paused = true)]
async fn writes_go_again_only_when_not_connected_or_throttled() {
    let retry = policy(3);
    let (result, seen) = run(CallKind::Write, &retry, 1, &[FailureClass::Transient]).await;
    assert_eq!(result, Err("failure 0".to_owned()));
    assert_eq!(seen.len(), 1);

    let (result, _) = run(
        CallKind::Write,
        &retry,
        1,
        &[FailureClass::NotConnected, FailureClass::Throttled],
    )
    .await;
    assert_eq!(result, Ok(3));

    let (result, seen) = run(CallKind::Write, &retry, 1, &[FailureClass::Permanent]).await;
    assert_eq!(result, Err("failure 0".to_owned()));
    assert_eq!(seen.len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_refusal_renews_once_and_a_second_one_ends_the_call() {
    let retry = policy(1);
    let (result, seen) = run(CallKind::Write, &retry, 1, &[FailureClass::Refused]).await;
    assert_eq!(result, Ok(2));
    assert!(!seen[0].renew_credentials);
    assert!(seen[1].renew_credentials);

    let (result, seen) = run(
        CallKind::Read,
        &retry,
        1,
        &[FailureClass::Refused, FailureClass::Refused],
    )
    .await;
    assert_eq!(result, Err("failure 1".to_owned()));
    assert_eq!(seen.len(), 2);
}

#[tokio::test(start_paused = true)]
async fn failover_tries_each_endpoint_then_backs_off_from_the_first() {
    let retry = policy(2);
    let (result, seen) = run(
        CallKind::Read,
        &retry,
        2,
        &[
            FailureClass::Transient,
            FailureClass::Transient,
            FailureClass::Transient,
        ],
    )
    .await;
    assert_eq!(result, Ok(4));
    let endpoints: Vec<_> = seen.iter().map(|a| a.endpoint).collect();
    assert_eq!(endpoints, [0, 1, 0, 1]);

    // A write fails over only when the first gateway could not be reached.
    let (result, seen) = run(CallKind::Write, &retry, 2, &[FailureClass::Transient]).await;
    assert_eq!(result, Err("failure 0".to_owned()));
    assert_eq!(seen.len(), 1);
    let (result, seen) = run(CallKind::Write, &retry, 2, &[FailureClass::NotConnected]).await;
    assert_eq!(result, Ok(2));
    assert_eq!(seen[1].endpoint, 1);
}

#[tokio::test(start_paused = true)]
async fn retry_after_is_honoured_and_a_too_long_one_ends_the_call() {
    let retry = policy(3);
    let started = tokio::time::Instant::now();
    let calls = Mutex::new(0u32);
    let plan = CallPlan::new("test", "op", CallKind::Write, &retry);
    let result: Result<(), String> = drive(plan, |_| {
        let n = {
            let mut calls = calls.lock().unwrap();
            *calls += 1;
            *calls
        };
        async move {
            if n == 1 {
                Err(Failure::new("429".to_owned(), FailureClass::Throttled)
                    .with_retry_after(Some(RetryAfter::Delay(Duration::from_secs(7)))))
            } else {
                Ok(())
            }
        }
    })
    .await;
    assert_eq!(result, Ok(()));
    assert_eq!(started.elapsed(), Duration::from_secs(7));

    let plan = CallPlan::new("test", "op", CallKind::Read, &retry);
    let result: Result<(), String> = drive(plan, |_| async {
        Err(Failure::new("429".to_owned(), FailureClass::Throttled)
            .with_retry_after(Some(RetryAfter::Delay(Duration::from_secs(3600)))))
    })
    .await;
    assert_eq!(result, Err("429".to_owned()));
}
