//! A stateful fake of the TraiTel Account Management API (`accountmanager.pl`), on two
//! gateways: a primary and an alternate on their own ports, sharing one account. Either
//! can be switched down (its port then refuses connections) and up again.
//!
//! - Parameters are read from the query string and from a form body (GET or POST), and
//!   `user`/`pass` are checked on every call (`Error 002: Authentication failed.`).
//! - All 27 modes of the spec answer. State is kept for the balance, sub-accounts
//!   (`addsubaccount` ... `updatesubaccount`, with errors 101/102/104/105), DIDs
//!   (`querynumbers`, `assignnumber` with 105/107/108/109/110/113, `subscribedid` adding
//!   to the numbers and charging the balance), IVML configurations (110/115/116) and the
//!   time zone (119). Unknown modes and missing parameters give `Error 200`.
//! - The six log modes generate their rows on the fly from the seed and the row number and
//!   stream them: a million-row `logsmsout` is never held in memory
//!   ([`TraitelConfig::log_rows_per_day`] rows for each day of the range, cut by `limit`).
//! - Gateway control from a test ([`TraitelSandbox::set_primary_up`],
//!   [`TraitelSandbox::set_unavailable`]) or over HTTP on either gateway:
//!   `POST /__sandbox/gateway/{primary|alternate}/{down|up|unavailable|available}`
//!   (`unavailable` answers `Error 001: Service Unavailable.`).

use std::collections::BTreeMap;
use std::io;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::http::{HeaderValue, Response, StatusCode, Uri, header};
use bytes::Bytes;

use crate::core::{
    Core, Rng, Server, admin_router, civil_from_days, days_from_civil, lock, plain, sandbox_common,
};

/// The path of the API on both gateways.
pub const PATH: &str = "/accountmanager.pl";

/// Settings of a TraiTel fake. `Default` gives the values the project's fixtures use.
#[derive(Debug, Clone)]
pub struct TraitelConfig {
    /// The primary gateway's port on 127.0.0.1; 0 (the default) for a free one.
    pub primary_port: u16,
    /// The alternate gateway's port; 0 for a free one.
    pub alternate_port: u16,
    /// Seeds the generated logs.
    pub seed: u64,
    /// The account's user name.
    pub user: String,
    /// The account's password.
    pub pass: String,
    /// The starting balance, in cents.
    pub balance_cents: i64,
    /// Log rows generated for each day of a log query's range.
    pub log_rows_per_day: u64,
    /// Whether the account subscribes to IVR/IVML (otherwise `Error 115`).
    pub ivr_subscription: bool,
}

