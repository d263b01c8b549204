//! Telephone numbers in the forms the vendors use.
//!
//! Input is checked ([`PhoneNumber::parse`]); numbers that come back from a vendor are taken as
//! they are ([`PhoneNumber::from_vendor`], and serde), so a response never fails on a number
//! the vendor was happy with.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A telephone number: the text it was made from and, when it could be read, its E.164 form.
///
/// Neither part allocates for a number of usual length, and a number a vendor sent is
/// normalised on first use only: a log of a million rows carries two numbers a row.
#[derive(Clone)]
pub struct PhoneNumber {
    original: inline::Text,
    /// Country code plus national number, digits only, when the text could be normalised;
    /// a function of `original`, so equality and hashing look at `original` alone.
    e164_digits: OnceLock<Option<inline::Digits>>,
}

impl PartialEq for PhoneNumber {
    fn eq(&self, other: &Self) -> bool {
        self.original == other.original
    }
}

impl Eq for PhoneNumber {}

impl Hash for PhoneNumber {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.original.hash(state);
    }
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
            original: inline::Text::new(text),
            e164_digits: OnceLock::from(Some(e164)),
        })
    }

    /// Takes a number as a vendor sent it: never fails, normalises when it can.
    pub fn from_vendor(text: impl Into<String>) -> Self {
        PhoneNumber {
            original: inline::Text::from_string(text.into()),
            e164_digits: OnceLock::new(),
        }
    }

    /// As [`PhoneNumber::from_vendor`], from borrowed text: a number of usual length is
    /// kept without allocating, where `from_vendor(&str)` first makes a `String`.
    pub fn from_vendor_str(text: &str) -> Self {
        PhoneNumber {
            original: inline::Text::new(text),
            e164_digits: OnceLock::new(),
        }
    }

    /// The text the number was made from.
    pub fn original(&self) -> &str {
        self.original.as_str()
    }

    /// True when the number could be normalised to E.164.
    pub fn is_normalised(&self) -> bool {
        self.digits().is_some()
    }

    /// E.164 with the plus: `+11115550123`.
    pub fn e164(&self) -> Option<String> {
        self.e164_digits().map(|d| format!("+{d}"))
    }

    /// E.164 without the plus, as several gateways want it: `11115550123`.
    pub fn e164_digits(&self) -> Option<&str> {
        self.digits().map(inline::Digits::as_str)
    }

    fn digits(&self) -> Option<&inline::Digits> {
        self.e164_digits
            .get_or_init(|| normalise(self.original()).ok())
            .as_ref()
    }

    /// True for a North American Numbering Plan number (country code 1).
    pub fn is_nanp(&self) -> bool {
        self.e164_digits()
            .is_some_and(|d| d.len() == 11 && d.starts_with('1'))
    }

    /// The ten-digit NANP form (`1115550123`), for NANP numbers only.
    pub fn nanp_ten_digits(&self) -> Option<&str> {
        if self.is_nanp() {
            self.e164_digits().and_then(|d| d.get(1..))
        } else {
            None
        }
    }
}

