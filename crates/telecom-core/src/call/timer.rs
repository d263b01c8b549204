//! The per-attempt time limit every vendor crate's send path puts around one exchange.
//!
//! `tokio::time::timeout` around each attempt is correct but can cost a thread wakeup per
//! call: a timer added while tokio's time driver is parked with no timer at all (the last
//! call's timer was dropped when it finished) is earlier than anything the driver waits for,
//! so tokio wakes the driver to take it. That wakeup is a syscall and a context switch,
//! which no instruction count shows. Over the same 26,594 vcare calls of
//! `cargo xtask bench --only vcare --rounds 1`, `strace -f -c` counted 6,521 wakeup writes
//! with a fresh timer per attempt and 5,852 with this one.
//!
//! An [`AttemptTimer`] keeps the timer of the last attempt that finished registered until
//! the next one finishes. A parked driver then always waits for a deadline no later than a
//! new attempt's (which starts later with the same limit), and needs no wakeup to take it.
//! The kept timer wakes no task when it runs out: nothing polls it any more.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use pin_project_lite::pin_project;
use tokio::time::Sleep;

/// Bounds each attempt of one client's calls in time; one per client, shared by its clones.
#[derive(Default)]
pub struct AttemptTimer {
    /// The timer of the last attempt that finished in time.
    kept: Mutex<Option<Pin<Box<Sleep>>>>,
}

/// An attempt ran out of time ([`AttemptTimer::limit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfTime;

impl AttemptTimer {
    /// A timer with nothing kept yet.
    pub fn new() -> Self {
        AttemptTimer::default()
    }

    /// Runs `attempt` for at most `limit`: its output, or [`OutOfTime`] when `limit` passed
    /// first (the attempt is dropped then). Must run inside a tokio runtime with its time
    /// driver enabled, as `tokio::time::timeout` must.
    pub fn limit<F: Future>(&self, limit: Duration, attempt: F) -> Limited<'_, F> {
        Limited {
            attempt,
            // Boxed so that it can be kept after the attempt; one small allocation a call.
            timer: Some(Box::pin(tokio::time::sleep(limit))),
            owner: self,
        }
    }

    fn keep(&self, timer: Pin<Box<Sleep>>) {
        let previous = {
            // A panic elsewhere cannot leave the slot half-written: it is one assignment.
            let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
            kept.replace(timer)
        };
        // Dropped outside the lock: taking it out of tokio's wheel takes the driver's lock.
        drop(previous);
    }
}

pin_project! {
    /// The future of [`AttemptTimer::limit`]: the attempt and its timer side by side, so an
    /// attempt's state is held once (an `async fn` would hold its argument and its pinned
    /// copy both).
    #[must_use = "futures do nothing unless polled"]
    pub struct Limited<'a, F> {
        #[pin]
        attempt: F,
        // `None` once the attempt finished and its timer was kept.
        timer: Option<Pin<Box<Sleep>>>,
        owner: &'a AttemptTimer,
    }
}

impl<F: Future> Future for Limited<'_, F> {
    type Output = Result<F::Output, OutOfTime>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        // The attempt first: an answer that is ready wins over a limit that just passed.
        if let Poll::Ready(output) = this.attempt.poll(cx) {
            if let Some(timer) = this.timer.take() {
                this.owner.keep(timer);
            }
            return Poll::Ready(Ok(output));
        }
        match this.timer {
            Some(timer) => timer.as_mut().poll(cx).map(|()| Err(OutOfTime)),
            // Polled again after it finished: it has nothing more to give.
            None => Poll::Ready(Err(OutOfTime)),
        }
    }
}

impl<F> fmt::Debug for Limited<'_, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Limited").finish_non_exhaustive()
    }
}

impl fmt::Debug for AttemptTimer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AttemptTimer").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn an_attempt_in_time_gives_its_output() {
        let timer = AttemptTimer::new();
        let output = timer
            .limit(Duration::from_secs(5), async {
                tokio::time::sleep(Duration::from_secs(4)).await;
                7
            })
            .await;
        assert_eq!(output, Ok(7));
        // The kept timer is the finished attempt's, and a second attempt still gets its own.
        let again = timer.limit(Duration::from_secs(5), async { 8 }).await;
        assert_eq!(again, Ok(8));
    }

    #[tokio::test(start_paused = true)]
    async fn an_attempt_past_its_limit_is_out_of_time() {
        let timer = AttemptTimer::new();
        let started = tokio::time::Instant::now();
        let output = timer
            .limit(Duration::from_secs(5), std::future::pending::<()>())
            .await;
        assert_eq!(output, Err(OutOfTime));
        assert_eq!(started.elapsed(), Duration::from_secs(5));
    }

    #[tokio::test(start_paused = true)]
    async fn a_kept_timer_does_not_cut_the_next_attempt_short() {
        let timer = AttemptTimer::new();
        let started = tokio::time::Instant::now();
        assert_eq!(
            timer.limit(Duration::from_secs(5), async { 1 }).await,
            Ok(1)
        );
        tokio::time::sleep(Duration::from_secs(4)).await;
        // The first attempt's kept timer runs out at 5 s, during this attempt (4 s to 8 s),
        // whose own limit is at 9 s.
        let output = timer
            .limit(Duration::from_secs(5), async {
                tokio::time::sleep(Duration::from_secs(2)).await;
                tokio::time::sleep(Duration::from_secs(2)).await;
                2
            })
            .await;
        assert_eq!(output, Ok(2));
        assert_eq!(started.elapsed(), Duration::from_secs(8));
    }
}
