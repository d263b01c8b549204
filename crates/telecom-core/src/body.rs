//! How much of one answer a client keeps in memory.
//!
//! Every client reads a whole answer before decoding it. A server or a proxy that never
//! stops sending, or that declares a body of gigabytes, must not take the process's memory
//! with it: each vendor crate gathers a body through a [`BodyBuffer`], which refuses one
//! longer than the client's `max_body_bytes` (default [`DEFAULT_MAX_BODY_BYTES`]), as soon
//! as the declared length or the bytes received pass it. Nothing here knows HTTP: the
//! vendor crate hands in the declared length and the chunks as they come.

use std::fmt;

use bytes::{Bytes, BytesMut};

/// The default limit of one answer's body: 64 MiB, some ten times the largest answer the
/// project has seen (a 10,000-record Rev.io query is 4.6 MB).
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

/// An answer's body was longer than the client's limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyTooLarge {
    /// The limit, in bytes.
    pub limit: usize,
}

impl fmt::Display for BodyTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the body is longer than the client's limit of {} bytes (max_body_bytes)",
            self.limit
        )
    }
}

impl std::error::Error for BodyTooLarge {}

/// A body gathered chunk by chunk, at most `limit` bytes. The first chunk is kept as it
/// came, so a body that arrives in one piece (the usual answer with a `Content-Length`) is
/// never copied. The reading loop is the vendor crate's:
///
/// ```
/// # use bytes::Bytes;
/// # use telecom_core::body::BodyBuffer;
/// # let chunks = vec![Bytes::from_static(b"Ok\n"), Bytes::from_static(b"3.00\n")];
/// let mut body = BodyBuffer::new(1024, None);
/// let mut chunks = chunks.into_iter(); // `response.chunk().await?` in a client
/// while body.wants_more()
///     && let Some(chunk) = chunks.next()
/// {
///     body.push(chunk);
/// }
/// assert_eq!(body.finish().ok(), Some(Bytes::from_static(b"Ok\n3.00\n")));
/// ```
#[derive(Debug)]
pub struct BodyBuffer {
    first: Option<Bytes>,
    rest: Option<BytesMut>,
    len: usize,
    limit: usize,
    too_large: bool,
}

impl BodyBuffer {
    /// A buffer for a body of at most `limit` bytes; a `declared` length (`Content-Length`)
    /// over the limit is refused before any byte is read.
    pub fn new(limit: usize, declared: Option<u64>) -> BodyBuffer {
        BodyBuffer {
            first: None,
            rest: None,
            len: 0,
            limit,
            too_large: declared.is_some_and(|n| !usize::try_from(n).is_ok_and(|n| n <= limit)),
        }
    }

    /// False once the body is known to be too long: stop reading.
    pub fn wants_more(&self) -> bool {
        !self.too_large
    }

    /// Adds the next chunk; one that takes the body past the limit drops what was kept.
    pub fn push(&mut self, chunk: Bytes) {
        if self.too_large {
            return;
        }
        match self.len.checked_add(chunk.len()) {
            Some(len) if len <= self.limit => self.len = len,
            _ => {
                self.too_large = true;
                self.first = None;
                self.rest = None;
                return;
            }
        }
        match (&self.first, &mut self.rest) {
            (None, _) => self.first = Some(chunk),
            (Some(_), Some(rest)) => rest.extend_from_slice(&chunk),
            (Some(first), None) => {
                let mut rest = BytesMut::with_capacity(first.len() + chunk.len());
                rest.extend_from_slice(first);
                rest.extend_from_slice(&chunk);
                self.rest = Some(rest);
            }
        }
    }

    /// The whole body, or the limit it passed.
    pub fn finish(self) -> Result<Bytes, BodyTooLarge> {
        if self.too_large {
            return Err(BodyTooLarge { limit: self.limit });
        }
        Ok(match (self.rest, self.first) {
            (Some(rest), _) => rest.freeze(),
            (None, Some(first)) => first,
            (None, None) => Bytes::new(),
        })
    }
}

/// Reads a `reqwest::Response`'s body through a [`BodyBuffer`] of at most `limit` bytes and
/// gives [`BodyBuffer::finish`]'s result; a transport failure returns from the enclosing
/// function through `?`, after the optional `map_err` closure. A macro, so that
/// telecom-core names no HTTP type: the vendor crates' send paths all read a body this one
/// way.
///
/// A body with a declared length within the limit is read whole by the response itself
/// (hyper stops at the declared length); any other is read chunk by chunk, and reading
/// stops as soon as it passes the limit.
#[macro_export]
macro_rules! read_body {
    ($response:expr, $limit:expr) => {
        $crate::read_body!($response, $limit, ::std::convert::identity)
    };
    ($response:expr, $limit:expr, $map_err:expr) => {{
        let mut response = $response;
        let declared = response.content_length();
        let mut body = $crate::body::BodyBuffer::new($limit, declared);
        if declared.is_some() && body.wants_more() {
            body.push(response.bytes().await.map_err($map_err)?);
        } else {
            while body.wants_more()
                && let Some(chunk) = response.chunk().await.map_err($map_err)?
            {
                body.push(chunk);
            }
        }
        body.finish()
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(limit: usize, declared: Option<u64>, chunks: &[&'static [u8]]) -> BodyBuffer {
        let mut body = BodyBuffer::new(limit, declared);
        let mut chunks = chunks.iter();
        while body.wants_more()
            && let Some(chunk) = chunks.next()
        {
            body.push(Bytes::from_static(chunk));
        }
        body
    }

    #[test]
    fn chunks_up_to_the_limit_make_the_body() {
        let body = read(10, Some(10), &[b"0123", b"", b"456789"]);
        assert_eq!(body.finish(), Ok(Bytes::from_static(b"0123456789")));
        assert_eq!(read(10, None, &[]).finish(), Ok(Bytes::new()));
    }

    #[test]
    fn one_chunk_is_handed_back_without_a_copy() {
        let chunk = Bytes::from(vec![7u8; 100]);
        let mut body = BodyBuffer::new(100, None);
        body.push(chunk.clone());
        assert_eq!(body.finish().map(|b| b.as_ptr()), Ok(chunk.as_ptr()));
    }

    #[test]
    fn a_body_past_the_limit_is_refused_declared_or_received() {
        let too_large = Err(BodyTooLarge { limit: 10 });
        for declared in [11, u64::MAX] {
            let body = BodyBuffer::new(10, Some(declared));
            assert!(!body.wants_more());
            assert_eq!(body.finish(), too_large);
        }
        let body = read(10, None, &[b"012345", b"67890", b"never read"]);
        assert!(!body.wants_more());
        assert_eq!(body.finish(), too_large);
        assert!(BodyTooLarge { limit: 10 }.to_string().contains("10 bytes"));
    }
}
