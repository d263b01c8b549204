//! The markup scanner under [`super::tree`]: it cuts a document into start and end tags,
//! text, references, `CDATA` and the markup the tree skips (comments, processing
//! instructions, the XML declaration, a `DOCTYPE`), each with its byte range.
//!
//! It reads what quick-xml's reader reads with its default settings, and refuses what that
//! reader refuses (the fuzz checks hold it to that, `fuzzing::tree_agrees`), but it works on
//! the one string the whole body is: no event type to build, no copy of each open name, and
//! the positions are known, not asked for. The tree takes about as long to build as the
//! body takes to scan, so the scan's speed is most of a large answer's read.
//!
//! End tags are matched to start tags by the tree, which keeps the open elements anyway.

use memchr::{memchr, memchr2, memchr3};

use super::tree::ParseError;

/// One piece of a document. Ranges are byte ranges of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// `<name attributes>` (`empty`: `<name attributes/>`). `content` is what is between
    /// `<` and `>` (or `/>`); its name is the first `name_len` bytes.
    Start {
        content: &'a str,
        name_len: usize,
        empty: bool,
        at: usize,
        after: usize,
    },
    /// `</name>`: the name as written, white space after it dropped.
    End {
        name: &'a str,
        at: usize,
        after: usize,
    },
    /// Text up to the next `<` or `&`.
    Text { at: usize, end: usize },
    /// `&name;`: `name` is what is between `&` and `;`, not yet resolved.
    Reference {
        name: &'a str,
        at: usize,
        after: usize,
    },
    /// What a `CDATA` section holds.
    CData { data: &'a str },
    /// A comment, a processing instruction, the XML declaration or a `DOCTYPE`.
    Skipped,
}

/// XML's white space, as quick-xml has it.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\r' | b'\n' | b'\t')
}

