//! The crate's one error type.

use std::time::Duration;

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
        /// A short, printable excerpt of the body.
        body: String,
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
        /// What did not fit.
        message: String,
        /// A short, printable excerpt of the body.
        body: String,
        /// The JSON error, when there was one.
        #[source]
        source: Option<serde_json::Error>,
    },

    /// The vendor answered with a failure `msg_code`, or with a non-empty `errors` list.
    #[error("vcare {operation} failed: {code} {message}{}", details(errors))]
    Vendor {
        /// The vendor action.
        operation: String,
        /// The vendor's `msg_code`.
        code: MsgCode,
        /// The vendor's `msg`.
        message: String,
        /// The vendor's `errors`, flattened to a list of strings.
        errors: Vec<String>,
        /// The HTTP status the envelope came with (vcare usually sends 200 or 400).
        status: u16,
    },

    /// `/authenticate` refused the credentials ("Invalid credentials!!" and the like). Not
    /// retried: the same credentials would be refused again.
    #[error("vcare authentication failed: {code} {message}")]
    Auth {
        /// The vendor's `msg_code` (RESTAPI001 in practice).
        code: MsgCode,
        /// The vendor's `msg`.
        message: String,
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
        /// The vendor's `msg` for the second rejection ("Token already used", ...).
        message: String,
    },
}

fn details(errors: &[String]) -> String {
    // The `msg` usually repeats the single error; only list what adds something.
    if errors.is_empty() {
        String::new()
    } else {
        format!(" ({})", errors.join("; "))
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
    pub fn vendor_errors(&self) -> &[String] {
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

    /// True when trying the same call again later may succeed and is safe as far as this
    /// error tells: the request never reached the vendor, the vendor rejected it before
    /// acting (a token rejection), or the failure was a timeout or a 5xx/429 answer.
    ///
    /// For creates and payments a timeout or a 5xx means the vendor may have acted: check
    /// (for example with `customer_info`) before sending the same create again.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { .. } | Error::Timeout { .. } | Error::TokenRejected { .. } => true,
            Error::HttpStatus { status, .. } => *status == 429 || *status >= 500,
            _ => false,
        }
    }

    /// True when the request is known never to have reached the vendor.
    pub fn is_connect(&self) -> bool {
        matches!(self, Error::Transport { connect: true, .. })
    }
}
