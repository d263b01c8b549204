//! Types shared by every action: the `msg_code` catalogue, the request `source`, `"Y"`/`"N"`
//! flags and the ids that arrive as numbers or strings.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use telecom_core::lenient::StringOrNumber;

telecom_core::open_enum! {
    /// The vendor's `msg_code`. Meanings from the spec's status table and the vendor sheet's
    /// catalogue; a code this version does not know is kept in `Unknown`.
    pub enum MsgCode {
        /// Success.
        Success => "RESTAPI000" : "Success",
        /// Authentication or token failure: invalid credentials, "Invalid Token", "Token
        /// already used", "Token expire", "Invalid Access!!".
        AuthFailure => "RESTAPI001" : "Authentication or token failure (invalid credentials, invalid, used or expired token, invalid access)",
        /// Several errors, listed in `errors`.
        MultipleErrors => "RESTAPI010" : "Multiple errors come in an array",
        /// The module is missing.
        ModuleRequired => "RESTAPI101" : "Module required",
        /// The action is missing.
        ActionRequired => "RESTAPI102" : "Action required",
        /// The source is blank or not allowed for this agent.
        SourceNotAllowed => "RESTAPI103" : "Source not allowed or blank",
        /// The agent id or agent password is wrong or missing.
        InvalidAgent => "RESTAPI104" : "Invalid agent ID or password",
        /// The module does not exist.
        ModuleNotFound => "RESTAPI105" : "Module does not exist",
        /// The action does not exist.
        ActionNotFound => "RESTAPI106" : "Action does not exist",
        /// The company is invalid.
        InvalidCompany => "RESTAPI107" : "Invalid company",
        /// The HTTP method is not POST.
        InvalidMethod => "RESTAPI108" : "Invalid method",
        /// The agent may not use this action.
        Unauthorized => "RESTAPI109" : "Unauthorized access",
        /// A validation or business error; the details are in `errors`.
        ValidationError => "RESTAPI110" : "Validation or business error, details in errors",
    }
}

impl MsgCode {
    /// True for `RESTAPI000`.
    pub fn is_success(&self) -> bool {
        *self == MsgCode::Success
    }
}

/// Where the call comes from: the envelope's `source`. The agent's permissions decide which
/// sources the vendor accepts (RESTAPI103 otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Source {
    /// `API` (the default).
    #[default]
    Api,
    /// `WEBSITE`.
    Website,
    /// `ENROLLMENT_PORTAL`.
    EnrollmentPortal,
    /// `TABLET`.
    Tablet,
}

impl Source {
    /// The wire text.
    pub fn as_str(&self) -> &'static str {
        match self {
            Source::Api => "API",
            Source::Website => "WEBSITE",
            Source::EnrollmentPortal => "ENROLLMENT_PORTAL",
            Source::Tablet => "TABLET",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Source {
    type Err = crate::Error;
    /// Reads the wire text, case-insensitively (one vendor page writes `Enrollment_portal`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Source::Api,
            Source::Website,
            Source::EnrollmentPortal,
            Source::Tablet,
        ]
        .into_iter()
        .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
        .ok_or_else(|| {
            crate::Error::invalid(
                "source",
                format!("{s:?} is not one of API, WEBSITE, ENROLLMENT_PORTAL, TABLET"),
            )
        })
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

telecom_core::open_enum! {
    /// A flag as the vendor writes it in responses: `"Y"`/`"N"`, also `"YES"`/`"NO"`, `"1"`/`"0"`
    /// or the numbers `1`/`0`. Anything else (including `""`) is kept in `Unknown`.
    pub enum YesNo {
        /// Yes.
        Yes => "Y" | "YES" | "1" | "true",
        /// No.
        No => "N" | "NO" | "0" | "false",
    }
}

impl YesNo {
    /// `Some(true)` for yes, `Some(false)` for no, `None` for an unknown value.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            YesNo::Yes => Some(true),
            YesNo::No => Some(false),
            _ => None,
        }
    }
}

macro_rules! lenient_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        ///
        /// Accepts a JSON number or a string; written back as a string.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id.
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            /// The id's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The id as a number, when it is one.
            pub fn as_u64(&self) -> Option<u64> {
                self.0.parse().ok()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name(id.to_owned())
            }
        }

        impl From<u64> for $name {
            fn from(id: u64) -> Self {
                $name(id.to_string())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                StringOrNumber::deserialize(deserializer).map(|t| $name(t.0))
            }
        }
    };
}

lenient_id!(
    /// A pending order id (`pending_id`, a number in the spec's sample).
    PendingId
);
lenient_id!(
    /// A customer id (`customer_id`, a string in one sample and a number in another).
    CustomerId
);
lenient_id!(
    /// An order id from `make_payment` (`order_id`), passed on to customer creation.
    OrderId
);

/// A US zip code as text. The vendor's schema types `zip_code` as an integer, so a server
/// following it writes `7502` for `"07502"`: a number under 100000 is written back with its
/// leading zeros; text is kept as sent.
pub(crate) fn opt_zip<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    if let Some(zip) = value.as_u64().filter(|n| *n < 100_000) {
        return Ok(Some(format!("{zip:05}")));
    }
    telecom_core::lenient::opt_text(value).map_err(serde::de::Error::custom)
}
