//! The shared core every vendor fake runs on: the loopback server, the request log and the
//! fault rules.

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, Request, Response, StatusCode, header};
use bytes::Bytes;
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

/// The path prefix of the admin endpoints every fake serves next to the vendor's routes.
pub const ADMIN_PREFIX: &str = "/__sandbox";

/// Locks a mutex, taking the data even when another thread panicked while holding it.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One request as the fake received it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedRequest {
    /// Which server of the fake received it (`"primary"`, `"alternate"`, `"accounts"`, ...).
    pub server: String,
    /// The HTTP method, upper case.
    pub method: String,
    /// The raw, percent-encoded path.
    pub path: String,
    /// The raw query string, without `?`, when there was one.
    pub query: Option<String>,
    /// Every header in arrival order, names lower case.
    pub headers: Vec<(String, String)>,
    /// The body as received, lossily decoded as UTF-8.
    pub body: String,
}

impl RecordedRequest {
    /// The first value of a header, name compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON, when it is JSON.
    pub fn body_json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.body).ok()
    }

    /// The decoded form or query parameters of the body.
    pub fn body_form(&self) -> Vec<(String, String)> {
        serde_urlencoded::from_str(&self.body).unwrap_or_default()
    }

    /// The decoded query parameters.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.query
            .as_deref()
            .and_then(|q| serde_urlencoded::from_str(q).ok())
            .unwrap_or_default()
    }
}

/// A fault the fake produces instead of (or, for latency, before) its normal answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Fault {
    /// Wait this long, then answer normally.
    Latency {
        /// The delay in milliseconds.
        ms: u64,
    },
    /// Reset the connection (TCP RST) without answering.
    Reset,
    /// Close the connection without answering.
    Close,
    /// Answer normally, but cut the body in half and then drop the connection (the
    /// `Content-Length` still promises the whole body).
    Truncate,
    /// Answer with this status (a 5xx, usually) and a short plain-text body.
    Status {
        /// The HTTP status.
        status: u16,
    },
    /// Answer 429 Too Many Requests with a `Retry-After` of this many seconds.
    TooManyRequests {
        /// The `Retry-After` value in seconds.
        retry_after_secs: u64,
    },
    /// Answer with an HTML error page, as a proxy in front of the vendor would.
    HtmlError {
        /// The HTTP status, 502 by default.
        #[serde(default = "default_html_status")]
        status: u16,
    },
}

fn default_html_status() -> u16 {
    502
}

/// Where and how often a [`Fault`] applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultRule {
    /// The request path the rule matches exactly; `"*"` matches every vendor route.
    pub path: String,
    /// The method the rule matches; any method when `None`.
    #[serde(default)]
    pub method: Option<String>,
    /// The fault.
    pub fault: Fault,
    /// How many matching requests get the fault; every one when `None`.
    #[serde(default)]
    pub times: Option<u32>,
}

impl FaultRule {
    /// A rule for every request to `path`, any method, until cleared.
    pub fn new(path: impl Into<String>, fault: Fault) -> FaultRule {
        FaultRule {
            path: path.into(),
            method: None,
            fault,
            times: None,
        }
    }

    /// Only for requests with this method.
    pub fn method(mut self, method: impl Into<String>) -> FaultRule {
        self.method = Some(method.into().to_ascii_uppercase());
        self
    }

    /// Only the next `n` matching requests.
    pub fn times(mut self, n: u32) -> FaultRule {
        self.times = Some(n);
        self
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        (self.path == "*" || self.path == path)
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
    }
}

/// The request log and the fault rules of one fake, shared by its servers.
#[derive(Debug, Default)]
pub(crate) struct Core {
    requests: Mutex<Vec<RecordedRequest>>,
    faults: Mutex<Vec<FaultRule>>,
}

