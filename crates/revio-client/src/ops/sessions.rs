//! Sessions and impersonation.

use telecom_core::Secret;

use crate::client::AuthChoice;
use crate::error::Error;
use crate::models::{
    Extra, ImpersonationAuthorize, ImpersonationGrant, ImpersonationTarget, Response,
    SessionCreated, SessionInfo, SessionsDestroy,
};
use crate::ops::Validate;
use crate::{CallKind, Client};

impl Validate for ImpersonationAuthorize {
    fn validate(&self, operation: &str) -> Result<(), Error> {
        match self.to.clone() {
            ImpersonationTarget::UserId(id) => crate::ops::positive(operation, "ToUserID", id),
            ImpersonationTarget::UserName(name) if name.trim().is_empty() => {
                Err(Error::invalid(operation, "ToUserName", "is empty"))
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
        self.execute(
            "Sessions_Create",
            &(),
            CallKind::Read,
            AuthChoice::Credentials,
        )
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
            None => self.current_session().await.ok_or_else(|| {
                Error::invalid(
                    "Sessions_Validate",
                    "SessionKey",
                    "no key given and the client has no open session",
                )
            })?,
        };
        self.execute(
            "Sessions_Validate",
            &(),
            CallKind::Read,
            AuthChoice::Session(key),
        )
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
            None => self.current_session().await.ok_or_else(|| {
                Error::invalid(
                    "Sessions_Destroy",
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
        let response = self
            .execute("Sessions_Destroy", &request, CallKind::Write, auth)
            .await;
        if own {
            self.clear_session().await;
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
        request.validate("Impersonation_Authorize")?;
        self.execute(
            "Impersonation_Authorize",
            request,
            CallKind::Write,
            AuthChoice::Client,
        )
        .await
    }
}
