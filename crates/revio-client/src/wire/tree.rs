//! A flat element tree read with quick-xml: local names only (any prefix, or none), text,
//! `xsi:nil`, and each element's byte span so raw XML can be handed back to the caller.
//!
//! Every element is one [`Node`] of a single `Vec`, in document order, so an element's
//! descendants are the nodes after it up to its `next`: no `Vec` per element to fill and
//! drop. Names and text are byte ranges of the body; only text the XML splits up (around a
//! child, a comment or `CDATA`) is copied out, and text with entity references is resolved
//! when it is read, from the body, checked here already.

use std::borrow::Cow;
use std::ops::Range;

use quick_xml::events::{BytesRef, BytesStart};

use super::scan::{Scanner, Token};

/// How deep elements may nest. Rev.io's answers nest about ten deep; a bound keeps the
/// recursive steps that follow the parse (the typed decode) within a small stack whatever
/// the server sends.
pub(crate) const MAX_DEPTH: usize = 128;

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError(pub(crate) String);

/// Where a name or a text is: positions are `u32` to keep nodes small (a body is refused
/// from 4 GiB on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// `body[start..end]` as it is.
    Span(u32, u32),
    /// `body[start..end]`: text and entity references only, every reference checked.
    Escaped(u32, u32),
    /// `Document::owned[index]`.
    Owned(u32),
}

const NO_TEXT: Piece = Piece::Span(0, 0);

#[derive(Debug, Clone)]
struct Node {
    name: Piece,
    /// [`name_hash`] of the name.
    hash: u32,
    text: Piece,
    nil: bool,
    /// `nil`, or no children and blank text: found once when the element closes, since
    /// every optional field asks.
    empty: bool,
    /// An earlier sibling has the same name.
    repeats: bool,
    /// A later sibling has the same name.
    repeated: bool,
    /// Start tag to end tag.
    span: (u32, u32),
    /// Between the tags (empty for `<a/>`).
    inner: (u32, u32),
    /// The index after this element's last descendant: its next sibling, if it has one.
    next: u32,
}

/// A parsed document.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    body: &'a str,
    nodes: Vec<Node>,
    owned: Vec<String>,
}

/// One element of a [`Document`].
#[derive(Clone, Copy)]
pub(crate) struct Element<'d> {
    doc: &'d Document<'d>,
    /// Looked up once: every accessor reads it.
    node: &'d Node,
    id: u32,
}

impl std::fmt::Debug for Element<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}> at {:?}", self.name(), self.span())
    }
}

fn range(start: u32, end: u32) -> Range<usize> {
    start as usize..end as usize
}

