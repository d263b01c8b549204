//! A stateful fake of the vcare / Telgoo5 REST API.
//!
//! - `POST /authenticate` with `vendor_id`, `username`, `password`, `pin` issues a token
//!   (JWT-shaped) that is good for **one** request and lives [`VcareConfig::token_lifetime`]
//!   (15 s, as the vendor documents). Every answer to an API call carries the next token.
//! - A reused token gets `RESTAPI001 "Token already used"` (with a fresh token), an expired
//!   one `"Token expire"` and an unknown one `"Invalid Token"` (both with `token: ""`), bad
//!   credentials `"Invalid credentials!!"`, a method other than POST `"Invalid Access!!"`.
//!   [`VcareSandbox::token_stats`] counts each outcome.
//! - `agent_id` / `agent_password` are checked (`RESTAPI104`), `source` too (`RESTAPI103`),
//!   a missing `action` gives `RESTAPI102`, an unknown one `RESTAPI106`.
//! - Typed actions with state: `check_service_availability` (creates an enrollment),
//!   `create_homephone_customer`, `create_prepaid_postpaid_customer_v2` (a repeat create for
//!   the same enrollment gets `"Customer is already created for this enrollment"`),
//!   `customer_info` (reads back what was created), `plan_list`, `sim_swap` (the
//!   customer's SIM changes; the same SIM again is refused), `topup_list`, `add_topup`
//!   (recorded on the customer) and `get_usage`.
//! - `check_device_compatibility` (`/inventory`) answers from a small device table keyed by
//!   the IMEI's type allocation code (its first 8 digits): an Apple eSIM phone
//!   (`35882305…`), a Samsung without eSIM (`35327611…`), anything else not compatible. An
//!   IMEI that is not 15 digits with a valid check digit is `RESTAPI110`. The vendor has not
//!   published this action's fields; the fake's are its reading of the vendor's style.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{HeaderMap, Method, Response, StatusCode, Uri};
use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::core::{
    Core, Rng, Server, admin_router, header_str, is_post, json as json_answer, lock, sandbox_common,
};

/// Settings of a vcare fake. `Default` gives the values the project's fixtures use.
#[derive(Debug, Clone)]
pub struct VcareConfig {
    /// The port to bind on 127.0.0.1; 0 (the default) for a free one.
    pub port: u16,
    /// Seeds tokens and ids.
    pub seed: u64,
    /// `vendor_id` accepted by `/authenticate`.
    pub vendor_id: String,
    /// `username` accepted by `/authenticate`.
    pub username: String,
    /// `password` accepted by `/authenticate`.
    pub password: String,
    /// `pin` accepted by `/authenticate`.
    pub pin: String,
    /// The agent ids the tenant knows.
    pub agent_id: String,
    /// When set, every call must carry this `agent_password`.
    pub agent_password: Option<String>,
    /// The `source` values the agent may use.
    pub allowed_sources: Vec<String>,
    /// How long an issued token stays good.
    pub token_lifetime: Duration,
}

impl Default for VcareConfig {
    fn default() -> Self {
        VcareConfig {
            port: 0,
            seed: 0,
            vendor_id: "V1".into(),
            username: "apiuser".into(),
            password: "api-pass".into(),
            pin: "1234".into(),
            agent_id: "ewebsiteapi".into(),
            agent_password: None,
            allowed_sources: ["API", "WEBSITE", "TABLET", "ENROLLMENT_PORTAL"]
                .map(String::from)
                .to_vec(),
            token_lifetime: Duration::from_secs(15),
        }
    }
}

/// How the fake judged the tokens presented to it so far ([`VcareSandbox::token_stats`]).
///
/// Every API call that reached the vcare routes (not answered by an injected fault) is
/// counted once, in `accepted` or in one of the three refusals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct VcareTokenStats {
    /// Successful `/authenticate` calls (each issued a token).
    pub authentications: u64,
    /// API calls whose token was good: issued, unused and within its lifetime.
    pub accepted: u64,
    /// API calls answered `"Token already used"`.
    pub already_used: u64,
    /// API calls answered `"Token expire"`.
    pub expired: u64,
    /// API calls answered `"Invalid Token"` (a token the fake never issued, or none).
    pub invalid: u64,
}

