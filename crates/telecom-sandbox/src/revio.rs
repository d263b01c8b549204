//! A stateful fake of the Rev.io legacy SOAP 1.1 API (`POST /v20/default.asmx`).
//!
//! - Every request names its operation in `SOAPAction` (`"http://api.myh2o.com/v20/<Op>"`)
//!   and as the first element of `soap:Body`; a body that is not XML, has no
//!   `Envelope`/`Body`, names no operation, or names one the fake does not serve gets a
//!   SOAP `Fault` with HTTP 500, as an ASMX service answers.
//! - Auth, per the Standards page: `Request/Credentials` (Username, Password, Client;
//!   wrong ones give `S2005`) or `Request/Session/SessionKey` from `Sessions_Create`. A
//!   session key lives [`RevioConfig::session_lifetime`] and can be ended at once with
//!   [`RevioSandbox::expire_sessions`]; an unknown or expired key gives `S2004`.
//! - Every answer has the standard `Header` (`Success`, `Error_Code`,
//!   `Error_Description`, `SessionKey`, `Impersonated`).
//! - Operations with state: `Sessions_Create`/`_Validate`/`_Destroy`,
//!   `NewCustomers_Create` (a customer with its line, order and the order's products),
//!   `Customers_Query` (by `CustomerID`, `C2002` when unknown), `Products_Create`,
//!   `Products_Query`, `CustomerProducts_Query` and `Lines_Update`.

use std::collections::BTreeMap;
use std::io;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Response, StatusCode, Uri, header};
use bytes::Bytes;
use quick_xml::events::Event;

use crate::core::{Core, Rng, Server, admin_router, header_str, lock, plain, sandbox_common};

/// The SOAP endpoint's path.
pub const PATH: &str = "/v20/default.asmx";
/// The operations' namespace.
pub const NAMESPACE: &str = "http://api.myh2o.com/v20";

/// Settings of a Rev.io fake. `Default` gives the values the project's fixtures use.
#[derive(Debug, Clone)]
pub struct RevioConfig {
    /// The port to bind on 127.0.0.1; 0 (the default) for a free one.
    pub port: u16,
    /// Seeds the session keys.
    pub seed: u64,
    /// `Credentials/Username`.
    pub username: String,
    /// `Credentials/Password`.
    pub password: String,
    /// `Credentials/Client` (the client code).
    pub client: String,
    /// How long a session key stays good after `Sessions_Create`.
    pub session_lifetime: Duration,
}

impl Default for RevioConfig {
    fn default() -> Self {
        RevioConfig {
            port: 0,
            seed: 0,
            username: "apiuser".into(),
            password: "api-pass".into(),
            client: "CLIENT1".into(),
            session_lifetime: Duration::from_secs(20 * 60),
        }
    }
}

/// A parsed XML element: local name, text and children (namespaces dropped).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct El {
    name: String,
    text: String,
    children: Vec<El>,
}

impl El {
    fn new(name: &str) -> El {
        El {
            name: name.into(),
            ..El::default()
        }
    }

    fn leaf(name: &str, text: impl Into<String>) -> El {
        El {
            name: name.into(),
            text: text.into(),
            children: Vec::new(),
        }
    }

    fn with(mut self, child: El) -> El {
        self.children.push(child);
        self
    }

    fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.trim())
    }

    fn set(&mut self, name: &str, text: impl Into<String>) {
        let text = text.into();
        match self.children.iter_mut().find(|c| c.name == name) {
            Some(c) => c.text = text,
            None => self.children.push(El::leaf(name, text)),
        }
    }

    fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        out.push('>');
        out.push_str(&escape(&self.text));
        for c in &self.children {
            c.write(out);
        }
        out.push_str("</");
        out.push_str(&self.name);
        out.push('>');
    }
}

fn escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

fn local(name: &[u8]) -> String {
    let n = String::from_utf8_lossy(name);
    match n.rsplit_once(':') {
        Some((_, l)) => l.to_owned(),
        None => n.into_owned(),
    }
}

