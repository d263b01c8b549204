//! SMS message text as the SMS logs carry it (`MessageType` + `Message`).

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
    let hex: Vec<u8> = raw.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !hex.len().is_multiple_of(4) {
        return Err(format!(
            "U16 message has {} hex digits, not a multiple of 4",
            hex.len()
        ));
    }
    let mut units = Vec::with_capacity(hex.len() / 4);
    for chunk in hex.chunks_exact(4) {
        // `from_str_radix` would take a leading `+`; only hex digits are hex here.
        if !chunk.iter().all(u8::is_ascii_hexdigit) {
            return Err(format!(
                "U16 message has {:?}, which is not hex",
                String::from_utf8_lossy(chunk)
            ));
        }
        let text = std::str::from_utf8(chunk).map_err(|_| "U16 message is not hex".to_owned())?;
        let unit = u16::from_str_radix(text, 16)
            .map_err(|_| format!("U16 message has {text:?}, which is not hex"))?;
        units.push(unit);
    }
    String::from_utf16(&units).map_err(|_| "U16 message is not valid UTF-16".to_owned())
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
        let m = SmsMessage::decode(MessageType::from("UCS2"), "abc".into());
        assert_eq!(m.map(|m| m.text), Ok(None));
    }
}