/// A customer the fake holds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VcareCustomer {
    /// The enrollment the customer was created for.
    pub enrollment_id: String,
    /// The vendor's customer id.
    pub customer_id: u64,
    /// The pending order id.
    pub pending_id: u64,
    /// The line's number.
    pub telephone_number: String,
    /// `"Active"` or `"Pending"`.
    pub status: String,
    /// First name as sent.
    pub first_name: String,
    /// The action that created it.
    pub created_by: String,
    /// The SIM (ESN/ICCID), when one was given or swapped in.
    pub esn: Option<String>,
    /// Top-up order ids, in order.
    pub topups: Vec<u64>,
}

#[derive(Debug)]
struct State {
    config: VcareConfig,
    rng: Rng,
    issued: HashMap<String, Instant>,
    used: HashSet<String>,
    enrollments: BTreeMap<String, String>,
    customers: BTreeMap<String, VcareCustomer>,
    next_id: u64,
    tokens: VcareTokenStats,
}

impl State {
    fn issue(&mut self) -> String {
        // Shaped like the vendor's HS256 JWTs, without real credentials inside.
        let token = format!(
            "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzYW5kYm94Ijp0cnVlfQ.{}",
            self.rng.hex(43)
        );
        self.issued.insert(token.clone(), Instant::now());
        token
    }

    fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }
}

/// A running vcare fake. Dropping it stops the server.
#[derive(Debug)]
pub struct VcareSandbox {
    core: Arc<Core>,
    state: Arc<Mutex<State>>,
    server: Server,
}

sandbox_common!(VcareSandbox);

/// Starts a vcare fake with the default [`VcareConfig`] on a free port.
pub async fn start() -> io::Result<VcareSandbox> {
    VcareSandbox::start(VcareConfig::default()).await
}

impl VcareSandbox {
    /// Starts a vcare fake.
    pub async fn start(config: VcareConfig) -> io::Result<VcareSandbox> {
        let core = Arc::new(Core::default());
        let port = config.port;
        let state = Arc::new(Mutex::new(State {
            rng: Rng::new(config.seed),
            config,
            issued: HashMap::new(),
            used: HashSet::new(),
            enrollments: BTreeMap::new(),
            customers: BTreeMap::new(),
            next_id: 430,
            tokens: VcareTokenStats::default(),
        }));
        let shared = Arc::clone(&state);
        let for_admin = Arc::clone(&state);
        let router = admin_router(Arc::clone(&core))
            .route(
                "/__sandbox/expire-tokens",
                axum::routing::post(move || {
                    let state = Arc::clone(&for_admin);
                    async move {
                        expire_all(&state);
                        StatusCode::NO_CONTENT
                    }
                }),
            )
            .fallback(
                move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                    let state = Arc::clone(&shared);
                    async move { answer(&state, &method, &uri, &headers, &body) }
                },
            );
        let server = Server::start("primary", port, Arc::clone(&core), router).await?;
        Ok(VcareSandbox {
            core,
            state,
            server,
        })
    }

    /// What to give the client's `base_url`: the server's root, as for every fake.
    pub fn base_url(&self) -> String {
        self.url()
    }

    /// The base URL to give the client (`http://127.0.0.1:PORT`).
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.server.addr().port()
    }

    /// Makes every token issued so far expired, as if the token lifetime had passed (also
    /// `POST /__sandbox/expire-tokens`).
    pub fn expire_tokens(&self) {
        expire_all(&self.state);
    }

    /// How many successful `/authenticate` calls the fake answered.
    pub fn authentications(&self) -> u64 {
        lock(&self.state).tokens.authentications
    }

    /// How many tokens the fake accepted and refused (and why), and how many it issued
    /// through `/authenticate`.
    pub fn token_stats(&self) -> VcareTokenStats {
        lock(&self.state).tokens
    }

    /// Adds an enrollment (as `check_service_availability` with `is_enrollment=Y` would).
    pub fn preload_enrollment(&self, enrollment_id: &str, zip_code: &str) {
        lock(&self.state)
            .enrollments
            .insert(enrollment_id.to_owned(), zip_code.to_owned());
    }

    /// The customer created for an enrollment, when there is one.
    pub fn customer(&self, enrollment_id: &str) -> Option<VcareCustomer> {
        lock(&self.state).customers.get(enrollment_id).cloned()
    }

    /// Every customer, by enrollment id.
    pub fn customers(&self) -> Vec<VcareCustomer> {
        lock(&self.state).customers.values().cloned().collect()
    }
}

