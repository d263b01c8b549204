//! Small text helpers shared by the vendor codecs.

/// How many characters of a body an error keeps by default.
pub const EXCERPT_CHARS: usize = 256;

/// A short, printable excerpt of a response body for error messages: at most `max_chars`
/// characters, invalid UTF-8 replaced, control characters other than new lines escaped,
/// and `…` appended when something was cut.
pub fn excerpt(body: &[u8], max_chars: usize) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out = String::with_capacity(max_chars.min(text.len()) + 3);
    let mut chars = text.chars();
    for c in chars.by_ref().take(max_chars) {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {}
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// Reads a JSON body as `T`. The body is checked as UTF-8 once, whole, then read as text:
/// reading it as bytes makes serde_json check each string on its own, which costs more for
/// the many short strings of a vendor answer (a tenth of an iQmetrix activation's decode),
/// and lets bytes that are not UTF-8 through where a string is skipped. A body that is not
/// UTF-8 is not JSON (RFC 8259) and is refused whatever `T` reads of it.
///
/// One leading UTF-8 byte order mark is skipped (RFC 8259 section 8.1 lets a parser ignore
/// it, and Windows servers send it); every vendor body read as JSON comes through here.
pub fn read_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> serde_json::Result<T> {
    match std::str::from_utf8(strip_bom(body)) {
        Ok(text) => serde_json::from_str(text),
        Err(e) => Err(serde::de::Error::custom(format_args!(
            "the body is not UTF-8 (at byte {})",
            e.valid_up_to()
        ))),
    }
}

/// The UTF-8 encoding of U+FEFF, the byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `body` without one leading UTF-8 byte order mark: for readers of a vendor body that look
/// at its text before (or instead of) reading it as JSON. Borrows; nothing is copied.
pub fn strip_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(BOM).unwrap_or(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_on_characters_and_marks_the_cut() {
        assert_eq!(excerpt(b"hello", 10), "hello");
        assert_eq!(excerpt("héllo wörld".as_bytes(), 5), "héllo…");
        assert_eq!(excerpt(b"a\r\nb\x07", 10), "a\nb\\u{7}");
        assert_eq!(excerpt(&[0xff, b'a'], 10), "\u{fffd}a");
    }

    #[test]
    fn json_is_read_from_text_and_bad_utf8_is_an_error() {
        let read: Vec<String> = read_json(b"[\"a\",\"\\u00e9\",\"\xc3\xa9\"]").unwrap();
        assert_eq!(read, ["a", "\u{e9}", "\u{e9}"]);
        assert!(read_json::<Vec<String>>(b"[\"\xff\"]").is_err());
        // Not even where what is read skips the string.
        assert!(read_json::<serde::de::IgnoredAny>(b"[\"\xff\"]").is_err());
        assert!(read_json::<Vec<String>>(b"[\"a\"").is_err());
    }

    #[test]
    fn one_leading_byte_order_mark_is_skipped() {
        let read: Vec<u8> = read_json(b"\xEF\xBB\xBF[1, 2]").unwrap();
        assert_eq!(read, [1, 2]);
        let read: serde_json::Value = read_json("\u{feff}{\"a\":1}".as_bytes()).unwrap();
        assert_eq!(read["a"], 1);
        // One only, and only in front.
        assert!(read_json::<Vec<u8>>(b"\xEF\xBB\xBF\xEF\xBB\xBF[1]").is_err());
        assert!(read_json::<Vec<u8>>(b"[1]\xEF\xBB\xBF").is_err());
        assert_eq!(strip_bom(b"\xEF\xBB\xBFok"), b"ok");
        assert_eq!(strip_bom(b"\xEF\xBBok"), b"\xEF\xBBok");
    }
}
