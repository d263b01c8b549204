//! The operations, grouped by resource; each is a method on [`Client`](crate::Client) and
//! states its name and [`CallKind`](crate::CallKind) once, as an [`Operation`] constant.

pub(crate) mod activations;
pub(crate) mod configurations;
pub(crate) mod confirmed;
mod raw;

use std::borrow::Cow;

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;
use telecom_core::{Redactor, Secret};

use crate::client::Client;
use crate::error::Result;
use crate::transport::{Answer, Operation, Request};
use crate::wire::{self, JSON};

/// One carrier-services request, before auth.
pub(crate) struct Call<'a> {
    operation: Operation,
    method: Method,
    /// Relative to the carrier-services base, already percent-encoded, query included;
    /// borrowed where the caller keeps it (a paging walk reads it again).
    path: Cow<'a, str>,
    body: Option<Vec<u8>>,
    accept: &'static str,
    /// Secret fields of the body (an SSN): masked in whatever comes back.
    secrets: Vec<Secret>,
}

impl<'a> Call<'a> {
    pub(crate) fn new(operation: Operation, method: Method, path: impl Into<Cow<'a, str>>) -> Self {
        Call {
            operation,
            method,
            path: path.into(),
            body: None,
            accept: JSON,
            secrets: Vec::new(),
        }
    }

    pub(crate) fn with_json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self> {
        self.body = Some(wire::encode(body)?);
        Ok(self)
    }

    pub(crate) fn with_accept(mut self, accept: &'static str) -> Self {
        self.accept = accept;
        self
    }

    pub(crate) fn with_secret(mut self, secret: Option<&Secret>) -> Self {
        self.secrets.extend(secret.cloned());
        self
    }
}

impl Client {
    /// Sends a call on the one send path with the bearer token; a success answer is
    /// returned, anything else becomes an error.
    pub(crate) async fn execute(&self, call: Call<'_>) -> Result<Answer> {
        let inner = &self.inner;
        let mut redactor = inner.http.redactor.clone();
        for secret in &call.secrets {
            redactor.add_secret(secret);
        }
        let request = Request {
            operation: call.operation,
            method: call.method,
            url: inner.url_for(&call.path)?,
            accept: call.accept,
            body: call.body.map(|b| (JSON, b.into())),
            redactor,
            on_error: wire::status_error,
        };
        inner.http.send(&request, &inner.auth).await
    }

    /// [`Client::execute`], then the body read as JSON.
    pub(crate) async fn execute_json<T: DeserializeOwned>(&self, call: Call<'_>) -> Result<T> {
        let operation = call.operation.name;
        let answer = self.execute(call).await?;
        wire::decode(&answer.redactor, operation, &answer.body)
    }

    /// The client's redactor with the tokens held now: for server text read outside a
    /// call (a paging link).
    pub(crate) fn redactor(&self) -> Redactor {
        self.inner.auth.mask_current(&self.inner.http.redactor)
    }
}
