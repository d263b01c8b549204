//! The one error type of the crate, and the vendor's error codes.

use std::fmt;
use std::time::Duration;

use telecom_core::{FailureClass, Redacted, Redactor};

telecom_core::open_enum! {
    /// A TraiTel API error code (`Error NNN: message`), with the meaning the spec's
    /// "API Error Codes" table gives it. A code this version does not know is kept as sent.
    pub enum ErrorCode {
        /// `001`: the gateway cannot process the request at this time (reads fail over).
        ServiceUnavailable => "001" : "The API gateway is temporarily unable to process the request",
        /// `002`: invalid username or password, or the account is locked or disabled.
        AuthenticationFailed => "002" : "An invalid username or password was provided, or the account is locked or disabled",
        /// `101`: the email address belongs to another sub-account or account.
        EmailAlreadyRegistered => "101" : "Email address already registered elsewhere",
        /// `102`: the alias belongs to another sub-account.
        AliasAlreadyRegistered => "102" : "Alias already registered",
        /// `104`: the email address is technically invalid.
        InvalidEmail => "104" : "Invalid email address",
        /// `105`: the sub-account ID does not exist.
        InvalidSubAccountId => "105" : "Invalid sub-account ID",
        /// `107`: the service type is invalid or does not exist.
        InvalidService => "107" : "Invalid service",
        /// `108`: the service is not available for the DID.
        ServiceNotAvailable => "108" : "Service not available for the given DID",
        /// `109`: the IVR ID does not exist.
        InvalidIvrId => "109" : "Invalid IVR ID",
        /// `110`: the IVML configuration ID does not exist.
        InvalidIvmlId => "110" : "Invalid IVML ID",
        /// `111`: the country is unknown or has no DIDs for the service.
        InvalidCountry => "111" : "Invalid country",
        /// `112`: the city is unknown.
        InvalidCity => "112" : "Invalid city",
        /// `113`: the DID does not exist or is badly formatted.
        InvalidDid => "113" : "Invalid DID",
        /// `114`: the DID is no longer available for registration.
        DidNotAvailable => "114" : "DID not available",
        /// `115`: the account has no IVR / IVML subscription.
        NoIvrSubscription => "115" : "No subscription to IVR",
        /// `116`: an IVML configuration with that name exists.
        DuplicateName => "116" : "Duplicate name",
        /// `117`: the end date is badly formatted, invalid or in the future.
        InvalidEndDate => "117" : "Invalid end date",
        /// `118`: the start date is badly formatted, invalid or in the future.
        InvalidStartDate => "118" : "Invalid start date",
        /// `119`: the time zone is not in TraiTel's database.
        InvalidTimezone => "119" : "Invalid timezone",
        /// `120`: the destination number is invalid or unroutable.
        InvalidDestinationNumber => "120" : "Invalid destination number",
        /// `200`: a required parameter is missing or a value is outside its options.
        IncompleteRequest => "200" : "Incomplete request",
    }
}

/// Which of the two gateways an attempt went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gateway {
    /// `api.traitel.com`, or the URL set with [`ClientBuilder::base_url`](crate::ClientBuilder::base_url).
    Primary,
    /// `api2.traitel.com`, or the URL set with [`ClientBuilder::alternate_url`](crate::ClientBuilder::alternate_url).
    Alternate,
}

impl Gateway {
    /// `primary` or `alternate`.
    pub fn as_str(self) -> &'static str {
        match self {
            Gateway::Primary => "primary",
            Gateway::Alternate => "alternate",
        }
    }
}

impl fmt::Display for Gateway {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything that can go wrong in a call.
///
/// Every text in it that came from a gateway (excerpts, vendor messages, decode reasons) is
/// a [`Redacted`]: it went through the client's redactor, which masks the password in every
/// form a gateway may echo it in before the text is cut to length.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A request field or a builder setting was rejected; nothing was sent.
    #[error("invalid input `{field}`: {reason}")]
    InvalidInput {
        /// The request parameter as the gateway names it (`alias`, `startdate`, `type`), or
        /// the builder setting (`base_url`, `alternate_url`, `http_client`).
        field: String,
        /// Why it was rejected (`is required` for a field a builder did not get).
        reason: String,
    },

