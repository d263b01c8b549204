//! The crate's one error type.
//!
//! Every text in it that came from the vendor (a body excerpt, a `msg`, an `errors` entry, a
//! decode reason that may quote the body) is a [`Redacted`], which only the client's
//! [`telecom_core::Redactor`] can make: the secrets the client holds or sent are masked in it.

use std::time::Duration;

use telecom_core::{FailureClass, Redacted};

use crate::models::common::MsgCode;

/// Everything a call can fail with.
///
/// `Display` always names the vendor's `msg_code` and `msg` when the vendor gave them, and
/// never contains a token, password, PIN or card number.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request was rejected before anything was sent: `field` names the offending input.
    #[error("invalid input: {field}: {reason}")]
    InvalidInput {
        /// The request field (its wire name) that is wrong.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },

    /// The HTTP exchange failed (connection refused or reset, TLS, a body cut short).
    #[error("transport error calling vcare {operation}{}", if *connect { " (could not connect)" } else { "" })]
    Transport {
        /// The vendor action (or `authenticate`).
        operation: String,
        /// True when the connection was never made, so the request never reached the vendor.
        connect: bool,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// No answer within the configured request timeout.
    #[error("vcare {operation} timed out after {elapsed:?}")]
    Timeout {
        /// The vendor action (or `authenticate`).
        operation: String,
        /// How long the attempt ran.
        elapsed: Duration,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// An HTTP status the client does not expect, with a body that is not a vcare envelope.
    #[error("vcare {operation} answered HTTP {status}: {body}")]
    HttpStatus {
        /// The vendor action (or `authenticate`).
        operation: String,
        /// The HTTP status.
        status: u16,
        /// A short, printable excerpt of the body, secrets masked.
        body: Redacted,
    },

    /// The body could not be read as the expected JSON.
    #[error(
        "could not decode the vcare {operation} response (HTTP {status}): {message}; body: {body}"
    )]
    Decode {
        /// The vendor action (or `authenticate`).
        operation: String,
        /// The HTTP status.
        status: u16,
        /// What did not fit. A JSON error's text may quote the body, so it is masked too and
        /// kept as text rather than as a source error.
        message: Redacted,
        /// A short, printable excerpt of the body, secrets masked.
        body: Redacted,
    },

    /// The vendor answered with a failure `msg_code`, or with a non-empty `errors` list.
    #[error("vcare {operation} failed: {code} {message}{}", details(errors))]
    Vendor {
        /// The vendor action.
        operation: String,
        /// The vendor's `msg_code`.
        code: MsgCode,
        /// The vendor's `msg`, secrets masked.
        message: Redacted,
        /// The vendor's `errors`, flattened to a list of strings, secrets masked.
        errors: Vec<Redacted>,
        /// The HTTP status the envelope came with (vcare usually sends 200 or 400).
        status: u16,
    },

    /// `/authenticate` refused the credentials ("Invalid credentials!!" and the like). Not
    /// retried: the same credentials would be refused again.
    #[error("vcare authentication failed: {code} {message}")]
    Auth {
        /// The vendor's `msg_code` (RESTAPI001 in practice).
        code: MsgCode,
        /// The vendor's `msg`, secrets masked.
        message: Redacted,
    },

    /// The vendor rejected the token of the call a second time, after the client had
    /// re-authenticated and sent the call once more. The vendor acted on neither attempt.
    #[error(
        "vcare {operation} rejected the token twice, even after re-authenticating: {code} {message}"
    )]
    TokenRejected {
        /// The vendor action.
        operation: String,
        /// The vendor's `msg_code` (RESTAPI001).
        code: MsgCode,
        /// The vendor's `msg` for the second rejection ("Token already used", ...), secrets
        /// masked.
        message: Redacted,
    },
}

fn details(errors: &[Redacted]) -> String {
    if errors.is_empty() {
        String::new()
    } else {
        let texts: Vec<&str> = errors.iter().map(Redacted::as_str).collect();
        format!(" ({})", texts.join("; "))
    }
}

impl Error {
    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field,
            reason: reason.into(),
        }
    }

    /// The vendor's `msg_code`, when the vendor gave one.
    pub fn vendor_code(&self) -> Option<&MsgCode> {
        match self {
            Error::Vendor { code, .. }
            | Error::Auth { code, .. }
            | Error::TokenRejected { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The vendor's `errors` list (empty for errors that did not come from the vendor).
    pub fn vendor_errors(&self) -> &[Redacted] {
        match self {
            Error::Vendor { errors, .. } => errors,
            _ => &[],
        }
    }

    /// The HTTP status the error came with, when there was a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::HttpStatus { status, .. }
            | Error::Decode { status, .. }
            | Error::Vendor { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// True when trying the same call again later may succeed, as the client's own
    /// classifier sees this error: the request never reached the vendor, the vendor refused
    /// it before acting (a 429, a token rejection), or the failure was a timeout, a reset or
    /// a 408/500/502/503/504 answer.
    ///
    /// For creates and payments ([`CallKind::Write`](crate::CallKind::Write)) a timeout or a
    /// 5xx means the vendor may have acted: check (for example with `customer_info`) before
    /// sending the same create again.
    pub fn is_retryable(&self) -> bool {
        let class = self.class();
        class.is_transient() || class == FailureClass::Refused
    }

    /// What this error says about resending, as the driver is told it.
    pub(crate) fn class(&self) -> FailureClass {
        match self {
            Error::Transport { connect: true, .. } => FailureClass::NotConnected,
            Error::Transport { .. } | Error::Timeout { .. } => FailureClass::Transient,
            Error::HttpStatus { status, .. } | Error::Vendor { status, .. } => {
                FailureClass::from_status(*status)
            }
            Error::TokenRejected { .. } => FailureClass::Refused,
            Error::InvalidInput { .. } | Error::Decode { .. } | Error::Auth { .. } => {
                FailureClass::Permanent
            }
        }
    }

    /// True when the request is known never to have reached the vendor.
    pub fn is_connect(&self) -> bool {
        matches!(self, Error::Transport { connect: true, .. })
    }
}
