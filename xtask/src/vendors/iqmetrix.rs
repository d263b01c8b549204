//! Conformance adapter for `iqmetrix-carrier`.

use async_trait::async_trait;
use serde_json::Value;

use crate::adapter::{CaseContext, Outcome, VendorAdapter, VendorSession};

/// Runs `fixtures/iqmetrix` against `iqmetrix-carrier`.
pub struct Adapter;

#[async_trait]
impl VendorAdapter for Adapter {
    fn name(&self) -> &'static str {
        "iqmetrix"
    }

    fn operations(&self) -> &'static [&'static str] {
        &[]
    }

    async fn connect(&self, _ctx: &CaseContext) -> Result<Box<dyn VendorSession>, String> {
        Ok(Box::new(Session))
    }
}

struct Session;

#[async_trait]
impl VendorSession for Session {
    async fn call(&self, _operation: &str, _input: &Value) -> Outcome {
        Outcome::UnknownOperation
    }
}