impl<'a> Document<'a> {
    /// The root element.
    pub(crate) fn root(&self) -> Element<'_> {
        self.element(0)
    }

    /// The element at `id` (as [`Element::id`] gave it).
    pub(crate) fn element(&self, id: u32) -> Element<'_> {
        Element {
            doc: self,
            node: self.node(id),
            id,
        }
    }

    /// Adds an element with no content outside the tree (spans empty), for a result the
    /// vendor did not send; returns its id.
    pub(crate) fn add_empty(&mut self, name: String) -> u32 {
        let name = self.own(name);
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            hash: name_hash(self.piece(name).as_bytes()),
            name,
            text: NO_TEXT,
            nil: false,
            empty: true,
            repeats: false,
            repeated: false,
            span: (0, 0),
            inner: (0, 0),
            next: id + 1,
        });
        id
    }

    fn own(&mut self, text: String) -> Piece {
        let index = self.owned.len() as u32;
        self.owned.push(text);
        Piece::Owned(index)
    }

    fn node(&self, id: u32) -> &Node {
        static EMPTY: Node = Node {
            name: NO_TEXT,
            hash: 0,
            text: NO_TEXT,
            nil: true,
            empty: true,
            repeats: false,
            repeated: false,
            span: (0, 0),
            inner: (0, 0),
            next: 0,
        };
        self.nodes.get(id as usize).unwrap_or(&EMPTY)
    }

    /// The text holds nothing but white space.
    #[inline]
    fn blank(&self, text: Piece) -> bool {
        match text {
            Piece::Span(start, end) => match self.body.as_bytes().get(range(start, end)) {
                // A value starts with what it holds: most are told at their first byte.
                Some([first, ..]) if solid(*first) => false,
                Some([]) | None => true,
                Some(_) => blank(self.body.get(range(start, end)).unwrap_or_default()),
            },
            Piece::Escaped(start, end) => {
                let raw = self.body.get(range(start, end)).unwrap_or_default();
                // Only a reference (`&#32;`) can make text that looks written blank.
                raw.trim_start().starts_with('&') && blank(&unescape(raw))
            }
            Piece::Owned(_) => blank(&self.piece(text)),
        }
    }

    fn piece(&self, piece: Piece) -> Cow<'_, str> {
        match piece {
            Piece::Span(start, end) => {
                Cow::Borrowed(self.body.get(range(start, end)).unwrap_or_default())
            }
            Piece::Escaped(start, end) => {
                unescape(self.body.get(range(start, end)).unwrap_or_default())
            }
            Piece::Owned(index) => Cow::Borrowed(
                self.owned
                    .get(index as usize)
                    .map(String::as_str)
                    .unwrap_or_default(),
            ),
        }
    }

    /// Looks for an earlier sibling named `name` among the closed siblings from `first` up
    /// to `end`, and marks it as repeated; true when there is one.
    fn mark_repeated(&mut self, first: u32, end: u32, hash: u32, name: &[u8]) -> bool {
        let mut at = first;
        while at < end {
            let node = self.node(at);
            let next = node.next.max(at.saturating_add(1));
            if node.hash == hash && self.name_of(at).as_bytes() == name {
                if let Some(node) = self.nodes.get_mut(at as usize) {
                    node.repeated = true;
                }
                return true;
            }
            at = next;
        }
        false
    }

    fn name_of(&self, id: u32) -> &str {
        self.name_str(self.node(id))
    }

    fn name_str(&self, node: &Node) -> &str {
        match node.name {
            Piece::Span(start, end) => self.body.get(range(start, end)).unwrap_or_default(),
            Piece::Owned(index) => self
                .owned
                .get(index as usize)
                .map(String::as_str)
                .unwrap_or_default(),
            Piece::Escaped(..) => "",
        }
    }
}

impl<'d> Element<'d> {
    /// Where this element is in its document (stable while the document lives).
    pub(crate) fn id(self) -> u32 {
        self.id
    }

    fn node(self) -> &'d Node {
        self.node
    }

    /// The local name (`soap:Body` is `Body`).
    pub(crate) fn name(self) -> &'d str {
        self.doc.name_str(self.node)
    }

    /// A hash of the name: elements with different hashes have different names.
    pub(crate) fn name_hash(self) -> u32 {
        self.node().hash
    }

    /// An earlier sibling has the same name.
    pub(crate) fn repeats(self) -> bool {
        self.node().repeats
    }

    /// A later sibling has the same name.
    pub(crate) fn repeated(self) -> bool {
        self.node().repeated
    }

    /// `xsi:nil="true"` was set.
    #[cfg(test)]
    pub(crate) fn nil(self) -> bool {
        self.node().nil
    }

    /// The element's own text, entities resolved (white space between children included).
    pub(crate) fn text(self) -> Cow<'d, str> {
        self.doc.piece(self.node().text)
    }

    /// The element's own text holds nothing but white space.
    #[cfg(test)]
    pub(crate) fn text_is_blank(self) -> bool {
        self.doc.blank(self.node().text)
    }

    /// Where the element sits in the document, start tag to end tag.
    pub(crate) fn span(self) -> Range<usize> {
        let (start, end) = self.node().span;
        range(start, end)
    }

    /// What is between its tags (empty for `<a/>`).
    pub(crate) fn inner(self) -> Range<usize> {
        let (start, end) = self.node().inner;
        range(start, end)
    }

    /// True when it has child elements.
    pub(crate) fn has_children(self) -> bool {
        self.node().next > self.id.saturating_add(1)
    }

    /// Child elements, in document order.
    pub(crate) fn children(self) -> Children<'d> {
        Children {
            doc: self.doc,
            at: self.id.saturating_add(1),
            end: self.node().next,
        }
    }

    /// The first child with this local name.
    pub(crate) fn child(self, name: &str) -> Option<Element<'d>> {
        let hash = name_hash(name.as_bytes());
        self.children()
            .find(|c| c.name_hash() == hash && c.name() == name)
    }

    /// The text of the first child with this local name, trimmed; `None` when absent or empty.
    pub(crate) fn child_text(self, name: &str) -> Option<String> {
        self.child(name)
            .map(|c| c.text().trim().to_owned())
            .filter(|t| !t.is_empty())
    }

    /// True when the element carries no value: `xsi:nil`, or no children and blank text.
    pub(crate) fn is_empty(self) -> bool {
        self.node().empty
    }
}

