//! The fixture format (see `docs/conformance.md`), read strictly so a typo in a fixture is
//! an error rather than a check silently skipped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

/// One conformance case, as written in its file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    /// `<vendor>/<path below the vendor folder, without .json>`.
    pub id: String,
    /// Where the case comes from.
    pub source: String,
    /// Words for the reader.
    #[serde(default)]
    pub description: Option<String>,
    /// Vendor-specific client settings, handed to the adapter.
    #[serde(default)]
    pub client: Value,
    /// Servers that refuse connections for the whole case.
    #[serde(default)]
    pub servers_down: Vec<String>,
    /// A single call: its operation.
    #[serde(default)]
    pub operation: Option<String>,
    /// A single call: its input.
    #[serde(default)]
    pub input: Option<Value>,
    /// A single call: its expected outcome.
    #[serde(default)]
    pub expect: Option<Expect>,
    /// Several calls in order, instead of `operation`/`input`/`expect`.
    #[serde(default)]
    pub calls: Vec<Call>,
    /// The HTTP exchanges, in order.
    #[serde(default)]
    pub exchanges: Vec<Exchange>,
}

/// A case ready to run: the file plus where it was found, with its calls normalised.
#[derive(Debug, Clone)]
pub struct Case {
    /// The case's id.
    pub id: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// Where the case comes from.
    pub source: String,
    /// Vendor-specific client settings.
    pub client: Value,
    /// Servers that refuse connections.
    pub servers_down: Vec<String>,
    /// The calls, in order (one or more).
    pub calls: Vec<Call>,
    /// The exchanges, in order.
    pub exchanges: Vec<Exchange>,
}

/// One call of a case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Call {
    /// The operation name the adapter knows.
    pub operation: String,
    /// The operation's input; `{}` when not given.
    #[serde(default = "empty_object")]
    pub input: Value,
    /// The expected outcome.
    pub expect: Expect,
}

fn empty_object() -> Value {
    Value::Object(serde_json::Map::new())
}

/// What a call must return.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
pub enum Expect {
    /// Success, with a result containing this value.
    Result(Value),
    /// Failure of this kind.
    Error(ExpectedError),
}

/// An expected error.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedError {
    /// The error kind.
    pub kind: String,
    /// The vendor code, when checked.
    #[serde(default)]
    pub code: Option<String>,
    /// The HTTP status, when checked.
    #[serde(default)]
    pub status: Option<u16>,
    /// A piece of the error's text, when checked.
    #[serde(default)]
    pub message_contains: Option<String>,
}

/// One request the vendor must receive and what it does then.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    /// The server that receives it; the adapter's first server when absent.
    #[serde(default)]
    pub server: Option<String>,
    /// The request the vendor must receive.
    pub request: ExpectedRequest,
    /// The answer.
    #[serde(default)]
    pub response: Option<CannedResponse>,
    /// A fault instead of, or before, the answer.
    #[serde(default)]
    pub fault: Option<Fault>,
}

/// A request as the vendor must see it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedRequest {
    /// The HTTP method.
    pub method: String,
    /// The raw path.
    pub path: String,
    /// The decoded query parameters, exactly, when given.
    #[serde(default)]
    pub query: Option<BTreeMap<String, OneOrMany>>,
    /// Headers that must be present with these values.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Headers that must be absent.
    #[serde(default)]
    pub absent_headers: Vec<String>,
    /// The body, when checked.
    #[serde(default)]
    pub body: Option<ExpectedBody>,
}

/// A parameter given once or several times.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// Once.
    One(String),
    /// Several times, in this order.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values, in order.
    pub fn values(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(v) => vec![v.as_str()],
            OneOrMany::Many(vs) => vs.iter().map(String::as_str).collect(),
        }
    }
}

/// An expected body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
pub enum ExpectedBody {
    /// JSON, compared by meaning.
    Json(Value),
    /// A form, compared by meaning.
    Form(BTreeMap<String, OneOrMany>),
    /// XML, compared by meaning.
    Xml(String),
    /// Text, compared exactly.
    Text(String),
    /// No body at all (the value must be `true`).
    Empty(bool),
}

/// A canned answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CannedResponse {
    /// The status; 200 when absent.
    #[serde(default = "ok_status")]
    pub status: u16,
    /// Headers.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// A text body, sent as is.
    #[serde(default)]
    pub body: Option<String>,
    /// A JSON body, serialised compactly.
    #[serde(default)]
    pub json: Option<Value>,
    /// A body read from a file beside the fixture.
    #[serde(default)]
    pub body_file: Option<String>,
}

fn ok_status() -> u16 {
    200
}

/// A network fault.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Fault {
    /// Reset the connection without answering.
    Reset,
    /// Close the connection without answering.
    Close,
    /// Answer after a delay.
    Delay {
        /// Milliseconds.
        ms: u64,
    },
    /// Cut the body after this many bytes.
    Truncate {
        /// Bytes of body sent.
        at: usize,
    },
}

/// Reads and checks one fixture file. `vendor_dir` is `fixtures/<vendor>`.
pub fn load(path: &Path, vendor: &str, vendor_dir: &Path) -> Result<Case, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let file: CaseFile = serde_json::from_str(&text).map_err(|e| format!("does not parse: {e}"))?;
    let relative = path
        .strip_prefix(vendor_dir)
        .map_err(|_| "is not below its vendor folder".to_owned())?
        .with_extension("");
    let expected_id = format!("{vendor}/{}", relative.to_string_lossy().replace('\\', "/"));
    if file.id != expected_id {
        return Err(format!(
            "has id {:?}, but its path makes it {expected_id:?}",
            file.id
        ));
    }
    let calls = match (file.operation, file.expect, file.calls.is_empty()) {
        (Some(operation), Some(expect), true) => vec![Call {
            operation,
            input: file.input.unwrap_or_else(empty_object),
            expect,
        }],
        (None, None, false) if file.input.is_none() => file.calls,
        _ => {
            return Err(
                "needs either `operation` + `expect` (and `input`) or `calls`, not both".to_owned(),
            );
        }
    };
    for (i, exchange) in file.exchanges.iter().enumerate() {
        if exchange.response.is_none()
            && !matches!(exchange.fault, Some(Fault::Reset | Fault::Close))
        {
            return Err(format!(
                "exchange {i} has neither a response nor a reset/close fault"
            ));
        }
        if let Some(r) = &exchange.response {
            let bodies = [r.body.is_some(), r.json.is_some(), r.body_file.is_some()];
            if bodies.iter().filter(|b| **b).count() > 1 {
                return Err(format!(
                    "exchange {i}'s response has more than one of body, json, body_file"
                ));
            }
        }
        if let Some(ExpectedBody::Empty(false)) = &exchange.request.body {
            return Err(format!("exchange {i}: `empty` must be true"));
        }
    }
    Ok(Case {
        id: file.id,
        path: path.to_owned(),
        source: file.source,
        client: file.client,
        servers_down: file.servers_down,
        calls,
        exchanges: file.exchanges,
    })
}

/// Every `*.json` file below `dir`, sorted, recursively.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(next) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&next) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                // Body files live under `bodies/`; they are not cases even when they are JSON.
                if path.file_name().is_none_or(|n| n != "bodies") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
