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
}