fn normalise(text: &str) -> Result<inline::Digits, PhoneNumberError> {
    let bytes = text.as_bytes();
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7F);
    // `str::trim` scans for Unicode spaces; a number read from a vendor rarely has any.
    let trimmed = if visible(bytes.first()) && visible(bytes.last()) {
        text
    } else {
        text.trim()
    };
    if trimmed.is_empty() {
        return Err(PhoneNumberError::Empty);
    }
    let mut digits = inline::Digits::default();
    let mut count = 0usize;
    let mut plus = false;
    // Bytes, not chars: every accepted character is ASCII, and the first other one is the
    // error, so a multi-byte character is decoded only to be named in it.
    for (i, &b) in trimmed.as_bytes().iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                digits.push(b);
                count += 1;
            }
            b'+' if i == 0 => plus = true,
            b'+' => return Err(PhoneNumberError::MisplacedPlus),
            b' ' | b'(' | b')' | b'-' | b'.' => {}
            _ => {
                let other = trimmed.get(i..).and_then(|t| t.chars().next());
                return Err(PhoneNumberError::InvalidCharacter(
                    other.unwrap_or('\u{FFFD}'),
                ));
            }
        }
    }
    let international = |digits: inline::Digits| {
        if digits.first() == Some(b'0') {
            Err(PhoneNumberError::LeadingZero)
        } else if (8..=15).contains(&count) {
            Ok(digits)
        } else {
            Err(PhoneNumberError::WrongLength {
                digits: count,
                expected: "an international number has 8 to 15 digits with its country code",
            })
        }
    };
    if plus {
        return international(digits);
    }
    match count {
        10 => Ok(digits.with_nanp_prefix()),
        11 if digits.first() == Some(b'1') => Ok(digits),
        0..=9 => Err(PhoneNumberError::WrongLength {
            digits: count,
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
        match self.e164_digits() {
            Some(d) => write!(f, "+{d}"),
            None => f.write_str(self.original()),
        }
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({:?})", self.original())
    }
}

impl Serialize for PhoneNumber {
    /// The original text: vendors get back exactly what they sent or what the caller gave.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.original())
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

/// Short texts kept inline, so a number read from a vendor costs no allocation.
mod inline {
    use std::hash::{Hash, Hasher};

    /// The most bytes kept inline; a longer text goes to the heap.
    const TEXT_INLINE: usize = 30;
    /// The most digits E.164 allows.
    const MAX_DIGITS: usize = 15;

    /// A text, inline when it is at most `TEXT_INLINE` bytes.
    #[derive(Clone)]
    pub(super) enum Text {
        Inline { len: u8, bytes: [u8; TEXT_INLINE] },
        Heap(Box<str>),
    }

    impl Text {
        pub(super) fn new(text: &str) -> Self {
            let len = text.len();
            if len <= TEXT_INLINE {
                let mut bytes = [0; TEXT_INLINE];
                bytes[..len].copy_from_slice(text.as_bytes());
                // `len` fits: it is at most `TEXT_INLINE`.
                Text::Inline {
                    len: len as u8,
                    bytes,
                }
            } else {
                Text::Heap(text.into())
            }
        }

        pub(super) fn from_string(text: String) -> Self {
            if text.len() <= TEXT_INLINE {
                Text::new(&text)
            } else {
                Text::Heap(text.into_boxed_str())
            }
        }

        pub(super) fn as_str(&self) -> &str {
            match self {
                // Whole UTF-8 always: the bytes are a copy of a `&str`.
                Text::Inline { len, bytes } => {
                    std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
                }
                Text::Heap(text) => text,
            }
        }
    }

    impl PartialEq for Text {
        fn eq(&self, other: &Self) -> bool {
            self.as_str() == other.as_str()
        }
    }

    impl Eq for Text {}

    impl Hash for Text {
        fn hash<H: Hasher>(&self, state: &mut H) {
            self.as_str().hash(state);
        }
    }

    /// Up to `MAX_DIGITS` ASCII digits; more are counted by the caller, not kept.
    #[derive(Clone, Copy, Default)]
    pub(super) struct Digits {
        len: u8,
        bytes: [u8; MAX_DIGITS + 1],
    }

    impl Digits {
        /// Appends a digit; past the room there is, the digit is dropped (such a text is
        /// too long for E.164 and is never kept).
        pub(super) fn push(&mut self, digit: u8) {
            if let Some(slot) = self.bytes.get_mut(usize::from(self.len)) {
                *slot = digit;
                self.len += 1;
            }
        }

        pub(super) fn first(&self) -> Option<u8> {
            self.as_bytes().first().copied()
        }

        /// Ten NANP digits with the country code `1` in front.
        pub(super) fn with_nanp_prefix(self) -> Self {
            let mut out = Digits::default();
            out.push(b'1');
            for &d in self.as_bytes() {
                out.push(d);
            }
            out
        }

        fn as_bytes(&self) -> &[u8] {
            &self.bytes[..usize::from(self.len)]
        }

        pub(super) fn as_str(&self) -> &str {
            // ASCII digits only: always UTF-8.
            std::str::from_utf8(self.as_bytes()).unwrap_or_default()
        }
    }

    impl PartialEq for Digits {
        fn eq(&self, other: &Self) -> bool {
            self.as_bytes() == other.as_bytes()
        }
    }

    impl Eq for Digits {}

    impl Hash for Digits {
        fn hash<H: Hasher>(&self, state: &mut H) {
            self.as_str().hash(state);
        }
    }
}
