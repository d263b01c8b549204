//! Credentials, the two authentication modes, and the shared session slot.

use telecom_core::Secret;
use tokio::sync::Mutex;

use crate::wire::AuthBlock;

/// Rev.io login credentials: `Credentials { Username, Password, Client, ImpersonationKey }`.
///
/// `Debug` redacts the password and the impersonation key.
#[derive(Clone, Debug)]
pub struct Credentials {
    username: String,
    password: Secret,
    client: String,
    impersonation_key: Option<Secret>,
}

impl Credentials {
    /// A login: username, password and the tenant's `Client_Code`.
    pub fn new(
        username: impl Into<String>,
        password: impl Into<Secret>,
        client: impl Into<String>,
    ) -> Self {
        Credentials {
            username: username.into(),
            password: password.into(),
            client: client.into(),
            impersonation_key: None,
        }
    }

    /// Acts as another user through the 64-character key from `Impersonation_Authorize`.
    pub fn with_impersonation_key(mut self, key: impl Into<Secret>) -> Self {
        self.impersonation_key = Some(key.into());
        self
    }

    /// The username.
    pub fn username(&self) -> &str {
        &self.username
    }

    /// The tenant's client code.
    pub fn client(&self) -> &str {
        &self.client
    }

    pub(crate) fn block(&self) -> AuthBlock<'_> {
        AuthBlock::Credentials {
            username: &self.username,
            password: &self.password,
            client: &self.client,
            impersonation_key: self.impersonation_key.as_ref(),
        }
    }
}

/// How the client authenticates its calls.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthMode {
    /// `Credentials` on every call: simple, fine for low volume.
    #[default]
    Credentials,
    /// A session: `Sessions_Create` on first use, then `Session/SessionKey` on every call;
    /// a call refused with `S2004` gets a new session and is sent once more.
    Session,
}

/// The session key in use, with a generation so that many tasks seeing the same `S2004`
/// replace the key once, not once each.
#[derive(Debug, Default)]
pub(crate) struct SessionSlot {
    pub(crate) current: Mutex<Option<(Secret, u64)>>,
}
