//! The comparator: does what arrived (or came back) match what the fixture expects?
//!
//! Every check returns the first difference as a [`Diff`] naming where it is and both values.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

use crate::fixture::OneOrMany;

/// In an expected request value, matches any present value.
pub const ANY: &str = "{{any}}";

/// The first place two values differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    /// Where, as a path such as `body.Subscriber.BirthDate` or `header authorization`.
    pub at: String,
    /// What was expected.
    pub expected: String,
    /// What was there.
    pub actual: String,
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: expected {}, got {}",
            self.at, self.expected, self.actual
        )
    }
}

fn diff(at: &str, expected: impl fmt::Display, actual: impl fmt::Display) -> Diff {
    Diff {
        at: at.to_owned(),
        expected: expected.to_string(),
        actual: actual.to_string(),
    }
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

/// How strictly objects are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Same keys on both sides (requests: a field the client should not send is a failure).
    Exact,
    /// Every expected key present and matching; others ignored; `null` matches a missing key
    /// (results: fixtures pin what matters).
    Subset,
}

/// Compares JSON by meaning: key order and spacing never matter, an integer never equals a
/// float (`499` is not `499.0`), and the string `{{any}}` matches any present value.
pub fn json(expected: &Value, actual: &Value, mode: Mode, at: &str) -> Result<(), Diff> {
    match (expected, actual) {
        (Value::String(e), _) if e == ANY => Ok(()),
        (Value::Object(e), Value::Object(a)) => {
            for (key, e_val) in e {
                let here = join(at, key);
                match a.get(key) {
                    Some(a_val) => json(e_val, a_val, mode, &here)?,
                    None if mode == Mode::Subset && e_val.is_null() => {}
                    None => return Err(diff(&here, short(e_val), "nothing (key missing)")),
                }
            }
            if mode == Mode::Exact
                && let Some((key, a_val)) = a.iter().find(|(k, _)| !e.contains_key(*k))
            {
                return Err(diff(
                    &join(at, key),
                    "nothing (key not expected)",
                    short(a_val),
                ));
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(diff(
                    at,
                    format!("{} items", e.len()),
                    format!("{} items", a.len()),
                ));
            }
            for (i, (e_item, a_item)) in e.iter().zip(a).enumerate() {
                json(e_item, a_item, mode, &format!("{at}[{i}]"))?;
            }
            Ok(())
        }
        (Value::Number(e), Value::Number(a)) => {
            if numbers_equal(e, a) {
                Ok(())
            } else {
                Err(diff(at, e, a))
            }
        }
        _ if expected == actual => Ok(()),
        _ => Err(diff(at, short(expected), short(actual))),
    }
}

fn numbers_equal(e: &serde_json::Number, a: &serde_json::Number) -> bool {
    let as_int = |n: &serde_json::Number| {
        n.as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from))
    };
    match (as_int(e), as_int(a)) {
        (Some(x), Some(y)) => x == y,
        (None, None) => e.as_f64() == a.as_f64(),
        _ => false,
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 120 {
        format!("{}…", text.chars().take(120).collect::<String>())
    } else {
        text
    }
}

/// Compares decoded pairs (a query or a form body) with the expected map: same names, each
/// with the same values in the same order; names in any order.
pub fn pairs(
    expected: &BTreeMap<String, OneOrMany>,
    actual: &[(String, String)],
    at: &str,
) -> Result<(), Diff> {
    let mut grouped: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (k, v) in actual {
        grouped.entry(k.as_str()).or_default().push(v.as_str());
    }
    for (name, want) in expected {
        let here = format!("{at} {name}");
        let want = want.values();
        match grouped.get(name.as_str()) {
            None => return Err(diff(&here, want.join(","), "nothing (missing)")),
            Some(got) => {
                let same = want.len() == got.len()
                    && want.iter().zip(got).all(|(w, g)| *w == ANY || w == g);
                if !same {
                    return Err(diff(&here, want.join(","), got.join(",")));
                }
            }
        }
    }
    if let Some((name, got)) = grouped.iter().find(|(k, _)| !expected.contains_key(**k)) {
        return Err(diff(
            &format!("{at} {name}"),
            "nothing (not expected)",
            got.join(","),
        ));
    }
    Ok(())
}

/// Headers: each expected one present (name case-insensitive) with the value; each absent one
/// missing.
pub fn headers(
    expected: &BTreeMap<String, String>,
    absent: &[String],
    actual: &[(String, String)],
) -> Result<(), Diff> {
    for (name, want) in expected {
        let got = actual
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v);
        match got {
            None => return Err(diff(&format!("header {name}"), want, "nothing (missing)")),
            Some(got) if want != ANY && got != want => {
                return Err(diff(&format!("header {name}"), want, got));
            }
            Some(_) => {}
        }
    }
    for name in absent {
        if actual.iter().any(|(k, _)| k.eq_ignore_ascii_case(name)) {
            return Err(diff(&format!("header {name}"), "absent", "present"));
        }
    }
    Ok(())
}

/// An XML element reduced to what carries meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Element {
    /// Namespace URI (empty when unbound) and local name.
    name: (String, String),
    attributes: BTreeMap<(String, String), String>,
    children: Vec<Element>,
    text: String,
}

