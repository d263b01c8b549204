//! Exact decimal amounts of money.
//!
//! Vendors send amounts as JSON numbers (`499`, `53.38`), as decimal strings (`"53.38"`) or as
//! CSV/XML text. [`Money`] keeps the exact decimal value and the scale it arrived with, so an
//! amount read from a vendor is written back digit for digit.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact amount of money, with no currency attached (every vendor API here is single-currency).
///
/// Backed by [`rust_decimal::Decimal`]: 96-bit mantissa, up to 28 fractional digits.
///
/// With serde it reads a JSON number or a decimal string and writes a JSON **number** whose
/// digits are exactly the stored ones (`499` stays `499`, `53.30` stays `53.30`). For formats
/// other than JSON (XML, forms) use its `Display` text or the [`as_string`] adapter.
///
/// A JSON number is converted by `serde_json` before it reaches us; numbers of up to 15
/// significant digits (every real amount) arrive exactly. Send longer amounts as strings.
///
/// Reading (text or serde) accepts at most [`Money::MAX_INTEGER_DIGITS`] digits before the
/// point, far beyond any amount these vendors send, so that adding or summing amounts that
/// were read can never overflow: it would take more than ten trillion of the largest ones.
/// Fraction digits are not bounded (a .NET `decimal` such as Rev.io's may carry 28 of them);
/// past the 28 significant digits `Decimal` holds, a sum rounds the last fraction digit
/// rather than fail. [`Money::checked_add`] and
/// [`Money::checked_sum`] are there for amounts built from arbitrary [`Decimal`]s.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// The text given to [`Money::from_str`] was not a plain decimal number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "not a decimal amount of at most {} integer digits: {input:?}",
    Money::MAX_INTEGER_DIGITS
)]
pub struct ParseMoneyError {
    input: String,
}

/// 10^0 ..= 10^28, for bound checks on a `Decimal`'s mantissa.
const POWERS_OF_TEN: [u128; 29] = {
    let mut powers = [1_u128; 29];
    let mut i = 1;
    while i < powers.len() {
        powers[i] = powers[i - 1] * 10;
        i += 1;
    }
    powers
};

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// The most digits before the decimal point that reading accepts (a quadrillion less one).
    pub const MAX_INTEGER_DIGITS: u32 = 15;

    /// True when the value is one that reading accepts.
    fn within_read_bounds(value: &Decimal) -> bool {
        // |mantissa| / 10^scale < 10^15, in integers: a `Decimal` comparison rescales both
        // sides, and this check runs on every amount read.
        // A mantissa has at most 29 digits (96 bits), below any limit of 29 digits or more.
        match POWERS_OF_TEN.get((Self::MAX_INTEGER_DIGITS + value.scale()) as usize) {
            Some(limit) => value.mantissa().unsigned_abs() < *limit,
            None => true,
        }
    }

    /// Wraps an exact decimal.
    pub const fn new(value: Decimal) -> Self {
        Money(value)
    }

    /// An amount from a whole number of minor units: `from_minor(5338, 2)` is `53.38`.
    pub fn from_minor(units: i64, scale: u32) -> Self {
        Money(Decimal::new(units, scale))
    }

    /// The exact decimal value.
    pub const fn as_decimal(&self) -> Decimal {
        self.0
    }

    /// True when the amount is below zero (Rev.io uses this for credits).
    pub fn is_negative(&self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// True when the amount is zero, whatever its scale.
    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// The amount rounded half-away-from-zero to `dp` fractional digits (`round_dp(2)` for cents).
    pub fn round_dp(&self, dp: u32) -> Self {
        Money(
            self.0
                .round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// The common amount (`0.05`, `125.50`: digits, at most one point, no sign, at most 18
    /// digits) without the general parser; `None` for any other text, which the general
    /// parser then reads or rejects. Gives what `Decimal::from_str_exact` gives: the same
    /// mantissa and scale.
    #[inline]
    fn parse_short(text: &[u8]) -> Option<Money> {
        if !(1..=19).contains(&text.len()) || !text[0].is_ascii_digit() {
            return None;
        }
        let mut mantissa: u64 = 0;
        let mut point: Option<usize> = None;
        for (i, &b) in text.iter().enumerate() {
            match b {
                // 19 digits without a point overflow an i64: the general parser reads them.
                b'0'..=b'9' => {
                    mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                }
                b'.' if point.is_none() && i + 1 < text.len() => point = Some(i),
                _ => return None,
            }
        }
        let (integer_digits, scale) = match point {
            Some(at) => (at, text.len() - at - 1),
            None => (text.len(), 0),
        };
        // At most 18 digits in all: what the general parser would refuse or read
        // differently is left to it.
        if integer_digits + scale > 18 || integer_digits > Self::MAX_INTEGER_DIGITS as usize {
            return None;
        }
        // At most 18 digits: the mantissa fits the low 64 of the 96 bits, and the scale is
        // within what `Decimal` holds, so the parts are the value with no check left to do.
        let scale = u32::try_from(scale).ok()?;
        Some(Money(Decimal::from_parts(
            mantissa as u32,
            (mantissa >> 32) as u32,
            0,
            false,
            scale,
        )))
    }

    /// Adds without panicking; `None` on overflow of the 96-bit mantissa.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// Subtracts without panicking; `None` on overflow of the 96-bit mantissa.
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// Sums without panicking; `None` if the total overflows the 96-bit mantissa.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(amounts: I) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |total, amount| total.checked_add(amount))
    }
}

impl From<Decimal> for Money {
    fn from(value: Decimal) -> Self {
        Money(value)
    }
}

impl From<Money> for Decimal {
    fn from(value: Money) -> Self {
        value.0
    }
}

impl From<i64> for Money {
    fn from(value: i64) -> Self {
        Money(Decimal::from(value))
    }
}

impl FromStr for Money {
    type Err = ParseMoneyError;

    /// Parses a plain decimal (`53.38`, `-100`, `+1.5`, `.5`); surrounding spaces are ignored.
    /// Exponents, thousands separators and currency symbols are rejected.
    #[inline]
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match Money::parse_short(s.as_bytes()) {
            Some(money) => Ok(money),
            None => Money::parse_general(s),
        }
    }
}

