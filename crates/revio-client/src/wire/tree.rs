//! A small element tree read with quick-xml: local names only (any prefix, or none), text,
//! `xsi:nil`, and each element's byte span so raw XML can be handed back to the caller.

use std::borrow::Cow;
use std::ops::Range;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One XML element, namespace prefixes dropped. Names and text borrow from the document
/// where they can (no entity to resolve), which keeps large responses cheap to read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Element<'a> {
    /// The local name (`soap:Body` is `Body`).
    pub(crate) name: Cow<'a, str>,
    /// `xsi:nil="true"` was set.
    pub(crate) nil: bool,
    /// The element's own text, entities resolved (whitespace between children included).
    pub(crate) text: Cow<'a, str>,
    /// Child elements, in document order.
    pub(crate) children: Vec<Element<'a>>,
    /// Where the element sits in the document, start tag to end tag.
    pub(crate) span: Range<usize>,
    /// What is between its tags (empty for `<a/>`).
    pub(crate) inner: Range<usize>,
}

impl<'a> Element<'a> {
    /// The first child with this local name.
    pub(crate) fn child(&self, name: &str) -> Option<&Element<'a>> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The text of the first child with this local name, trimmed; `None` when absent or empty.
    pub(crate) fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name)
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
    }

    /// True when the element carries no value: `xsi:nil`, or no children and blank text.
    pub(crate) fn is_empty(&self) -> bool {
        self.nil || (self.children.is_empty() && self.text.trim().is_empty())
    }
}

/// How deep elements may nest. Rev.io's answers nest about ten deep; a bound keeps the
/// recursive steps that follow the parse (the typed decode, dropping the tree) within a
/// small stack whatever the server sends.
pub(crate) const MAX_DEPTH: usize = 128;

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError(pub(crate) String);

/// The local name of the tag starting at byte `at` of `body`, borrowed when possible.
fn local_name<'a>(body: &'a str, at: usize, qualified: &[u8]) -> Cow<'a, str> {
    let start = at.saturating_add(1);
    let borrowed = body
        .get(start..start.saturating_add(qualified.len()))
        .filter(|name| name.as_bytes() == qualified);
    match borrowed {
        Some(name) => Cow::Borrowed(name.rsplit(':').next().unwrap_or(name)),
        None => {
            let text = String::from_utf8_lossy(qualified);
            Cow::Owned(text.rsplit(':').next().unwrap_or(&text).to_owned())
        }
    }
}

fn is_nil(start: &BytesStart<'_>) -> bool {
    start.attributes().flatten().any(|a| {
        let key = a.key.as_ref();
        let local = key.rsplit(|b| *b == b':').next().unwrap_or(key);
        local == b"nil"
            && a.unescape_value()
                .map(|v| matches!(v.trim(), "true" | "1"))
                .unwrap_or(false)
    })
}

fn open<'a>(body: &'a str, start: &BytesStart<'_>, at: usize, after: usize) -> Element<'a> {
    Element {
        name: local_name(body, at, start.name().as_ref()),
        nil: is_nil(start),
        text: Cow::Borrowed(""),
        children: Vec::new(),
        span: at..after,
        inner: after..after,
    }
}