impl Core {
    pub(crate) fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).clone()
    }

    pub(crate) fn clear_requests(&self) {
        lock(&self.requests).clear();
    }

    pub(crate) fn add_fault(&self, rule: FaultRule) {
        lock(&self.faults).push(rule);
    }

    pub(crate) fn clear_faults(&self) {
        lock(&self.faults).clear();
    }

    /// The faults that apply to this request, used up by one.
    fn take_faults(&self, method: &str, path: &str) -> Vec<Fault> {
        let mut rules = lock(&self.faults);
        let mut out = Vec::new();
        let mut latency_seen = false;
        let mut answer_seen = false;
        for rule in rules.iter_mut() {
            if !rule.matches(method, path) || rule.times == Some(0) {
                continue;
            }
            let is_latency = matches!(rule.fault, Fault::Latency { .. });
            if (is_latency && latency_seen) || (!is_latency && answer_seen) {
                continue;
            }
            latency_seen |= is_latency;
            answer_seen |= !is_latency;
            if let Some(n) = rule.times.as_mut() {
                *n -= 1;
            }
            out.push(rule.fault.clone());
        }
        rules.retain(|r| r.times != Some(0));
        out
    }
}

/// Gives a vendor handle the methods every fake shares: its log and its faults.
macro_rules! sandbox_common {
    ($ty:ty) => {
        impl $ty {
            /// Every request the fake received so far (admin requests excluded), in arrival
            /// order, across all of its servers.
            pub fn requests(&self) -> Vec<$crate::RecordedRequest> {
                self.core.requests()
            }

            /// Forgets the requests received so far.
            pub fn clear_requests(&self) {
                self.core.clear_requests();
            }

            /// Adds a fault rule. Rules are tried in the order added; per request at most
            /// one latency and one answer fault apply, and a rule with `times` is used up.
            pub fn inject(&self, rule: $crate::FaultRule) {
                self.core.add_fault(rule);
            }

            /// Removes every fault rule.
            pub fn clear_faults(&self) {
                self.core.clear_faults();
            }
        }
    };
}
pub(crate) use sandbox_common;

/// How a connection should end instead of carrying an answer.
const CONN_OK: u8 = 0;
const CONN_CLOSE: u8 = 1;
const CONN_RESET: u8 = 2;

#[derive(Clone)]
struct ConnControl(Arc<AtomicU8>);

/// A TCP stream that fails its next write when the handler asked to drop the connection,
/// so hyper closes it without writing a byte of the answer.
struct FaultIo {
    inner: TcpStream,
    ctl: Arc<AtomicU8>,
}

impl FaultIo {
    fn doomed(&self) -> Option<io::Error> {
        match self.ctl.load(Ordering::SeqCst) {
            CONN_OK => None,
            CONN_RESET => {
                // SO_LINGER 0: the close that follows sends a RST.
                let _ = socket2::SockRef::from(&self.inner).set_linger(Some(Duration::ZERO));
                Some(io::Error::new(
                    io::ErrorKind::ConnectionReset,
                    "sandbox fault: reset",
                ))
            }
            _ => Some(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "sandbox fault: close",
            )),
        }
    }
}

