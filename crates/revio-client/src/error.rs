//! The crate's one error type and the vendor's error codes.

use std::time::Duration;

use telecom_core::{FailureClass, Redacted, Redactor, RetryAfter};

use crate::models::Header;

telecom_core::open_enum! {
    /// A Rev.io `Error_Code`, with the description from the Standards page's Error Code
    /// Listing. Codes this version does not know arrive as `Unknown` with their text.
    pub enum ErrorCode {
        /// A2011.
        AgentNotFound => "A2011" : "Agent specified does not exist.",
        /// AT2002.
        OrderCustomerMismatch => "AT2002" : "The Customer_ID on the order does not match the Customer_ID supplied.",
        /// AT2003.
        WorkOrderCustomerMismatch => "AT2003" : "The Customer_ID on the work order does not match the Customer_ID supplied.",
        /// AT2004.
        TicketCustomerMismatch => "AT2004" : "The Customer_ID on the ticket does not match the Customer_ID supplied.",
        /// AT2005.
        TaskCustomerMismatch => "AT2005" : "The Customer_ID on the task does not match the Customer_ID supplied.",
        /// B2012.
        BillProfileNotFound => "B2012" : "Bill Profile does not exist.",
        /// CA2014.
        ProviderNotFound => "CA2014" : "Provider does not exist.",
        /// CA2020.
        ProviderDown => "CA2020" : "Connectivity to the provider is currently down.",
        /// CN2001.
        ConfigurationError => "CN2001" : "Configuration Error.",
        /// CO2025.
        ContactNotFound => "CO2025" : "Contact does not exist.",
        /// CO2026.
        ContactTypeNotFound => "CO2026" : "Contact Type does not exist.",
        /// CO2027.
        ContactTypeMismatch => "CO2027" : "Contact Type ID and Description do not match.",
        /// C2002.
        CustomerNotFound => "C2002" : "Customer ID does not exist.",
        /// C2006.
        CustomerStatusInvalid => "C2006" : "Customer is not in the appropriate status for this action.",
        /// C2007.
        CustomerLifelineStatusInvalid => "C2007" : "Customer's Lifeline Status is not appropriate for this action.",
        /// C2008.
        CustomerHierarchyLocked => "C2008" : "Cannot change customer hierarchy. Please migrate customer via Rev.io UI.",
        /// F2015.
        FileNotFound => "F2015" : "No file can be found with associated file ID.",
        /// S2004: the session key is unknown or no longer valid.
        InvalidSessionKey => "S2004" : "Authorization failure: unknown/invalid Session Key.",
        /// S2005: the username, password or client code was refused.
        InvalidCredentials => "S2005" : "Authorization failure: unknown/invalid Username/Password/Client.",
        /// S2010 (listed twice on the Standards page, also as "Invalid_Input").
        InvalidInput => "S2010" : "Invalid input received.",
        /// S2015.
        UnknownZipCode => "S2015" : "Unknown Zip Code.",
        /// S2017.
        PermissionDenied => "S2017" : "Permission denied.",
        /// I2019.
        InventoryItemNotFound => "I2019" : "Inventory Item ID does not exist.",
        /// L2015.
        LifelineTypeNotFound => "L2015" : "Lifeline Type ID does not exist.",
        /// L2016.
        LifelineProofTypeNotFound => "L2016" : "Lifeline Proof Type ID does not exist.",
        /// L2024.
        ServiceNotFound => "L2024" : "Services does not exist.",
        /// LA2001.
        AllowanceNotFound => "LA2001" : "Allowance specified does not exist.",
        /// LA2002.
        AllowanceQuantityMismatch => "LA2002" : "Allowance quantity does not equal allowance balance.",
        /// LT2001.
        ServiceTypeNotFound => "LT2001" : "Service type does not exist.",
        /// N2001.
        ServiceCustomerMismatch => "N2001" : "The customer on the service does not match the customer supplied.",
        /// N2002.
        OrderCustomerConflict => "N2002" : "The customer on the order does not match the customer supplied.",
        /// O2001.
        OrderNotGenerated => "O2001" : "Order could not be generated.",
        /// O2002.
        OrderNotFound => "O2002" : "Order specified does not exist.",
        /// O2003.
        OrderElementRequired => "O2003" : "Order element is required.",
        /// PB2001.
        PreActivatedBatchNotFound => "PB2001" : "Wireless pre-activated batch not found.",
        /// PC2001.
        ProcessNotFound => "PC2001" : "Process does not exist.",
        /// PK2013.
        PackageNotFound => "PK2013" : "Package does not exist.",
        /// P2001.
        AmountOutOfRange => "P2001" : "Amount must be greater than $0.00, but less than or equal to $99,999.00",
        /// P2020.
        CardNumberInvalid => "P2020" : "Card Number failed LUHN validation.",
        /// P2021.
        CardExpired => "P2021" : "Card is expired.",
        /// P2022: do not retry; the vendor asks to contact Support first.
        CardGatewayFatal => "P2022" : "Credit Card Gateway Fatal Error. Please contact Support before retrying.",
        /// P2025.
        RoutingNumberInvalid => "P2025" : "Routing Number failed validation.",
        /// PNB2001.
        PinBatchNotFound => "PNB2001" : "PIN Batch not found.",
        /// PN2001.
        PinNotFound => "PN2001" : "PIN not found.",
        /// PN2002.
        PinClaimFailed => "PN2002" : "Error claiming PIN.",
        /// PR2023.
        ProductNotFound => "PR2023" : "Product does not exist.",
        /// PT2023.
        ProductTypeNotFound => "PT2023" : "Product Type does not exist.",
        /// R2016.
        ReportNotFound => "R2016" : "Report does not exist.",
        /// R2018.
        ReportFailed => "R2018" : "Report could not be generated.",
        /// T2001.
        TicketNotFound => "T2001" : "Ticket does not exist.",
        /// T2002.
        TicketAttachmentTypeInvalid => "T2002" : "File Type can only be TICKET_ATTACHMENT for ticket attachments.",
        /// TG2001.
        TagNotFound => "TG2001" : "Tag does not exist.",
        /// TS2001.
        TaskNotFound => "TS2001" : "Task does not exist.",
        /// TS2002.
        TaskAttachmentTypeInvalid => "TS2002" : "File Type can only be TASK_ATTACHMENT for task attachments.",
        /// U2001.
        UserNotFound => "U2001" : "User does not exist.",
        /// W2001.
        WorkOrderNotFound => "W2001" : "Work Order specified does not exist.",
    }
}