fn position(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// Reads a whole document and returns its root element. A truncated or malformed document,
/// or one with no element at all, is an error.
pub(crate) fn parse(body: &str) -> Result<Element<'_>, ParseError> {
    // quick-xml skips a byte-order mark inside its first event, so positions would start
    // at the mark while the first tag starts after it: read past it here, and count it, so
    // every span is a range of `body` itself.
    let skip = if body.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut reader = Reader::from_str(&body[skip..]);
    let mut stack: Vec<Element<'_>> = Vec::new();
    let mut root: Option<Element<'_>> = None;
    loop {
        let before = position(&reader).saturating_add(skip);
        let event = reader.read_event().map_err(|e| {
            let at = position(&reader).saturating_add(skip);
            let hint = if at >= body.len() {
                " (the body ends early: truncated?)"
            } else {
                ""
            };
            ParseError(format!("malformed XML at byte {at}: {e}{hint}"))
        })?;
        let after = position(&reader).saturating_add(skip);
        match event {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(ParseError(format!(
                        "elements nest more than {MAX_DEPTH} deep"
                    )));
                }
                stack.push(open(body, &start, before, after));
            }
            Event::Empty(start) => {
                let element = open(body, &start, before, after);
                attach(&mut stack, &mut root, element)?;
            }
            Event::End(_) => {
                let mut element = stack
                    .pop()
                    .ok_or_else(|| ParseError("an end tag closes nothing".into()))?;
                element.span.end = after;
                element.inner.end = before;
                attach(&mut stack, &mut root, element)?;
            }
            Event::Text(text) => {
                if let Some(top) = stack.last_mut() {
                    let decoded = text
                        .decode()
                        .map_err(|e| ParseError(format!("text is not valid UTF-8: {e}")))?;
                    if top.text.is_empty() {
                        top.text = decoded;
                    } else {
                        top.text.to_mut().push_str(&decoded);
                    }
                }
            }
            Event::CData(data) => {
                if let Some(top) = stack.last_mut() {
                    top.text.to_mut().push_str(&String::from_utf8_lossy(&data));
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(top) = stack.last_mut() {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        Ok(None) => reference.decode().ok().and_then(|name| entity(&name)),
                        Err(e) => return Err(ParseError(format!("bad character reference: {e}"))),
                    };
                    let c =
                        resolved.ok_or_else(|| ParseError("unknown entity reference".into()))?;
                    top.text.to_mut().push(c);
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(ParseError(format!(
            "the document ends inside <{}> (truncated body?)",
            open.name
        )));
    }
    root.ok_or_else(|| ParseError("the body holds no XML element".into()))
}

fn attach<'a>(
    stack: &mut [Element<'a>],
    root: &mut Option<Element<'a>>,
    element: Element<'a>,
) -> Result<(), ParseError> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(element),
        None if root.is_none() => *root = Some(element),
        None => return Err(ParseError("more than one root element".into())),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_nil_entities_and_spans() {
        let doc = r#"<?xml version="1.0"?><s:Envelope xmlns:s="x" xmlns:i="y"><s:Body><A>1 &amp; 2&#33;</A><B i:nil="true"/><C><![CDATA[<x>]]></C></s:Body></s:Envelope>"#;
        let root = parse(doc).unwrap();
        assert_eq!(root.name, "Envelope");
        let body = root.child("Body").unwrap();
        assert_eq!(body.child_text("A"), Some("1 & 2!"));
        assert!(body.child("B").unwrap().nil);
        assert_eq!(body.child_text("C"), Some("<x>"));
        let a = body.child("A").unwrap();
        assert_eq!(&doc[a.span.clone()], "<A>1 &amp; 2&#33;</A>");
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = |n: usize| format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
        let error = parse(&deep(MAX_DEPTH + 1)).unwrap_err();
        assert!(error.0.contains("nest"), "{error:?}");
        // A body far deeper than any stack allows is refused, not followed.
        assert!(parse(&deep(100_000)).is_err());
    }

    #[test]
    fn inner_ranges_sit_between_the_tags() {
        let doc = r#"<R><A x=">">1<!-- c --><![CDATA[2]]></A><B/></R>"#;
        let root = parse(doc).unwrap();
        let a = root.child("A").unwrap();
        assert_eq!(&doc[a.inner.clone()], "1<!-- c --><![CDATA[2]]>");
        assert_eq!(a.text, "12");
        let b = root.child("B").unwrap();
        assert!(b.inner.is_empty());
        assert_eq!(&doc[b.span.clone()], "<B/>");
    }

    #[test]
    fn truncated_and_html_bodies_are_errors() {
        assert!(parse("<Envelope><Body><A>1</A>").is_err());
        assert!(parse("not xml at all").is_err());
        assert!(parse("").is_err());
        assert!(parse("<html><body><p>Service Unavailable<br></body></html>").is_err());
    }
}
