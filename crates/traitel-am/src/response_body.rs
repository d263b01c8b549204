//! A log response's body as an [`AsyncRead`], read frame by frame straight from reqwest's
//! body, with an idle limit: the rows of a log come as the server writes them, and a server
//! that stops writing ends the read with an error instead of holding the stream open.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::{Buf, Bytes};
use http_body::Body as _;
use tokio::io::{AsyncRead, ReadBuf};
use tokio::time::{Instant, Sleep};

/// The marker of the idle limit inside a log stream's I/O errors.
#[derive(Debug, thiserror::Error)]
#[error("no data for {0:?}")]
pub(crate) struct IdleTimeout(pub(crate) Duration);

/// The body of one response; see the module.
pub(crate) struct ResponseBody {
    body: reqwest::Body,
    /// What is left of the last data frame.
    chunk: Bytes,
    idle: Duration,
    /// When the read fails if no frame has come; pushed back by each frame.
    deadline: Pin<Box<Sleep>>,
    /// The body ended, failed or went idle: every later read is the end.
    done: bool,
}

impl ResponseBody {
    pub(crate) fn new(response: reqwest::Response, idle: Duration) -> Self {
        ResponseBody {
            body: response.into(),
            chunk: Bytes::new(),
            idle,
            deadline: Box::pin(tokio::time::sleep(idle)),
            done: false,
        }
    }
}

impl AsyncRead for ResponseBody {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        while this.chunk.is_empty() && !this.done {
            match Pin::new(&mut this.body).poll_frame(cx) {
                Poll::Ready(Some(Ok(frame))) => {
                    // Trailers carry no rows; only data frames are read.
                    if let Ok(data) = frame.into_data() {
                        this.chunk = data;
                        this.deadline.as_mut().reset(Instant::now() + this.idle);
                    }
                }
                Poll::Ready(Some(Err(e))) => {
                    this.done = true;
                    return Poll::Ready(Err(io::Error::other(e.without_url())));
                }
                Poll::Ready(None) => this.done = true,
                Poll::Pending => {
                    ready!(this.deadline.as_mut().poll(cx));
                    this.done = true;
                    let idle = IdleTimeout(this.idle);
                    return Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, idle)));
                }
            }
        }
        let n = this.chunk.len().min(buf.remaining());
        buf.put_slice(&this.chunk[..n]);
        this.chunk.advance(n);
        Poll::Ready(Ok(()))
    }
}
