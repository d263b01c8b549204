//! Tasks: `Tasks_Update`.

use serde::{Deserialize, Serialize};
use telecom_core::dates::XmlDateTime;

use crate::models::DueDateType;

/// The input of `Tasks_Update`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TasksUpdate {
    /// `TaskID`: the task
    #[serde(rename = "TaskID")]
    pub task_id: i64,
    /// `Subject`: subject
    #[serde(rename = "Subject")]
    pub subject: Option<String>,
    /// `Description`: description
    #[serde(rename = "Description")]
    pub description: Option<String>,
    /// `DueDate`: due date
    #[serde(rename = "DueDate")]
    pub due_date: Option<XmlDateTime>,
    /// `DueDateType`: recurrence
    #[serde(rename = "DueDateType")]
    pub due_date_type: Option<DueDateType>,
    /// `AssignedUserID`: assignee
    #[serde(rename = "AssignedUserID")]
    pub assigned_user_id: Option<i64>,
    /// `TypeID`: task type id
    #[serde(rename = "TypeID")]
    pub type_id: Option<i64>,
    /// `TypeName`: task type name
    #[serde(rename = "TypeName")]
    pub type_name: Option<String>,
    /// `WorkflowID`: workflow id
    #[serde(rename = "WorkflowID")]
    pub workflow_id: Option<i64>,
    /// `WorkflowName`: workflow name
    #[serde(rename = "WorkflowName")]
    pub workflow_name: Option<String>,
    /// `Note`: a note to add
    #[serde(rename = "Note")]
    pub note: Option<String>,
    /// `Actions`: actions
    #[serde(rename = "Actions")]
    pub actions: Option<TaskActions>,
}

/// Actions on a task.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TaskActions {
    /// `MarkComplete`: mark complete
    #[serde(rename = "MarkComplete")]
    pub mark_complete: Option<bool>,
    /// `MarkCanceled`: mark canceled
    #[serde(rename = "MarkCanceled")]
    pub mark_canceled: Option<bool>,
    /// `ClearDueDate`: clear the due date
    #[serde(rename = "ClearDueDate")]
    pub clear_due_date: Option<bool>,
}
