//! The one error type of the crate, and the vendor's error codes.

use std::time::Duration;

use crate::Gateway;

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

/// Everything that can go wrong in a call.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input was rejected before anything was sent.
    #[error("invalid input `{field}`: {reason}")]
    InvalidInput {
        /// The request field (the vendor's parameter name).
        field: &'static str,
        /// Why it was rejected.
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

    /// The gateway answered with an HTTP status other than 200.
    #[error("the {gateway} gateway answered HTTP {status}: {excerpt}")]
    HttpStatus {
        /// The gateway of the last attempt.
        gateway: Gateway,
        /// The HTTP status.
        status: u16,
        /// The start of the body.
        excerpt: String,
    },

    /// The body is not what the mode returns.
    #[error("undecodable `{mode}` response{}: {reason}; body starts: {excerpt:?}", row_suffix(*.row))]
    Decode {
        /// The mode called.
        mode: String,
        /// The 1-based CSV data row, when one row was at fault.
        row: Option<u64>,
        /// What was wrong.
        reason: String,
        /// A short excerpt of the body (or of the row).
        excerpt: String,
    },

    /// TraiTel answered `Error NNN: message`.
    #[error("TraiTel error {code}: {message}")]
    Vendor {
        /// The vendor's code.
        code: ErrorCode,
        /// The vendor's message, as sent.
        message: String,
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

fn row_suffix(row: Option<u64>) -> String {
    row.map(|r| format!(" (row {r})")).unwrap_or_default()
}

impl Error {
    /// The vendor's error code, for [`Error::Vendor`].
    pub fn vendor_code(&self) -> Option<&ErrorCode> {
        match self {
            Error::Vendor { code, .. } => Some(code),
            _ => None,
        }
    }

    /// True when the same call may succeed later: transport failures, timeouts, HTTP 5xx
    /// and 429, and `Error 001: Service Unavailable`. Whether it is *safe* to resend a
    /// write is another question; the client resends writes only after connect failures.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { .. } | Error::Timeout { .. } => true,
            Error::HttpStatus { status, .. } => *status >= 500 || *status == 429,
            Error::Vendor { code, .. } => *code == ErrorCode::ServiceUnavailable,
            Error::InvalidInput { .. } | Error::Decode { .. } => false,
        }
    }

    /// True for `Error 002: Authentication failed`.
    pub fn is_auth(&self) -> bool {
        self.vendor_code() == Some(&ErrorCode::AuthenticationFailed)
    }

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field,
            reason: reason.into(),
        }
    }

    pub(crate) fn decode(mode: &str, reason: impl Into<String>, body: &[u8]) -> Self {
        Error::Decode {
            mode: mode.to_owned(),
            row: None,
            reason: reason.into(),
            excerpt: telecom_core::text::excerpt(body, 120),
        }
    }
}

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
        let e = Error::Vendor {
            code: ErrorCode::InvalidCity,
            message: "Invalid city.".into(),
        };
        assert_eq!(e.to_string(), "TraiTel error 112: Invalid city.");
        assert!(!e.is_retryable());
        assert_eq!(e.vendor_code(), Some(&ErrorCode::InvalidCity));
    }
}