fn envelope(msg: &str, code: &str, token: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("msg".into(), msg.into());
    m.insert("msg_code".into(), code.into());
    m.insert("token".into(), token.into());
    m
}

fn error(msg: &str, code: &str, token: &str, errors: Value) -> Response<Body> {
    let mut m = envelope(msg, code, token);
    m.insert("errors".into(), errors);
    json_answer(StatusCode::OK, &Value::Object(m))
}

fn answer(
    state: &Mutex<State>,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Response<Body> {
    let mut st = lock(state);
    let path = uri.path();
    if path == "/authenticate" {
        return authenticate(&mut st, method, body);
    }
    // The token is checked first: it is used up by this request whatever follows.
    let presented = header_str(headers, "token").unwrap_or("").to_owned();
    if st.used.contains(&presented) {
        st.tokens.already_used += 1;
        let next = st.issue();
        return json_answer(
            StatusCode::OK,
            &Value::Object(envelope("Token already used", "RESTAPI001", &next)),
        );
    }
    let Some(issued_at) = st.issued.remove(&presented) else {
        st.tokens.invalid += 1;
        return json_answer(
            StatusCode::OK,
            &Value::Object(envelope("Invalid Token", "RESTAPI001", "")),
        );
    };
    st.used.insert(presented);
    if issued_at.elapsed() > st.config.token_lifetime {
        st.tokens.expired += 1;
        return json_answer(
            StatusCode::OK,
            &Value::Object(envelope("Token expire", "RESTAPI001", "")),
        );
    }
    st.tokens.accepted += 1;
    let next = st.issue();
    if !is_post(method) {
        return json_answer(
            StatusCode::OK,
            &Value::Object(envelope("Invalid Access!!", "RESTAPI001", &next)),
        );
    }
    let Ok(Value::Object(req)) = serde_json::from_slice::<Value>(body) else {
        return error(
            "Error occurred",
            "RESTAPI110",
            &next,
            json!(["Invalid request!!"]),
        );
    };
    let field = |k: &str| -> String {
        match req.get(k) {
            Some(Value::String(s)) => s.trim().to_owned(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        }
    };
    let agent = field("agent_id");
    if agent.is_empty() {
        return error(
            "Agent Id should not be blank",
            "RESTAPI104",
            &next,
            json!(["Agent Id should not be blank"]),
        );
    }
    if agent != st.config.agent_id {
        return error(
            "Invalid Agent Id",
            "RESTAPI104",
            &next,
            json!(["Invalid Agent Id"]),
        );
    }
    if let Some(expected) = st.config.agent_password.clone()
        && field("agent_password") != expected
    {
        return error(
            "Invalid Agent ID or Password.",
            "RESTAPI104",
            &next,
            json!(["Invalid Agent ID or Password."]),
        );
    }
    let source = field("source");
    if source.is_empty() {
        return error(
            "Source can not be blank.",
            "RESTAPI103",
            &next,
            json!(["Source can not be blank."]),
        );
    }
    if !st
        .config
        .allowed_sources
        .iter()
        .any(|s| s.eq_ignore_ascii_case(&source))
    {
        return error(
            "Source Not Allowed",
            "RESTAPI103",
            &next,
            json!(["Source Not Allowed"]),
        );
    }
    let action = field("action");
    if action.is_empty() {
        return error(
            "Action required",
            "RESTAPI102",
            &next,
            json!(["Action required"]),
        );
    }
    let result = match (path, action.as_str()) {
        ("/enrollment", "check_service_availability") => {
            check_service_availability(&mut st, &field)
        }
        ("/customer", "create_homephone_customer") => {
            create_homephone_customer(&mut st, &req, &field)
        }
        ("/customer", "create_prepaid_postpaid_customer_v2") => create_customer_v2(&mut st, &req),
        ("/customer", "customer_info") => customer_info(&st, &field),
        ("/plan", "plan_list") => Ok(plan_list(&field)),
        ("/inventory", "sim_swap") => sim_swap(&mut st, &field),
        ("/inventory", "check_device_compatibility") => check_device_compatibility(&field),
        ("/topup", "topup_list") => Ok(topup_list()),
        ("/topup", "add_topup") => add_topup(&mut st, &field),
        ("/usage", "get_usage") => get_usage(&st, &field),
        _ => Err((
            "Action does not exist".to_owned(),
            "RESTAPI106",
            json!(["Action does not exist"]),
        )),
    };
    match result {
        Ok(data) => {
            let mut m = envelope("Success", "RESTAPI000", &next);
            m.insert("data".into(), data);
            let ext = field("external_transaction_id");
            if !ext.is_empty() {
                m.insert("external_transaction_id".into(), ext.into());
            }
            json_answer(StatusCode::OK, &Value::Object(m))
        }
        Err((msg, code, errors)) => error(&msg, code, &next, errors),
    }
}

type ActionResult = Result<Value, (String, &'static str, Value)>;

fn validation(message: &str) -> (String, &'static str, Value) {
    ("Error occurred".to_owned(), "RESTAPI110", json!([message]))
}

fn authenticate(st: &mut State, method: &Method, body: &[u8]) -> Response<Body> {
    if !is_post(method) {
        return json_answer(
            StatusCode::OK,
            &Value::Object(envelope("Invalid Access!!", "RESTAPI001", "")),
        );
    }
    let req: Map<String, Value> = serde_json::from_slice(body).unwrap_or_default();
    let get = |k: &str| req.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    let (vendor, user, pass, pin) = (
        get("vendor_id"),
        get("username"),
        get("password"),
        get("pin"),
    );
    if [&vendor, &user, &pass, &pin].iter().any(|v| v.is_empty()) {
        return json_answer(
            StatusCode::BAD_REQUEST,
            &Value::Object(envelope(
                "username and password pin and vendor_id are required",
                "RESTAPI001",
                "",
            )),
        );
    }
    let c = &st.config;
    if vendor != c.vendor_id || user != c.username || pass != c.password || pin != c.pin {
        return json_answer(
            StatusCode::OK,
            &Value::Object(envelope("Invalid credentials!!", "RESTAPI001", "")),
        );
    }
    st.tokens.authentications += 1;
    let token = st.issue();
    json_answer(
        StatusCode::OK,
        &Value::Object(envelope("Successfully Authenticate", "RESTAPI000", &token)),
    )
}

fn check_service_availability(st: &mut State, field: &dyn Fn(&str) -> String) -> ActionResult {
    let zip = field("zip_code");
    if zip.len() != 5 || !zip.bytes().all(|b| b.is_ascii_digit()) {
        return Err(validation("Please enter valid 5 digit Zip Code"));
    }
    let mut data = json!({
        "city": "PATERSON", "state": "NJ", "zip_code": zip, "is_tribal": "N",
        "required_ssn_digits": "4", "is_combo": 1, "is_lifeline": "1", "is_ebb": "1",
        "allowed_enrollment_type": "NON_LIFELINE",
    });
    if field("is_enrollment").eq_ignore_ascii_case("Y") {
        let id = format!("WN{}", 10_000 + st.next_id());
        st.enrollments.insert(id.clone(), zip);
        data["enrollment_id"] = id.into();
    }
    Ok(data)
}

fn create_homephone_customer(
    st: &mut State,
    req: &Map<String, Value>,
    field: &dyn Fn(&str) -> String,
) -> ActionResult {
    // The sample request names it enroll_id; the field table enrollment_id.
    let mut enrollment = field("enroll_id");
    if enrollment.is_empty() {
        enrollment = field("enrollment_id");
    }
    if enrollment.is_empty() {
        return Err(validation("Please enter Enrollment Id"));
    }
    let zip = field("zip_code");
    if zip.len() != 5 || !zip.bytes().all(|b| b.is_ascii_digit()) {
        return Err(validation("Please enter valid 5 digit Zip Code"));
    }
    if !matches!(req.get("features"), Some(Value::Array(f)) if !f.is_empty()) {
        return Err(validation("Please enter valid features"));
    }
    let phone = field("phone_number");
    if phone.len() != 10 || !phone.bytes().all(|b| b.is_ascii_digit()) {
        return Err(validation("Please enter valid phone number"));
    }
    for required in ["plan_id", "order_type", "ssnum", "f_name", "carrier"] {
        if field(required).is_empty() {
            return Err(validation(&format!("Please enter {required}")));
        }
    }
    if st.customers.contains_key(&enrollment) {
        return Err(validation(
            "Customer is already created for this enrollment",
        ));
    }
    let customer_id = st.next_id();
    let pending_id = st.next_id();
    let telephone = {
        let t = field("telephone_number");
        if t.is_empty() { phone } else { t }
    };
    st.customers.insert(
        enrollment.clone(),
        VcareCustomer {
            enrollment_id: enrollment,
            customer_id,
            pending_id,
            telephone_number: telephone,
            status: "Pending".into(),
            first_name: field("f_name"),
            created_by: "create_homephone_customer".into(),
            esn: None,
            topups: Vec::new(),
        },
    );
    Ok(json!({"pending_id": pending_id, "customer_id": customer_id.to_string()}))
}

fn create_customer_v2(st: &mut State, req: &Map<String, Value>) -> ActionResult {
    let Some(Value::Array(lines)) = req.get("lines") else {
        return Err(validation("Please enter lines"));
    };
    let mut out = Vec::new();
    for line in lines {
        let get = |k: &str| match line.get(k) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let enrollment = get("enrollment_id");
        if enrollment.is_empty() {
            out.push(json!({"data": null, "msg": "Error occurred", "msg_code": "RESTAPI110", "errors": ["Please enter Enrollment Id"]}));
            continue;
        }
        if st.customers.contains_key(&enrollment) {
            out.push(json!({"data": null, "msg": "Customer is already created for this enrollment", "msg_code": "RESTAPI110", "errors": ["Customer is already created for this enrollment"]}));
            continue;
        }
        let customer_id = st.next_id();
        let pending_id = st.next_id();
        let mdn = format!("201555{:04}", customer_id % 10_000);
        st.customers.insert(
            enrollment.clone(),
            VcareCustomer {
                enrollment_id: enrollment.clone(),
                customer_id,
                pending_id,
                telephone_number: mdn.clone(),
                status: "Active".into(),
                first_name: get("first_name"),
                created_by: "create_prepaid_postpaid_customer_v2".into(),
                esn: Some(get("sim")).filter(|s| !s.is_empty()),
                topups: Vec::new(),
            },
        );
        out.push(json!({
            "data": {"enrollment_id": enrollment, "customer_id": customer_id, "order_id": get("order_id"), "mdn": mdn},
            "msg": "Success", "msg_code": "RESTAPI000",
        }));
    }
    Ok(Value::Array(out))
}

fn customer_info(st: &State, field: &dyn Fn(&str) -> String) -> ActionResult {
    let enrollment = field("enrollment_id");
    let mdn = field("telephone_number");
    if enrollment.is_empty() && mdn.is_empty() {
        return Err(validation("Please enter enrollment id or telephone number"));
    }
    let found: Vec<Value> = st
        .customers
        .values()
        .filter(|c| {
            (!enrollment.is_empty() && c.enrollment_id == enrollment)
                || (!mdn.is_empty() && c.telephone_number == mdn)
        })
        .map(|c| {
            json!({
                "enrollment_id": c.enrollment_id, "esn_number": c.esn, "plan_description": "Unlimited",
                "is_esim": "N", "telephone_number": c.telephone_number, "status": c.status,
                "customer_id": c.customer_id, "first_name": c.first_name,
            })
        })
        .collect();
    if found.is_empty() {
        return Err((
            "No record found!".to_owned(),
            "RESTAPI110",
            json!("No record found!"),
        ));
    }
    Ok(Value::Array(found))
}

fn plan_list(field: &dyn Fn(&str) -> String) -> Value {
    let wanted = field("plan_id");
    let plans = [
        ("231", "Unlimited", "29.24", 31.5),
        ("262", "Home Phone", "19.99", 21.4),
    ];
    Value::Array(
        plans
            .iter()
            .filter(|(id, ..)| wanted.is_empty() || wanted == *id)
            .map(|(id, name, price, total)| {
                json!({
                    "plan_id": id, "plan_code": id, "plan_name": name, "plan_price": price,
                    "total_plan_price": total, "data": "1500", "talk": 0, "text": "Unlimited",
                    "carrier": ["HELIXATT"], "is_prepaid_postpaid": "prepaid",
                    "plan_expiry_days": 30, "plan_expiry_type": "MONTHLY", "Plan_service_type": "WIRELESS",
                })
            })
            .collect(),
    )
}

fn no_customer() -> (String, &'static str, Value) {
    (
        "Error occurred".to_owned(),
        "RESTAPI110",
        json!(["No customer found against this enrolment ID"]),
    )
}

fn sim_swap(st: &mut State, field: &dyn Fn(&str) -> String) -> ActionResult {
    let enrollment = field("enrollment_id");
    let new_esn = field("new_esn");
    if enrollment.is_empty() || new_esn.is_empty() {
        return Err(validation("Please enter enrollment_id and new_esn"));
    }
    let Some(customer) = st.customers.get_mut(&enrollment) else {
        return Err(no_customer());
    };
    if customer.esn.as_deref() == Some(new_esn.as_str()) {
        return Err((
            "Error occurred".to_owned(),
            "RESTAPI110",
            json!("New SIM and Old SIM should not be same !"),
        ));
    }
    customer.esn = Some(new_esn);
    Ok(json!(""))
}

/// True for 15 digits whose last is the Luhn check digit of the others, as IMEIs are.
fn is_imei(imei: &str) -> bool {
    if imei.len() != 15 || !imei.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = imei
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            match (i % 2 == 1, d * 2) {
                (true, doubled) if doubled > 9 => doubled - 9,
                (true, doubled) => doubled,
                (false, _) => d,
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn check_device_compatibility(field: &dyn Fn(&str) -> String) -> ActionResult {
    let imei = field("imei");
    if !is_imei(&imei) {
        return Err(validation("Please enter valid IMEI"));
    }
    // Type allocation codes: (TAC, make, model, eSIM).
    const DEVICES: [(&str, &str, &str, bool); 2] = [
        ("35882305", "Apple", "iPhone 13", true),
        ("35327611", "Samsung", "Galaxy S8", false),
    ];
    let yn = |flag: bool| if flag { "Y" } else { "N" };
    let carrier = field("carrier");
    let mut data = match DEVICES.iter().find(|(tac, ..)| imei.starts_with(tac)) {
        Some((_, make, model, esim)) => json!({
            "imei": imei, "make": make, "model": model, "is_compatible": "Y",
            "is_esim_compatible": yn(*esim), "is_volte_compatible": "Y",
        }),
        None => json!({
            "imei": imei, "make": "", "model": "", "is_compatible": "N",
            "is_esim_compatible": "N", "is_volte_compatible": "N",
        }),
    };
    if !carrier.is_empty() {
        data["carrier"] = carrier.into();
    }
    Ok(data)
}

fn topup_list() -> Value {
    json!({
        "data_plans": [{"plan_id": 301, "plan_code": "DATA1", "amount": 18.99, "carrier": "TMB", "type": "DATA",
            "expiry_days": 30, "data": "1GB", "sms": null, "voice": null, "description": "1 GB",
            "category": "DATA", "is_tax_included": "Y"}],
        "minute_plans": []
    })
}

fn add_topup(st: &mut State, field: &dyn Fn(&str) -> String) -> ActionResult {
    let enrollment = field("enrollment_id");
    if field("plan_id") != "301" {
        return Err(validation("Invalid plan id"));
    }
    if !st.customers.contains_key(&enrollment) {
        return Err(no_customer());
    }
    let order = st.next_id();
    let tx = st.rng.hex(8).to_ascii_uppercase();
    if let Some(c) = st.customers.get_mut(&enrollment) {
        c.topups.push(order);
    }
    Ok(json!({"order_id": order, "transaction_no": format!("TX{tx}"), "total_amount": "18.99"}))
}

fn get_usage(st: &State, field: &dyn Fn(&str) -> String) -> ActionResult {
    let enrollment = field("enrollment_id");
    let Some(c) = st.customers.get(&enrollment) else {
        // The vendor's own oddity: success code, with errors.
        return Err((
            "Success".to_owned(),
            "RESTAPI000",
            json!(["Please enter valid enrollment id"]),
        ));
    };
    let used = c.topups.len();
    Ok(
        json!([{"OCSDATA": format!("{used}.5"), "OCSMIN": "12", "OCSSMS": "3",
        "fname": c.first_name, "telephone_number": c.telephone_number}]),
    )
}

fn expire_all(state: &Mutex<State>) {
    let mut state = lock(state);
    let lifetime = state.config.token_lifetime;
    let past = Instant::now()
        .checked_sub(lifetime + Duration::from_secs(1))
        .unwrap_or_else(Instant::now);
    for at in state.issued.values_mut() {
        *at = past;
    }
}