/// Parses a document into its root element.
fn parse(xml: &[u8]) -> Result<El, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut stack: Vec<El> = Vec::new();
    let mut root = None;
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| e.to_string())?;
        match event {
            Event::Start(e) => stack.push(El::new(&local(e.name().as_ref()))),
            Event::Empty(e) => {
                let el = El::new(&local(e.name().as_ref()));
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                    let text = quick_xml::escape::unescape(&raw).map_err(|e| e.to_string())?;
                    top.text.push_str(&text);
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&String::from_utf8_lossy(t.as_ref()));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(top) = stack.last_mut() {
                    let name = String::from_utf8_lossy(r.as_ref()).into_owned();
                    let entity = format!("&{name};");
                    let text = quick_xml::escape::unescape(&entity).map_err(|e| e.to_string())?;
                    top.text.push_str(&text);
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err("unbalanced end tag".into());
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err("unexpected end of document".into());
    }
    root.ok_or_else(|| "no root element".into())
}

#[derive(Debug)]
struct State {
    config: RevioConfig,
    rng: Rng,
    sessions: BTreeMap<String, Instant>,
    customers: BTreeMap<i64, El>,
    products: BTreeMap<i64, El>,
    customer_products: Vec<(i64, El)>,
    lines: BTreeMap<i64, (i64, El)>,
    next_id: i64,
    sessions_created: u64,
}

/// A running Rev.io fake. Dropping it stops the server.
#[derive(Debug)]
pub struct RevioSandbox {
    core: Arc<Core>,
    state: Arc<Mutex<State>>,
    server: Server,
}

sandbox_common!(RevioSandbox);

/// Starts a Rev.io fake with the default [`RevioConfig`] on a free port.
pub async fn start() -> io::Result<RevioSandbox> {
    RevioSandbox::start(RevioConfig::default()).await
}

impl RevioSandbox {
    /// Starts a Rev.io fake.
    pub async fn start(config: RevioConfig) -> io::Result<RevioSandbox> {
        let core = Arc::new(Core::default());
        let port = config.port;
        let state = Arc::new(Mutex::new(State {
            rng: Rng::new(config.seed),
            config,
            sessions: BTreeMap::new(),
            customers: BTreeMap::new(),
            products: BTreeMap::new(),
            customer_products: Vec::new(),
            lines: BTreeMap::new(),
            next_id: 1000,
            sessions_created: 0,
        }));
        let shared = Arc::clone(&state);
        let for_admin = Arc::clone(&state);
        let router = admin_router(Arc::clone(&core))
            .route(
                "/__sandbox/expire-sessions",
                axum::routing::post(move || {
                    let state = Arc::clone(&for_admin);
                    async move {
                        lock(&state).sessions.clear();
                        StatusCode::NO_CONTENT
                    }
                }),
            )
            .fallback(move |uri: Uri, headers: HeaderMap, body: Bytes| {
                let state = Arc::clone(&shared);
                async move { answer(&state, &uri, &headers, &body) }
            });
        let server = Server::start("primary", port, Arc::clone(&core), router).await?;
        Ok(RevioSandbox {
            core,
            state,
            server,
        })
    }

    /// The SOAP endpoint to give the client's `base_url` (`http://127.0.0.1:PORT/v20/default.asmx`).
    pub fn base_url(&self) -> String {
        format!("{}{PATH}", self.server.url())
    }

    /// The server's root URL.
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// Ends every session now: the next call with any current key gets `S2004` (also
    /// `POST /__sandbox/expire-sessions`).
    pub fn expire_sessions(&self) {
        lock(&self.state).sessions.clear();
    }

    /// How many sessions `Sessions_Create` opened.
    pub fn sessions_created(&self) -> u64 {
        lock(&self.state).sessions_created
    }

    /// The ids of the customers held.
    pub fn customer_ids(&self) -> Vec<i64> {
        lock(&self.state).customers.keys().copied().collect()
    }

    /// A field of a line the fake holds (`"Description"`, `"PackageID"`, or any field
    /// `Lines_Update` set), when the line and the field exist.
    pub fn line_field(&self, line_id: i64, name: &str) -> Option<String> {
        lock(&self.state)
            .lines
            .get(&line_id)
            .and_then(|(_, line)| line.child(name).map(|f| f.text.clone()))
    }

    /// Adds a customer with this id and account number.
    pub fn preload_customer(&self, id: i64, acct_num: &str) {
        let el = El::new("Customer")
            .with(El::leaf("ID", id.to_string()))
            .with(El::leaf("AcctNum", acct_num));
        lock(&self.state).customers.insert(id, el);
    }
}