impl Default for TraitelConfig {
    fn default() -> Self {
        TraitelConfig {
            primary_port: 0,
            alternate_port: 0,
            seed: 0,
            user: "demo".into(),
            pass: "s3cret-pass".into(),
            balance_cents: 12_550,
            log_rows_per_day: 3,
            ivr_subscription: true,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct SubAccount {
    alias: String,
    email: String,
    first: String,
    last: String,
    company: String,
    headline: String,
}

#[derive(Debug, Clone)]
struct Number {
    number: String,
    service: String,
    assigned_service: String,
    assigned_id: String,
}

#[derive(Debug, Clone)]
struct Ivml {
    name: String,
    launch: String,
    result: String,
    kind: String,
}

#[derive(Debug)]
struct State {
    config: TraitelConfig,
    balance_cents: i64,
    subaccounts: BTreeMap<u64, SubAccount>,
    numbers: Vec<Number>,
    ivml: BTreeMap<u64, Ivml>,
    timezone: String,
    next_id: u64,
    /// Per gateway (primary, alternate): answer `Error 001: Service Unavailable.`.
    unavailable: [bool; 2],
}

/// Which of the two gateways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gateway {
    /// `api.traitel.com`.
    Primary,
    /// `api2.traitel.com`.
    Alternate,
}

type Switches = OnceLock<[Arc<tokio::sync::watch::Sender<bool>>; 2]>;

/// A running TraiTel fake with its two gateways. Dropping it stops both.
#[derive(Debug)]
pub struct TraitelSandbox {
    core: Arc<Core>,
    state: Arc<Mutex<State>>,
    primary: Server,
    alternate: Server,
}

sandbox_common!(TraitelSandbox);

/// Starts a TraiTel fake with the default [`TraitelConfig`] on two free ports.
pub async fn start() -> io::Result<TraitelSandbox> {
    TraitelSandbox::start(TraitelConfig::default()).await
}

const SERVICES: [&str; 3] = ["fax", "voice", "sms"];
const COUNTRIES: [(&str, &[&str]); 2] = [
    ("Australia", &["Sydney", "Melbourne"]),
    ("United States", &["New York", "Chicago"]),
];
const IVR_MENUS: [(u64, &str); 2] = [(12, "Main menu"), (13, "After hours")];

impl TraitelSandbox {
    /// Starts a TraiTel fake.
    pub async fn start(config: TraitelConfig) -> io::Result<TraitelSandbox> {
        let core = Arc::new(Core::default());
        let (pp, ap) = (config.primary_port, config.alternate_port);
        let numbers = [
            ("61290001111", "voice", "IVR", "12"),
            ("61290002222", "voice", "SIP", "0"),
            ("61290003333", "fax", "", ""),
            ("15550104444", "sms", "", ""),
        ]
        .iter()
        .map(|(n, s, a, i)| Number {
            number: (*n).into(),
            service: (*s).into(),
            assigned_service: (*a).into(),
            assigned_id: (*i).into(),
        })
        .collect();
        let state = Arc::new(Mutex::new(State {
            balance_cents: config.balance_cents,
            config,
            subaccounts: BTreeMap::new(),
            numbers,
            ivml: BTreeMap::new(),
            timezone: "Australia/Sydney".into(),
            next_id: 1000,
            unavailable: [false, false],
        }));
        let switches: Arc<Switches> = Arc::new(OnceLock::new());
        let router = |gateway: Gateway| {
            let shared = Arc::clone(&state);
            let switches = Arc::clone(&switches);
            admin_router(Arc::clone(&core)).fallback(move |uri: Uri, body: Bytes| {
                let state = Arc::clone(&shared);
                let switches = Arc::clone(&switches);
                async move {
                    match uri.path().strip_prefix("/__sandbox/gateway/") {
                        Some(rest) => gateway_admin(&state, &switches, rest),
                        None => answer(&state, gateway, &uri, &body),
                    }
                }
            })
        };
        let primary =
            Server::start("primary", pp, Arc::clone(&core), router(Gateway::Primary)).await?;
        let alternate = Server::start(
            "alternate",
            ap,
            Arc::clone(&core),
            router(Gateway::Alternate),
        )
        .await?;
        let _ = switches.set([primary.switch(), alternate.switch()]);
        Ok(TraitelSandbox {
            core,
            state,
            primary,
            alternate,
        })
    }

    /// The primary gateway's API URL (`http://127.0.0.1:PORT/accountmanager.pl`), for the
    /// client's `base_url`.
    pub fn base_url(&self) -> String {
        format!("{}{PATH}", self.primary.url())
    }

    /// The alternate gateway's API URL, for the client's `alternate_url`.
    pub fn alternate_url(&self) -> String {
        format!("{}{PATH}", self.alternate.url())
    }

    /// The primary gateway's root URL (`http://127.0.0.1:PORT`).
    pub fn url(&self) -> String {
        self.primary.url()
    }

    /// Switches the primary gateway down (its port closed: connections refused, open
    /// ones cut) or up again on the same port, and returns once that is done.
    pub async fn set_primary_up(&self, up: bool) {
        self.primary.set_up_and_wait(up).await;
    }

    /// Switches the alternate gateway down or up, as [`TraitelSandbox::set_primary_up`].
    pub async fn set_alternate_up(&self, up: bool) {
        self.alternate.set_up_and_wait(up).await;
    }

    /// Makes a gateway answer every call with `Error 001: Service Unavailable.` (or stop).
    pub fn set_unavailable(&self, gateway: Gateway, unavailable: bool) {
        lock(&self.state).unavailable[gateway as usize] = unavailable;
    }

    /// Whether the primary gateway is up.
    pub fn primary_is_up(&self) -> bool {
        self.primary.is_up()
    }

    /// The balance, in cents.
    pub fn balance_cents(&self) -> i64 {
        lock(&self.state).balance_cents
    }

    /// Sets the balance, in cents.
    pub fn set_balance_cents(&self, cents: i64) {
        lock(&self.state).balance_cents = cents;
    }

    /// The account's time zone.
    pub fn timezone(&self) -> String {
        lock(&self.state).timezone.clone()
    }

    /// The sub-account ids and aliases.
    pub fn subaccounts(&self) -> Vec<(u64, String)> {
        lock(&self.state)
            .subaccounts
            .iter()
            .map(|(id, s)| (*id, s.alias.clone()))
            .collect()
    }

    /// Adds a DID to the account's numbers (service `fax`, `voice` or `sms`), unassigned.
    pub fn preload_number(&self, number: &str, service: &str) {
        lock(&self.state).numbers.push(Number {
            number: number.into(),
            service: service.into(),
            assigned_service: String::new(),
            assigned_id: String::new(),
        });
    }
}

fn text(body: String) -> Response<Body> {
    plain(StatusCode::OK, &body)
}

fn err(code: u16, message: &str) -> Response<Body> {
    text(format!("Error {code:03}: {message}\n"))
}

fn incomplete() -> Response<Body> {
    err(200, "Incomplete request.")
}

fn csv_field(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_owned()
    }
}

fn csv(header: &str, rows: impl IntoIterator<Item = Vec<String>>) -> Response<Body> {
    let mut out = format!("Ok\n{header}\n");
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    text(out)
}

fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100)
}

