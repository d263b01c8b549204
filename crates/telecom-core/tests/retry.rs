//! The backoff function's properties over arbitrary input.

use std::time::{Duration, SystemTime};

use proptest::prelude::*;
use telecom_core::{RetryAfter, RetryPolicy};

proptest! {
    #[test]
    fn delay_is_within_the_cap_and_attempts_are_bounded(
        attempts in 1u32..10,
        attempt in 0u32..20,
        base_ms in 0u64..10_000,
        max_ms in 0u64..100_000,
        jitter in any::<u64>(),
    ) {
        let policy = RetryPolicy::default()
            .with_max_attempts(attempts)
            .with_backoff(Duration::from_millis(base_ms), Duration::from_millis(max_ms));
        match policy.delay_after(attempt, None, SystemTime::UNIX_EPOCH, jitter) {
            Some(delay) => {
                prop_assert!(attempt < attempts);
                prop_assert!(delay <= policy.backoff_cap(attempt));
                prop_assert!(delay <= policy.max_delay);
            }
            None => prop_assert!(attempt >= attempts),
        }
    }

    #[test]
    fn retry_after_parsing_never_panics(text in "\\PC*") {
        if let Some(after) = RetryAfter::parse(&text) {
            let _ = after.delay_from(SystemTime::UNIX_EPOCH);
        }
    }
}
