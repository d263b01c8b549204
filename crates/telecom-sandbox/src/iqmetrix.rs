//! A stateful fake of the iQmetrix accounts token service and Carrier Integration API v2,
//! both on one port: `{url}/v1` is the accounts base, `{url}/v2` the carrier-services base.
//!
//! - `POST /v1/oauth2/token`: the `password` and `refresh_token` grants. Wrong user
//!   credentials or an unknown, revoked or foreign refresh token give `400 invalid_grant`,
//!   wrong client credentials `400 invalid_client`, any other grant
//!   `400 unsupported_grant_type`. A refresh revokes the old access and refresh tokens.
//! - Every `/v2` call needs `Authorization: Bearer <token>` of a live token; otherwise
//!   `401` with the plain-text body `Invalid token`.
//! - `PUT .../Activations({key})` stores an activation (`201`, the activation echoed;
//!   `400` when the body `Id` differs from the key); `GET` reads it back (`404 Entity Not
//!   Found` when absent).
//! - `ActivationImportFields`, `Configurations` (GET, and POST to enable/disable a
//!   location, with or without the trailing slash) and `ConfirmedActivations` with
//!   `$filter=ConfirmationDateUTC ge DateTime'...'`, `$skip`, `$top` (at most 200, a larger
//!   one silently becomes 200) and HAL links spelled as the spec's example spells them:
//!   relative hrefs starting `v2/`, `top` without its `$`, and `"prev": "null"` on the
//!   first page.
//! - Optional rate limiting ([`IqmetrixConfig::rate_limit`]) with `X-RateLimit-Limit`,
//!   `X-RateLimit-Remaining`, `X-RateLimit-Reset` and `X-RateLimit-ResetSeconds` on every
//!   carrier-services answer, and `429 rate limit exceeded` past the limit.

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, Response, StatusCode, Uri};
use bytes::Bytes;
use serde_json::{Value, json};

use crate::core::{
    Core, Rng, Server, admin_router, header_str, json as json_answer, lock, plain, sandbox_common,
};

/// The largest `$top` the service honours.
pub const MAX_TOP: usize = 200;
/// The `$top` used when none is given.
pub const DEFAULT_TOP: usize = 100;

/// Settings of an iQmetrix fake. `Default` gives the values the project's fixtures use.
#[derive(Debug, Clone)]
pub struct IqmetrixConfig {
    /// The port to bind on 127.0.0.1; 0 (the default) for a free one.
    pub port: u16,
    /// Seeds tokens and the generated confirmed activations.
    pub seed: u64,
    /// The user of the password grant.
    pub username: String,
    /// Its password.
    pub password: String,
    /// The OAuth2 client id.
    pub client_id: String,
    /// The OAuth2 client secret.
    pub client_secret: String,
    /// How long an access token lives (`expires_in`).
    pub token_lifetime: Duration,
    /// `(requests, window)`: at most this many carrier-services requests per window.
    pub rate_limit: Option<(u32, Duration)>,
    /// How many confirmed activations to generate for every company and carrier at start
    /// (dated one day apart from 2015-07-21).
    pub confirmed_activations: usize,
}

impl Default for IqmetrixConfig {
    fn default() -> Self {
        IqmetrixConfig {
            port: 0,
            seed: 0,
            username: "apiuser@example.com".into(),
            password: "p@ss word".into(),
            client_id: "client-1".into(),
            client_secret: "s3cret".into(),
            token_lifetime: Duration::from_secs(43_199),
            rate_limit: None,
            confirmed_activations: 5,
        }
    }
}

#[derive(Debug)]
struct Token {
    expires: Instant,
    refresh: String,
}

#[derive(Debug)]
struct State {
    config: IqmetrixConfig,
    rng: Rng,
    access: HashMap<String, Token>,
    refresh: HashMap<String, ()>,
    activations: BTreeMap<(i64, i64, i64, String), Value>,
    configurations: BTreeMap<(i64, i64), Value>,
    confirmed: BTreeMap<(i64, i64), Vec<Value>>,
    window_start: Instant,
    window_used: u32,
    token_requests: u64,
}