fn xml_response(status: StatusCode, body: String) -> Response<Body> {
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/xml; charset=utf-8"),
    );
    resp
}

const ENVELOPE_OPEN: &str = r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>"#;
const ENVELOPE_CLOSE: &str = "</soap:Body></soap:Envelope>";

fn fault(code: &str, message: &str) -> Response<Body> {
    xml_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!(
            "{ENVELOPE_OPEN}<soap:Fault><faultcode>soap:{code}</faultcode><faultstring>{}</faultstring><detail /></soap:Fault>{ENVELOPE_CLOSE}",
            escape(message)
        ),
    )
}

/// The answer: `<{op}Response><{op}Result><Header/>...fields</{op}Result></{op}Response>`.
fn result(op: &str, header: El, fields: Vec<El>) -> Response<Body> {
    let mut out = String::from(ENVELOPE_OPEN);
    out.push_str(&format!("<{op}Response xmlns=\"{NAMESPACE}\"><{op}Result>"));
    header.write(&mut out);
    for f in &fields {
        f.write(&mut out);
    }
    out.push_str(&format!("</{op}Result></{op}Response>"));
    out.push_str(ENVELOPE_CLOSE);
    xml_response(StatusCode::OK, out)
}

fn ok_header(session: Option<&str>) -> El {
    let mut h = El::new("Header").with(El::leaf("Success", "true"));
    if let Some(key) = session {
        h.children.push(El::leaf("SessionKey", key));
    }
    h.with(El::leaf("Impersonated", "false"))
}

fn error_header(code: &str, description: &str, message: Option<&str>) -> El {
    let mut h = El::new("Header").with(El::leaf("Success", "false"));
    if let Some(m) = message {
        h.children.push(El::leaf("Message", m));
    }
    h.with(El::leaf("Error_Code", code))
        .with(El::leaf("Error_Description", description))
        .with(El::leaf("Impersonated", "false"))
}

fn vendor_error(op: &str, code: &str, description: &str, message: Option<&str>) -> Response<Body> {
    result(op, error_header(code, description, message), Vec::new())
}

const S2004: &str = "Authorization failure: unknown/invalid Session Key.";
const S2005: &str = "Authorization failure: unknown/invalid Username/Password/Client.";
const S2010: &str = "Invalid input received.";

const OPERATIONS: &[&str] = &[
    "Sessions_Create",
    "Sessions_Validate",
    "Sessions_Destroy",
    "NewCustomers_Create",
    "Customers_Query",
    "Products_Create",
    "Products_Query",
    "CustomerProducts_Query",
    "Lines_Update",
];

