//! What the server answers.

use std::time::Duration;

/// An HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers to send; `Content-Length` is added by the server.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// An answer with this status, no headers and no body.
    pub fn new(status: u16) -> Self {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// A JSON answer with `Content-Type: application/json`.
    pub fn json<T: serde::Serialize>(status: u16, value: &T) -> Self {
        let body = serde_json::to_vec(value).unwrap_or_default();
        Response::new(status)
            .header("Content-Type", "application/json")
            .body(body)
    }

    /// Adds a header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sets the body.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }
}

/// What the server does with one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Answer normally.
    Respond(Response),
    /// Reset the connection (TCP RST) without answering.
    Reset,
    /// Close the connection without answering.
    Close,
    /// Wait, then do the inner reply.
    Delay(Duration, Box<Reply>),
    /// Send the headers of `response` (its full `Content-Length`) and only `at` bytes of its
    /// body, then close.
    Truncate {
        /// The answer whose body is cut.
        response: Response,
        /// How many body bytes are sent.
        at: usize,
    },
    /// Send the headers of `response` and `at` bytes of its body, wait `pause` with the
    /// connection open and silent, then send the rest.
    Stall {
        /// The answer whose body stalls.
        response: Response,
        /// How many body bytes are sent before the pause.
        at: usize,
        /// How long nothing is sent.
        pause: Duration,
    },
}

impl From<Response> for Reply {
    fn from(response: Response) -> Self {
        Reply::Respond(response)
    }
}
