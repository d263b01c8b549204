//! The typed actions, grouped by resource. Each states its module, action name and
//! [`CallKind`](crate::CallKind) once, as an [`Operation`], with how its request is written
//! and its answer read; all of them, and the raw calls, go through [`Client::execute`] to the
//! one send path in `transport.rs`.

mod customer;
mod enrollment;
mod inventory;
pub(crate) mod payment;
mod plan;
mod port;
pub(crate) mod raw;
mod topup;
mod usage;

use serde::de::DeserializeOwned;
use telecom_core::{CallKind, Redactor};

use crate::client::Client;
use crate::error::Error;
use crate::models::Source;
use crate::transport::{Operation, Request};
use crate::wire::{self, Body, Envelope, EnvelopeFields, Lines, Object};

/// One typed vendor action: where it goes, how its request is written and checked, and how
/// its answer is read.
pub(crate) trait Action {
    /// The module, the action and how it may be resent.
    const OPERATION: Operation<'static>;
    /// What the answer's `data` is read into, in the same pass as the envelope.
    type Data: DeserializeOwned;
    type Output: FromData<Self::Data>;

    /// The `source` values the action documents, when it narrows the envelope's four.
    const SOURCES: Option<&'static [Source]> = None;

    /// How this particular request may be resent, when it differs from the operation's.
    fn kind(&self) -> CallKind {
        Self::OPERATION.kind
    }

    /// Validates the request and writes its own fields (the envelope is added later).
    fn body(&self) -> Result<Body, Error>;

    /// The enrollments a create is for, named in its [`Error::AlreadyCreated`].
    fn enrollment_ids(&self) -> Vec<&str> {
        Vec::new()
    }

    /// What a read answer means for this request, when a success envelope can still say
    /// that nothing was done (every line of a create already existed). `redactor` masks the
    /// secrets the client holds and the request sent; [`Envelope::redactor`] adds the
    /// answer's token.
    fn settle(
        &self,
        output: Self::Output,
        _envelope: &Envelope<()>,
        _redactor: &dyn Fn() -> Redactor,
    ) -> Result<Self::Output, Error> {
        Ok(output)
    }
}

/// How an action's output is made from its `data` and the rest of the answer: most are
/// their `data` itself.
pub(crate) trait FromData<D>: Sized {
    fn from_data(data: D, envelope: &Envelope<()>) -> Self;
}

impl<T> FromData<T> for T {
    fn from_data(data: T, _: &Envelope<()>) -> T {
        data
    }
}

/// A model documented as `data`'s object, whatever shape `data` came in ([`Object`]).
impl<T> FromData<Object<T>> for T {
    fn from_data(data: Object<T>, _: &Envelope<()>) -> T {
        data.0
    }
}

impl<T> FromData<Lines<T>> for Vec<T> {
    fn from_data(lines: Lines<T>, _: &Envelope<()>) -> Vec<T> {
        lines.0
    }
}

impl Client {
    pub(crate) async fn send_action<A: Action>(&self, request: &A) -> Result<A::Output, Error> {
        let operation = A::OPERATION;
        let body = request.body()?;
        if let Some(allowed) = A::SOURCES {
            let source = self.effective_source();
            if !allowed.contains(&source) {
                let names: Vec<&str> = allowed.iter().map(Source::as_str).collect();
                return Err(Error::invalid(
                    "source",
                    format!(
                        "{} does not take {source}; expected one of {}",
                        operation.action,
                        names.join(", ")
                    ),
                ));
            }
        }
        let (envelope, secrets) = self
            .execute::<A::Data>(operation, body, request.kind())
            .await
            .map_err(|error| error.for_enrollments(&request.enrollment_ids()))?;
        // Built only when something is wrong: the success path copies no secrets.
        let redactor = || {
            let mut redactor = self.inner.transport.redactor.clone();
            secrets.iter().for_each(|s| redactor.add_secret(s));
            redactor
        };
        let (data, envelope) = envelope.split();
        let output = A::Output::from_data(data, &envelope);
        request.settle(output, &envelope, &redactor)
    }

    /// Sends one action and returns its successful envelope, its `data` read as `D`, and
    /// the secrets of its body for masking what is read from it afterwards.
    pub(crate) async fn execute<D: DeserializeOwned>(
        &self,
        operation: Operation<'_>,
        body: Body,
        kind: CallKind,
    ) -> Result<(Envelope<D>, Vec<telecom_core::Secret>), Error> {
        let request = self.request(operation, body, kind)?;
        let envelope = self.inner.transport.call(&request).await?;
        Ok((envelope, request.secrets))
    }

    /// The request of one action, encoded once for all its attempts (not generic: one copy
    /// serves every action).
    fn request<'a>(
        &self,
        operation: Operation<'a>,
        body: Body,
        kind: CallKind,
    ) -> Result<Request<'a>, Error> {
        let Operation { module, action, .. } = operation;
        let name_ok =
            |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !name_ok(module) {
            return Err(Error::invalid(
                "module",
                "must be letters, digits and underscores",
            ));
        }
        if !name_ok(action) {
            return Err(Error::invalid(
                "action",
                "must be letters, digits and underscores",
            ));
        }
        let credentials = &self.inner.credentials;
        let fields = EnvelopeFields {
            agent_id: &credentials.agent_id,
            agent_password: credentials.agent_password.as_ref(),
            source: self.effective_source(),
            external_transaction_id: self.external_transaction_id.as_deref(),
        };
        let payload = wire::request_body(action, &body, &fields)?;
        Ok(Request {
            action,
            kind,
            creates_customer: operation.creates_customer,
            url: self.inner.transport.url_for(module),
            payload: payload.into(),
            secrets: body.into_secrets(),
        })
    }
}