fn valid_email(e: &str) -> bool {
    let mut parts = e.splitn(2, '@');
    matches!((parts.next(), parts.next()), (Some(l), Some(d)) if !l.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.'))
}

/// `POST /__sandbox/gateway/{primary|alternate}/{up|down|unavailable|available}`.
fn gateway_admin(state: &Mutex<State>, switches: &Switches, rest: &str) -> Response<Body> {
    let Some((name, what)) = rest.split_once('/') else {
        return plain(
            StatusCode::NOT_FOUND,
            "expected /__sandbox/gateway/NAME/ACTION",
        );
    };
    let index = match name {
        "primary" => 0,
        "alternate" => 1,
        _ => return plain(StatusCode::NOT_FOUND, "gateways: primary, alternate"),
    };
    match what {
        "up" | "down" => match switches.get() {
            Some(s) => {
                s[index].send_replace(what == "up");
            }
            None => return plain(StatusCode::SERVICE_UNAVAILABLE, "still starting"),
        },
        "unavailable" | "available" => lock(state).unavailable[index] = what == "unavailable",
        _ => {
            return plain(
                StatusCode::NOT_FOUND,
                "actions: up, down, unavailable, available",
            );
        }
    }
    plain(StatusCode::OK, "ok")
}

fn answer(state: &Mutex<State>, gateway: Gateway, uri: &Uri, body: &[u8]) -> Response<Body> {
    if uri.path() != PATH {
        return plain(StatusCode::NOT_FOUND, "Not Found");
    }
    if lock(state).unavailable[gateway as usize] {
        return err(1, "Service Unavailable.");
    }
    let mut params: Vec<(String, String)> = uri
        .query()
        .and_then(|q| serde_urlencoded::from_str(q).ok())
        .unwrap_or_default();
    params.extend(serde_urlencoded::from_bytes::<Vec<(String, String)>>(body).unwrap_or_default());
    let get = |k: &str| -> String {
        params
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let mut st = lock(state);
    if get("user") != st.config.user || get("pass") != st.config.pass {
        return err(2, "Authentication failed.");
    }
    let mode = get("mode");
    match mode.as_str() {
        "querybalance" => text(format!("Ok\n{}\n", money(st.balance_cents))),
        "querysubaccounts" => csv(
            "Sub-ID,Email,First Name,Last Name,Company,Fax Headline",
            st.subaccounts.iter().map(|(id, s)| {
                vec![
                    id.to_string(),
                    s.email.clone(),
                    s.first.clone(),
                    s.last.clone(),
                    s.company.clone(),
                    s.headline.clone(),
                ]
            }),
        ),
        "addsubaccount" | "updatesubaccount" => {
            let update = mode == "updatesubaccount";
            let subid = get("subid");
            let target: Option<u64> = if update {
                if subid.is_empty() {
                    return incomplete();
                }
                match subid
                    .parse()
                    .ok()
                    .filter(|id| st.subaccounts.contains_key(id))
                {
                    Some(id) => Some(id),
                    None => return err(105, "Invalid sub-account ID."),
                }
            } else {
                None
            };
            let alias = get("alias");
            if !update && alias.is_empty() {
                return incomplete();
            }
            let email = get("email");
            if !email.is_empty() {
                if !valid_email(&email) {
                    return err(104, "Invalid email address.");
                }
                if st
                    .subaccounts
                    .iter()
                    .any(|(id, s)| Some(*id) != target && s.email.eq_ignore_ascii_case(&email))
                {
                    return err(101, "Email address already registered elsewhere.");
                }
            }
            if !alias.is_empty()
                && st
                    .subaccounts
                    .iter()
                    .any(|(id, s)| Some(*id) != target && s.alias == alias)
            {
                return err(102, "Alias already registered.");
            }
            let id = match target {
                Some(id) => id,
                None => {
                    st.next_id += 1;
                    let id = st.next_id;
                    st.subaccounts.insert(id, SubAccount::default());
                    id
                }
            };
            let Some(s) = st.subaccounts.get_mut(&id) else {
                return err(105, "Invalid sub-account ID.");
            };
            for (key, field) in [
                ("alias", &mut s.alias),
                ("email", &mut s.email),
                ("firstname", &mut s.first),
                ("lastname", &mut s.last),
                ("company", &mut s.company),
                ("faxheadline", &mut s.headline),
            ] {
                let v = get(key);
                if !v.is_empty() {
                    *field = v;
                }
            }
            if update {
                text("Ok\n".into())
            } else {
                text(format!("Ok\n{id}\n"))
            }
        }
        "delsubaccount" => {
            let subid = get("subid");
            if subid.is_empty() {
                return incomplete();
            }
            let Some(id) = subid
                .parse::<u64>()
                .ok()
                .filter(|id| st.subaccounts.contains_key(id))
            else {
                return err(105, "Invalid sub-account ID.");
            };
            st.subaccounts.remove(&id);
            let sid = id.to_string();
            for n in st
                .numbers
                .iter_mut()
                .filter(|n| n.assigned_service == "SIP" && n.assigned_id == sid)
            {
                n.assigned_service.clear();
                n.assigned_id.clear();
            }
            text("Ok\n".into())
        }
        "querynumbers" => {
            let subid = get("subid");
            if !subid.is_empty()
                && !subid
                    .parse::<u64>()
                    .is_ok_and(|id| st.subaccounts.contains_key(&id))
            {
                return err(105, "Invalid sub-account ID.");
            }
            let service = get("service");
            if !service.is_empty() && !SERVICES.contains(&service.as_str()) {
                return incomplete();
            }
            csv(
                "Number,Service,Assigned-Service,Assigned-ID",
                st.numbers
                    .iter()
                    .filter(|n| service.is_empty() || n.service == service)
                    .filter(|n| {
                        subid.is_empty() || (n.assigned_service == "SIP" && n.assigned_id == subid)
                    })
                    .map(|n| {
                        vec![
                            n.number.clone(),
                            n.service.clone(),
                            n.assigned_service.clone(),
                            n.assigned_id.clone(),
                        ]
                    }),
            )
        }
        "assignnumber" => assign_number(&mut st, &get),
        "querydidcountries" => {
            if get("service").is_empty() {
                return incomplete();
            }
            if !SERVICES.contains(&get("service").as_str()) {
                return err(107, "Invalid service.");
            }
            csv(
                "CountryName",
                COUNTRIES.iter().map(|(c, _)| vec![(*c).to_owned()]),
            )
        }
        "querydidcities" | "querydids" | "subscribedid" => did_market(&mut st, &mode, &get),
        "listivr" => {
            let numbers = st.numbers.clone();
            csv(
                "ID,Name,DIDs",
                IVR_MENUS.iter().map(|(id, name)| {
                    vec![
                        id.to_string(),
                        (*name).to_owned(),
                        assigned_dids(&numbers, "IVR", *id),
                    ]
                }),
            )
        }
        "listivml" => {
            let numbers = st.numbers.clone();
            csv(
                "ID,Name,LaunchURL,ResultURL,DIDs",
                st.ivml.iter().map(|(id, i)| {
                    let mut dids = assigned_dids(&numbers, "IVML", *id);
                    if i.kind == "outbound" {
                        dids = if dids.is_empty() {
                            "outbound".into()
                        } else {
                            format!("{dids} outbound")
                        };
                    }
                    vec![
                        id.to_string(),
                        i.name.clone(),
                        i.launch.clone(),
                        i.result.clone(),
                        dids,
                    ]
                }),
            )
        }
        "addivml" | "updateivml" => ivml_write(&mut st, &mode, &get),
        "deleteivml" => {
            let id = get("ivmlid");
            if id.is_empty() {
                return incomplete();
            }
            let Some(id) = id.parse::<u64>().ok().filter(|id| st.ivml.contains_key(id)) else {
                return err(110, "Invalid IVML ID.");
            };
            st.ivml.remove(&id);
            let sid = id.to_string();
            for n in st
                .numbers
                .iter_mut()
                .filter(|n| n.assigned_service == "IVML" && n.assigned_id == sid)
            {
                n.assigned_service.clear();
                n.assigned_id.clear();
            }
            text("Ok\n".into())
        }
        "logfaxin" | "logfaxout" | "logvoicein" | "logvoiceout" | "logsmsin" | "logsmsout" => {
            log(&st, &mode, &get)
        }
        "settimezone" => {
            let tz = get("tz");
            if tz.is_empty() {
                return incomplete();
            }
            if !valid_timezone(&tz) {
                return err(119, "Invalid timezone.");
            }
            st.timezone = tz.clone();
            text(format!("Ok\n{tz}\n"))
        }
        "querytimezone" => text(format!("Ok\n{}\n", st.timezone)),
        "querysmscost" | "querysmcost" => {
            let Some(number) = destination(&get("number")) else {
                return if get("number").is_empty() {
                    incomplete()
                } else {
                    err(120, "Invalid destination number.")
                };
            };
            let extra = match get("type").as_str() {
                "replies" => 0,
                "masking" => 1,
                "tracking" => 1,
                "masktrack" => 2,
                _ => return incomplete(),
            };
            text(format!("Ok\n0.0{}\n", 5 + extra + rate_class(&number)))
        }
        "queryvoicecost" => match destination(&get("number")) {
            Some(n) => csv(
                "FlagFall,PerSecond,PerMinute,BillingType,Cost",
                [vec![
                    "0.10".into(),
                    "0.0005".into(),
                    "0.03".into(),
                    "PerSecond".into(),
                    format!("0.1{}", 3 + rate_class(&n)),
                ]],
            ),
            None if get("number").is_empty() => incomplete(),
            None => err(120, "Invalid destination number."),
        },
        "queryfaxcost" => match destination(&get("number")) {
            Some(n) => csv(
                "FlagFall,PerSecond,PerMinute,PerPage,BillingType,Cost",
                [vec![
                    "0.00".into(),
                    "0".into(),
                    "0".into(),
                    format!("0.1{}", rate_class(&n)),
                    "PerPage".into(),
                    format!("0.1{}", rate_class(&n)),
                ]],
            ),
            None if get("number").is_empty() => incomplete(),
            None => err(120, "Invalid destination number."),
        },
        _ => incomplete(),
    }
}

fn assigned_dids(numbers: &[Number], service: &str, id: u64) -> String {
    let id = id.to_string();
    numbers
        .iter()
        .filter(|n| n.assigned_service == service && n.assigned_id == id)
        .map(|n| n.number.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn valid_timezone(tz: &str) -> bool {
    tz == "UTC"
        || tz.split_once('/').is_some_and(|(area, city)| {
            [
                "Africa",
                "America",
                "Antarctica",
                "Asia",
                "Atlantic",
                "Australia",
                "Europe",
                "Indian",
                "Pacific",
                "Etc",
            ]
            .contains(&area)
                && !city.is_empty()
                && city
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_/-+".contains(c))
        })
}

/// An international number: digits (a leading `+` allowed), 8 to 15 of them.
fn destination(n: &str) -> Option<String> {
    let d = n.strip_prefix('+').unwrap_or(n);
    (d.len() >= 8 && d.len() <= 15 && d.bytes().all(|b| b.is_ascii_digit())).then(|| d.to_owned())
}

fn rate_class(n: &str) -> u8 {
    n.bytes().next().map(|b| (b - b'0') % 4).unwrap_or(0)
}

fn assign_number(st: &mut State, get: &dyn Fn(&str) -> String) -> Response<Body> {
    let (number, service, kind, id) = (
        get("number"),
        get("service"),
        get("servicetype"),
        get("serviceid"),
    );
    if number.is_empty() || service.is_empty() {
        return incomplete();
    }
    if service != "fax" && service != "voice" {
        return err(107, "Invalid service.");
    }
    let Some(pos) = st.numbers.iter().position(|n| n.number == number) else {
        return err(113, "Invalid DID.");
    };
    let has = st.numbers[pos].service.clone();
    if has != service {
        return err(108, "Service not available.");
    }
    let (assigned_service, assigned_id) = if service == "fax" {
        ("".to_owned(), "".to_owned())
    } else {
        if kind.is_empty() || id.is_empty() {
            return incomplete();
        }
        match kind.to_ascii_uppercase().as_str() {
            "IVR" => {
                if !IVR_MENUS.iter().any(|(m, _)| m.to_string() == id) {
                    return err(109, "Invalid IVR ID.");
                }
                ("IVR".to_owned(), id)
            }
            "IVML" => {
                if !id.parse::<u64>().is_ok_and(|i| st.ivml.contains_key(&i)) {
                    return err(110, "Invalid IVML ID.");
                }
                ("IVML".to_owned(), id)
            }
            "SIP" => {
                if id != "0"
                    && !id
                        .parse::<u64>()
                        .is_ok_and(|i| st.subaccounts.contains_key(&i))
                {
                    return err(105, "Invalid sub-account ID.");
                }
                ("SIP".to_owned(), id)
            }
            _ => return err(107, "Invalid service."),
        }
    };
    let n = &mut st.numbers[pos];
    n.assigned_service = assigned_service;
    n.assigned_id = assigned_id;
    text("Ok\n".into())
}

fn offered_did(country: &str, city: &str, i: usize) -> String {
    let cc = if country == "Australia" { "61" } else { "1" };
    let area = city
        .bytes()
        .fold(0u32, |a, b| (a * 31 + u32::from(b)) % 900)
        + 100;
    format!("{cc}{area}555{i:04}")
}

fn did_market(st: &mut State, mode: &str, get: &dyn Fn(&str) -> String) -> Response<Body> {
    let (service, country, city) = (get("service"), get("country"), get("city"));
    if service.is_empty() || country.is_empty() || (mode != "querydidcities" && city.is_empty()) {
        return incomplete();
    }
    if !SERVICES.contains(&service.as_str()) {
        return err(107, "Invalid service.");
    }
    let Some((country, cities)) = COUNTRIES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(&country))
    else {
        return err(111, "Invalid country.");
    };
    if mode == "querydidcities" {
        return csv(
            "CountryName,CityName",
            cities
                .iter()
                .map(|c| vec![(*country).to_owned(), (*c).to_owned()]),
        );
    }
    let Some(city) = cities.iter().find(|c| c.eq_ignore_ascii_case(&city)) else {
        return err(112, "Invalid city.");
    };
    let taken = |d: &str, st: &State| st.numbers.iter().any(|n| n.number == d);
    if mode == "querydids" {
        let q = get("quantity");
        let quantity: usize = if q.is_empty() {
            1
        } else {
            match q.parse() {
                Ok(n) if (1..=10).contains(&n) => n,
                _ => return incomplete(),
            }
        };
        let offers: Vec<Vec<String>> = (0..1000)
            .map(|i| offered_did(country, city, i))
            .filter(|d| !taken(d, st))
            .take(quantity)
            .map(|d| vec![(*country).to_owned(), (*city).to_owned(), d])
            .collect();
        return csv("CountryName,CityName,DID", offers);
    }
    let did = get("did");
    if did.is_empty() {
        return incomplete();
    }
    if !(0..1000).any(|i| offered_did(country, city, i) == did) {
        return err(113, "Invalid DID.");
    }
    if taken(&did, st) {
        return err(114, "DID not available.");
    }
    st.numbers.push(Number {
        number: did,
        service,
        assigned_service: String::new(),
        assigned_id: String::new(),
    });
    st.balance_cents -= 500;
    text("Ok\n".into())
}

fn ivml_write(st: &mut State, mode: &str, get: &dyn Fn(&str) -> String) -> Response<Body> {
    let update = mode == "updateivml";
    let target = if update {
        let id = get("ivmlid");
        if id.is_empty() {
            return incomplete();
        }
        match id.parse::<u64>().ok().filter(|i| st.ivml.contains_key(i)) {
            Some(i) => Some(i),
            None => return err(110, "Invalid IVML ID."),
        }
    } else {
        None
    };
    let (name, launch, result, kind) =
        (get("name"), get("launchurl"), get("resulturl"), get("type"));
    if !update && (name.is_empty() || launch.is_empty() || kind.is_empty()) {
        return incomplete();
    }
    let url_ok = |u: &str| u.is_empty() || u.starts_with("http://") || u.starts_with("https://");
    if !url_ok(&launch)
        || !url_ok(&result)
        || !(kind.is_empty() || kind == "inbound" || kind == "outbound")
    {
        return incomplete();
    }
    if !st.config.ivr_subscription {
        return err(115, "No subscription to IVR.");
    }
    if !name.is_empty()
        && st
            .ivml
            .iter()
            .any(|(id, i)| Some(*id) != target && i.name == name)
    {
        return err(116, "Duplicate name.");
    }
    match target {
        Some(id) => {
            if let Some(i) = st.ivml.get_mut(&id) {
                for (v, f) in [
                    (name, &mut i.name),
                    (launch, &mut i.launch),
                    (result, &mut i.result),
                    (kind, &mut i.kind),
                ] {
                    if !v.is_empty() {
                        *f = v;
                    }
                }
            }
            text("Ok\n".into())
        }
        None => {
            st.next_id += 1;
            let id = st.next_id;
            st.ivml.insert(
                id,
                Ivml {
                    name,
                    launch,
                    result,
                    kind,
                },
            );
            text(format!("Ok\n{id}\n"))
        }
    }
}

/// A `yyyy-mm-dd` date as days since the epoch, when it is a real date.
fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if !s.is_ascii() || b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (
        s[..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..].parse().ok()?,
    );
    let days = days_from_civil(y, m, d);
    (civil_from_days(days) == (y, m, d)).then_some(days)
}

fn today() -> i64 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    (secs / 86_400) as i64
}

fn log(st: &State, mode: &str, get: &dyn Fn(&str) -> String) -> Response<Body> {
    let (start, end) = (get("startdate"), get("enddate"));
    if start.is_empty() || end.is_empty() {
        return incomplete();
    }
    let now = today();
    let Some(start) = parse_date(&start).filter(|d| *d <= now) else {
        return err(118, "Invalid start date.");
    };
    let Some(end) = parse_date(&end).filter(|d| *d <= now) else {
        return err(117, "Invalid end date.");
    };
    if start > end {
        return err(118, "Invalid start date.");
    }
    let subid = get("subid");
    if !subid.is_empty()
        && !subid
            .parse::<u64>()
            .is_ok_and(|id| st.subaccounts.contains_key(&id))
    {
        return err(105, "Invalid sub-account ID.");
    }
    let limit = get("limit");
    let per_day = st.config.log_rows_per_day;
    let days = u64::try_from(end - start + 1).unwrap_or(0);
    let mut total = days.saturating_mul(per_day);
    if !limit.is_empty() {
        match limit.parse::<u64>() {
            Ok(l) => total = total.min(l),
            Err(_) => return incomplete(),
        }
    }
    let header = match mode {
        "logfaxin" => "ID,Sub-ID,Date,Time,From,To,FaxStationID,Pages,Speed,Duration",
        "logfaxout" => "ID,Sub-ID,Date,Time,From,To,Pages,Speed,Duration,Cost,Attempt,ErrorCode",
        "logvoicein" | "logvoiceout" => "ID,Sub-ID,Date,Time,From,To,Duration,Result,Cost,IVMLID",
        "logsmsin" => "ID,Sub-ID,Date,Time,From,To,MessageType,Message",
        _ => "ID,Sub-ID,Date,Time,From,To,Sent,Tracking,Cost",
    };
    let lg = LogGen {
        mode: mode.to_owned(),
        seed: st.config.seed
            ^ mode
                .bytes()
                .fold(0u64, |a, b| a.wrapping_mul(131).wrapping_add(u64::from(b))),
        start,
        per_day: per_day.max(1),
        subid,
        next: 0,
        total,
    };
    let head = Bytes::from(format!("Ok\n{header}\n"));
    let rows = futures::stream::unfold(lg, |mut lg| async move {
        if lg.next >= lg.total {
            return None;
        }
        let mut chunk = String::with_capacity(8 * 1024);
        while lg.next < lg.total && chunk.len() < 8 * 1024 {
            lg.row(&mut chunk);
            lg.next += 1;
        }
        Some((Ok::<Bytes, io::Error>(Bytes::from(chunk)), lg))
    });
    let body =
        futures::StreamExt::chain(futures::stream::iter([Ok::<Bytes, io::Error>(head)]), rows);
    let mut resp = Response::new(Body::from_stream(body));
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    resp
}

/// Generates log row `next` from the seed alone, so any row costs the same and nothing is
/// kept.
struct LogGen {
    mode: String,
    seed: u64,
    start: i64,
    per_day: u64,
    subid: String,
    next: u64,
    total: u64,
}

impl LogGen {
    fn row(&self, out: &mut String) {
        use std::fmt::Write;
        let i = self.next;
        let mut rng = Rng::new(self.seed ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let r = rng.next_u64();
        let day = self.start + i64::try_from(i / self.per_day).unwrap_or(0);
        let (y, m, d) = civil_from_days(day);
        let secs = (i % self.per_day) * (86_400 / self.per_day) + r % 60;
        let (hh, mm, ss) = (secs / 3600 % 24, secs / 60 % 60, secs % 60);
        let id = 900_000 + i;
        let sub = self.subid.clone();
        let from = format!("6129000{:04}", r % 10_000);
        let to = format!("614123{:05}", (r >> 16) % 100_000);
        let _ = write!(
            out,
            "{id},{sub},{y:04}-{m:02}-{d:02},{hh:02}:{mm:02}:{ss:02},{from},{to},"
        );
        let cents = 5 + (r >> 32) % 20;
        let _ = match self.mode.as_str() {
            "logfaxin" => writeln!(out, "Station{},{},14400,{}", r % 9, 1 + r % 5, 30 + r % 90),
            "logfaxout" => writeln!(
                out,
                "{},14400,{},0.{cents:02},1,{}",
                1 + r % 5,
                30 + r % 90,
                if r.is_multiple_of(7) { "602" } else { "0" }
            ),
            "logvoicein" | "logvoiceout" => writeln!(
                out,
                "{},{},0.{cents:02},{}",
                r % 600,
                if r.is_multiple_of(5) {
                    "failed"
                } else {
                    "answered"
                },
                if r.is_multiple_of(3) { "5" } else { "" }
            ),
            "logsmsin" => {
                if r.is_multiple_of(4) {
                    // "Hé" as UTF-16BE hex.
                    writeln!(out, "U16,004800E9")
                } else {
                    writeln!(out, "ASCII,Message {i}")
                }
            }
            _ => writeln!(
                out,
                "1,{},0.0{}",
                if r.is_multiple_of(2) { "DELIVRD" } else { "" },
                5 + r % 5
            ),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_reject_impossible_days() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(
            parse_date("2024-02-29").map(civil_from_days),
            Some((2024, 2, 29))
        );
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-1-01"), None);
        // Not ASCII: refused, not a panic on a character boundary.
        assert_eq!(parse_date("2024-é-01"), None);
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("Lee, Smith"), "\"Lee, Smith\"");
        assert_eq!(csv_field("a \"b\""), "\"a \"\"b\"\"\"");
    }
}