/// The child elements of one element.
#[derive(Clone)]
pub(crate) struct Children<'d> {
    doc: &'d Document<'d>,
    at: u32,
    end: u32,
}

impl<'d> Iterator for Children<'d> {
    type Item = Element<'d>;

    fn next(&mut self) -> Option<Element<'d>> {
        if self.at >= self.end {
            return None;
        }
        let id = self.at;
        let node = self.doc.node(id);
        // `next` is always past the node itself; the `max` keeps a walk finite regardless.
        self.at = node.next.max(id.saturating_add(1));
        Some(Element {
            doc: self.doc,
            node,
            id,
        })
    }
}

/// The part of a qualified name after its last colon.
fn local_part(qualified: &[u8]) -> &[u8] {
    // Most names have no prefix: tell so eight bytes at a time, then look for the colon.
    const COLONS: u64 = u64::from_ne_bytes([b':'; 8]);
    const LOW: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut chunks = qualified.chunks_exact(8);
    let mut colon = chunks.by_ref().any(|chunk| {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word) ^ COLONS;
        x.wrapping_sub(LOW) & !x & HIGH != 0
    });
    colon |= chunks.remainder().contains(&b':');
    if !colon {
        return qualified;
    }
    match qualified.iter().rposition(|b| *b == b':') {
        Some(at) => qualified.get(at + 1..).unwrap_or_default(),
        None => qualified,
    }
}

/// A cheap hash of a name (its length and three of its bytes), to tell names apart before
/// comparing them.
pub(crate) fn name_hash(name: &[u8]) -> u32 {
    let byte = |i: usize| u32::from(name.get(i).copied().unwrap_or(0));
    (name.len() as u32 & 0xFF)
        | byte(0) << 8
        | byte(name.len() / 2) << 16
        | byte(name.len().wrapping_sub(1)) << 24
}

/// `content` is a start tag's text between `<` and `>`, its name the first `name_len` bytes.
fn is_nil(content: &str, name_len: usize) -> bool {
    let raw = content.as_bytes().get(name_len..).unwrap_or_default();
    // Most elements have no attribute at all, and hardly any other than `nil`.
    if !raw.windows(3).any(|w| w == b"nil") {
        return false;
    }
    if let Some(nil) = lone_nil(raw) {
        return nil;
    }
    BytesStart::from_content(content, name_len)
        .attributes()
        .flatten()
        .any(|a| {
            let key = a.key.as_ref();
            let local = key.rsplit(|b| *b == b':').next().unwrap_or(key);
            local == b"nil"
                && a.unescape_value()
                    .map(|v| matches!(v.trim(), "true" | "1"))
                    .unwrap_or(false)
        })
}

/// What a start tag's attributes say when they are a single `nil` (`xsi:nil="true"`, the one
/// attribute Rev.io writes), read without the attribute parser; `None` for anything else.
fn lone_nil(raw: &[u8]) -> Option<bool> {
    let attribute = raw.trim_ascii();
    let (key, value) = attribute.split_at(attribute.iter().position(|b| *b == b'=')?);
    let local = match key.iter().rposition(|b| *b == b':') {
        Some(colon) => {
            let prefix = key.get(..colon)?;
            let plain = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
            (!prefix.is_empty() && prefix.iter().all(plain)).then_some(())?;
            key.get(colon + 1..)?
        }
        None => key,
    };
    match (local, value) {
        (b"nil", b"=\"true\"" | b"='true'" | b"=\"1\"" | b"='1'") => Some(true),
        (b"nil", b"=\"false\"" | b"='false'" | b"=\"0\"" | b"='0'") => Some(false),
        _ => None,
    }
}

