//! The listener and the per-connection HTTP/1.1 loop.

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

use crate::{Reply, Request, Response};

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// Requests larger than this are answered 413 and the connection closed.
const MAX_REQUEST_BYTES: usize = 16 * 1024 * 1024;

/// A running server on `127.0.0.1`. Dropping it stops the server and every connection.
pub struct MockServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Request>>>,
    task: JoinHandle<()>,
}

impl MockServer {
    /// Starts a server on a free port of `127.0.0.1` that answers every request with `handler`.
    pub async fn start<F>(handler: F) -> io::Result<MockServer>
    where
        F: Fn(&Request) -> Reply + Send + Sync + 'static,
    {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let seen = Arc::clone(&requests);
        let task = tokio::spawn(async move {
            // The connections live in the set, so aborting this task drops them all.
            let mut connections = JoinSet::new();
            loop {
                tokio::select! {
                    accepted = listener.accept() => {
                        let Ok((stream, _)) = accepted else { continue };
                        // Without it, a response written after its request waits on the
                        // peer's delayed ACK (about 40 ms) and benchmarks measure that instead.
                        let _ = stream.set_nodelay(true);
                        connections.spawn(serve(stream, Arc::clone(&handler), Arc::clone(&seen)));
                    }
                    Some(_) = connections.join_next(), if !connections.is_empty() => {}
                }
            }
        });
        Ok(MockServer {
            addr,
            requests,
            task,
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request received so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A `http://127.0.0.1:PORT` URL on which nothing listens, for "connection refused" cases.
pub fn refused_url() -> io::Result<String> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
    let addr = listener.local_addr()?;
    drop(listener);
    Ok(format!("http://{addr}"))
}

async fn serve(mut stream: TcpStream, handler: Arc<Handler>, seen: Arc<Mutex<Vec<Request>>>) {
    let mut buffer = Vec::with_capacity(8 * 1024);
    loop {
        let request = match read_request(&mut stream, &mut buffer).await {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err(_) => {
                let _ = write_response(&mut stream, &Response::new(400).body("bad request"), None)
                    .await;
                return;
            }
        };
        let close_after = request
            .header("connection")
            .is_some_and(|v| v.eq_ignore_ascii_case("close"));
        seen.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(request.clone());
        let mut reply = handler(&request);
        loop {
            match reply {
                Reply::Delay(wait, inner) => {
                    tokio::time::sleep(wait).await;
                    reply = *inner;
                }
                Reply::Respond(response) => {
                    if write_response(&mut stream, &response, None).await.is_err() || close_after {
                        return;
                    }
                    break;
                }
                Reply::Truncate { response, at } => {
                    if write_response(&mut stream, &response, Some(at))
                        .await
                        .is_ok()
                    {
                        // Give the client the partial body before the close, so it sees a
                        // short read.
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        let _ = stream.shutdown().await;
                    }
                    return;
                }
                Reply::Stall {
                    response,
                    at,
                    pause,
                } => {
                    if write_response(&mut stream, &response, Some(at))
                        .await
                        .is_err()
                    {
                        return;
                    }
                    tokio::time::sleep(pause).await;
                    let rest = response.body.get(at..).unwrap_or_default();
                    if stream.write_all(rest).await.is_err() || close_after {
                        return;
                    }
                    break;
                }
                Reply::Close => {
                    let _ = stream.shutdown().await;
                    return;
                }
                Reply::Reset => {
                    // A zero linger turns the close into a TCP reset.
                    let _ = stream.set_zero_linger();
                    return;
                }
            }
        }
    }
}

/// Reads one request; `Ok(None)` when the peer closed between requests.
async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> io::Result<Option<Request>> {
    let bad = |why: &str| io::Error::new(io::ErrorKind::InvalidData, why.to_owned());
    loop {
        let mut header_slots = [httparse::EMPTY_HEADER; 64];
        let mut parsed = httparse::Request::new(&mut header_slots);
        match parsed.parse(buffer).map_err(|e| bad(&e.to_string()))? {
            httparse::Status::Complete(head_len) => {
                let method = parsed.method.unwrap_or("GET").to_owned();
                let target = parsed.path.unwrap_or("/");
                let (path, query) = match target.split_once('?') {
                    Some((p, q)) => (p.to_owned(), Some(q.to_owned())),
                    None => (target.to_owned(), None),
                };
                let headers: Vec<(String, String)> = parsed
                    .headers
                    .iter()
                    .map(|h| {
                        (
                            h.name.to_owned(),
                            String::from_utf8_lossy(h.value).into_owned(),
                        )
                    })
                    .collect();
                buffer.drain(..head_len);
                let mut request = Request {
                    method,
                    path,
                    query,
                    headers,
                    body: Vec::new(),
                };
                request.body = read_body(stream, buffer, &request).await?;
                return Ok(Some(request));
            }
            httparse::Status::Partial => {
                if buffer.len() > MAX_REQUEST_BYTES {
                    return Err(bad("request head too large"));
                }
                if fill(stream, buffer).await? == 0 {
                    return if buffer.is_empty() {
                        Ok(None)
                    } else {
                        Err(bad("connection closed mid-request"))
                    };
                }
            }
        }
    }
}

async fn read_body(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
    request: &Request,
) -> io::Result<Vec<u8>> {
    let bad = |why: &str| io::Error::new(io::ErrorKind::InvalidData, why.to_owned());
    let chunked = request
        .header("transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    if chunked {
        let mut body = Vec::new();
        loop {
            let line_end = loop {
                if let Some(pos) = buffer.windows(2).position(|w| w == b"\r\n") {
                    break pos;
                }
                if fill(stream, buffer).await? == 0 {
                    return Err(bad("connection closed mid-chunk"));
                }
            };
            let size_text = String::from_utf8_lossy(&buffer[..line_end]).into_owned();
            let size_hex = size_text.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size_hex, 16).map_err(|_| bad("bad chunk size"))?;
            if body.len() + size > MAX_REQUEST_BYTES {
                return Err(bad("request body too large"));
            }
            while buffer.len() < line_end + 2 + size + 2 {
                if fill(stream, buffer).await? == 0 {
                    return Err(bad("connection closed mid-chunk"));
                }
            }
            body.extend_from_slice(&buffer[line_end + 2..line_end + 2 + size]);
            buffer.drain(..line_end + 2 + size + 2);
            if size == 0 {
                return Ok(body);
            }
        }
    }
    let length = match request.header("content-length") {
        Some(v) => v
            .trim()
            .parse::<usize>()
            .map_err(|_| bad("bad content-length"))?,
        None => 0,
    };
    if length > MAX_REQUEST_BYTES {
        return Err(bad("request body too large"));
    }
    while buffer.len() < length {
        if fill(stream, buffer).await? == 0 {
            return Err(bad("connection closed mid-body"));
        }
    }
    Ok(buffer.drain(..length).collect())
}

async fn fill(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> io::Result<usize> {
    let mut chunk = [0u8; 8192];
    let n = stream.read(&mut chunk).await?;
    buffer.extend_from_slice(&chunk[..n]);
    Ok(n)
}

async fn write_response(
    stream: &mut TcpStream,
    response: &Response,
    cut_at: Option<usize>,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        if !name.eq_ignore_ascii_case("content-length") {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", response.body.len()));
    let sent = cut_at.map_or(response.body.len(), |at| at.min(response.body.len()));
    // One write for head and body: one segment on the wire for small answers.
    let mut out = head.into_bytes();
    out.extend_from_slice(&response.body[..sent]);
    stream.write_all(&out).await?;
    stream.flush().await
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}