impl AsyncRead for FaultIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for FaultIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if let Some(e) = self.doomed() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        if let Some(e) = self.doomed() {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// One listening server of a fake: serves until dropped, and can be switched down
/// (connections refused) and up again on the same port.
#[derive(Debug)]
pub(crate) struct Server {
    addr: SocketAddr,
    up: Arc<watch::Sender<bool>>,
    listening: watch::Receiver<bool>,
    task: JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    /// Binds `127.0.0.1:port` (0 for a free port) and serves `router` behind the core's
    /// recorder, fault injector and admin routes.
    pub(crate) async fn start(
        name: &str,
        port: u16,
        core: Arc<Core>,
        router: Router,
    ) -> io::Result<Server> {
        let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port)))
            .await
            .map_err(|e| io::Error::new(e.kind(), format!("cannot bind 127.0.0.1:{port}: {e}")))?;
        let addr = listener.local_addr()?;
        let (up, up_rx) = watch::channel(true);
        let (listening_tx, listening) = watch::channel(true);
        let name = name.to_owned();
        let task = tokio::spawn(accept_loop(
            listener,
            addr,
            up_rx,
            listening_tx,
            name,
            core,
            router,
        ));
        Ok(Server {
            addr,
            up: Arc::new(up),
            listening,
            task,
        })
    }

    #[allow(dead_code)] // not every vendor feature needs it
    pub(crate) fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Down: the port is closed, open connections are cut and new ones refused. Up: the
    /// same port again. Waits (at most 2 s) until the port is closed or listening again.
    #[allow(dead_code)]
    pub(crate) async fn set_up_and_wait(&self, up: bool) {
        self.up.send_replace(up);
        let mut listening = self.listening.clone();
        let _ =
            tokio::time::timeout(Duration::from_secs(2), listening.wait_for(|l| *l == up)).await;
    }

    #[allow(dead_code)]
    pub(crate) fn is_up(&self) -> bool {
        *self.up.borrow()
    }

    /// The switch of [`Server::set_up_and_wait`], for a handler that outlives this borrow.
    #[allow(dead_code)]
    pub(crate) fn switch(&self) -> Arc<watch::Sender<bool>> {
        Arc::clone(&self.up)
    }
}

async fn accept_loop(
    listener: TcpListener,
    addr: SocketAddr,
    mut up: watch::Receiver<bool>,
    listening: watch::Sender<bool>,
    name: String,
    core: Arc<Core>,
    router: Router,
) {
    let mut listener = Some(listener);
    // Dropping this set (when the task is aborted) aborts every open connection.
    let mut conns = JoinSet::new();
    loop {
        let Some(l) = listener.as_ref() else {
            // Down: wait to be switched up, then bind the same port again.
            if up.wait_for(|u| *u).await.is_err() {
                return;
            }
            let mut tries = 0;
            while listener.is_none() && tries < 100 {
                match TcpListener::bind(addr).await {
                    Ok(l) => listener = Some(l),
                    Err(_) => {
                        tries += 1;
                        tokio::time::sleep(Duration::from_millis(10)).await;
                    }
                }
            }
            if listener.is_none() {
                return;
            }
            listening.send_replace(true);
            continue;
        };
        tokio::select! {
            changed = up.changed() => {
                if changed.is_err() {
                    return;
                }
                if !*up.borrow() {
                    listener = None;
                    conns.abort_all();
                    listening.send_replace(false);
                }
            }
            accepted = l.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let ctl = Arc::new(AtomicU8::new(CONN_OK));
                let io = hyper_util::rt::TokioIo::new(FaultIo { inner: stream, ctl: Arc::clone(&ctl) });
                let core = Arc::clone(&core);
                let router = router.clone();
                let name = name.clone();
                conns.spawn(async move {
                    let svc = hyper::service::service_fn(move |req| {
                        handle(req, name.clone(), Arc::clone(&core), router.clone(), ConnControl(Arc::clone(&ctl)))
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .keep_alive(true)
                        .serve_connection(io, svc)
                        .await;
                });
                // Reap finished connections so the set does not grow without bound.
                while conns.try_join_next().is_some() {}
            }
        }
    }
}

async fn handle(
    req: Request<hyper::body::Incoming>,
    server: String,
    core: Arc<Core>,
    router: Router,
    ctl: ConnControl,
) -> Result<Response<Body>, Infallible> {
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(Body::new(body), 64 * 1024 * 1024).await {
        Ok(b) => b,
        Err(_) => return Ok(plain(StatusCode::BAD_REQUEST, "unreadable request body")),
    };
    let path = parts.uri.path().to_owned();
    let method = parts.method.as_str().to_owned();
    let admin = path.starts_with(ADMIN_PREFIX);
    let mut faults = Vec::new();
    if !admin {
        lock(&core.requests).push(RecordedRequest {
            server,
            method: method.clone(),
            path: path.clone(),
            query: parts.uri.query().map(str::to_owned),
            headers: parts
                .headers
                .iter()
                .map(|(n, v)| {
                    (
                        n.as_str().to_owned(),
                        String::from_utf8_lossy(v.as_bytes()).into_owned(),
                    )
                })
                .collect(),
            body: String::from_utf8_lossy(&bytes).into_owned(),
        });
        faults = core.take_faults(&method, &path);
    }
    let mut truncate = false;
    for fault in &faults {
        match fault {
            Fault::Latency { ms } => tokio::time::sleep(Duration::from_millis(*ms)).await,
            Fault::Reset => {
                ctl.0.store(CONN_RESET, Ordering::SeqCst);
                return Ok(plain(StatusCode::INTERNAL_SERVER_ERROR, ""));
            }
            Fault::Close => {
                ctl.0.store(CONN_CLOSE, Ordering::SeqCst);
                return Ok(plain(StatusCode::INTERNAL_SERVER_ERROR, ""));
            }
            Fault::Truncate => truncate = true,
            Fault::Status { status } => {
                let status =
                    StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                return Ok(plain(status, status.canonical_reason().unwrap_or("error")));
            }
            Fault::TooManyRequests { retry_after_secs } => {
                let mut resp = plain(StatusCode::TOO_MANY_REQUESTS, "Too Many Requests");
                if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                    resp.headers_mut().insert(header::RETRY_AFTER, v);
                }
                return Ok(resp);
            }
            Fault::HtmlError { status } => {
                let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::BAD_GATEWAY);
                let reason = status.canonical_reason().unwrap_or("Error");
                let page = format!(
                    "<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n<center><h1>{code} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
                    code = status.as_u16()
                );
                let mut resp = Response::new(Body::from(page));
                *resp.status_mut() = status;
                resp.headers_mut()
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
                return Ok(resp);
            }
        }
    }
    let req = Request::from_parts(parts, Body::from(bytes));
    let resp = match tower_call(router, req).await {
        Ok(r) => r,
        Err(never) => match never {},
    };
    if truncate {
        return Ok(truncated(resp).await);
    }
    Ok(resp)
}

