//! Agents: `Agents_Create`, `Agents_Query`.

use serde::{Deserialize, Serialize};

use crate::models::Address;

/// An agent. `ID` is prohibited on create and set on reads.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Agent {
    /// `ID`: agent id (read only)
    #[serde(rename = "ID")]
    pub id: Option<i64>,
    /// `Name`: name
    #[serde(rename = "Name")]
    pub name: Option<String>,
    /// `Number`: agent number; leave unset on create to have one generated
    #[serde(rename = "Number")]
    pub number: Option<String>,
    /// `Phone`: phone
    #[serde(rename = "Phone")]
    pub phone: Option<String>,
    /// `Fax`: fax
    #[serde(rename = "Fax")]
    pub fax: Option<String>,
    /// `Email`: email
    #[serde(rename = "Email")]
    pub email: Option<String>,
    /// `HoursOfOperation`: hours of operation
    #[serde(rename = "HoursOfOperation")]
    pub hours_of_operation: Option<String>,
    /// `LocationDetails`: location details
    #[serde(rename = "LocationDetails")]
    pub location_details: Option<String>,
    /// `CommissionPlanID`: commission plan
    #[serde(rename = "CommissionPlanID")]
    pub commission_plan_id: Option<i64>,
    /// `Address`: address (country: 3-letter ISO, default USA)
    #[serde(rename = "Address")]
    pub address: Option<Address>,
    /// Elements this version does not model, by name, as read; sent back after the known
    /// ones when the value goes into a request.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The input of `Agents_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AgentsCreate {
    /// `Agent`: the agent
    #[serde(rename = "Agent")]
    pub agent: Agent,
}

/// The result of `Agents_Create`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgentCreated {
    /// `ID`: the new agent's id
    #[serde(rename = "ID")]
    pub id: Option<i64>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}

/// The input of `Agents_Query`: by id or by number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgentsQuery {
    /// `ID`.
    #[serde(rename = "ID")]
    Id(i64),
    /// `Number`.
    #[serde(rename = "Number")]
    Number(String),
}

/// The result of `Agents_Query`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgentsQueryResult {
    /// `Agent`: the agent
    #[serde(rename = "Agent")]
    pub agent: Option<Agent>,
    /// Elements this version does not model, by name, as read.
    #[serde(
        rename = "$extra",
        default,
        skip_serializing_if = "crate::models::common::is_empty_map"
    )]
    pub extra: crate::models::Extra,
}
