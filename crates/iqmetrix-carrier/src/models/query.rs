//! [`ConfirmedActivationsQuery`]: which confirmed activations to list.

use time::OffsetDateTime;

use crate::error::{Error, Result};
use crate::models::path::CarrierPathBuilder;

/// The largest `$top` iQmetrix honours (a larger one is silently replaced by 200).
pub const MAX_TOP: u32 = 200;
/// The `$top` iQmetrix uses when none is given.
pub const DEFAULT_TOP: u32 = 100;

/// Which confirmed activations to list:
/// `GET Companies({CompanyId})/Carriers({CarrierId})/ConfirmedActivations?$filter=ConfirmationDateUTC ge DateTime'{since}'&$skip=&$top=`.
///
/// ```
/// use iqmetrix_carrier::ConfirmedActivationsQuery;
/// let query = ConfirmedActivationsQuery::builder()
///     .company_id(123)
///     .carrier_id(41)
///     .since_text("2015-07-16T21:29:31Z")
///     .top(50)
///     .build()?;
/// assert_eq!(query.filter(), "ConfirmationDateUTC ge DateTime'2015-07-16T21:29:31.000Z'");
/// # Ok::<(), iqmetrix_carrier::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConfirmedActivationsQuery {
    /// The company.
    pub company_id: i64,
    /// The carrier.
    pub carrier_id: i64,
    /// Confirmations at or after this instant (`ge`).
    pub since: OffsetDateTime,
    /// Items to skip (default 0).
    pub skip: u32,
    /// Items per page, 0 to 200 (default 100).
    pub top: u32,
}

impl ConfirmedActivationsQuery {
    /// A [`ConfirmedActivationsQueryBuilder`] with nothing set.
    pub fn builder() -> ConfirmedActivationsQueryBuilder {
        ConfirmedActivationsQueryBuilder::default()
    }

    /// The OData filter: `ConfirmationDateUTC ge DateTime'2015-07-16T21:29:31.000Z'`.
    pub fn filter(&self) -> String {
        let utc = self.since.to_offset(time::UtcOffset::UTC);
        format!(
            "ConfirmationDateUTC ge DateTime'{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z'",
            utc.year(),
            u8::from(utc.month()),
            utc.day(),
            utc.hour(),
            utc.minute(),
            utc.second(),
            utc.millisecond()
        )
    }

    pub(crate) fn check_top(&self) -> Result<()> {
        if self.top > MAX_TOP {
            return Err(Error::invalid(
                "$top",
                format!("must be 0 to {MAX_TOP}, got {}", self.top),
            ));
        }
        Ok(())
    }
}

/// When the confirmations start, as given to the builder.
#[derive(Debug, Clone)]
enum Since {
    At(OffsetDateTime),
    Text(String),
}

/// Builds a [`ConfirmedActivationsQuery`]: `company_id`, `carrier_id` and `since` (or
/// `since_text`) are required; `skip` defaults to 0 and `top` to 100.
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct ConfirmedActivationsQueryBuilder {
    carrier: CarrierPathBuilder,
    since: Option<Since>,
    skip: Option<u32>,
    top: Option<u32>,
}

impl ConfirmedActivationsQueryBuilder {
    /// Sets [`ConfirmedActivationsQuery::company_id`] (required).
    pub fn company_id(mut self, id: i64) -> Self {
        self.carrier = self.carrier.company_id(id);
        self
    }

    /// Sets [`ConfirmedActivationsQuery::carrier_id`] (required).
    pub fn carrier_id(mut self, id: i64) -> Self {
        self.carrier = self.carrier.carrier_id(id);
        self
    }

    /// Sets [`ConfirmedActivationsQuery::since`] (required, or [`Self::since_text`]).
    pub fn since(mut self, since: OffsetDateTime) -> Self {
        self.since = Some(Since::At(since));
        self
    }

    /// Sets [`ConfirmedActivationsQuery::since`] from text: an ISO 8601 date-time with or
    /// without an offset (none means UTC), 0 to 9 fractional digits. Read by `build()`.
    pub fn since_text(mut self, since: impl Into<String>) -> Self {
        self.since = Some(Since::Text(since.into()));
        self
    }

    /// Sets [`ConfirmedActivationsQuery::skip`] (`$skip`, default 0).
    pub fn skip(mut self, skip: u32) -> Self {
        self.skip = Some(skip);
        self
    }

    /// Sets [`ConfirmedActivationsQuery::top`] (`$top`, 0 to 200, default 100).
    pub fn top(mut self, top: u32) -> Self {
        self.top = Some(top);
        self
    }

    /// The query; fails when an id is missing or below 1, `since` is missing or not a
    /// date-time, or `top` is above 200.
    pub fn build(self) -> Result<ConfirmedActivationsQuery> {
        let carrier = self.carrier.build()?;
        let since = match self.since {
            Some(Since::At(at)) => at,
            Some(Since::Text(text)) => {
                let (local, offset) = telecom_core::dates::parse_datetime(&text)
                    .map_err(|e| Error::invalid("since", e.to_string()))?;
                local.assume_offset(offset.unwrap_or(time::UtcOffset::UTC))
            }
            None => return Err(Error::invalid("since", "is required")),
        };
        let query = ConfirmedActivationsQuery {
            company_id: carrier.company_id,
            carrier_id: carrier.carrier_id,
            since,
            skip: self.skip.unwrap_or(0),
            top: self.top.unwrap_or(DEFAULT_TOP),
        };
        query.check_top()?;
        Ok(query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query() -> ConfirmedActivationsQueryBuilder {
        ConfirmedActivationsQuery::builder()
            .company_id(123)
            .carrier_id(41)
            .since(time::macros::datetime!(2015-07-16 21:29:31 UTC))
    }

    #[test]
    fn the_query_builder_names_what_is_missing() {
        let field = |b: ConfirmedActivationsQueryBuilder| match b.build() {
            Err(Error::InvalidInput { field, .. }) => field,
            other => format!("{other:?}"),
        };
        assert_eq!(
            field(
                ConfirmedActivationsQuery::builder()
                    .company_id(123)
                    .carrier_id(41)
            ),
            "since"
        );
        assert_eq!(field(query().since_text("yesterday")), "since");
        assert_eq!(
            field(ConfirmedActivationsQuery::builder().carrier_id(41)),
            "CompanyId"
        );
        let q = query()
            .since_text("2015-07-16T16:29:31-05:00")
            .skip(3)
            .build()
            .unwrap();
        assert_eq!(
            q.filter(),
            "ConfirmationDateUTC ge DateTime'2015-07-16T21:29:31.000Z'"
        );
        assert_eq!((q.skip, q.top), (3, DEFAULT_TOP));
    }
}