fn answer(state: &Mutex<State>, uri: &Uri, headers: &HeaderMap, body: &[u8]) -> Response<Body> {
    if uri.path() != PATH {
        return plain(StatusCode::NOT_FOUND, "Not Found");
    }
    let root = match parse(body) {
        Ok(r) => r,
        Err(e) => {
            return fault(
                "Client",
                &format!(
                    "Server was unable to read request. ---> There is an error in XML document. {e}"
                ),
            );
        }
    };
    let Some(op_el) = (root.name == "Envelope")
        .then(|| root.child("Body"))
        .flatten()
        .and_then(|b| b.children.first())
    else {
        return fault(
            "Client",
            "Server was unable to read request: no soap:Envelope/soap:Body operation.",
        );
    };
    let op = op_el.name.clone();
    let action = header_str(headers, "soapaction")
        .unwrap_or("")
        .trim_matches('"')
        .to_owned();
    if !action.is_empty() && action != format!("{NAMESPACE}/{op}") {
        return fault(
            "Client",
            &format!("Server did not recognize the value of HTTP Header SOAPAction: {action}."),
        );
    }
    if !OPERATIONS.contains(&op.as_str()) {
        return fault(
            "Client",
            &format!(
                "Server did not recognize the value of HTTP Header SOAPAction: {NAMESPACE}/{op}."
            ),
        );
    }
    let empty = El::new("Request");
    let req = op_el.child("Request").unwrap_or(&empty);
    let mut st = lock(state);

    // Auth: Credentials, or a live Session.
    let session = match (req.child("Credentials"), req.child("Session")) {
        (Some(c), _) => {
            let cfg = &st.config;
            if c.child_text("Username") != Some(cfg.username.as_str())
                || c.child_text("Password") != Some(cfg.password.as_str())
                || c.child_text("Client") != Some(cfg.client.as_str())
            {
                return vendor_error(&op, "S2005", S2005, None);
            }
            None
        }
        (None, Some(s)) => {
            let key = s.child_text("SessionKey").unwrap_or("").to_owned();
            let lifetime = st.config.session_lifetime;
            match st.sessions.get(&key) {
                Some(at) if at.elapsed() <= lifetime => Some(key),
                _ => {
                    st.sessions.remove(&key);
                    return vendor_error(&op, "S2004", S2004, None);
                }
            }
        }
        (None, None) => {
            return vendor_error(
                &op,
                "S2005",
                S2005,
                Some("Credentials or Session is required."),
            );
        }
    };
    let key = session.as_deref();
    match op.as_str() {
        "Sessions_Create" => {
            let new_key = format!("{}=", st.rng.hex(24));
            st.sessions.insert(new_key.clone(), Instant::now());
            st.sessions_created += 1;
            let encoded = new_key.replace('=', "%3D");
            result(
                &op,
                ok_header(Some(&new_key)),
                vec![
                    El::leaf("SessionKey", new_key),
                    El::leaf("SessionKey_Encoded", encoded),
                ],
            )
        }
        "Sessions_Validate" => result(&op, ok_header(key), vec![El::leaf("Valid", "true")]),
        "Sessions_Destroy" => match key {
            Some(k) => {
                st.sessions.remove(k);
                result(&op, ok_header(None), Vec::new())
            }
            None => vendor_error(&op, "S2010", S2010, Some("No session to destroy.")),
        },
        "NewCustomers_Create" => {
            let Some(customer) = req.child("Customer") else {
                return vendor_error(&op, "S2010", S2010, Some("Customer is required."));
            };
            let id = next(&mut st);
            let mut stored = customer.clone();
            stored.children.retain(|c| c.name != "ID");
            stored.children.insert(0, El::leaf("ID", id.to_string()));
            if stored.child("AcctNum").is_none() {
                stored.set("AcctNum", format!("A-{id}"));
            }
            st.customers.insert(id, stored);
            let line = next(&mut st);
            let order = next(&mut st);
            let mut line_el = El::new("Line").with(El::leaf("ID", line.to_string()));
            if let Some(o) = req.child("Order") {
                if let Some(d) = o.child_text("Description") {
                    line_el.set("Description", d);
                }
                if let Some(p) = o.child_text("PackageID") {
                    line_el.set("PackageID", p);
                }
                for ap in o
                    .child("AdditionalProducts")
                    .map(|a| a.children.as_slice())
                    .unwrap_or_default()
                {
                    let cp = next(&mut st);
                    // Records come back in the sheet's `Snake_Case` names, not the request's.
                    let mut p = El::new("CustomerProduct")
                        .with(El::leaf("Customer_Product_ID", cp.to_string()))
                        .with(El::leaf("Customer_ID", id.to_string()))
                        .with(El::leaf("Line_ID", line.to_string()));
                    for f in &ap.children {
                        let name = match f.name.as_str() {
                            "ProductID" => "Product_ID",
                            other => other,
                        };
                        p.set(name, f.text.clone());
                    }
                    p.set("Status", "PENDING");
                    st.customer_products.push((id, p));
                }
            }
            st.lines.insert(line, (id, line_el));
            result(
                &op,
                ok_header(key),
                vec![
                    El::leaf("Customer_ID", id.to_string()),
                    El::new("Lines").with(El::leaf("Line", line.to_string())),
                    El::new("Orders").with(El::leaf("Order", order.to_string())),
                    El::leaf("Status", "NEW"),
                ],
            )
        }
        "Customers_Query" => {
            let Some(id) = req.child_text("CustomerID") else {
                return vendor_error(&op, "S2010", S2010, Some("CustomerID is required."));
            };
            let Ok(id) = id.parse::<i64>() else {
                return vendor_error(&op, "S2010", S2010, Some("CustomerID is not a number."));
            };
            match st.customers.get(&id) {
                Some(c) => result(&op, ok_header(key), vec![c.clone()]),
                None => vendor_error(
                    &op,
                    "C2002",
                    "Customer ID does not exist.",
                    Some(&format!("No customer {id}")),
                ),
            }
        }
        "Products_Create" => {
            let Some(product) = req.child("Product") else {
                return vendor_error(&op, "S2010", S2010, Some("Product is required."));
            };
            let id = next(&mut st);
            let mut stored = product.clone();
            stored.children.retain(|c| c.name != "ID");
            stored.children.insert(0, El::leaf("ID", id.to_string()));
            st.products.insert(id, stored);
            result(
                &op,
                ok_header(key),
                vec![El::leaf("ProductID", id.to_string())],
            )
        }
        "Products_Query" => {
            let wanted = req
                .child_text("ProductID")
                .and_then(|v| v.parse::<i64>().ok());
            let mut list = El::new("Products");
            list.children = st
                .products
                .iter()
                .filter(|(id, _)| wanted.is_none_or(|w| w == **id))
                .map(|(_, p)| p.clone())
                .collect();
            result(&op, ok_header(key), vec![list])
        }
        "CustomerProducts_Query" => {
            let Some(customer) = req
                .child_text("CustomerID")
                .and_then(|v| v.parse::<i64>().ok())
            else {
                return vendor_error(&op, "S2010", S2010, Some("CustomerID is required."));
            };
            if !st.customers.contains_key(&customer) {
                return vendor_error(&op, "C2002", "Customer ID does not exist.", None);
            }
            let mut list = El::new("CustomerProducts");
            list.children = st
                .customer_products
                .iter()
                .filter(|(c, _)| *c == customer)
                .map(|(_, p)| p.clone())
                .collect();
            result(&op, ok_header(key), vec![list])
        }
        "Lines_Update" => {
            // The vendor sheet names it `Line_ID` here (other operations say `LineID`).
            let Some(line_id) = req
                .child_text("Line_ID")
                .or_else(|| req.child_text("LineID"))
                .or_else(|| req.child_text("ID"))
                .and_then(|v| v.parse::<i64>().ok())
            else {
                return vendor_error(&op, "S2010", S2010, Some("Line_ID is required."));
            };
            let Some((_, line)) = st.lines.get_mut(&line_id) else {
                return vendor_error(&op, "L2024", "Line ID does not exist.", None);
            };
            for f in req.children.iter().filter(|c| {
                !matches!(
                    c.name.as_str(),
                    "Credentials" | "Session" | "Line_ID" | "LineID" | "ID"
                )
            }) {
                // A field is `<Updated>true</Updated><Value>..</Value>`; one not updated
                // is left as it is.
                match (f.child_text("Updated"), f.child("Value")) {
                    (Some("false"), _) => {}
                    (_, Some(value)) => line.set(&f.name, value.text.clone()),
                    _ => line.set(&f.name, f.text.clone()),
                }
            }
            result(&op, ok_header(key), Vec::new())
        }
        _ => fault(
            "Client",
            &format!(
                "Server did not recognize the value of HTTP Header SOAPAction: {NAMESPACE}/{op}."
            ),
        ),
    }
}