impl ErrorCode {
    /// The code's family: its letter prefix (`S` for `S2004`, `AT` for `AT2002`).
    pub fn family(&self) -> &str {
        let text = self.as_str();
        let end = text
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(text.len());
        text.get(..end).unwrap_or(text)
    }

    /// True for the authentication failures `S2004` and `S2005`.
    pub fn is_auth_failure(&self) -> bool {
        matches!(
            self,
            ErrorCode::InvalidSessionKey | ErrorCode::InvalidCredentials
        )
    }
}

/// Every way a call can fail.
///
/// Text that came from the server (excerpts, fault strings, decode reasons, vendor messages,
/// a code this version does not know) is a [`Redacted`]: it went through the client's
/// [`Redactor`], which masks every secret the client holds or sent in the call, in each form
/// a server may echo it in.
///
/// ```
/// use revio_client::{Error, ErrorCode};
///
/// fn explain(error: &Error) -> String {
///     match error {
///         Error::Vendor { code: Some(ErrorCode::CardExpired), .. } => "ask for another card".into(),
///         Error::Vendor { .. } | Error::Auth { .. } => {
///             format!("Rev.io said {:?}: {error}", error.vendor_code())
///         }
///         Error::InvalidInput { field, reason } => format!("fix {field}: {reason}"),
///         other if other.is_retryable() => "try again later".into(),
///         other => other.to_string(),
///     }
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A request or a builder setting was rejected before anything was sent.
    #[error("invalid input: {field}: {reason}")]
    InvalidInput {
        /// The offending field: its wire path (`Transaction/Amount`) or the builder setting
        /// (`base_url`).
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The request could not be sent or the response not read.
    #[error("{operation}: transport failure: {source}")]
    Transport {
        /// The operation.
        operation: String,
        /// The HTTP client's error (without the URL).
        #[source]
        source: reqwest::Error,
    },
    /// No whole answer within the configured request timeout (or the time limit of a
    /// `reqwest::Client` the caller configured).
    #[error("{operation}: timed out after {after:?}")]
    Timeout {
        /// The operation.
        operation: String,
        /// How long the attempt ran before it was stopped.
        after: Duration,
    },
    /// A status other than 200 without a SOAP fault in the body.
    #[error("{operation}: unexpected HTTP status {status}: {excerpt}")]
    HttpStatus {
        /// The operation.
        operation: String,
        /// The HTTP status.
        status: u16,
        /// The start of the body, secrets masked.
        excerpt: Redacted,
        /// The server's `Retry-After`, when it sent one.
        retry_after: Option<RetryAfter>,
    },
    /// The body was not the SOAP response expected (HTML, truncated, malformed).
    #[error("{operation}: undecodable response (HTTP {status}): {reason}; body: {excerpt}")]
    Decode {
        /// The operation.
        operation: String,
        /// The HTTP status.
        status: u16,
        /// What did not fit (it may quote the body, so it is masked too).
        reason: Redacted,
        /// The start of the body, secrets masked.
        excerpt: Redacted,
    },
    /// The server answered with a `soap:Fault` (usually HTTP 500 from ASMX).
    #[error("{operation}: SOAP fault {code}: {message}")]
    Fault {
        /// The operation.
        operation: String,
        /// The HTTP status.
        status: u16,
        /// `faultcode`, such as `soap:Client` or `soap:Server` (masked).
        code: Redacted,
        /// `faultstring` (masked).
        message: Redacted,
    },
    /// The server processed the request and reported a failure (`Header/Success = false`).
    #[error(
        "{operation}: Rev.io error {}{}",
        code_text(code),
        details(description, message)
    )]
    Vendor {
        /// The operation that failed.
        operation: String,
        /// The HTTP status the header came with (200: Rev.io reports failures in the body).
        status: u16,
        /// `Error_Code`, when the server sent one (a code this version does not know is
        /// masked like the message).
        code: Option<ErrorCode>,
        /// `Error_Description` (masked), else the documented description of the code.
        description: Option<Redacted>,
        /// `Message` (masked): extra detail the server sometimes adds.
        message: Option<Redacted>,
    },
    /// Authentication failed: `S2005` (credentials refused), or `S2004` (session key refused)
    /// again after a fresh session was created.
    #[error(
        "{operation}: authentication failed: Rev.io error {}{}",
        code_text(code),
        details(description, message)
    )]
    Auth {
        /// The operation that failed.
        operation: String,
        /// The HTTP status the header came with (200).
        status: u16,
        /// `Error_Code`: `S2004` or `S2005`.
        code: Option<ErrorCode>,
        /// `Error_Description` (masked), else the documented description of the code.
        description: Option<Redacted>,
        /// `Message` (masked).
        message: Option<Redacted>,
    },
}

