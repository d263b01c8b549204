//! The account credentials, and how they travel.

use std::fmt;

use telecom_core::Secret;

/// A TraiTel username and password, sent as `user` and `pass` on every call.
///
/// `Debug` shows the username and redacts the password; there is no `Display`.
#[derive(Clone)]
pub struct Credentials {
    user: String,
    pass: Secret,
}

impl Credentials {
    /// Wraps a username and password.
    pub fn new(user: impl Into<String>, pass: impl Into<Secret>) -> Self {
        Credentials {
            user: user.into(),
            pass: pass.into(),
        }
    }

    /// The username.
    pub fn user(&self) -> &str {
        &self.user
    }

    pub(crate) fn pass(&self) -> &Secret {
        &self.pass
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .field("pass", &self.pass)
            .finish()
    }
}

/// How the parameters (credentials included) are sent.
///
/// The spec names no method; `accountmanager.pl` is a CGI script that reads either. The
/// default is a form-encoded POST body, because a query string lands in proxy and server
/// logs with the password in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestMethod {
    /// `POST` with an `application/x-www-form-urlencoded` body (the default).
    #[default]
    PostForm,
    /// `GET` with the parameters in the query string, as TraiTel's own SMS gateway
    /// examples do. The password then appears in the URL; this crate never logs it, but
    /// proxies and the gateway's access log may.
    GetQuery,
}