    /// The request could not be sent or the response could not be read.
    #[error("{}", transport_text(*.gateway, *.connect))]
    Transport {
        /// The gateway of the last attempt.
        gateway: Gateway,
        /// True when the connection was never established, so the request never reached a
        /// server.
        connect: bool,
        /// The underlying error (a `reqwest::Error` with its URL removed, so no
        /// credentials can show, or the I/O error of a log stream).
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },

    /// The gateway did not answer in time.
    #[error("the {gateway} gateway did not answer within {after:?}")]
    Timeout {
        /// The gateway of the last attempt.
        gateway: Gateway,
        /// The time limit that ran out.
        after: Duration,
    },

    /// The gateway answered with an HTTP status other than 200. The status decides what
    /// the failure means for a resend; a body that is TraiTel's `Error NNN: message` keeps
    /// its code and message too.
    #[error("the {gateway} gateway answered HTTP {status}: {}", status_text(code.as_ref(), message.as_ref(), excerpt))]
    HttpStatus {
        /// The gateway of the last attempt.
        gateway: Gateway,
        /// The HTTP status.
        status: u16,
        /// The start of the body, the password masked.
        excerpt: Redacted,
        /// The vendor's code, when the body is `Error NNN: message`.
        code: Option<ErrorCode>,
        /// The vendor's message of that line, the password masked.
        message: Option<Redacted>,
    },

    /// The body is not what the mode returns.
    #[error("undecodable `{mode}` response{}: {reason}; body starts: {excerpt:?}", row_suffix(*.row))]
    Decode {
        /// The mode called.
        mode: String,
        /// The 1-based CSV data row, when one row was at fault.
        row: Option<u64>,
        /// What was wrong (it may quote the body, so it is masked too).
        reason: Redacted,
        /// A short excerpt of the body (or of the row), the password masked.
        excerpt: Redacted,
    },

    /// TraiTel answered `Error NNN: message`.
    #[error("TraiTel error {code}: {message}")]
    Vendor {
        /// The vendor's code.
        code: ErrorCode,
        /// The vendor's message as sent, the password masked.
        message: Redacted,
    },
}

fn transport_text(gateway: Gateway, connect: bool) -> String {
    if connect {
        format!("could not connect to the {gateway} gateway (the request was not sent)")
    } else {
        format!(
            "transport error talking to the {gateway} gateway (the request may have reached it)"
        )
    }
}

fn status_text(code: Option<&ErrorCode>, message: Option<&Redacted>, excerpt: &Redacted) -> String {
    match code {
        Some(code) => format!(
            "TraiTel error {code}: {}",
            message.map_or("", Redacted::as_str)
        ),
        None => excerpt.to_string(),
    }
}

fn row_suffix(row: Option<u64>) -> String {
    row.map(|r| format!(" (row {r})")).unwrap_or_default()
}

impl Error {
    /// True when the same call may succeed later: transport failures, timeouts, HTTP 429,
    /// 408, 500, 502, 503 and 504, and `Error 001: Service Unavailable`. It is the verdict
    /// the client's own resend decision starts from. Whether it is *safe* to resend is the
    /// one resend rule of [`CallKind::may_resend`](crate::CallKind::may_resend): a write
    /// goes again only when no connection was made or the gateway answered 429.
    pub fn is_retryable(&self) -> bool {
        self.class().is_transient()
    }

    /// The vendor's code as TraiTel sent it (`"001"`, `"105"`), for [`Error::Vendor`] and
    /// an [`Error::HttpStatus`] whose body was `Error NNN: message`.
    pub fn vendor_code(&self) -> Option<&str> {
        self.error_code().map(ErrorCode::as_str)
    }

