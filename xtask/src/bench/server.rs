//! The loopback server both sides of every comparison call: HTTP/1.1 with keep-alive, no
//! request log, answers written from bytes the scenario prepared, so that what it costs is
//! the same for the client and for the hand-rolled code and stays out of the ratio. It runs
//! on a thread and a runtime of its own, so the measured side's scheduler never also runs
//! the server (sharing two workers with it made the rounds of a sequential row differ 4x).

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinSet;

/// What the handler sees of a request.
pub struct Request<'a> {
    /// `GET`, `POST`, ...
    pub method: &'a str,
    /// The path with its query.
    pub target: &'a str,
    /// The `token` header, if any (vcare sends its token there).
    pub token: Option<&'a [u8]>,
    /// The body.
    pub body: &'a [u8],
}

/// A whole HTTP response, head and body.
pub type Answer = Arc<[u8]>;

/// Builds a 200 (or other status) answer with a `Content-Length`.
pub fn answer(status: u16, content_type: &str, body: &[u8]) -> Answer {
    let reason = match status {
        200 => "OK",
        401 => "Unauthorized",
        429 => "Too Many Requests",
        _ => "Status",
    };
    let mut out = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out.into()
}

type Handler = dyn Fn(&Request<'_>) -> Answer + Send + Sync;

/// A running server on `127.0.0.1`; dropping it stops it and its connections.
pub struct BenchServer {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl BenchServer {
    /// Starts a server on a free loopback port answering every request with `handler`.
    pub async fn start<F>(handler: F) -> io::Result<BenchServer>
    where
        F: Fn(&Request<'_>) -> Answer + Send + Sync + 'static,
    {
        let listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let handler: Arc<Handler> = Arc::new(handler);
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("bench-server".into())
            .spawn(move || runtime.block_on(accept(listener, handler, stopped)))?;
        Ok(BenchServer {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for BenchServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Accepts connections until told to stop; the open ones end with the runtime.
async fn accept(
    listener: std::net::TcpListener,
    handler: Arc<Handler>,
    mut stopped: oneshot::Receiver<()>,
) {
    let Ok(listener) = TcpListener::from_std(listener) else {
        return;
    };
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                connections.spawn(serve(stream, Arc::clone(&handler)));
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

/// Serves one connection until the peer closes it or sends something unreadable.
async fn serve(mut stream: TcpStream, handler: Arc<Handler>) {
    let mut buf: Vec<u8> = Vec::with_capacity(16 * 1024);
    loop {
        let Some((head_len, body_len)) = read_head(&mut stream, &mut buf).await else {
            return;
        };
        while buf.len() < head_len + body_len {
            let mut chunk = [0u8; 16 * 1024];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let reply = {
            let mut headers = [httparse::EMPTY_HEADER; 32];
            let mut parsed = httparse::Request::new(&mut headers);
            if !matches!(parsed.parse(&buf), Ok(httparse::Status::Complete(_))) {
                return;
            }
            let token = parsed
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case("token"))
                .map(|h| h.value);
            handler(&Request {
                method: parsed.method.unwrap_or("GET"),
                target: parsed.path.unwrap_or("/"),
                token,
                body: &buf[head_len..head_len + body_len],
            })
        };
        if stream.write_all(&reply).await.is_err() {
            return;
        }
        buf.drain(..head_len + body_len);
    }
}

/// Reads until a whole request head is in `buf`; returns its length and the body length.
async fn read_head(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<(usize, usize)> {
    loop {
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut parsed = httparse::Request::new(&mut headers);
        match parsed.parse(buf) {
            Ok(httparse::Status::Complete(head_len)) => {
                let body_len = parsed
                    .headers
                    .iter()
                    .find(|h| h.name.eq_ignore_ascii_case("content-length"))
                    .and_then(|h| std::str::from_utf8(h.value).ok())
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                return Some((head_len, body_len));
            }
            Ok(httparse::Status::Partial) => {}
            Err(_) => return None,
        }
        let mut chunk = [0u8; 16 * 1024];
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
}