/// Compares two XML documents by meaning: namespace URIs and local names rather than
/// prefixes, attributes in any order with namespace declarations ignored, text trimmed,
/// whitespace-only text ignored, element order kept.
pub fn xml(expected: &str, actual: &str, at: &str) -> Result<(), Diff> {
    let e = parse_xml(expected).map_err(|why| diff(at, "valid expected XML", why))?;
    let a = parse_xml(actual)
        .map_err(|why| diff(at, "well-formed XML", format!("{why}: {}", excerpt(actual))))?;
    compare_elements(&e, &a, &join(at, &e.name.1))
}

fn excerpt(text: &str) -> String {
    telecom_core::text::excerpt(text.as_bytes(), 120)
}

fn compare_elements(e: &Element, a: &Element, at: &str) -> Result<(), Diff> {
    let qualified = |n: &(String, String)| {
        if n.0.is_empty() {
            n.1.clone()
        } else {
            format!("{{{}}}{}", n.0, n.1)
        }
    };
    if e.name != a.name {
        return Err(diff(at, qualified(&e.name), qualified(&a.name)));
    }
    if e.attributes != a.attributes {
        return Err(diff(
            &format!("{at}@"),
            format!("{:?}", e.attributes),
            format!("{:?}", a.attributes),
        ));
    }
    if e.text != a.text && e.text != ANY {
        return Err(diff(
            &format!("{at}/text()"),
            format!("{:?}", e.text),
            format!("{:?}", a.text),
        ));
    }
    if e.children.len() != a.children.len() {
        let names = |el: &Element| {
            el.children
                .iter()
                .map(|c| c.name.1.clone())
                .collect::<Vec<_>>()
                .join(",")
        };
        return Err(diff(
            at,
            format!("children [{}]", names(e)),
            format!("children [{}]", names(a)),
        ));
    }
    for (ec, ac) in e.children.iter().zip(&a.children) {
        compare_elements(ec, ac, &format!("{at}/{}", ec.name.1))?;
    }
    Ok(())
}

fn parse_xml(text: &str) -> Result<Element, String> {
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;
    use quick_xml::reader::NsReader;

    fn namespace(result: ResolveResult<'_>) -> Result<String, String> {
        match result {
            ResolveResult::Bound(ns) => Ok(String::from_utf8_lossy(ns.as_ref()).into_owned()),
            ResolveResult::Unbound => Ok(String::new()),
            ResolveResult::Unknown(prefix) => Err(format!(
                "unknown namespace prefix {:?}",
                String::from_utf8_lossy(&prefix)
            )),
        }
    }

    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let (resolved, event) = reader.read_resolved_event().map_err(|e| e.to_string())?;
        let ns = namespace(resolved);
        match event {
            Event::Start(start) => stack.push(open(&reader, &start, ns?)?),
            Event::Empty(start) => {
                stack.push(open(&reader, &start, ns?)?);
                close(&mut stack, &mut root)?;
            }
            Event::End(_) => close(&mut stack, &mut root)?,
            Event::Text(t) => push_text(&mut stack, &t.decode().map_err(|e| e.to_string())?)?,
            Event::CData(c) => push_text(&mut stack, &String::from_utf8_lossy(&c))?,
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c.to_string(),
                    None => predefined(&r.decode().map_err(|e| e.to_string())?)?.to_owned(),
                };
                push_text(&mut stack, &resolved)?;
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err("truncated document: elements left open".to_owned());
    }
    root.ok_or_else(|| "no root element".to_owned())
}

fn open(
    reader: &quick_xml::reader::NsReader<&[u8]>,
    start: &quick_xml::events::BytesStart<'_>,
    ns: String,
) -> Result<Element, String> {
    let local = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attributes = BTreeMap::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = attr.key;
        if key.as_ref() == b"xmlns" || key.as_ref().starts_with(b"xmlns:") {
            continue;
        }
        let (attr_ns, attr_local) = reader.resolve_attribute(key);
        let value = attr
            .unescape_value()
            .map_err(|e| e.to_string())?
            .into_owned();
        let attr_ns = match attr_ns {
            quick_xml::name::ResolveResult::Bound(n) => {
                String::from_utf8_lossy(n.as_ref()).into_owned()
            }
            _ => String::new(),
        };
        attributes.insert(
            (
                attr_ns,
                String::from_utf8_lossy(attr_local.as_ref()).into_owned(),
            ),
            value,
        );
    }
    Ok(Element {
        name: (ns, local),
        attributes,
        children: Vec::new(),
        text: String::new(),
    })
}

fn predefined(name: &str) -> Result<&'static str, String> {
    match name {
        "lt" => Ok("<"),
        "gt" => Ok(">"),
        "amp" => Ok("&"),
        "apos" => Ok("'"),
        "quot" => Ok("\""),
        other => Err(format!("unknown entity &{other};")),
    }
}

fn push_text(stack: &mut [Element], text: &str) -> Result<(), String> {
    match stack.last_mut() {
        Some(top) => {
            top.text.push_str(text);
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err("text outside the root element".to_owned()),
    }
}

fn close(stack: &mut Vec<Element>, root: &mut Option<Element>) -> Result<(), String> {
    let mut done = stack.pop().ok_or("closing tag without opening tag")?;
    done.text = done.text.trim().to_owned();
    match stack.last_mut() {
        Some(parent) => parent.children.push(done),
        None if root.is_none() => *root = Some(done),
        None => return Err("more than one root element".to_owned()),
    }
    Ok(())
}