/// Walks a document from a byte offset (past a byte-order mark) to its end.
pub(crate) struct Scanner<'a> {
    body: &'a str,
    at: usize,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(body: &'a str, from: usize) -> Self {
        Scanner { body, at: from }
    }

    fn bytes(&self) -> &'a [u8] {
        self.body.as_bytes()
    }

    /// `body[from..to]`; every range cut here ends next to an ASCII byte, so on a
    /// character boundary.
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.body.get(from..to).unwrap_or_default()
    }

    fn malformed(&self, at: usize, what: &str) -> ParseError {
        ParseError(format!(
            "malformed XML at byte {at}: {what} (the body ends early: truncated?)"
        ))
    }

    /// The next piece, or `None` at the end of the body.
    pub(crate) fn next_token(&mut self) -> Result<Option<Token<'a>>, ParseError> {
        let bytes = self.bytes();
        let at = self.at;
        let Some(rest) = bytes.get(at..).filter(|rest| !rest.is_empty()) else {
            return Ok(None);
        };
        match rest[0] {
            b'<' => self.markup(at).map(Some),
            b'&' => self.reference(at).map(Some),
            _ => {
                let end = memchr2(b'<', b'&', rest).map_or(bytes.len(), |i| at + i);
                self.at = end;
                Ok(Some(Token::Text { at, end }))
            }
        }
    }

    fn reference(&mut self, at: usize) -> Result<Token<'a>, ParseError> {
        let bytes = self.bytes();
        let from = at + 1;
        match memchr3(b';', b'&', b'<', bytes.get(from..).unwrap_or_default()) {
            Some(i) if bytes.get(from + i) == Some(&b';') => {
                self.at = from + i + 1;
                Ok(Token::Reference {
                    name: self.slice(from, from + i),
                    at,
                    after: self.at,
                })
            }
            _ => Err(ParseError(format!(
                "malformed XML at byte {at}: an `&` that starts no reference (write `&amp;`)"
            ))),
        }
    }

    /// The index of the `>` that ends a tag starting at `from`, outside quoted values.
    fn tag_end(&self, from: usize) -> Option<usize> {
        let bytes = self.bytes();
        let mut quote = None;
        let mut i = from;
        loop {
            let rest = bytes.get(i..)?;
            let hit = match quote {
                None => i + memchr3(b'>', b'"', b'\'', rest)?,
                Some(q) => i + memchr(q, rest)?,
            };
            match (quote, bytes[hit]) {
                (None, b'>') => return Some(hit),
                (None, q) => quote = Some(q),
                (Some(_), _) => quote = None,
            }
            i = hit + 1;
        }
    }

    fn markup(&mut self, at: usize) -> Result<Token<'a>, ParseError> {
        let bytes = self.bytes();
        match bytes.get(at + 1) {
            None => Err(self.malformed(at, "a tag is not closed")),
            Some(b'!') => self.bang(at),
            Some(b'/') => {
                let gt = self
                    .tag_end(at + 2)
                    .ok_or_else(|| self.malformed(at, "an end tag is not closed"))?;
                let written = self.slice(at + 2, gt);
                // White space after the name is dropped; a name of white space only stays
                // as written, as quick-xml keeps it.
                let name = match written.bytes().rposition(|b| !is_space(b)) {
                    Some(last) => self.slice(at + 2, at + 3 + last),
                    None => written,
                };
                self.at = gt + 1;
                Ok(Token::End {
                    name,
                    at,
                    after: self.at,
                })
            }
            Some(b'?') => {
                // `?>`, the `?` after the one that opened it (`<??>` is a whole one).
                let from = at + 2;
                let mut i = from;
                loop {
                    let gt = bytes
                        .get(i..)
                        .and_then(|rest| memchr(b'>', rest))
                        .map(|j| i + j)
                        .ok_or_else(|| {
                            self.malformed(at, "a processing instruction is not closed")
                        })?;
                    if gt > from && bytes[gt - 1] == b'?' {
                        self.at = gt + 1;
                        return Ok(Token::Skipped);
                    }
                    if gt == from {
                        // `<?>`: the `?` that opened it cannot close it.
                        return Err(self.malformed(at, "a processing instruction is not closed"));
                    }
                    i = gt + 1;
                }
            }
            Some(_) => {
                let gt = self
                    .tag_end(at + 1)
                    .ok_or_else(|| self.malformed(at, "a start tag is not closed"))?;
                let written = self.slice(at + 1, gt);
                let (content, empty) = match written.strip_suffix('/') {
                    Some(content) => (content, true),
                    None => (written, false),
                };
                let name_len = content.bytes().position(is_space).unwrap_or(content.len());
                self.at = gt + 1;
                Ok(Token::Start {
                    content,
                    name_len,
                    empty,
                    at,
                    after: self.at,
                })
            }
        }
    }

    /// `<!--`, `<![CDATA[` or `<!DOCTYPE`, from the `<` at `at`.
    fn bang(&mut self, at: usize) -> Result<Token<'a>, ParseError> {
        let bytes = self.bytes();
        // From the `!`, as quick-xml measures these.
        let from = at + 1;
        let rest = bytes.get(from..).unwrap_or_default();
        let gts = || memchr::memchr_iter(b'>', rest);
        match rest.get(1) {
            Some(b'-') => {
                let end = gts()
                    .find(|&i| i > 4 && rest[..i].ends_with(b"--"))
                    .ok_or_else(|| self.malformed(at, "a comment is not closed"))?;
                if !rest.starts_with(b"!--") {
                    return Err(self.malformed(at, "a comment is not closed"));
                }
                self.at = from + end + 1;
                Ok(Token::Skipped)
            }
            Some(b'[') => {
                let end = gts()
                    .find(|&i| rest[..i].ends_with(b"]]"))
                    .ok_or_else(|| self.malformed(at, "a CDATA section is not closed"))?;
                if !rest.starts_with(b"![CDATA[") || end < 10 {
                    return Err(self.malformed(at, "a CDATA section is not closed"));
                }
                self.at = from + end + 1;
                Ok(Token::CData {
                    data: self.slice(from + 8, from + end - 2),
                })
            }
            Some(b'D' | b'd') => {
                // A `DOCTYPE` ends at the `>` that balances every `<` in it.
                let mut depth = 0usize;
                let mut end = None;
                for i in memchr::memchr2_iter(b'<', b'>', rest) {
                    if rest[i] == b'<' {
                        depth += 1;
                    } else if depth == 0 {
                        end = Some(i);
                        break;
                    } else {
                        depth -= 1;
                    }
                }
                let end = end.ok_or_else(|| self.malformed(at, "a DOCTYPE is not closed"))?;
                let declared = rest
                    .get(..8)
                    .is_some_and(|head| head.eq_ignore_ascii_case(b"!DOCTYPE"));
                if !declared {
                    return Err(self.malformed(at, "a DOCTYPE is not closed"));
                }
                if rest[8..end].iter().all(|&b| is_space(b)) {
                    return Err(ParseError(format!(
                        "malformed XML at byte {at}: a DOCTYPE without a name"
                    )));
                }
                self.at = from + end + 1;
                Ok(Token::Skipped)
            }
            _ => Err(ParseError(format!(
                "malformed XML at byte {at}: `<!` starts no comment, CDATA or DOCTYPE"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(body: &str) -> Result<Vec<Token<'_>>, ParseError> {
        let mut scanner = Scanner::new(body, 0);
        let mut out = Vec::new();
        while let Some(token) = scanner.next_token()? {
            out.push(token);
        }
        Ok(out)
    }

    #[test]
    fn tags_text_and_references_with_their_ranges() {
        let body = r#"<a x="1>2" y='/'>t&amp;u</a ><b/>"#;
        assert_eq!(
            tokens(body).unwrap(),
            [
                Token::Start {
                    content: r#"a x="1>2" y='/'"#,
                    name_len: 1,
                    empty: false,
                    at: 0,
                    after: 17
                },
                Token::Text { at: 17, end: 18 },
                Token::Reference {
                    name: "amp",
                    at: 18,
                    after: 23
                },
                Token::Text { at: 23, end: 24 },
                Token::End {
                    name: "a",
                    at: 24,
                    after: 29
                },
                Token::Start {
                    content: "b",
                    name_len: 1,
                    empty: true,
                    at: 29,
                    after: 33
                },
            ]
        );
    }

    #[test]
    fn comments_cdata_pis_and_doctypes() {
        let body = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"x\">]><!-- a -- b --><??>\
                    <![CDATA[<x>]]]><!---->";
        let found = tokens(body).unwrap();
        assert_eq!(found.len(), 6, "{found:?}");
        assert_eq!(found[4], Token::CData { data: "<x>]" });
        assert!(
            found
                .iter()
                .enumerate()
                .all(|(i, t)| i == 4 || *t == Token::Skipped)
        );
    }

    #[test]
    fn unclosed_and_unknown_markup_is_refused() {
        for body in [
            "<",
            "<a",
            "<a x='>",
            "</a",
            "<!-- x ->",
            "<!-->",
            "<![CDATA[x]>",
            "<![cdata[x]]>",
            "<!DOCTYPE>",
            "<!DOCTYPE r",
            "<!x>",
            "<?x",
            "<?>",
            "a & b",
            "&amp",
            "&a<",
        ] {
            assert!(tokens(body).is_err(), "{body:?}");
        }
    }
}
