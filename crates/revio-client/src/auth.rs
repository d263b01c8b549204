//! Credentials, the two authentication modes, which authentication one call uses, and the
//! shared session slot the send path renews a refused session through.

use std::future::Future;

use telecom_core::{Redactor, Secret};
use tokio::sync::Mutex;

use crate::error::Error;
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

    /// Registers every secret of the login with the client's redactor.
    pub(crate) fn register_secrets(&self, redactor: &mut Redactor) {
        crate::wire::register_secret(redactor, &self.password);
        if let Some(key) = &self.impersonation_key {
            crate::wire::register_secret(redactor, key);
        }
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

/// Which authentication one call uses.
#[derive(Debug)]
pub(crate) enum AuthChoice {
    /// The client's mode: credentials, or the client's own session (renewed on `S2004`).
    Client,
    /// Credentials, whatever the mode (`Sessions_Create`).
    Credentials,
    /// This session key, with no renewal (`Sessions_Validate` of a given key).
    Session(Secret),
}

/// The session key in use, with a generation so that many tasks seeing the same `S2004`
/// replace the key once, not once each.
#[derive(Debug, Default)]
pub(crate) struct SessionSlot {
    current: Mutex<Option<(Secret, u64)>>,
    /// The generation of the last session created.
    created: std::sync::atomic::AtomicU64,
}

impl SessionSlot {
    /// The current key and its generation, or a new session from `create` when there is none.
    /// The lock is held while `create` runs, so tasks sharing the client wait for one session
    /// instead of each creating their own.
    pub(crate) async fn get_or_create<F, Fut>(&self, create: F) -> Result<(Secret, u64), Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Secret, Error>>,
    {
        let mut slot = self.current.lock().await;
        if let Some((key, generation)) = slot.as_ref() {
            return Ok((key.clone(), *generation));
        }
        let key = create().await?;
        let generation = self
            .created
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1;
        *slot = Some((key.clone(), generation));
        Ok((key, generation))
    }

    /// Drops the session key if it is still the one of `generation` (the one refused).
    pub(crate) async fn forget(&self, generation: u64) {
        let mut slot = self.current.lock().await;
        if slot.as_ref().is_some_and(|(_, g)| *g == generation) {
            *slot = None;
        }
    }

    /// Forgets the session key, whichever it is (after `Sessions_Destroy`).
    pub(crate) async fn clear(&self) {
        *self.current.lock().await = None;
    }

    /// The current session key, if a session is open.
    pub(crate) async fn current(&self) -> Option<Secret> {
        self.current.lock().await.as_ref().map(|(k, _)| k.clone())
    }
}