async fn tower_call(router: Router, req: Request<Body>) -> Result<Response<Body>, Infallible> {
    use tower_service::Service;
    let mut router = router;
    router.call(req).await
}

async fn truncated(resp: Response<Body>) -> Response<Body> {
    let (mut parts, body) = resp.into_parts();
    let full = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let half = full.slice(..full.len() / 2);
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(full.len().max(1)));
    let chunks: Vec<Result<Bytes, io::Error>> = vec![
        Ok(half),
        Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "sandbox fault: truncated body",
        )),
    ];
    Response::from_parts(parts, Body::from_stream(futures::stream::iter(chunks)))
}

/// A plain-text answer.
pub(crate) fn plain(status: StatusCode, text: &str) -> Response<Body> {
    let mut resp = Response::new(Body::from(text.to_owned()));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    resp
}

/// A JSON answer.
pub(crate) fn json(status: StatusCode, value: &serde_json::Value) -> Response<Body> {
    let mut resp = Response::new(Body::from(value.to_string()));
    *resp.status_mut() = status;
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

/// The admin routes every fake serves under [`ADMIN_PREFIX`]:
///
/// - `GET /__sandbox/requests`: the request log as JSON; `DELETE` clears it.
/// - `POST /__sandbox/faults`: add a [`FaultRule`] (JSON); `DELETE /__sandbox/faults` clears them.
pub(crate) fn admin_router(core: Arc<Core>) -> Router {
    use axum::routing::get;
    let c1 = Arc::clone(&core);
    let c2 = Arc::clone(&core);
    let c3 = Arc::clone(&core);
    let c4 = core;
    Router::new()
        .route(
            "/__sandbox/requests",
            get(move || {
                let core = Arc::clone(&c1);
                async move {
                    json(
                        StatusCode::OK,
                        &serde_json::to_value(core.requests()).unwrap_or_default(),
                    )
                }
            })
            .delete(move || {
                let core = Arc::clone(&c2);
                async move {
                    core.clear_requests();
                    StatusCode::NO_CONTENT
                }
            }),
        )
        .route(
            "/__sandbox/faults",
            axum::routing::post(move |body: Bytes| {
                let core = Arc::clone(&c3);
                async move {
                    match serde_json::from_slice::<FaultRule>(&body) {
                        Ok(rule) => {
                            core.add_fault(rule);
                            plain(StatusCode::CREATED, "ok")
                        }
                        Err(e) => plain(StatusCode::BAD_REQUEST, &format!("bad fault rule: {e}")),
                    }
                }
            })
            .delete(move || {
                let core = Arc::clone(&c4);
                async move {
                    core.clear_faults();
                    StatusCode::NO_CONTENT
                }
            }),
        )
}

/// Reads a header as text.
#[allow(dead_code)] // not every vendor feature needs it
pub(crate) fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Whether a method is POST.
#[allow(dead_code)] // not every vendor feature needs it
pub(crate) fn is_post(m: &Method) -> bool {
    m == Method::POST
}

/// A small deterministic generator (SplitMix64), so a seed fixes every id and token.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A lower-case hex string of `n` characters.
    #[allow(dead_code)] // not every vendor feature needs it
    pub(crate) fn hex(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(n);
        while s.len() < n {
            s.push_str(&format!("{:016x}", self.next_u64()));
        }
        s.truncate(n);
        s
    }
}

