//! SMS message text as the SMS logs carry it (`MessageType` + `Message`).

use std::borrow::Cow;

use serde::Serialize;

telecom_core::open_enum! {
    /// How a logged SMS text is encoded (`MessageType`).
    pub enum MessageType {
        /// ASCII text; new lines are escaped with a backslash.
        Ascii => "ASCII",
        /// UTF-16 text as a hexadecimal string of big-endian code units.
        U16 => "U16",
    }
}

/// A logged SMS text: the raw column, and the text decoded from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SmsMessage {
    /// `MessageType`.
    pub kind: MessageType,
    /// `Message`, exactly as logged.
    pub raw: String,
    /// The decoded text; `None` for a `MessageType` this version does not know.
    pub text: Option<String>,
}

impl SmsMessage {
    /// Decodes `raw` per `kind`. A `U16` text that is not whole hex UTF-16 is an error.
    pub fn decode(kind: MessageType, raw: String) -> Result<Self, String> {
        let text = match &kind {
            MessageType::Ascii => Some(unescape_ascii(&raw)),
            MessageType::U16 => Some(decode_u16_hex(&raw)?),
            MessageType::Unknown(_) => None,
        };
        Ok(SmsMessage { kind, raw, text })
    }
}

/// A logged SMS text borrowed from the row it is in ([`crate::LogRows`]); the text is
/// decoded when asked for, a `U16` text checked when the row is read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SmsMessageRef<'a> {
    /// `MessageType`.
    pub kind: MessageType,
    /// `Message`, exactly as logged.
    pub raw: &'a str,
}

impl<'a> SmsMessageRef<'a> {
    /// Checks `raw` per `kind` without decoding it: a `U16` text that is not whole hex
    /// UTF-16 is the same error as [`SmsMessage::decode`] gives.
    pub fn decode(kind: MessageType, raw: &'a str) -> Result<Self, String> {
        if kind == MessageType::U16 {
            // Every group is checked for hex before any for UTF-16, as the decoder does.
            for unit in u16_units(raw)? {
                unit?;
            }
            let units = u16_units(raw)?.map(|u| u.unwrap_or_default());
            if char::decode_utf16(units).any(|c| c.is_err()) {
                return Err(NOT_UTF16.to_owned());
            }
        }
        Ok(SmsMessageRef { kind, raw })
    }

    /// The decoded text, borrowed when it needs no unescaping; `None` for a `MessageType`
    /// this version does not know.
    pub fn text(&self) -> Option<Cow<'a, str>> {
        match &self.kind {
            MessageType::Ascii if !self.raw.contains('\\') => Some(Cow::Borrowed(self.raw)),
            MessageType::Ascii => Some(Cow::Owned(unescape_ascii(self.raw))),
            MessageType::U16 => decode_u16_hex(self.raw).ok().map(Cow::Owned),
            MessageType::Unknown(_) => None,
        }
    }
}

impl From<SmsMessageRef<'_>> for SmsMessage {
    fn from(message: SmsMessageRef<'_>) -> Self {
        SmsMessage {
            text: message.text().map(Cow::into_owned),
            raw: message.raw.to_owned(),
            kind: message.kind,
        }
    }
}

const NOT_UTF16: &str = "U16 message is not valid UTF-16";

/// Undoes the log's escaping: `\` before a new line (or `\n`, `\r` written out) stands for
/// that new line, `\\` for one backslash; any other backslash is kept as it is.
pub fn unescape_ascii(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('n') | Some('\n') => {
                chars.next();
                out.push('\n');
            }
            Some('r') => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    // `\r\n` written out is one new line.
                    let mut ahead = chars.clone();
                    ahead.next();
                    if ahead.peek() == Some(&'n') {
                        chars.next();
                        chars.next();
                    }
                }
                out.push('\n');
            }
            Some('\r') => {
                chars.next();
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            Some('\\') => {
                chars.next();
                out.push('\\');
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// Decodes a hex string of UTF-16BE code units (`0048 0069` or `00480069`).
pub fn decode_u16_hex(raw: &str) -> Result<String, String> {
    let units = u16_units(raw)?.collect::<Result<Vec<u16>, String>>()?;
    String::from_utf16(&units).map_err(|_| NOT_UTF16.to_owned())
}

/// The code units of a hex UTF-16BE text, spaces ignored; an error when the digits are not
/// a multiple of 4, and for each group of 4 that is not hex.
fn u16_units(raw: &str) -> Result<impl Iterator<Item = Result<u16, String>> + '_, String> {
    let digits = raw.bytes().filter(|b| !b.is_ascii_whitespace()).count();
    if !digits.is_multiple_of(4) {
        return Err(format!(
            "U16 message has {digits} hex digits, not a multiple of 4"
        ));
    }
    let mut hex = raw.bytes().filter(|b| !b.is_ascii_whitespace());
    Ok(std::iter::from_fn(move || {
        let chunk = [hex.next()?, hex.next()?, hex.next()?, hex.next()?];
        Some(u16_unit(chunk))
    }))
}

fn u16_unit(chunk: [u8; 4]) -> Result<u16, String> {
    let mut unit = 0u16;
    for b in chunk {
        // `from_str_radix` would take a leading `+`; only hex digits are hex here.
        let digit = char::from(b).to_digit(16).ok_or_else(|| {
            format!(
                "U16 message has {:?}, which is not hex",
                String::from_utf8_lossy(&chunk)
            )
        })?;
        unit = unit * 16 + digit as u16;
    }
    Ok(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_new_lines() {
        assert_eq!(unescape_ascii(r"line 1\nline 2"), "line 1\nline 2");
        assert_eq!(unescape_ascii("line 1\\\nline 2"), "line 1\nline 2");
        assert_eq!(unescape_ascii(r"a\r\nb"), "a\nb");
        assert_eq!(unescape_ascii(r"c:\\temp \x"), r"c:\temp \x");
        assert_eq!(unescape_ascii("tail\\"), "tail\\");
    }

    #[test]
    fn u16_hex() {
        assert_eq!(decode_u16_hex("00480069").as_deref(), Ok("Hi"));
        assert_eq!(decode_u16_hex("041f04400438").as_deref(), Ok("При"));
        assert_eq!(decode_u16_hex("D83DDE00").as_deref(), Ok("😀"));
        assert!(decode_u16_hex("0048006").is_err());
        assert!(decode_u16_hex("00zz").is_err());
        assert!(decode_u16_hex("D83D").is_err());
        assert!(decode_u16_hex("+048").is_err());
        assert!(SmsMessage::decode(MessageType::U16, "xyz".into()).is_err());
        for bad in ["0048006", "00zz", "D83D", "+048", "DE00 0041"] {
            assert_eq!(
                SmsMessageRef::decode(MessageType::U16, bad).err(),
                SmsMessage::decode(MessageType::U16, bad.into()).err(),
                "{bad}"
            );
        }
        let hi = SmsMessageRef::decode(MessageType::U16, "0048 0069").map(|m| m.text());
        assert_eq!(hi, Ok(Some(Cow::Owned("Hi".into()))));
        let plain = SmsMessageRef::decode(MessageType::Ascii, "a b").map(|m| m.text());
        assert_eq!(plain, Ok(Some(Cow::Borrowed("a b"))));
        let m = SmsMessage::decode(MessageType::from("UCS2"), "abc".into());
        assert_eq!(m.map(|m| m.text), Ok(None));
    }
}