fn entity(name: &[u8]) -> Option<char> {
    match name {
        b"amp" => Some('&'),
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"quot" => Some('"'),
        b"apos" => Some('\''),
        _ => None,
    }
}

/// The character a reference (`amp`, `#33`, `#x21`: what is between `&` and `;`) stands for.
fn resolve(reference: &BytesRef<'_>) -> Result<char, ParseError> {
    // A named entity is no character reference (those start with `#`): most are named.
    if let Some(c) = entity(reference) {
        return Ok(c);
    }
    match reference.resolve_char_ref() {
        Ok(Some(c)) => Ok(c),
        Ok(None) => Err(ParseError("unknown entity reference".into())),
        Err(e) => Err(ParseError(format!("bad character reference: {e}"))),
    }
}

/// Text and references as [`Piece::Escaped`] holds them, resolved. Every reference was
/// checked by the parse; one that does not resolve is kept as written.
fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match after.find(';') {
            Some(end) => {
                match resolve(&BytesRef::new(&after[..end])) {
                    Ok(c) => out.push(c),
                    Err(_) => out.push_str(&rest[at..at + end + 2]),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn blank(text: &str) -> bool {
    // A value starts with what it holds: most are told at their first byte.
    match text.as_bytes().first() {
        None => true,
        Some(b) if solid(*b) => false,
        Some(_) => text.trim_start().is_empty(),
    }
}

/// An ASCII byte that is not white space (as `char::is_whitespace` has it: `\t` to `\r`, and
/// the space).
fn solid(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ')
}

/// `text.trim()`, without looking for white space when the first and last bytes show there
/// is none.
pub(crate) fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [first, .., last] if solid(*first) && solid(*last) => text,
        [only] if solid(*only) => text,
        _ => text.trim(),
    }
}

/// Where `part` (a slice of `body`'s bytes, if it is one) starts in `body`.
pub(crate) fn offset_in(body: &str, part: &[u8]) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(body.as_ptr() as usize)?;
    (start.checked_add(part.len())? <= body.len()).then_some(start)
}

/// An open element.
struct Open<'a> {
    id: u32,
    /// The name as the start tag wrote it, prefix and all: the end tag must repeat it.
    qualified: &'a str,
    /// A bit per name of its children so far ([`name_bit`]).
    names: u64,
}

