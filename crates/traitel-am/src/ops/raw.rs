//! The escape hatch: any mode by name.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;
use telecom_core::{CallKind, Redactor};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::row_reader::read_table;
use crate::stream::Ctx;
use crate::transport::Op;
use crate::wire::{CsvRow, Fields};

/// The payload of a successful [`Client::call_raw`]: everything after the `Ok` line.
#[derive(Clone, Debug)]
pub struct RawResponse {
    mode: String,
    payload: String,
    /// The client's, so a [`RawResponse::table`] error masks the password too.
    redactor: Redactor,
}

impl PartialEq for RawResponse {
    fn eq(&self, other: &Self) -> bool {
        self.mode == other.mode && self.payload == other.payload
    }
}

impl Eq for RawResponse {}

impl RawResponse {
    pub(crate) fn new(mode: &str, payload: String, redactor: Redactor) -> Self {
        RawResponse {
            mode: mode.to_owned(),
            payload,
            redactor,
        }
    }

    /// The payload text (possibly empty).
    pub fn payload(&self) -> &str {
        &self.payload
    }

    /// The first non-blank line: the value of single-value modes.
    pub fn value(&self) -> Option<&str> {
        self.payload.lines().map(str::trim).find(|l| !l.is_empty())
    }

    /// The payload as a CSV table, each row keyed by the header's names (trimmed; a name
    /// the header repeats keeps its first column), read as the typed tables are.
    pub fn table(&self) -> Result<Vec<BTreeMap<String, String>>> {
        let ctx = Ctx {
            mode: Cow::Owned(self.mode.clone()),
            gateway: None,
        };
        let rows = read_table::<AnyRow>(ctx, self.payload.as_bytes(), self.redactor.clone())?;
        Ok(rows.into_iter().map(|row| row.0).collect())
    }
}

/// A row of any header: every column is one the row does not type.
struct AnyRow(BTreeMap<String, String>);

impl CsvRow for AnyRow {
    const COLUMNS: &'static [&'static str] = &[];

    fn from_fields(fields: &Fields<'_>) -> std::result::Result<Self, String> {
        Ok(AnyRow(fields.extra()))
    }
}

impl Client {
    /// Calls any mode by name with the given parameters (any `serde` value that
    /// serialises to flat key/value pairs: a struct, a map, a list of pairs). Credentials,
    /// failover, resends per `kind` (the one resend rule of [`CallKind::may_resend`]), and
    /// the `Ok` / `Error NNN` handling still apply.
    ///
    /// ```no_run
    /// # async fn demo(client: traitel_am::Client) -> Result<(), traitel_am::Error> {
    /// use traitel_am::CallKind;
    /// let raw = client.call_raw("querybalance", &(), CallKind::Read).await?;
    /// println!("{:?}", raw.value());
    /// # Ok(()) }
    /// ```
    pub async fn call_raw<P: Serialize + ?Sized>(
        &self,
        mode: &str,
        params: &P,
        kind: CallKind,
    ) -> Result<RawResponse> {
        if mode.trim().is_empty() || !mode.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(Error::invalid("mode", "must be a non-empty ASCII word"));
        }
        let encoded = serde_urlencoded::to_string(params)
            .map_err(|e| Error::invalid("params", format!("not flat key/value pairs: {e}")))?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&encoded)
            .map_err(|e| Error::invalid("params", e.to_string()))?;
        if let Some((k, _)) = pairs
            .iter()
            .find(|(k, _)| matches!(k.as_str(), "user" | "pass" | "mode"))
        {
            return Err(Error::invalid(
                "params",
                format!("`{k}` is set by the client"),
            ));
        }
        let payload = self.call(Op::new(mode, kind), &pairs).await?;
        Ok(RawResponse::new(
            mode,
            String::from_utf8_lossy(&payload).into_owned(),
            self.redactor().clone(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(payload: &str) -> Result<Vec<BTreeMap<String, String>>> {
        RawResponse::new("listivr", payload.to_owned(), Redactor::new()).table()
    }

    #[test]
    fn a_table_keys_rows_by_trimmed_names_and_keeps_values_as_sent() {
        let rows = table("\u{feff}ID , Name,ID\n1,\"a, b\",2\r\n\n3, c ,4\n").expect("a table");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["ID"], "1", "a repeated name keeps its first column");
        assert_eq!(rows[0]["Name"], "a, b");
        assert_eq!(rows[1]["Name"], " c ");
        assert_eq!(table("").expect("empty"), Vec::new());
        assert_eq!(table(" \n").expect("a blank header"), Vec::new());
        assert_eq!(table("ID,Name\n").expect("a header only"), Vec::new());
    }

    #[test]
    fn a_ragged_or_unclosed_table_is_a_decode_error_naming_the_mode() {
        for payload in ["ID,Name\n1\n", "ID,Name\n1,2,3\n", "ID,Name\n\"1,2\n"] {
            let error = table(payload).expect_err(payload);
            assert!(
                matches!(&error, Error::Decode { mode, .. } if mode == "listivr"),
                "{payload:?}: {error:?}"
            );
        }
    }
}
