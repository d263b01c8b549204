//! Telephone numbers in the forms the vendors use.
//!
//! Input is checked ([`PhoneNumber::parse`]); numbers that come back from a vendor are taken as
//! they are ([`PhoneNumber::from_vendor`], and serde), so a response never fails on a number
//! the vendor was happy with.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A telephone number: the text it was made from and, when it could be read, its E.164 form.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    original: String,
    /// Country code plus national number, digits only, when the text could be normalised.
    e164_digits: Option<String>,
}

/// Why a text is not a telephone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhoneNumberError {
    /// Nothing but spaces.
    #[error("phone number is empty")]
    Empty,
    /// A character other than digits, spaces, `+`, `(`, `)`, `-` and `.`.
    #[error("phone number contains {0:?}, only digits, spaces and + ( ) - . are allowed")]
    InvalidCharacter(char),
    /// A `+` that is not the first character.
    #[error("phone number has a '+' that is not at the start")]
    MisplacedPlus,
    /// Too few or too many digits for the form it is in.
    #[error("phone number has {digits} digits; {expected}")]
    WrongLength {
        /// Digits found.
        digits: usize,
        /// What was expected, in words.
        expected: &'static str,
    },
    /// E.164 country codes never start with 0.
    #[error("international number starts with 0, which no country code does")]
    LeadingZero,
}

impl PhoneNumber {
    /// Parses a number given by the caller, normalising it to E.164.
    ///
    /// Accepted: ten NANP digits (`1115550123`, `111-555-0123`, `(111) 555-0123`), eleven
    /// digits starting with 1 (`11115550123`, `1-111-555-0123`), and international numbers
    /// with their country code, with or without `+` (`+61 2 9876 5432`, `61298765432`).
    pub fn parse(text: &str) -> Result<Self, PhoneNumberError> {
        let e164 = normalise(text)?;
        Ok(PhoneNumber {
            original: text.to_owned(),
            e164_digits: Some(e164),
        })
    }

    /// Takes a number as a vendor sent it: never fails, normalises when it can.
    pub fn from_vendor(text: impl Into<String>) -> Self {
        let original = text.into();
        let e164_digits = normalise(&original).ok();
        PhoneNumber {
            original,
            e164_digits,
        }
    }

    /// The text the number was made from.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// True when the number could be normalised to E.164.
    pub fn is_normalised(&self) -> bool {
        self.e164_digits.is_some()
    }

    /// E.164 with the plus: `+11115550123`.
    pub fn e164(&self) -> Option<String> {
        self.e164_digits.as_ref().map(|d| format!("+{d}"))
    }

    /// E.164 without the plus, as several gateways want it: `11115550123`.
    pub fn e164_digits(&self) -> Option<&str> {
        self.e164_digits.as_deref()
    }

    /// True for a North American Numbering Plan number (country code 1).
    pub fn is_nanp(&self) -> bool {
        self.e164_digits
            .as_deref()
            .is_some_and(|d| d.len() == 11 && d.starts_with('1'))
    }

    /// The ten-digit NANP form (`1115550123`), for NANP numbers only.
    pub fn nanp_ten_digits(&self) -> Option<&str> {
        if self.is_nanp() {
            self.e164_digits.as_deref().map(|d| &d[1..])
        } else {
            None
        }
    }
}

fn normalise(text: &str) -> Result<String, PhoneNumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(PhoneNumberError::Empty);
    }
    let mut digits = String::with_capacity(trimmed.len());
    let mut plus = false;
    for (i, c) in trimmed.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            '+' => return Err(PhoneNumberError::MisplacedPlus),
            ' ' | '(' | ')' | '-' | '.' => {}
            other => return Err(PhoneNumberError::InvalidCharacter(other)),
        }
    }
    let international = |digits: String| {
        if digits.starts_with('0') {
            Err(PhoneNumberError::LeadingZero)
        } else if (8..=15).contains(&digits.len()) {
            Ok(digits)
        } else {
            Err(PhoneNumberError::WrongLength {
                digits: digits.len(),
                expected: "an international number has 8 to 15 digits with its country code",
            })
        }
    };
    if plus {
        return international(digits);
    }
    match digits.len() {
        10 => Ok(format!("1{digits}")),
        11 if digits.starts_with('1') => Ok(digits),
        0..=9 => Err(PhoneNumberError::WrongLength {
            digits: digits.len(),
            expected: "a NANP number has 10 digits, an international one 8 to 15 with its country code",
        }),
        _ => international(digits),
    }
}

impl FromStr for PhoneNumber {
    type Err = PhoneNumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PhoneNumber::parse(s)
    }
}

impl fmt::Display for PhoneNumber {
    /// E.164 with `+` when normalised, otherwise the original text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.e164_digits {
            Some(d) => write!(f, "+{d}"),
            None => f.write_str(&self.original),
        }
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({:?})", self.original)
    }
}

impl Serialize for PhoneNumber {
    /// The original text: vendors get back exactly what they sent or what the caller gave.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.original)
    }
}

impl<'de> Deserialize<'de> for PhoneNumber {
    /// Lenient, as for any number a vendor sends: see [`PhoneNumber::from_vendor`].
    /// Accepts a JSON string or an integer.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::lenient::StringOrNumber::deserialize(deserializer)
            .map(|text| PhoneNumber::from_vendor(text.0))
    }
}