/// A bit standing for a name hash, so that a name no earlier sibling has is known without
/// comparing it with theirs.
fn name_bit(hash: u32) -> u64 {
    1 << (u64::from(hash).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

struct Builder<'a> {
    doc: Document<'a>,
    /// The open elements, innermost last.
    stack: Vec<Open<'a>>,
}

impl<'a> Builder<'a> {
    /// Adds the element a start tag opens: `content` is the tag between `<` and `>` (or
    /// `/>`: `empty`), a slice of the body, its name the first `name_len` bytes.
    fn open(
        &mut self,
        content: &'a str,
        name_len: usize,
        at: usize,
        after: usize,
        empty: bool,
    ) -> Result<(), ParseError> {
        if !empty && self.stack.len() >= MAX_DEPTH {
            return Err(ParseError(format!(
                "elements nest more than {MAX_DEPTH} deep"
            )));
        }
        let body = self.doc.body;
        let qualified_str = content.get(..name_len).unwrap_or(content);
        let qualified = qualified_str.as_bytes();
        let local = local_part(qualified);
        let name = match offset_in(body, local) {
            Some(from)
                if body.is_char_boundary(from) && body.is_char_boundary(from + local.len()) =>
            {
                Piece::Span(from as u32, (from + local.len()) as u32)
            }
            _ => {
                let text = String::from_utf8_lossy(local).into_owned();
                self.doc.own(text)
            }
        };
        let id = self.doc.nodes.len() as u32;
        let hash = name_hash(local);
        let repeats = match self.stack.last_mut() {
            None if !self.doc.nodes.is_empty() => {
                return Err(ParseError("more than one root element".into()));
            }
            None => false,
            Some(parent) => {
                let bit = name_bit(hash);
                let maybe = parent.names & bit != 0;
                parent.names |= bit;
                let first = parent.id.saturating_add(1);
                maybe && self.doc.mark_repeated(first, id, hash, local)
            }
        };
        self.doc.nodes.push(Node {
            name,
            hash,
            text: NO_TEXT,
            nil: is_nil(content, name_len),
            empty,
            repeats,
            repeated: false,
            span: (at as u32, after as u32),
            inner: (after as u32, after as u32),
            next: id + 1,
        });
        if !empty {
            self.stack.push(Open {
                id,
                qualified: qualified_str,
                names: 0,
            });
        }
        Ok(())
    }

    /// Closes the innermost open element at an end tag from `at` to `after`; `name` is the
    /// end tag's, when it is still to be checked against the start tag's.
    fn close(&mut self, name: Option<&str>, at: usize, after: usize) -> Result<(), ParseError> {
        let open = self.stack.pop().ok_or_else(|| {
            ParseError(format!(
                "malformed XML at byte {at}: an end tag closes nothing"
            ))
        })?;
        if let Some(name) = name
            && name != open.qualified
        {
            return Err(ParseError(format!(
                "malformed XML at byte {at}: </{name}> closes <{}>",
                open.qualified
            )));
        }
        let id = open.id;
        let next = self.doc.nodes.len() as u32;
        let doc = &mut self.doc;
        let empty = doc
            .nodes
            .get(id as usize)
            .is_some_and(|node| node.nil || (next == id.saturating_add(1) && doc.blank(node.text)));
        if let Some(node) = doc.nodes.get_mut(id as usize) {
            node.span.1 = after as u32;
            node.inner.1 = at as u32;
            node.next = next;
            node.empty = empty;
        }
        Ok(())
    }

    /// Text written plainly in the body at `at..end`.
    fn text(&mut self, at: usize, end: usize) {
        if self.stack.is_empty() {
            return;
        }
        let text = self.doc.body.get(at..end).unwrap_or_default();
        self.append(Some(at..end), false, text);
    }

    /// An entity or character reference, `&name;` at `at..after`.
    fn reference(&mut self, name: &str, at: usize, after: usize) -> Result<(), ParseError> {
        if self.stack.is_empty() {
            return Ok(());
        }
        let c = resolve(&BytesRef::new(name))?;
        let as_written = self.doc.body.get(at..after).is_some_and(|raw| {
            raw.len() == name.len() + 2
                && raw.starts_with('&')
                && raw.ends_with(';')
                && raw.get(1..raw.len() - 1) == Some(name)
        });
        let span = as_written.then_some(at..after);
        self.append(span, true, c.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    /// The checks at the end of the body.
    fn finish(self) -> Result<Document<'a>, ParseError> {
        if let Some(open) = self.stack.last() {
            return Err(ParseError(format!(
                "the document ends inside <{}> (truncated body?)",
                self.doc.name_of(open.id)
            )));
        }
        if self.doc.nodes.is_empty() {
            return Err(ParseError("the body holds no XML element".into()));
        }
        Ok(self.doc)
    }

    /// Appends text to the innermost open element: `decoded` is what it reads as, and
    /// `span` where it is written in the body when it is plain text there (`reference`:
    /// a checked entity or character reference).
    fn append(&mut self, span: Option<Range<usize>>, reference: bool, decoded: &str) {
        let Some(top) = self.stack.last().map(|open| open.id) else {
            return;
        };
        let Some(node) = self.doc.nodes.get(top as usize) else {
            return;
        };
        let current = node.text;
        let joined = span.and_then(|span| {
            let (start, end) = (span.start as u32, span.end as u32);
            match current {
                Piece::Span(s, e) if s == e => Some(if reference {
                    Piece::Escaped(start, end)
                } else {
                    Piece::Span(start, end)
                }),
                Piece::Span(s, e) if e == start && !reference => Some(Piece::Span(s, end)),
                Piece::Span(s, e) | Piece::Escaped(s, e) if e == start => {
                    Some(Piece::Escaped(s, end))
                }
                _ => None,
            }
        });
        let piece = match (joined, current) {
            (Some(piece), _) => piece,
            (None, Piece::Owned(index)) => {
                if let Some(text) = self.doc.owned.get_mut(index as usize) {
                    text.push_str(decoded);
                }
                current
            }
            (None, _) => {
                let mut text = self.doc.piece(current).into_owned();
                text.push_str(decoded);
                self.doc.own(text)
            }
        };
        if let Some(node) = self.doc.nodes.get_mut(top as usize) {
            node.text = piece;
        }
    }
}

/// The byte-order mark's length when the body starts with one: quick-xml reads past it, and
/// the spans count it, so every span is a range of the body itself.
fn mark_len(body: &str) -> usize {
    if body.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

fn builder(body: &str) -> Result<Builder<'_>, ParseError> {
    if u32::try_from(body.len()).is_err() {
        return Err(ParseError("the document is 4 GiB or more".into()));
    }
    Ok(Builder {
        doc: Document {
            body,
            // A typical answer has an element per 30 bytes or so: room for twice that, so
            // the nodes are not moved as they grow (untouched room costs no memory).
            nodes: Vec::with_capacity((body.len() / 16).min(1 << 20)),
            owned: Vec::new(),
        },
        stack: Vec::new(),
    })
}

/// Reads a whole document. A truncated or malformed document, or one with no element at
/// all, is an error.
pub(crate) fn parse(body: &str) -> Result<Document<'_>, ParseError> {
    let mut builder = builder(body)?;
    let mut scanner = Scanner::new(body, mark_len(body));
    while let Some(token) = scanner.next_token()? {
        match token {
            Token::Start {
                content,
                name_len,
                empty,
                at,
                after,
            } => builder.open(content, name_len, at, after, empty)?,
            Token::End { name, at, after } => builder.close(Some(name), at, after)?,
            Token::Text { at, end } => builder.text(at, end),
            Token::Reference { name, at, after } => builder.reference(name, at, after)?,
            Token::CData { data } => {
                if !builder.stack.is_empty() {
                    builder.append(None, false, data);
                }
            }
            Token::Skipped => {}
        }
    }
    builder.finish()
}

/// [`parse`] as it was built on quick-xml's reader: the reference the scanner is held to
/// (`fuzzing::tree_agrees`).
#[cfg(feature = "fuzzing")]
pub(crate) fn parse_with_quick_xml(body: &str) -> Result<Document<'_>, ParseError> {
    use quick_xml::Reader;
    use quick_xml::events::Event;

    let position =
        |reader: &Reader<&[u8]>| usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
    let mut builder = builder(body)?;
    let skip = mark_len(body);
    let mut reader = Reader::from_str(&body[skip..]);
    loop {
        let before = position(&reader).saturating_add(skip);
        let event = reader
            .read_event()
            .map_err(|e| ParseError(format!("malformed XML: {e}")))?;
        let after = position(&reader).saturating_add(skip);
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(start) | Event::Empty(start) => {
                let name_len = start.name().as_ref().len();
                let content = offset_in(body, &start)
                    .and_then(|from| body.get(from..from + start.len()))
                    .ok_or_else(|| ParseError("a tag is not a slice of the body".into()))?;
                builder.open(content, name_len, before, after, empty)?;
            }
            // quick-xml has matched the names.
            Event::End(_) => builder.close(None, before, after)?,
            Event::Text(text) => {
                if offset_in(body, &text) != Some(before) || before + text.len() != after {
                    return Err(ParseError("a text is not the body's".into()));
                }
                builder.text(before, after);
            }
            Event::CData(data) => {
                if !builder.stack.is_empty() {
                    builder.append(None, false, &String::from_utf8_lossy(&data));
                }
            }
            Event::GeneralRef(reference) => {
                let name = std::str::from_utf8(&reference)
                    .map_err(|_| ParseError("a reference is not UTF-8".into()))?;
                builder.reference(name, before, after)?;
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    builder.finish()
}

/// Where two documents differ, if they do: every node's name, text, flags and spans.
#[cfg(feature = "fuzzing")]
pub(crate) fn difference(a: &Document<'_>, b: &Document<'_>) -> Option<String> {
    if a.nodes.len() != b.nodes.len() {
        return Some(format!("{} nodes against {}", a.nodes.len(), b.nodes.len()));
    }
    (0..a.nodes.len() as u32).find_map(|id| {
        let (x, y) = (a.element(id), b.element(id));
        let (n, m) = (x.node, y.node);
        let same = x.name() == y.name()
            && x.text() == y.text()
            && (
                n.hash, n.nil, n.empty, n.repeats, n.repeated, n.span, n.inner, n.next,
            ) == (
                m.hash, m.nil, m.empty, m.repeats, m.repeated, m.span, m.inner, m.next,
            );
        (!same).then(|| format!("node {id}: {n:?} against {m:?}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_nil_entities_and_spans() {
        let doc = r#"<?xml version="1.0"?><s:Envelope xmlns:s="x" xmlns:i="y"><s:Body><A>1 &amp; 2&#33;</A><B i:nil="true"/><C><![CDATA[<x>]]></C></s:Body></s:Envelope>"#;
        let parsed = parse(doc).unwrap();
        let root = parsed.root();
        assert_eq!(root.name(), "Envelope");
        let body = root.child("Body").unwrap();
        assert_eq!(body.child_text("A").as_deref(), Some("1 & 2!"));
        assert!(body.child("B").unwrap().nil());
        assert_eq!(body.child_text("C").as_deref(), Some("<x>"));
        let a = body.child("A").unwrap();
        assert_eq!(&doc[a.span()], "<A>1 &amp; 2&#33;</A>");
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
        let parsed = parse(doc).unwrap();
        let root = parsed.root();
        let a = root.child("A").unwrap();
        assert_eq!(&doc[a.inner()], "1<!-- c --><![CDATA[2]]>");
        assert_eq!(a.text(), "12");
        let b = root.child("B").unwrap();
        assert!(b.inner().is_empty());
        assert_eq!(&doc[b.span()], "<B/>");
    }

    #[test]
    fn text_split_by_children_comments_and_references_reads_whole() {
        let doc = "<R> a <X>1</X>&lt;b<!-- c -->&#x20;<Y/>\t</R>";
        let parsed = parse(doc).unwrap();
        let root = parsed.root();
        assert_eq!(root.text(), " a <b \t");
        assert!(!root.text_is_blank());
        let names: Vec<&str> = root.children().map(Element::name).collect();
        assert_eq!(names, ["X", "Y"]);
        let blank = parse("<R> <X/>&#32;&#x9;</R>").unwrap();
        assert!(blank.root().text_is_blank());
        assert_eq!(blank.root().text(), "  \t");
        let plain = parse("<R>a&amp;b&gt;</R>").unwrap();
        assert_eq!(plain.root().text(), "a&b>");
        assert!(parse("<R>&bogus;</R>").is_err());
    }

    #[test]
    fn emptiness_is_known_when_an_element_closes() {
        let doc = "<R xmlns:i=\"x\"><A> \t</A><B><C/></B><D i:nil=\"true\">x</D><E>&#32;</E>\
                   <F>v</F><G/><H>\u{a0}</H><I>\u{a0}v</I><J>\u{b}</J></R>";
        let parsed = parse(doc).unwrap();
        let empty: Vec<(&str, bool)> = parsed
            .root()
            .children()
            .map(|c| (c.name(), c.is_empty()))
            .collect();
        assert_eq!(
            empty,
            [
                ("A", true),
                ("B", false),
                ("D", true),
                ("E", true),
                ("F", false),
                ("G", true),
                ("H", true),
                ("I", false),
                ("J", true),
            ]
        );
        assert!(!parsed.root().is_empty());
    }

    #[test]
    fn a_lone_nil_reads_as_the_attribute_parser_reads_it() {
        for (attributes, nil) in [
            ("", false),
            (" xsi:nil=\"true\"", true),
            (" nil='1'", true),
            (" i:nil=\"false\"", false),
            (" a:b:nil=\"true\"", true),
            (" xsi:nil = \"true\"", true),
            (" xsi:nil=\" true \"", true),
            (" x=\"1\" xsi:nil=\"true\"", true),
            (" vanilla=\"true\"", false),
            (" xsi:nil=\"yes\"", false),
        ] {
            let doc = format!("<R{attributes}/>");
            let parsed = parse(&doc).unwrap();
            assert_eq!(parsed.root().nil(), nil, "{doc}");
        }
    }

    #[test]
    fn trimming_matches_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a ",
            "a\u{b}",
            "\u{a0}a",
            "ab",
            "a b",
            "\u{2003}x\u{2003}",
            "é",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
            assert_eq!(blank(text), text.trim_start().is_empty(), "{text:?}");
        }
    }

    #[test]
    fn local_names_drop_every_prefix() {
        assert_eq!(local_part(b"a:b:c"), b"c");
        assert_eq!(local_part(b"Customer_Product_ID"), b"Customer_Product_ID");
        assert_eq!(local_part(b"soap:Envelope"), b"Envelope");
        assert_eq!(local_part(b"averylongprefixname:x"), b"x");
        assert_eq!(local_part(b"x:"), b"");
        assert_eq!(local_part(b""), b"");
    }

    #[test]
    fn a_byte_order_mark_is_counted_in_spans() {
        let doc = "\u{feff}<R><A>x</A></R>";
        let parsed = parse(doc).unwrap();
        let a = parsed.root().child("A").unwrap();
        assert_eq!(&doc[a.span()], "<A>x</A>");
        assert_eq!(a.text(), "x");
    }

    /// Bodies at the edges of what the scanner must read as quick-xml does.
    const EDGES: &[&str] = &[
        "<a/>",
        "<a></a>",
        "<></>",
        "<a></a >",
        "<a></ a>",
        "<a></b>",
        "</a>",
        "<a x='>' y=\"'\">t</a>",
        "<a x='1/>",
        "<a/ >",
        "<a><b>x</b><b/>&amp;&#x41;&#65;</a>",
        "<a>&bogus;</a>",
        "<a>&amp</a>",
        "<a>a & b</a>",
        "&amp;<a/>",
        "&x<a/>",
        "<a><!----><!-- - --><!---->--></a>",
        "<a><!--></a>",
        "<a><!---></a>",
        "<a><!--->--></a>",
        "<a><!-- --->x--></a>",
        "<a><?x?></a><?y>?>",
        "<a><![CDATA[]]><![CDATA[x]]]></a>",
        "<a><![cdata[x]]></a>",
        "<?xml version=\"1.0\"?><?pi x?><??><a/>",
        "<?><a/>",
        "<!DOCTYPE a [<!ENTITY e 'v'>]><a/>",
        "<!doctype a><a/>",
        "<!DOCTYPE><a/>",
        "<!DOCTYPE  ><a/>",
        "<!x><a/>",
        "\u{feff}<a/>",
        "<a>\u{feff}é</a>",
        "<a xsi:nil=\"true\"/><b/>",
        "<a/>text after",
        "<a>",
        "<a",
        "<",
        "",
    ];

    #[test]
    fn the_scanner_builds_the_tree_quick_xml_does() {
        for body in EDGES {
            crate::fuzzing::tree_agrees(body);
        }
    }

    proptest::proptest! {
        #[test]
        fn near_xml_reads_as_quick_xml_reads_it(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "<", ">", "/", "a", "s:a", " ", "\t", "\"", "'", "&", ";", "amp", "#33", "#x",
                "!", "--", "-", "[CDATA[", "]]", "]", "?", "xml", "=", "i:nil=\"true\"", "nil",
                "DOCTYPE", "é", "\u{feff}", "<a>", "</a>", "<b/>", "<!--", "-->", "<![CDATA[",
                "<?", "?>", "<!DOCTYPE", "&amp;", "&#", "x'>'",
            ]),
            0..24,
        )) {
            let body: String = pieces.concat();
            crate::fuzzing::tree_agrees(&body);
            crate::fuzzing::tree_agrees(&format!("<r>{body}</r>"));
        }
    }

    #[test]
    fn truncated_and_html_bodies_are_errors() {
        assert!(parse("<Envelope><Body><A>1</A>").is_err());
        assert!(parse("not xml at all").is_err());
        assert!(parse("").is_err());
        assert!(parse("<html><body><p>Service Unavailable<br></body></html>").is_err());
        assert!(parse("<a/><b/>").is_err());
    }
}
