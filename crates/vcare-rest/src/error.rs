//! The crate's one error type.
//!
//! Every text in it that came from the vendor (a body excerpt, a `msg`, an `errors` entry, a
//! decode reason that may quote the body) is a [`Redacted`], which only the client's
//! [`telecom_core::Redactor`] can make: the secrets the client holds or sent are masked in it.

use std::time::Duration;

use telecom_core::{FailureClass, Redacted};

use crate::models::{CustomerId, MsgCode};

/// Everything a call can fail with.
///
/// `Display` always names the vendor's `msg_code` and `msg` when the vendor gave them, and
/// never contains a token, password, PIN or card number.
///
/// The variants are plain struct variants (no `Box` to open), so a caller matches them
/// directly:
///
/// ```
/// # fn handle(error: vcare_rest::Error) {
/// match &error {
///     vcare_rest::Error::AlreadyCreated { enrollment_ids, .. } => {
///         println!("already done for {enrollment_ids:?}");
///     }
///     vcare_rest::Error::InvalidInput { field, reason } => println!("{field}: {reason}"),
///     other if other.is_retryable() => println!("try again later: {other}"),
///     other => println!("vendor code {:?}: {other}", other.vendor_code()),
/// }
/// # }
/// ```
// Not boxed on purpose: users match the variants by hand, and the largest (`Vendor`) is a
// few words; clippy's `result_large_err` does not fire at this size.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A request field or a client setting was rejected before anything was sent.
    #[error("invalid input: {field}: {reason}")]
    InvalidInput {
        /// The request field (its wire name) or the builder setting that is wrong.
        field: String,
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

    /// No whole answer within the configured request timeout (or the time limit of a
    /// `reqwest::Client` the caller configured).
    #[error("vcare {operation} timed out after {after:?}")]
    Timeout {
        /// The vendor action (or `authenticate`).
        operation: String,
        /// How long the attempt ran before it was stopped.
        after: Duration,
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

    /// A create for an enrollment that already has its customer: the vendor's "Customer is
    /// already created…" answer to a repeated `create_homephone_customer` or
    /// `create_prepaid_postpaid_customer_v2` (when every line of it already exists). The
    /// vendor did nothing this time; an earlier call did the work, so a caller that resent a
    /// create after a timeout can treat this as done (and read the customer back with
    /// `customer_info`). Not retryable.
    #[error(
        "vcare {operation}: the customer is already created for enrollment {}: {code} {message}",
        enrollment_ids.join(", ")
    )]
    AlreadyCreated {
        /// The vendor action.
        operation: String,
        /// The enrollment ids of the request the vendor says already have their customer.
        enrollment_ids: Vec<String>,
        /// The existing customer's id, when the answer names one (the vendor's examples do
        /// not; look it up with `customer_info`).
        customer_id: Option<CustomerId>,
        /// The vendor's `msg_code` for it (RESTAPI110 in practice).
        code: MsgCode,
        /// The vendor's words ("Customer is already created for this enrollment"), secrets
        /// masked.
        message: Redacted,
        /// The HTTP status the answer came with.
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
        /// The vendor's `msg_code` (RESTAPI001); `HTTP 401` (unknown to [`MsgCode`]) when
        /// the token was refused with a bare HTTP 401 and no envelope.
        code: MsgCode,
        /// The vendor's `msg` for the second rejection ("Token already used", ...), or an
        /// excerpt of a bare 401's body, secrets masked.
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
    /// The attempt ran `after` without a whole answer.
    pub(crate) fn timeout(operation: &str, after: Duration) -> Self {
        Error::Timeout {
            operation: operation.to_owned(),
            after,
        }
    }

    /// The one way invalid input is reported: the wire field (or builder setting) and why.
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The vendor's `msg_code` as it was sent (`"RESTAPI110"`), when the vendor gave one.
    pub fn vendor_code(&self) -> Option<&str> {
        self.error_code().map(MsgCode::as_str)
    }

    /// The vendor's `msg_code` as the crate's open enum, when the vendor gave one.
    pub fn error_code(&self) -> Option<&MsgCode> {
        match self {
            Error::Vendor { code, .. }
            | Error::AlreadyCreated { code, .. }
            | Error::Auth { code, .. }
            | Error::TokenRejected { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The vendor's `errors` list (empty for errors that did not come with one).
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
            | Error::Vendor { status, .. }
            | Error::AlreadyCreated { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The redacted excerpt of the body, for the errors that kept one (an unexpected HTTP
    /// status, an undecodable answer).
    pub fn excerpt(&self) -> Option<&str> {
        match self {
            Error::HttpStatus { body, .. } | Error::Decode { body, .. } => Some(body.as_str()),
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
    /// sending the same create again. A create sent again for an enrollment the first one
    /// did answers [`Error::AlreadyCreated`].
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
            Error::InvalidInput { .. }
            | Error::Decode { .. }
            | Error::Auth { .. }
            | Error::AlreadyCreated { .. } => FailureClass::Permanent,
        }
    }

    /// True when the request is known never to have reached the vendor.
    pub fn is_connect(&self) -> bool {
        matches!(self, Error::Transport { connect: true, .. })
    }

    /// An [`Error::AlreadyCreated`] told which enrollments of the request it is about (the
    /// answer does not say); any other error as it is.
    pub(crate) fn for_enrollments(mut self, ids: &[&str]) -> Error {
        if let Error::AlreadyCreated { enrollment_ids, .. } = &mut self {
            *enrollment_ids = ids.iter().map(|id| (*id).to_owned()).collect();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn already_created_names_its_enrollments() {
        let error = Error::AlreadyCreated {
            operation: "create_homephone_customer".into(),
            enrollment_ids: Vec::new(),
            customer_id: None,
            code: MsgCode::ValidationError,
            message: Redacted::fixed("Customer is already created for this enrollment"),
            status: 200,
        }
        .for_enrollments(&["WN1597"]);
        assert!(
            matches!(&error, Error::AlreadyCreated { enrollment_ids, .. } if enrollment_ids == &["WN1597"])
        );
        assert!(!error.is_retryable());
        assert_eq!(error.vendor_code(), Some("RESTAPI110"));
        assert_eq!(error.status(), Some(200));
        assert!(error.to_string().contains("WN1597"), "{error}");
        assert!(error.to_string().contains("RESTAPI110"), "{error}");
        let other =
            Error::invalid("zip_code", "must be exactly 5 digits").for_enrollments(&["WN1"]);
        assert!(matches!(other, Error::InvalidInput { .. }));
    }

    #[test]
    fn helpers_agree() {
        let error = Error::invalid("zip_code", "must be exactly 5 digits");
        assert!(matches!(&error, Error::InvalidInput { field, .. } if field == "zip_code"));
        assert_eq!(error.vendor_code(), None);
        assert_eq!(error.excerpt(), None);
        let status = Error::HttpStatus {
            operation: "plan_list".into(),
            status: 502,
            body: Redacted::fixed("<html>Bad Gateway</html>"),
        };
        assert_eq!(status.excerpt(), Some("<html>Bad Gateway</html>"));
        assert!(status.is_retryable());
        assert_eq!(status.status(), Some(502));
    }
}
