//! Sessions and impersonation.

use telecom_core::{CallKind, Secret};

use crate::Client;
use crate::auth::AuthChoice;
use crate::error::Error;
use crate::models::{
    Extra, ImpersonationAuthorize, ImpersonationGrant, ImpersonationTarget, Response,
    SessionCreated, SessionInfo, SessionsDestroy,
};
use crate::ops::{Op, Validate};

/// Creating an extra session changes no data, so `Sessions_Create` is resent as a read.
const SESSIONS_CREATE: Op = Op::new("Sessions_Create", CallKind::Read);
const SESSIONS_VALIDATE: Op = Op::new("Sessions_Validate", CallKind::Read);
const SESSIONS_DESTROY: Op = Op::new("Sessions_Destroy", CallKind::Write);
const IMPERSONATION_AUTHORIZE: Op = Op::new("Impersonation_Authorize", CallKind::Write);

pub(super) const OPS: &[Op] = &[
    SESSIONS_CREATE,
    SESSIONS_VALIDATE,
    SESSIONS_DESTROY,
    IMPERSONATION_AUTHORIZE,
];

#[cfg(feature = "fuzzing")]
pub(super) const READERS: &[crate::fuzzing::Reader] = &[
    crate::fuzzing::Reader::of::<SessionCreated>(SESSIONS_CREATE.name),
    crate::fuzzing::Reader::of::<SessionInfo>(SESSIONS_VALIDATE.name),
    crate::fuzzing::Reader::of::<Extra>(SESSIONS_DESTROY.name),
    crate::fuzzing::Reader::of::<ImpersonationGrant>(IMPERSONATION_AUTHORIZE.name),
];

impl Validate for ImpersonationAuthorize {
    fn validate(&self) -> Result<(), Error> {
        match self.to.clone() {
            ImpersonationTarget::UserId(id) => crate::ops::positive("ToUserID", id),
            ImpersonationTarget::UserName(name) if name.trim().is_empty() => {
                Err(Error::invalid("ToUserName", "is empty"))
            }
            ImpersonationTarget::UserName(_) => Ok(()),
        }
    }
}

impl Client {
    /// Opens a new session with the client's credentials and returns its key. The client's
    /// own session (in [`AuthMode::Session`](crate::AuthMode::Session)) is managed for you;
    /// this is for callers who hand keys around themselves.
    ///
    /// Calls `Sessions_Create`. `S2005` is an [`Error::Auth`].
    pub async fn sessions_create(&self) -> Result<Response<SessionCreated>, Error> {
        let op = SESSIONS_CREATE;
        self.execute(op.name, &(), op.kind, AuthChoice::Credentials)
            .await
    }

    /// Checks that a session is active and says who owns it: `session_key`, or the
    /// client's own session when `None`.
    ///
    /// Calls `Sessions_Validate`; an unknown key is an [`Error::Auth`] with `S2004`.
    pub async fn sessions_validate(
        &self,
        session_key: Option<&Secret>,
    ) -> Result<Response<SessionInfo>, Error> {
        let key = match session_key {
            Some(key) => key.clone(),
            None => self.inner.session.current().await.ok_or_else(|| {
                Error::invalid(
                    "SessionKey",
                    "no key given and the client has no open session",
                )
            })?,
        };
        let op = SESSIONS_VALIDATE;
        self.execute(op.name, &(), op.kind, AuthChoice::Session(key))
            .await
    }

    /// Invalidates a session key: `session_key`, or the client's own session when `None`
    /// (the client then opens a new one on its next call).
    ///
    /// Calls `Sessions_Destroy`; never resent once it may have reached the server.
    pub async fn sessions_destroy(
        &self,
        session_key: Option<&Secret>,
    ) -> Result<Response<Extra>, Error> {
        let own = session_key.is_none();
        let key = match session_key {
            Some(key) => key.clone(),
            None => self.inner.session.current().await.ok_or_else(|| {
                Error::invalid(
                    "SessionKey",
                    "no key given and the client has no open session",
                )
            })?,
        };
        let request = SessionsDestroy {
            session_key: key.clone(),
        };
        let auth = if own {
            AuthChoice::Session(key)
        } else {
            AuthChoice::Client
        };
        let op = SESSIONS_DESTROY;
        let response = self.execute(op.name, &request, op.kind, auth).await;
        if own {
            self.inner.session.clear().await;
        }
        response
    }

    /// Lets another user impersonate the caller; the grantee puts the returned key in
    /// [`Credentials::with_impersonation_key`](crate::Credentials::with_impersonation_key).
    ///
    /// Calls `Impersonation_Authorize`.
    pub async fn impersonation_authorize(
        &self,
        request: &ImpersonationAuthorize,
    ) -> Result<Response<ImpersonationGrant>, Error> {
        let op = IMPERSONATION_AUTHORIZE;
        request.validate()?;
        self.execute(op.name, request, op.kind, AuthChoice::Client)
            .await
    }
}