fn code_text(code: &Option<ErrorCode>) -> &str {
    code.as_ref().map_or("(no code)", ErrorCode::as_str)
}

fn details(description: &Option<Redacted>, message: &Option<Redacted>) -> String {
    let mut out = String::new();
    if let Some(description) = description {
        out.push_str(": ");
        out.push_str(description.as_str());
    }
    if let Some(message) = message {
        out.push_str(" (");
        out.push_str(message.as_str());
        out.push(')');
    }
    out
}

impl Error {
    /// The vendor's error code as the server sent it (`"S2004"`), when it gave one.
    pub fn vendor_code(&self) -> Option<&str> {
        self.error_code().map(ErrorCode::as_str)
    }

    /// The vendor's error code as the crate's open enum, when the server gave one.
    pub fn error_code(&self) -> Option<&ErrorCode> {
        match self {
            Error::Vendor { code, .. } | Error::Auth { code, .. } => code.as_ref(),
            _ => None,
        }
    }

    /// The HTTP status, when the failure came with a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::HttpStatus { status, .. }
            | Error::Decode { status, .. }
            | Error::Fault { status, .. }
            | Error::Vendor { status, .. }
            | Error::Auth { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The start of the body the error kept (secrets masked), for an unexpected status or
    /// an undecodable body.
    pub fn excerpt(&self) -> Option<&str> {
        match self {
            Error::HttpStatus { excerpt, .. } | Error::Decode { excerpt, .. } => {
                Some(excerpt.as_str())
            }
            _ => None,
        }
    }

    /// True for failures that may pass: transport failures and timeouts, HTTP 408, 429, 500,
    /// 502, 503 and 504 without a fault, a fault sent with 408, 429, 502, 503 or 504, and
    /// provider connectivity (`CA2020`). This is the
    /// classifier the client's send path uses; whether a particular call is then resent is
    /// the resend rule's decision (see [`CallKind::may_resend`](crate::CallKind::may_resend)):
    /// a write only after no connection was made or an HTTP 429.
    pub fn is_retryable(&self) -> bool {
        self.class().is_transient()
    }

    /// What this error says about resending the attempt that produced it. A refused
    /// session key is classified by the send path, which knows whether it can renew it.
    pub(crate) fn class(&self) -> FailureClass {
        match self {
            Error::Transport { source, .. } if source.is_connect() => FailureClass::NotConnected,
            Error::Transport { .. } | Error::Timeout { .. } => FailureClass::Transient,
            Error::HttpStatus { status, .. } => FailureClass::from_status(*status),
            // A fault in a 200 or 500 answer is the server's verdict on the request (ASMX
            // sends its exceptions as 500 + fault). Under any other status the status says
            // what happened, whatever body came with it: a 429 refused the request before
            // processing it (resendable even for a write, after its Retry-After), a 503 is
            // a passing outage.
            Error::Fault { status, .. } if !matches!(status, 200 | 500) => {
                FailureClass::from_status(*status)
            }
            Error::Vendor {
                code: Some(ErrorCode::ProviderDown),
                ..
            } => FailureClass::Transient,
            _ => FailureClass::Permanent,
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The failure a response `Header` reports (`Success = false`): an [`Error::Auth`] for
    /// `S2004` and `S2005`, else an [`Error::Vendor`]. The server's free text may quote the
    /// request back (a card number in a `Message`, the password in a description, anything
    /// in a code this version does not know), so all of it goes through `redactor`.
    pub(crate) fn from_header(operation: &str, header: &Header, redactor: &Redactor) -> Self {
        let code = header.error_code.as_ref().map(|code| {
            if code.is_unknown() {
                ErrorCode::from(redactor.message(code.as_str()).as_str())
            } else {
                code.clone()
            }
        });
        let description = header
            .error_description
            .as_deref()
            .map(|d| redactor.message(d))
            .or_else(|| {
                code.as_ref()
                    .and_then(ErrorCode::description)
                    .map(Redacted::fixed)
            });
        let message = header.message.as_deref().map(|m| redactor.message(m));
        let operation = operation.to_owned();
        let status = 200;
        if code.as_ref().is_some_and(ErrorCode::is_auth_failure) {
            Error::Auth {
                operation,
                status,
                code,
                description,
                message,
            }
        } else {
            Error::Vendor {
                operation,
                status,
                code,
                description,
                message,
            }
        }
    }

    /// The attempt ran `after` without a whole answer.
    pub(crate) fn timeout(operation: &str, after: Duration) -> Self {
        Error::Timeout {
            operation: operation.to_owned(),
            after,
        }
    }

    /// A `reqwest` failure of one attempt: a timeout, or any other transport failure (a
    /// connect failure among them, which [`Error::class`] tells apart). `elapsed`: how long
    /// the attempt had run, the limit of a timeout the HTTP client itself enforced (a connect
    /// timeout stays a connect failure: nothing was sent).
    pub(crate) fn from_reqwest(operation: &str, elapsed: Duration, e: reqwest::Error) -> Self {
        // The URL is the configured base URL, which may carry credentials in its user part.
        let source = e.without_url();
        if source.is_timeout() && !source.is_connect() {
            Error::timeout(operation, elapsed)
        } else {
            Error::Transport {
                operation: operation.to_owned(),
                source,
            }
        }
    }

    /// A body that is not the response expected: the reason and an excerpt, both masked.
    pub(crate) fn decode(
        redactor: &Redactor,
        operation: &str,
        status: u16,
        reason: &str,
        body: &[u8],
    ) -> Self {
        Error::Decode {
            operation: operation.to_owned(),
            status,
            reason: redactor.message(reason),
            excerpt: excerpt(redactor, body),
        }
    }
}

/// The excerpt of a body an error keeps: the content of its secret-bearing elements masked
/// first (a Sessions_Create answer's `SessionKey_Encoded`, a customer's `SecurityPIN`, none
/// of them values the client sent), then every secret the redactor holds, by value and by
/// shape.
pub(crate) fn excerpt(redactor: &Redactor, body: &[u8]) -> Redacted {
    redactor.excerpt(&crate::wire::mask_secret_elements_in_body(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_stays_small_enough_to_return_by_value() {
        // clippy's `result_large_err` starts at 128 bytes; users' functions return it too.
        assert!(
            std::mem::size_of::<Error>() <= 128,
            "{}",
            std::mem::size_of::<Error>()
        );
    }

    #[test]
    fn a_fault_is_classed_by_the_status_it_came_with() {
        let fault = |status| Error::Fault {
            operation: "Contacts_Delete".into(),
            status,
            code: Redacted::fixed("soap:Server"),
            message: Redacted::fixed("busy"),
        };
        assert_eq!(fault(429).class(), FailureClass::Throttled);
        for status in [408, 502, 503, 504] {
            assert_eq!(fault(status).class(), FailureClass::Transient, "{status}");
            assert!(fault(status).is_retryable());
        }
        for status in [200, 400, 404, 500] {
            assert_eq!(fault(status).class(), FailureClass::Permanent, "{status}");
        }
    }

    #[test]
    fn a_header_failure_is_vendor_or_auth_and_masks_an_unknown_code() {
        let mut redactor = Redactor::new();
        redactor.add("hunter2-secret");
        let mut header = Header {
            success: Some(false),
            error_code: Some(ErrorCode::from("X-hunter2-secret")),
            message: Some("again hunter2-secret".into()),
            ..Header::default()
        };
        let error = Error::from_header("Customers_Query", &header, &redactor);
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains("hunter2-secret"), "{shown}");
        assert!(
            matches!(error, Error::Vendor { status: 200, .. }),
            "{error:?}"
        );
        assert!(error.vendor_code().is_some_and(|c| c.starts_with("X-")));

        header.error_code = Some(ErrorCode::InvalidCredentials);
        header.message = None;
        let error = Error::from_header("Sessions_Create", &header, &redactor);
        assert!(matches!(error, Error::Auth { .. }), "{error:?}");
        assert_eq!(error.vendor_code(), Some("S2005"));
        assert_eq!(error.error_code(), Some(&ErrorCode::InvalidCredentials));
        assert_eq!(error.status(), Some(200));
        assert!(
            error.to_string().contains("unknown/invalid Username"),
            "{error}"
        );
    }
}