impl Money {
    /// Any text the short reader leaves (signs, spaces, long amounts) and every error.
    fn parse_general(s: &str) -> Result<Money, ParseMoneyError> {
        let text = s.trim();
        let err = || ParseMoneyError {
            input: s.chars().take(64).collect(),
        };
        let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
        let plain = !digits.is_empty()
            && digits.chars().any(|c| c.is_ascii_digit())
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && digits.matches('.').count() <= 1;
        if !plain {
            return Err(err());
        }
        Decimal::from_str_exact(text)
            .ok()
            .filter(Money::within_read_bounds)
            .map(Money)
            .ok_or_else(err)
    }
}

impl fmt::Display for Money {
    /// The plain decimal with the scale it has: `53.38`, `-100`, `0.10`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({})", self.0)
    }
}

impl Add for Money {
    type Output = Money;
    /// Cannot overflow for amounts that were read (see [`Money`]); panics on overflow of the
    /// 96-bit mantissa for larger values built by hand, like integer addition; see
    /// [`Money::checked_add`].
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    /// Cannot overflow for amounts that were read (see [`Money`]); panics on overflow for
    /// larger values built by hand, like integer subtraction; see [`Money::checked_sub`].
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, rhs: Money) {
        self.0 -= rhs.0;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A raw JSON token keeps the exact digits; serde_json would otherwise go through f64.
        let raw = serde_json::value::RawValue::from_string(self.0.to_string())
            .map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // rust_decimal reads integers exactly, strings exactly, and floats through their
        // shortest round-trip text, which is the text the vendor sent.
        let value = <Decimal as Deserialize>::deserialize(deserializer)?;
        if !Money::within_read_bounds(&value) {
            return Err(serde::de::Error::custom(format_args!(
                "an amount of more than {} integer digits",
                Money::MAX_INTEGER_DIGITS
            )));
        }
        Ok(Money(value))
    }
}

/// Serde adapter that writes [`Money`] as a decimal **string** (for XML, forms and vendors
/// that quote amounts) and reads either a string or a number.
///
/// ```
/// # use telecom_core::Money;
/// #[derive(serde::Serialize)]
/// struct Fee {
///     #[serde(with = "telecom_core::money::as_string")]
///     amount: Money,
/// }
/// let json = serde_json::to_string(&Fee { amount: "9.90".parse().unwrap() }).unwrap();
/// assert_eq!(json, r#"{"amount":"9.90"}"#);
/// ```
pub mod as_string {
    use super::Money;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the amount as its plain decimal text.
    pub fn serialize<S: Serializer>(value: &Money, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    /// Reads a decimal string or a number.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        Money::deserialize(deserializer)
    }
}

#[cfg(test)]
mod short_parse_tests {
    use super::*;

    fn agrees(text: &str) {
        let exact = Decimal::from_str_exact(text)
            .ok()
            .filter(Money::within_read_bounds);
        if let Some(short) = Money::parse_short(text.as_bytes()) {
            let exact = exact.unwrap_or_else(|| panic!("{text:?}: short reads, exact does not"));
            assert_eq!(short.0.mantissa(), exact.mantissa(), "{text:?}");
            assert_eq!(short.0.scale(), exact.scale(), "{text:?}");
            assert_eq!(short.0, exact, "{text:?}");
            assert_eq!(short.to_string(), exact.to_string(), "{text:?}");
        }
    }

    #[test]
    fn the_short_path_reads_what_the_exact_parser_reads() {
        for text in [
            "0",
            "00",
            "0.0",
            "0.050",
            "007.50",
            "125.50",
            "5.",
            ".5",
            "1..2",
            "1.2.3",
            "999999999999999",
            "1000000000000000",
            "999999999999999.999",
            "0.000000000000000001",
            "123456789012345678",
            // The mantissa's low and middle 32-bit words, each side of the split.
            "4294967295",
            "4294967296",
            "42949672.97",
            "1234567890123456789",
            "+1",
            "-1",
            " 1",
            "1 ",
            "1e5",
            "",
        ] {
            agrees(text);
        }
    }

    /// The bound as a `Decimal` comparison states it.
    fn within_by_comparison(value: &Decimal) -> bool {
        value.abs() < Decimal::from(10_i64.pow(Money::MAX_INTEGER_DIGITS))
    }

    #[test]
    fn the_integer_bound_check_is_the_decimal_comparison() {
        for text in [
            "0",
            "999999999999999",
            "-999999999999999",
            "1000000000000000",
            "-1000000000000000",
            "999999999999999.9999999999999",
            "1000000000000000.0000000000000",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "99999999999999.99999999999999",
        ] {
            let value = Decimal::from_str_exact(text).expect("a decimal");
            assert_eq!(
                Money::within_read_bounds(&value),
                within_by_comparison(&value),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn short_path_agrees(text in "[0-9.]{1,20}") {
            agrees(&text);
        }

        #[test]
        fn integer_bound_agrees(mantissa in proptest::num::i128::ANY, scale in 0_u32..=28) {
            let mantissa = mantissa % 79_228_162_514_264_337_593_543_950_336;
            let value = Decimal::from_i128_with_scale(mantissa, scale);
            proptest::prop_assert_eq!(
                Money::within_read_bounds(&value),
                within_by_comparison(&value)
            );
        }
    }
}