    /// The vendor's code as the open enum [`ErrorCode`], for [`Error::Vendor`] and for an
    /// [`Error::HttpStatus`] whose body was `Error NNN: message`.
    pub fn error_code(&self) -> Option<&ErrorCode> {
        match self {
            Error::Vendor { code, .. } => Some(code),
            Error::HttpStatus { code, .. } => code.as_ref(),
            _ => None,
        }
    }

    /// The HTTP status of an answer other than 200 ([`Error::HttpStatus`]). TraiTel's own
    /// errors come with 200, so a [`Error::Vendor`] or [`Error::Decode`] has none.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::HttpStatus { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The start of the body (or of the CSV row) the error kept, the password masked:
    /// for [`Error::HttpStatus`] and [`Error::Decode`].
    pub fn excerpt(&self) -> Option<&str> {
        match self {
            Error::HttpStatus { excerpt, .. } | Error::Decode { excerpt, .. } => {
                Some(excerpt.as_str())
            }
            _ => None,
        }
    }

    /// True for `Error 002: Authentication failed` (wrong user or password, or the account
    /// is locked or disabled).
    pub fn is_auth_failure(&self) -> bool {
        self.error_code() == Some(&ErrorCode::AuthenticationFailed)
    }

    /// What this error says about resending the call: the classifier of the send path.
    pub(crate) fn class(&self) -> FailureClass {
        match self {
            Error::Transport { connect: true, .. } => FailureClass::NotConnected,
            Error::Transport { connect: false, .. } | Error::Timeout { .. } => {
                FailureClass::Transient
            }
            Error::HttpStatus { status, .. } => FailureClass::from_status(*status),
            Error::Vendor { code, .. } if *code == ErrorCode::ServiceUnavailable => {
                FailureClass::Transient
            }
            // `Error 002` is not `Refused`: TraiTel has no session or token to renew, so a
            // resend would carry the same user and password and fail the same way.
            Error::Vendor { .. } | Error::InvalidInput { .. } | Error::Decode { .. } => {
                FailureClass::Permanent
            }
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// A body that is not what `mode` returns; `reason` and the excerpt of `body` go
    /// through `redactor`, since both may quote what the gateway sent.
    pub(crate) fn decode(redactor: &Redactor, mode: &str, reason: &str, body: &[u8]) -> Self {
        Error::decode_row(redactor, mode, None, reason, body)
    }

    /// As [`Error::decode`], for one CSV row (`row` is 1-based) or the header (`None`).
    pub(crate) fn decode_row(
        redactor: &Redactor,
        mode: &str,
        row: Option<u64>,
        reason: &str,
        body: &[u8],
    ) -> Self {
        Error::Decode {
            mode: mode.to_owned(),
            row,
            reason: redactor.message(reason),
            excerpt: redactor.excerpt_chars(body, EXCERPT_CHARS),
        }
    }

    /// An answer other than 2xx: its class is the status's; a body whose first line is
    /// `Error NNN: message` (read as [`crate::wire::check_status_line`] reads it) keeps
    /// the vendor's code and message. Every text goes through `redactor`.
    pub(crate) fn http_status(
        redactor: &Redactor,
        gateway: Gateway,
        status: u16,
        body: &[u8],
    ) -> Self {
        let vendor = crate::wire::error_in_body(body);
        Error::HttpStatus {
            gateway,
            status,
            excerpt: redactor.excerpt(body),
            code: vendor.map(|(code, _)| ErrorCode::from(code)),
            message: vendor.map(|(_, message)| redactor.message(message)),
        }
    }

    /// `Error NNN: message`, the message masked.
    pub(crate) fn vendor(redactor: &Redactor, code: &str, message: &str) -> Self {
        Error::Vendor {
            code: ErrorCode::from(code),
            message: redactor.message(message),
        }
    }
}

/// How many characters of a body or row a decode error keeps.
const EXCERPT_CHARS: usize = 120;

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spec_code_is_known_with_a_meaning() {
        let codes = [
            "001", "002", "101", "102", "104", "105", "107", "108", "109", "110", "111", "112",
            "113", "114", "115", "116", "117", "118", "119", "120", "200",
        ];
        for c in codes {
            let code = ErrorCode::from(c);
            assert!(!code.is_unknown(), "{c}");
            assert!(code.description().is_some(), "{c}");
        }
        assert_eq!(ErrorCode::from("103"), ErrorCode::Unknown("103".into()));
    }

    #[test]
    fn display_names_code_and_message() {
        let e = Error::vendor(&Redactor::new(), "112", "Invalid city.");
        assert_eq!(e.to_string(), "TraiTel error 112: Invalid city.");
        assert!(!e.is_retryable());
        assert_eq!(e.vendor_code(), Some("112"));
        assert_eq!(e.error_code(), Some(&ErrorCode::InvalidCity));
        assert_eq!((e.status(), e.excerpt()), (None, None));
        let e = Error::vendor(&Redactor::new(), "150", "Account suspended");
        assert_eq!(e.vendor_code(), Some("150"));
        assert_eq!(e.error_code(), Some(&ErrorCode::Unknown("150".into())));
        assert!(Error::vendor(&Redactor::new(), "002", "x").is_auth_failure());
    }

    #[test]
    fn status_and_excerpt_of_an_http_error() {
        let mut redactor = Redactor::new();
        redactor.add("s3cret-pass");
        let e = Error::http_status(&redactor, Gateway::Primary, 503, b"busy, pass=s3cret-pass");
        assert_eq!(e.status(), Some(503));
        assert_eq!(e.excerpt(), Some("busy, pass=[REDACTED]"));
        assert_eq!(e.vendor_code(), None);
        let e = Error::http_status(
            &redactor,
            Gateway::Alternate,
            401,
            b"\xEF\xBB\xBFError 002: Authentication failed for s3cret-pass\r\n",
        );
        assert_eq!((e.status(), e.vendor_code()), (Some(401), Some("002")));
        assert!(e.is_auth_failure());
        assert_eq!(e.class(), FailureClass::Permanent);
        assert_eq!(
            e.to_string(),
            "the alternate gateway answered HTTP 401: TraiTel error 002: Authentication failed for [REDACTED]"
        );
        let e = Error::http_status(&redactor, Gateway::Primary, 503, b"Error 001: Busy\n");
        assert_eq!(
            (e.vendor_code(), e.class()),
            (Some("001"), FailureClass::Transient)
        );
        let e = Error::http_status(&redactor, Gateway::Primary, 429, b"Error 002: x\n");
        assert_eq!(
            e.class(),
            FailureClass::Throttled,
            "the status decides the class"
        );
        let e = Error::decode(&redactor, "querybalance", "not money", b"Ok\nabc");
        assert_eq!((e.status(), e.excerpt().is_some()), (None, true));
    }

    #[test]
    fn retryable_agrees_with_the_classifier() {
        let r = Redactor::new();
        let status = |status| Error::http_status(&r, Gateway::Primary, status, b"");
        for (error, class) in [
            (status(429), FailureClass::Throttled),
            (status(503), FailureClass::Transient),
            (status(501), FailureClass::Permanent),
            (status(404), FailureClass::Permanent),
            (Error::vendor(&r, "001", "x"), FailureClass::Transient),
            (Error::vendor(&r, "002", "x"), FailureClass::Permanent),
            (
                Error::Timeout {
                    gateway: Gateway::Alternate,
                    after: Duration::from_secs(1),
                },
                FailureClass::Transient,
            ),
            (Error::decode(&r, "m", "bad", b"x"), FailureClass::Permanent),
        ] {
            assert_eq!(error.class(), class, "{error}");
            assert_eq!(error.is_retryable(), class.is_transient(), "{error}");
        }
    }
}