fn next(st: &mut State) -> i64 {
    st.next_id += 1;
    st.next_id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_prefixed_and_plain_envelopes_alike() {
        let a = parse(br#"<s:Envelope xmlns:s="x"><s:Body><Op xmlns="y"><Request><A>1 &amp; 2</A><B/></Request></Op></s:Body></s:Envelope>"#)
            .expect("parses");
        let b = parse(br#"<Envelope><Body><p:Op xmlns:p="y"><p:Request><p:A>1 &amp; 2</p:A><p:B></p:B></p:Request></p:Op></Body></Envelope>"#)
            .expect("parses");
        assert_eq!(a, b);
        let req = a
            .child("Body")
            .and_then(|b| b.child("Op"))
            .and_then(|o| o.child("Request"));
        assert_eq!(req.and_then(|r| r.child_text("A")), Some("1 & 2"));
    }

    #[test]
    fn broken_documents_are_errors() {
        assert!(parse(b"<a><b></a>").is_err());
        assert!(parse(b"<a>").is_err());
        assert!(parse(b"").is_err());
    }

    #[test]
    fn written_text_is_escaped() {
        let mut out = String::new();
        El::leaf("Name", "<Lee & Co>").write(&mut out);
        assert_eq!(out, "<Name>&lt;Lee &amp; Co&gt;</Name>");
    }
}