#[allow(dead_code)] // not every vendor feature uses the calendar
mod calendar {
    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }
}
#[allow(unused_imports)]
pub(crate) use calendar::{civil_from_days, days_from_civil};

/// A UTC instant `secs` from now, as .NET writes it: `2016-02-25T13:00:00.0000000Z`.
#[allow(dead_code)]
pub(crate) fn utc_timestamp_in(secs: u64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
        + secs;
    let (y, m, d) = civil_from_days(i64::try_from(now / 86_400).unwrap_or(0));
    let t = now % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.0000000Z",
        t / 3600,
        t / 60 % 60,
        t % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_match_path_method_and_are_used_up() {
        let core = Core::default();
        core.add_fault(FaultRule::new("/a", Fault::Reset).method("post").times(1));
        core.add_fault(FaultRule::new("*", Fault::Latency { ms: 5 }));
        assert_eq!(
            core.take_faults("GET", "/a"),
            vec![Fault::Latency { ms: 5 }]
        );
        assert_eq!(
            core.take_faults("POST", "/a"),
            vec![Fault::Reset, Fault::Latency { ms: 5 }]
        );
        // The counted rule is gone, the open-ended one stays.
        assert_eq!(
            core.take_faults("POST", "/a"),
            vec![Fault::Latency { ms: 5 }]
        );
        core.clear_faults();
        assert!(core.take_faults("POST", "/a").is_empty());
    }

    #[test]
    fn only_one_answer_fault_applies_per_request() {
        let core = Core::default();
        core.add_fault(FaultRule::new("/a", Fault::Close).times(1));
        core.add_fault(FaultRule::new("/a", Fault::Status { status: 503 }).times(1));
        assert_eq!(core.take_faults("GET", "/a"), vec![Fault::Close]);
        assert_eq!(
            core.take_faults("GET", "/a"),
            vec![Fault::Status { status: 503 }]
        );
    }

    #[test]
    fn fault_rules_read_from_admin_json() {
        let rule: FaultRule = serde_json::from_str(
            r#"{"path": "/plan", "fault": {"kind": "html_error"}, "times": 2}"#,
        )
        .expect("parses");
        assert_eq!(rule.fault, Fault::HtmlError { status: 502 });
        assert_eq!(rule.times, Some(2));
    }

    #[test]
    fn the_seed_fixes_the_sequence() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        assert_eq!(a.hex(40), b.hex(40));
        assert_ne!(Rng::new(7).hex(16), Rng::new(8).hex(16));
    }
}
