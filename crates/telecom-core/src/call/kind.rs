//! Which calls may be sent again, and the one rule that decides it.

use std::fmt;

use crate::RetryAfter;

/// Whether a call may be sent again after an attempt that may have reached the vendor.
///
/// None of the four vendors takes an idempotency key, so the kind is the only guard against
/// doing a write twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CallKind {
    /// A query: resent after any transient failure within the retry policy.
    Read,
    /// A write whose repetition changes nothing (set a value, update by key): resent as a read.
    IdempotentWrite,
    /// A create, payment, delete or any other write: resent only when it surely was not acted
    /// on, that is when no connection was made or the vendor answered 429.
    Write,
}

impl CallKind {
    /// The name recorded in the `call_kind` span field.
    pub fn as_str(self) -> &'static str {
        match self {
            CallKind::Read => "read",
            CallKind::IdempotentWrite => "idempotent_write",
            CallKind::Write => "write",
        }
    }

    /// The usual kind of an HTTP method by its semantics (RFC 9110 §9.2): `GET`, `HEAD`,
    /// `OPTIONS` and `TRACE` read, `PUT` and `DELETE` are idempotent writes, anything else
    /// (`POST`, `PATCH`, an unknown method) is a write. Case-insensitive.
    pub fn for_http_method(method: &str) -> CallKind {
        const READS: [&str; 4] = ["GET", "HEAD", "OPTIONS", "TRACE"];
        const IDEMPOTENT: [&str; 2] = ["PUT", "DELETE"];
        if READS.iter().any(|m| m.eq_ignore_ascii_case(method)) {
            CallKind::Read
        } else if IDEMPOTENT.iter().any(|m| m.eq_ignore_ascii_case(method)) {
            CallKind::IdempotentWrite
        } else {
            CallKind::Write
        }
    }

    /// The resend rule: may an attempt that failed as `class` be sent again?
    ///
    /// Reads and idempotent writes go again after any transient failure. A write goes again
    /// only after [`FailureClass::NotConnected`] or [`FailureClass::Throttled`]: a timeout, a
    /// reset after sending, a 5xx or a truncated answer may all hide a write the vendor did.
    /// A [`FailureClass::Refused`] attempt (credentials refused before the vendor acted) is
    /// resent once by the driver whatever the kind, and [`FailureClass::Permanent`] never.
    pub fn may_resend(self, class: FailureClass) -> bool {
        match class {
            FailureClass::NotConnected | FailureClass::Throttled => true,
            FailureClass::Transient => !matches!(self, CallKind::Write),
            FailureClass::Refused | FailureClass::Permanent => false,
        }
    }
}

impl fmt::Display for CallKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a failed attempt tells about resending it: the verdict a vendor crate's classifier
/// gives, with no HTTP types in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FailureClass {
    /// No connection was made (DNS, refused, TLS handshake): nothing reached the vendor.
    NotConnected,
    /// The vendor answered 429: refused before processing.
    Throttled,
    /// The request may have reached the vendor and the failure may pass: a timeout, a reset
    /// after sending, a 5xx, a truncated or missing answer.
    Transient,
    /// The vendor refused the credentials, token or session before acting (an expired Rev.io
    /// session, an iQmetrix 401, a rejected vcare token). The vendor crate renews them on the
    /// next attempt, which the driver makes once per call.
    Refused,
    /// Sending it again would fail the same way: invalid input, a vendor error, a 4xx.
    Permanent,
}

impl FailureClass {
    /// The class of an HTTP status outside 2xx: 429 is [`FailureClass::Throttled`]; 408, 500,
    /// 502, 503 and 504 are [`FailureClass::Transient`]; every other status is permanent.
    pub fn from_status(status: u16) -> FailureClass {
        match status {
            429 => FailureClass::Throttled,
            408 | 500 | 502 | 503 | 504 => FailureClass::Transient,
            _ => FailureClass::Permanent,
        }
    }

    /// True for the classes a read is resent after.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            FailureClass::NotConnected | FailureClass::Throttled | FailureClass::Transient
        )
    }
}

/// A failed attempt as a vendor crate's classifier reports it to the driver: the error, its
/// class, and the wait the vendor asked for (the `Retry-After` header, or a vendor's own rate
/// limit headers).
#[derive(Debug)]
pub struct Failure<E> {
    /// The error the call returns if this attempt is the last.
    pub error: E,
    /// What the failure says about resending.
    pub class: FailureClass,
    /// The wait the vendor asked for before the next attempt.
    pub retry_after: Option<RetryAfter>,
}

impl<E> Failure<E> {
    /// A failure of `class` without a server-sent wait.
    pub fn new(error: E, class: FailureClass) -> Self {
        Failure {
            error,
            class,
            retry_after: None,
        }
    }

    /// A failure that is never resent.
    pub fn permanent(error: E) -> Self {
        Failure::new(error, FailureClass::Permanent)
    }

    /// Adds the wait the vendor asked for.
    pub fn with_retry_after(mut self, retry_after: Option<RetryAfter>) -> Self {
        self.retry_after = retry_after;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_http_methods() {
        for (method, kind) in [
            ("GET", CallKind::Read),
            ("head", CallKind::Read),
            ("PUT", CallKind::IdempotentWrite),
            ("Delete", CallKind::IdempotentWrite),
            ("POST", CallKind::Write),
            ("PATCH", CallKind::Write),
            ("PURGE", CallKind::Write),
        ] {
            assert_eq!(CallKind::for_http_method(method), kind, "{method}");
        }
    }

    #[test]
    fn the_resend_rule_as_a_table() {
        use CallKind::*;
        use FailureClass::*;
        let table = [
            (Read, NotConnected, true),
            (Read, Throttled, true),
            (Read, Transient, true),
            (Read, Refused, false),
            (Read, Permanent, false),
            (IdempotentWrite, NotConnected, true),
            (IdempotentWrite, Throttled, true),
            (IdempotentWrite, Transient, true),
            (IdempotentWrite, Permanent, false),
            (Write, NotConnected, true),
            (Write, Throttled, true),
            (Write, Transient, false),
            (Write, Refused, false),
            (Write, Permanent, false),
        ];
        for (kind, class, resend) in table {
            assert_eq!(kind.may_resend(class), resend, "{kind} after {class:?}");
        }
    }

    #[test]
    fn statuses_classify() {
        assert_eq!(FailureClass::from_status(429), FailureClass::Throttled);
        for status in [408, 500, 502, 503, 504] {
            assert_eq!(FailureClass::from_status(status), FailureClass::Transient);
        }
        for status in [400, 401, 403, 404, 409, 501, 505] {
            assert_eq!(FailureClass::from_status(status), FailureClass::Permanent);
        }
    }
}
