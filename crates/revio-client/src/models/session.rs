//! Sessions and impersonation.

use serde::{Deserialize, Serialize};
use telecom_core::Secret;
use telecom_core::dates::XmlDateTime;

/// The result of `Sessions_Create`. Both keys are redacted when serialized.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionCreated {
    /// `SessionKey`: the key to send as `Session/SessionKey`
    #[serde(
        rename = "SessionKey",
        serialize_with = "crate::models::common::redacted",
        default
    )]
    pub session_key: Option<Secret>,
    /// `SessionKey_Encoded`: the same key, encoded
    #[serde(
        rename = "SessionKey_Encoded",
        serialize_with = "crate::models::common::redacted",
        default
    )]
    pub session_key_encoded: Option<Secret>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The result of `Sessions_Validate`: who owns the session.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionInfo {
    /// `UserID`: the user id
    #[serde(rename = "UserID")]
    pub user_id: Option<i64>,
    /// `AgentID`: the agent id
    #[serde(rename = "AgentID")]
    pub agent_id: Option<i64>,
    /// `AgentNumber`: the agent number
    #[serde(rename = "AgentNumber")]
    pub agent_number: Option<String>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The input of `Sessions_Destroy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionsDestroy {
    /// `SessionKey`: the key to invalidate
    #[serde(
        rename = "SessionKey",
        serialize_with = "telecom_core::secret::serialize_exposed"
    )]
    pub session_key: Secret,
}

/// Whom `Impersonation_Authorize` lets impersonate the caller: a user id or a user name,
/// never both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImpersonationTarget {
    /// `ToUserID`.
    #[serde(rename = "ToUserID")]
    UserId(i64),
    /// `ToUserName`.
    #[serde(rename = "ToUserName")]
    UserName(String),
}

/// The input of `Impersonation_Authorize`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImpersonationAuthorize {
    /// The grantee.
    #[serde(flatten)]
    pub to: ImpersonationTarget,
    /// `ExpirationDate`: when the grant ends; omitted, it lasts until expired explicitly
    #[serde(rename = "ExpirationDate")]
    pub expiration_date: Option<XmlDateTime>,
}

/// The result of `Impersonation_Authorize`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImpersonationGrant {
    /// `ToUserID`: the grantee's user id
    #[serde(rename = "ToUserID")]
    pub to_user_id: Option<i64>,
    /// `ImpersonationKey`: the 64-character key the grantee puts in `Credentials/ImpersonationKey` (redacted when serialized)
    #[serde(
        rename = "ImpersonationKey",
        serialize_with = "crate::models::common::redacted",
        default
    )]
    pub impersonation_key: Option<Secret>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}
