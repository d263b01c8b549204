//! A local fake of the vcare API that enforces the token rules: every token is good for
//! one request and a limited time, and every answer hands out the next one. Used only by
//! the token pool benchmark (`benches/token_pool.rs`), which keeps this lean fake so the
//! numbers measure the client rather than a full sandbox; the tests run against
//! `telecom_sandbox::vcare`.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use mock_http::{MockServer, Request, Response};
use serde_json::json;

/// What the fake saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct FakeStats {
    /// `/authenticate` calls.
    pub(crate) authentications: u64,
    /// API calls (everything but `/authenticate`).
    pub(crate) calls: u64,
    /// Calls answered "Token already used".
    pub(crate) already_used: u64,
    /// Calls answered "Token expire".
    pub(crate) expired: u64,
    /// Calls answered "Invalid Token".
    pub(crate) invalid: u64,
}

#[derive(Default)]
struct State {
    issued: HashMap<String, Instant>,
    used: HashSet<String>,
    next: u64,
    stats: FakeStats,
}

/// A running fake vendor.
pub(crate) struct FakeVendor {
    state: Arc<Mutex<State>>,
    /// The server; its URL is the client's base URL.
    pub(crate) server: MockServer,
}

impl FakeVendor {
    /// Starts a fake whose tokens live for `lifetime`.
    pub(crate) async fn start(lifetime: Duration) -> std::io::Result<FakeVendor> {
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        let server = MockServer::start(move |req| {
            let mut state = shared.lock().unwrap_or_else(PoisonError::into_inner);
            answer(&mut state, req, lifetime).into()
        })
        .await?;
        Ok(FakeVendor { state, server })
    }

    /// The counters so far.
    pub(crate) fn stats(&self) -> FakeStats {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .stats
    }
}

fn issue(state: &mut State) -> String {
    state.next += 1;
    // Shaped like the vendor's JWTs, so redaction checks see realistic values.
    let token = format!(
        "eyJ0eXAiOiJKV1QifQ.eyJzZWNyZXQiOiJGQUtFIn0.TOKENSECRET{}",
        state.next
    );
    state.issued.insert(token.clone(), Instant::now());
    token
}

fn answer(state: &mut State, req: &Request, lifetime: Duration) -> Response {
    if req.path == "/authenticate" {
        state.stats.authentications += 1;
        let token = issue(state);
        return Response::json(
            200,
            &json!({"msg": "Successfully Authenticate", "msg_code": "RESTAPI000", "token": token}),
        );
    }
    state.stats.calls += 1;
    let presented = req.header("token").unwrap_or("").to_owned();
    if state.used.contains(&presented) {
        state.stats.already_used += 1;
        let token = issue(state);
        return Response::json(
            200,
            &json!({"msg": "Token already used", "msg_code": "RESTAPI001", "token": token}),
        );
    }
    match state.issued.remove(&presented) {
        Some(at) if at.elapsed() > lifetime => {
            state.used.insert(presented);
            state.stats.expired += 1;
            Response::json(
                200,
                &json!({"msg": "Token expire", "msg_code": "RESTAPI001", "token": ""}),
            )
        }
        Some(_) => {
            state.used.insert(presented);
            let token = issue(state);
            let action = req
                .body_json()
                .and_then(|b| b.get("action").cloned())
                .unwrap_or_default();
            Response::json(
                200,
                &json!({"msg": "Success", "msg_code": "RESTAPI000", "data": {"action": action}, "token": token}),
            )
        }
        None => {
            state.stats.invalid += 1;
            Response::json(
                200,
                &json!({"msg": "Invalid Token", "msg_code": "RESTAPI001", "token": ""}),
            )
        }
    }
}