/// A running iQmetrix fake. Dropping it stops the server.
#[derive(Debug)]
pub struct IqmetrixSandbox {
    core: Arc<Core>,
    state: Arc<Mutex<State>>,
    server: Server,
}

sandbox_common!(IqmetrixSandbox);

/// Starts an iQmetrix fake with the default [`IqmetrixConfig`] on a free port.
pub async fn start() -> io::Result<IqmetrixSandbox> {
    IqmetrixSandbox::start(IqmetrixConfig::default()).await
}

impl IqmetrixSandbox {
    /// Starts an iQmetrix fake.
    pub async fn start(config: IqmetrixConfig) -> io::Result<IqmetrixSandbox> {
        let core = Arc::new(Core::default());
        let port = config.port;
        let state = Arc::new(Mutex::new(State {
            rng: Rng::new(config.seed),
            config,
            access: HashMap::new(),
            refresh: HashMap::new(),
            activations: BTreeMap::new(),
            configurations: BTreeMap::new(),
            confirmed: BTreeMap::new(),
            window_start: Instant::now(),
            window_used: 0,
            token_requests: 0,
        }));
        let shared = Arc::clone(&state);
        let (for_expire, for_revoke) = (Arc::clone(&state), Arc::clone(&state));
        let router = admin_router(Arc::clone(&core))
            .route(
                "/__sandbox/expire-tokens",
                axum::routing::post(move || {
                    let state = Arc::clone(&for_expire);
                    async move {
                        expire_access(&state);
                        StatusCode::NO_CONTENT
                    }
                }),
            )
            .route(
                "/__sandbox/revoke-refresh-tokens",
                axum::routing::post(move || {
                    let state = Arc::clone(&for_revoke);
                    async move {
                        lock(&state).refresh.clear();
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
        Ok(IqmetrixSandbox {
            core,
            state,
            server,
        })
    }

    /// What to give the client's `base_url`: the server's root, as for every fake.
    pub fn base_url(&self) -> String {
        self.url()
    }

    /// The server's root, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// Expires every access token issued so far; refresh tokens stay good (also
    /// `POST /__sandbox/expire-tokens`).
    pub fn expire_tokens(&self) {
        expire_access(&self.state);
    }

    /// Revokes every refresh token, so the next refresh gets `invalid_grant` (also
    /// `POST /__sandbox/revoke-refresh-tokens`).
    pub fn revoke_refresh_tokens(&self) {
        lock(&self.state).refresh.clear();
    }

    /// How many requests the token endpoint answered.
    pub fn token_requests(&self) -> u64 {
        lock(&self.state).token_requests
    }

    /// The stored activation, as JSON.
    pub fn activation(
        &self,
        company: i64,
        location: i64,
        carrier: i64,
        key: &str,
    ) -> Option<Value> {
        lock(&self.state)
            .activations
            .get(&(company, location, carrier, key.to_owned()))
            .cloned()
    }

    /// The configuration of a company and carrier, as JSON, once read or changed.
    pub fn configuration(&self, company: i64, carrier: i64) -> Option<Value> {
        lock(&self.state)
            .configurations
            .get(&(company, carrier))
            .cloned()
    }

    /// Stores an activation as a `PUT` would.
    pub fn preload_activation(
        &self,
        company: i64,
        location: i64,
        carrier: i64,
        key: &str,
        activation: Value,
    ) {
        lock(&self.state)
            .activations
            .insert((company, location, carrier, key.to_owned()), activation);
    }

    /// Replaces the confirmed activations of a company and carrier (JSON objects with at
    /// least `ConfirmationDateUTC`).
    pub fn set_confirmed_activations(&self, company: i64, carrier: i64, items: Vec<Value>) {
        lock(&self.state)
            .confirmed
            .insert((company, carrier), items);
    }
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
    if path == "/v1/oauth2/token" {
        st.token_requests += 1;
        if method != Method::POST {
            return plain(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed");
        }
        return token(&mut st, body);
    }
    let Some(rest) = path.strip_prefix("/v2/") else {
        return plain(StatusCode::NOT_FOUND, "Not Found");
    };
    let live = header_str(headers, "authorization")
        .and_then(|h| h.strip_prefix("Bearer "))
        .and_then(|t| st.access.get(t.trim()))
        .is_some_and(|t| t.expires > Instant::now());
    if !live {
        return plain(StatusCode::UNAUTHORIZED, "Invalid token");
    }
    let mut limit_headers = None;
    if let Some((limit, window)) = st.config.rate_limit {
        let now = Instant::now();
        if now.duration_since(st.window_start) >= window {
            st.window_start = now;
            st.window_used = 0;
        }
        let reset_secs = window
            .saturating_sub(now.duration_since(st.window_start))
            .as_secs()
            .max(1);
        if st.window_used >= limit {
            let mut resp = plain(StatusCode::TOO_MANY_REQUESTS, "rate limit exceeded");
            add_limit_headers(resp.headers_mut(), limit, 0, reset_secs);
            return resp;
        }
        st.window_used += 1;
        limit_headers = Some((limit, limit - st.window_used, reset_secs));
    }
    let decoded = percent_encoding::percent_decode_str(rest)
        .decode_utf8_lossy()
        .into_owned();
    let mut resp = route(&mut st, method, &decoded, uri.query(), body);
    if let Some((limit, remaining, reset)) = limit_headers {
        add_limit_headers(resp.headers_mut(), limit, remaining, reset);
    }
    resp
}

fn add_limit_headers(h: &mut HeaderMap, limit: u32, remaining: u32, reset_secs: u64) {
    h.insert("X-RateLimit-Limit", HeaderValue::from(limit));
    h.insert("X-RateLimit-Remaining", HeaderValue::from(remaining));
    h.insert("X-RateLimit-ResetSeconds", HeaderValue::from(reset_secs));
    if let Ok(v) = HeaderValue::from_str(&crate::core::utc_timestamp_in(reset_secs)) {
        h.insert("X-RateLimit-Reset", v);
    }
}

fn oauth_error(code: &str, description: &str) -> Response<Body> {
    json_answer(
        StatusCode::BAD_REQUEST,
        &json!({"error": code, "error_description": description}),
    )
}

fn token(st: &mut State, body: &[u8]) -> Response<Body> {
    let form: HashMap<String, String> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    let get = |k: &str| form.get(k).map(String::as_str).unwrap_or("");
    if get("client_id") != st.config.client_id || get("client_secret") != st.config.client_secret {
        return oauth_error("invalid_client", "client credentials are not valid");
    }
    match get("grant_type") {
        "password" => {
            if get("username") != st.config.username || get("password") != st.config.password {
                return oauth_error("invalid_grant", "wrong user credentials");
            }
        }
        "refresh_token" => {
            let presented = get("refresh_token").to_owned();
            if st.refresh.remove(&presented).is_none() {
                return oauth_error("invalid_grant", "refresh token is not valid");
            }
            // The refresh revokes the access token it was issued with.
            st.access.retain(|_, t| t.refresh != presented);
        }
        "" => return oauth_error("invalid_request", "grant_type is required"),
        _ => return oauth_error("unsupported_grant_type", "grant type not supported"),
    }
    let access = st.rng.hex(32);
    let refresh = st.rng.hex(32);
    let lifetime = st.config.token_lifetime;
    st.access.insert(
        access.clone(),
        Token {
            expires: Instant::now() + lifetime,
            refresh: refresh.clone(),
        },
    );
    st.refresh.insert(refresh.clone(), ());
    json_answer(
        StatusCode::OK,
        &json!({"access_token": access, "expires_in": lifetime.as_secs(), "refresh_token": refresh}),
    )
}

/// Splits `Companies(1)/Carriers(2)/X` into `[("Companies", "1"), ("Carriers", "2"), ("X", "")]`.
fn segments(path: &str) -> Option<Vec<(String, String)>> {
    path.trim_end_matches('/')
        .split('/')
        .map(|seg| match seg.find('(') {
            Some(open) if seg.ends_with(')') => Some((
                seg[..open].to_owned(),
                seg[open + 1..seg.len() - 1].to_owned(),
            )),
            Some(_) => None,
            None => Some((seg.to_owned(), String::new())),
        })
        .collect()
}

fn id(v: &str) -> Option<i64> {
    v.parse().ok().filter(|n| *n >= 1)
}

fn bad_request(message: &str) -> Response<Body> {
    json_answer(StatusCode::BAD_REQUEST, &json!({"Message": message}))
}

fn route(
    st: &mut State,
    method: &Method,
    path: &str,
    query: Option<&str>,
    body: &[u8],
) -> Response<Body> {
    let Some(segs) = segments(path) else {
        return plain(StatusCode::NOT_FOUND, "Not Found");
    };
    let names: Vec<&str> = segs.iter().map(|(n, _)| n.as_str()).collect();
    match names.as_slice() {
        ["Companies", "Locations", "Carriers", "Activations"] => {
            let (Some(c), Some(l), Some(k)) = (id(&segs[0].1), id(&segs[1].1), id(&segs[2].1))
            else {
                return bad_request("The request is invalid.");
            };
            let key = (c, l, k, segs[3].1.clone());
            match *method {
                Method::PUT => {
                    let Ok(Value::Object(mut activation)) = serde_json::from_slice::<Value>(body)
                    else {
                        return bad_request("The request is invalid.");
                    };
                    if activation.get("Id").and_then(Value::as_str) != Some(key.3.as_str()) {
                        return bad_request("Id must match the ActivationId of the URI");
                    }
                    if !activation
                        .get("CarrierActivationDetails")
                        .is_some_and(Value::is_object)
                    {
                        return bad_request("The CarrierActivationDetails field is required.");
                    }
                    activation.insert("CarrierId".into(), k.into());
                    let stored = Value::Object(activation);
                    st.activations.insert(key, stored.clone());
                    json_answer(StatusCode::CREATED, &stored)
                }
                Method::GET => match st.activations.get(&key) {
                    Some(a) => json_answer(StatusCode::OK, a),
                    None => plain(StatusCode::NOT_FOUND, "Entity Not Found"),
                },
                _ => plain(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed"),
            }
        }
        ["Companies", "Carriers", "ActivationImportFields"] if method == Method::GET => {
            if id(&segs[0].1).is_none() || id(&segs[1].1).is_none() {
                return bad_request("Carrier not found");
            }
            json_answer(
                StatusCode::OK,
                &json!([{"Id": 6, "FieldName": "North American Mobile Number", "InputType": "Text",
                         "Prompt": "Please Enter Customer 10 Digit Mobile Number", "Value": ""}]),
            )
        }
        ["Companies", "Carriers", "Configurations"] => {
            let (Some(c), Some(k)) = (id(&segs[0].1), id(&segs[1].1)) else {
                return bad_request("Carrier not found");
            };
            let config = st
                .configurations
                .entry((c, k))
                .or_insert_with(|| default_configuration(c, k));
            match *method {
                Method::GET => json_answer(StatusCode::OK, config),
                Method::POST => {
                    let Ok(change) = serde_json::from_slice::<Value>(body) else {
                        return bad_request("The request is invalid.");
                    };
                    apply_configuration(config, &change);
                    json_answer(StatusCode::OK, config)
                }
                _ => plain(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed"),
            }
        }
        ["Companies", "Carriers", "ConfirmedActivations"] if method == Method::GET => {
            let (Some(c), Some(k)) = (id(&segs[0].1), id(&segs[1].1)) else {
                return bad_request("Carrier not found");
            };
            confirmed(st, c, k, query)
        }
        _ => plain(StatusCode::NOT_FOUND, "Not Found"),
    }
}

fn default_configuration(company: i64, carrier: i64) -> Value {
    json!({
        "Id": carrier, "CompanyId": company,
        "CompanyWideSettingsResource": {
            "CompanyWideIntegrationSettings": [{"Id": 1, "Value": "False", "ValueOptions": ["True", "False"]}],
            "MetaData": {"ConfigurableSettings": [{"SettingID": 1, "SettingName": "YesNo", "InputType": "Enabled"}]}
        },
        "LocationSettingsResource": {
            "Locations": [],
            "MetaData": {"ConfigurableSettings": [{"SettingID": 1, "SettingName": "YesNo", "InputType": "Enabled"}]}
        }
    })
}

/// Merges a posted change: company-wide settings by `Id`, location settings by
/// `LocationID` (or `LocationId`) and setting `Id`.
fn apply_configuration(config: &mut Value, change: &Value) {
    if let Some(settings) = change
        .pointer("/CompanyWideSettingsResource/CompanyWideIntegrationSettings")
        .and_then(Value::as_array)
        && let Some(target) = config
            .pointer_mut("/CompanyWideSettingsResource/CompanyWideIntegrationSettings")
            .and_then(Value::as_array_mut)
    {
        for s in settings {
            merge_setting(target, s);
        }
    }
    let Some(locations) = change
        .pointer("/LocationSettingsResource/Locations")
        .and_then(Value::as_array)
    else {
        return;
    };
    let Some(target) = config
        .pointer_mut("/LocationSettingsResource/Locations")
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for loc in locations {
        let loc_id = loc
            .get("LocationID")
            .or_else(|| loc.get("LocationId"))
            .and_then(Value::as_i64);
        let Some(loc_id) = loc_id else { continue };
        let pos = target.iter().position(|t| {
            t.get("LocationID")
                .or_else(|| t.get("LocationId"))
                .and_then(Value::as_i64)
                == Some(loc_id)
        });
        let entry = match pos {
            Some(p) => &mut target[p],
            None => {
                target.push(json!({"LocationID": loc_id, "IntegrationSettings": []}));
                let last = target.len() - 1;
                &mut target[last]
            }
        };
        if let (Some(settings), Some(into)) = (
            loc.get("IntegrationSettings").and_then(Value::as_array),
            entry
                .get_mut("IntegrationSettings")
                .and_then(Value::as_array_mut),
        ) {
            for s in settings {
                merge_setting(into, s);
            }
        }
    }
}

fn merge_setting(target: &mut Vec<Value>, setting: &Value) {
    let sid = setting.get("Id").and_then(Value::as_i64);
    match target
        .iter_mut()
        .find(|t| t.get("Id").and_then(Value::as_i64) == sid)
    {
        Some(t) => {
            if let Some(v) = setting.get("Value") {
                t["Value"] = v.clone();
            }
        }
        None => target.push(setting.clone()),
    }
}

fn generated_confirmed(seed: u64, count: usize, company: i64, carrier: i64) -> Vec<Value> {
    let mut rng = Rng::new(seed ^ (company as u64).rotate_left(17) ^ (carrier as u64));
    (0..count)
        .map(|i| {
            let n = i as i64 + 1;
            let day = 21 + (i % 8);
            let month = 7 + (i / 8) % 6;
            let cents = 5000 + (rng.next_u64() % 5000) as i64;
            json!({
                "_links": {"self": {"href": format!("v2/Companies({company})/Carriers({carrier})/ConfirmedActivations({n})"), "templated": false}},
                "_embedded": {},
                "Id": n,
                "ActivationConfirmationDetails": [{"ActivationID": 100 + n, "PhoneNumber": format!("302399{:04}", 7370 + n)}],
                "ConfirmationDateUTC": format!("2015-{month:02}-{day:02}T15:25:45.3230000"),
                "InvoiceId": format!("INV{n:04}"),
                "InvoiceSubtotal": cents as f64 / 100.0,
                "InvoiceTotal": (cents + 816) as f64 / 100.0,
                "LocationId": 1,
                "Taxes": 8.16,
            })
        })
        .collect()
}

fn confirmed(st: &mut State, company: i64, carrier: i64, query: Option<&str>) -> Response<Body> {
    let pairs: Vec<(String, String)> = query
        .and_then(|q| serde_urlencoded::from_str(q).ok())
        .unwrap_or_default();
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let filter = get("$filter");
    let since = match filter.as_deref() {
        None => None,
        Some(f) => {
            let inner = f
                .trim()
                .strip_prefix("ConfirmationDateUTC ge DateTime'")
                .and_then(|r| r.strip_suffix('\''));
            match inner {
                Some(d) if d.len() >= 10 => Some(d.to_owned()),
                _ => {
                    return bad_request(
                        "The query specified in the URI is not valid. Unrecognised $filter.",
                    );
                }
            }
        }
    };
    let num = |k: &str, default: usize| -> Result<usize, ()> {
        match get(k) {
            None => Ok(default),
            Some(v) => v.trim().parse().map_err(|_| ()),
        }
    };
    let (Ok(skip), Ok(top)) = (num("$skip", 0), num("$top", DEFAULT_TOP)) else {
        return bad_request("The query specified in the URI is not valid.");
    };
    let top = top.min(MAX_TOP);
    let (seed, count) = (st.config.seed, st.config.confirmed_activations);
    let all = st
        .confirmed
        .entry((company, carrier))
        .or_insert_with(|| generated_confirmed(seed, count, company, carrier));
    let matching: Vec<&Value> = all
        .iter()
        .filter(|item| match &since {
            None => true,
            Some(s) => {
                let date = item
                    .get("ConfirmationDateUTC")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                // ISO dates compare as text down to the second.
                date.get(..19).unwrap_or(date) >= s.get(..19).unwrap_or(s)
            }
        })
        .collect();
    let page: Vec<Value> = matching
        .iter()
        .skip(skip)
        .take(top)
        .map(|v| (*v).clone())
        .collect();
    let base = format!("v2/Companies({company})/Carriers({carrier})/ConfirmedActivations");
    let filter_part = filter.map(|f| format!("$filter={f}&")).unwrap_or_default();
    let href = |s: usize| json!({"href": format!("{base}?{filter_part}$skip={s}&top={top}"), "templated": false});
    let next = if top > 0 && skip + top < matching.len() {
        href(skip + top)
    } else {
        Value::Null
    };
    let prev = if skip == 0 {
        Value::String("null".into())
    } else {
        href(skip.saturating_sub(top))
    };
    let mut resp = json_answer(
        StatusCode::OK,
        &json!({"_links": {"prev": prev, "self": href(skip), "next": next}, "_embedded": {"self": page}}),
    );
    resp.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/hal+json"),
    );
    resp
}

fn expire_access(state: &Mutex<State>) {
    let now = Instant::now();
    for t in lock(state).access.values_mut() {
        t.expires = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odata_segments() {
        assert_eq!(
            segments("Companies(123)/Carriers(41)/Configurations/"),
            Some(vec![
                ("Companies".into(), "123".into()),
                ("Carriers".into(), "41".into()),
                ("Configurations".into(), String::new()),
            ])
        );
        assert_eq!(segments("Companies(12/x"), None);
        assert_eq!(id("0"), None);
        assert_eq!(id("7"), Some(7));
    }
}
