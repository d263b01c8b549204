//! Confirmed activations since a date: one page, or a stream that follows the `next` links.

use std::collections::HashSet;

use futures::stream::{self, Stream, StreamExt, TryStreamExt};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use reqwest::Method;
use telecom_core::text::strip_bom;
use telecom_core::{CallKind, Redacted, Redactor};

use crate::client::Client;
use crate::error::{Error, Result};
use crate::models::confirmed::{HalPage, Link};
use crate::models::{
    CarrierPath, ConfirmedActivation, ConfirmedActivationsPage, ConfirmedActivationsQuery,
};
use crate::ops::Call;
use crate::transport::Operation;
use crate::wire::{HAL_JSON, decode, excerpt};

/// Every page, the first or one a `next` link names.
const GET_CONFIRMED_ACTIVATIONS: Operation =
    Operation::new("get_confirmed_activations", CallKind::Read);

/// Query parts are encoded except for unreserved characters and `:` (dates stay readable);
/// `$` is kept in names (`$filter`).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b':');
const QUERY_NAME: &AsciiSet = &QUERY_VALUE.remove(b'$');
/// Characters a server-sent path may keep as they are.
const PATH: &AsciiSet = &QUERY_VALUE
    .remove(b'/')
    .remove(b'(')
    .remove(b')')
    .remove(b'=')
    .remove(b',')
    .remove(b'%');

impl ConfirmedActivationsQuery {
    fn collection_path(&self) -> Result<String> {
        let carrier = CarrierPath {
            company_id: self.company_id,
            carrier_id: self.carrier_id,
        };
        Ok(format!("{}/ConfirmedActivations", carrier.to_path()?))
    }

    fn first_page(&self) -> Result<String> {
        // The fields are public: checked again however the query was made.
        self.check_top()?;
        let query = encode_query(&[
            ("$filter".to_owned(), self.filter()),
            ("$skip".to_owned(), self.skip.to_string()),
            ("$top".to_owned(), self.top.to_string()),
        ]);
        Ok(format!("{}?{query}", self.collection_path()?))
    }
}

/// A page body read: the HAL envelope the API sends, or the bare array the swagger declares
/// (`type: array`). A bare array carries no links: when it is full (as many items as the
/// `$top` of `path`, the page it answers) it gets a `next` link to `path` at the following
/// `$skip`, so a walk goes on; a short or empty one is the last page.
pub(crate) fn read_page(
    redactor: &Redactor,
    body: &[u8],
    path: &str,
    skip: u64,
) -> Result<ConfirmedActivationsPage> {
    let operation = GET_CONFIRMED_ACTIVATIONS.name;
    if !strip_bom(body).trim_ascii_start().starts_with(b"[") {
        let page: HalPage = decode(redactor, operation, body)?;
        let mut page = ConfirmedActivationsPage::from(page);
        page.skip = skip;
        return Ok(page);
    }
    let items: Vec<ConfirmedActivation> = decode(redactor, operation, body)?;
    let mut page = ConfirmedActivationsPage {
        items,
        skip,
        ..ConfirmedActivationsPage::default()
    };
    let full = query_value(path, "$top")
        .and_then(|top| top.parse::<u64>().ok())
        .is_some_and(|top| top > 0 && page.items.len() as u64 == top);
    if full {
        page.next = Some(Link::to(with_skip(path, page.following_skip())));
    }
    Ok(page)
}

/// The raw value of the query parameter `name` in `path`.
fn query_value<'a>(path: &'a str, name: &str) -> Option<&'a str> {
    let (_, query) = path.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

/// `path` asking for `$skip = skip` instead, its other parameters as they are.
fn with_skip(path: &str, skip: u64) -> String {
    let (route, query) = path.split_once('?').unwrap_or((path, ""));
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("$skip="))
        .map(str::to_owned)
        .collect();
    // Where the first page has it: after the filter, before the page size.
    let at = pairs
        .iter()
        .position(|pair| pair.starts_with("$top="))
        .unwrap_or(pairs.len());
    pairs.insert(at, format!("$skip={skip}"));
    format!("{route}?{}", pairs.join("&"))
}

fn encode_query(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                utf8_percent_encode(k, QUERY_NAME),
                utf8_percent_encode(v, QUERY_VALUE)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Where a walk over the pages stands.
enum Walk {
    /// Fetch `path` (which asks for `$skip = skip`); `seen` holds every path fetched.
    Fetch {
        path: String,
        skip: u64,
        seen: HashSet<String>,
    },
    /// Yield this error, then end.
    Fail(Error),
    Done,
}

impl Client {
    /// One page of confirmed activations, with its `next` and `prev` links.
    pub async fn get_confirmed_activations(
        &self,
        query: &ConfirmedActivationsQuery,
    ) -> Result<ConfirmedActivationsPage> {
        self.fetch_page(&query.first_page()?, u64::from(query.skip))
            .await
    }

    /// The page after `page`, following its `next` link; `None` when there is none.
    pub async fn get_confirmed_activations_next(
        &self,
        query: &ConfirmedActivationsQuery,
        page: &ConfirmedActivationsPage,
    ) -> Result<Option<ConfirmedActivationsPage>> {
        match &page.next {
            Some(link) => {
                let (path, skip) = self.resolve_next(&link.href, query, page.following_skip())?;
                Ok(Some(self.fetch_page(&path, skip).await?))
            }
            None => Ok(None),
        }
    }

    /// Every confirmed activation since `query.since`, page after page, following the
    /// `next` links until a page has none (or has no items).
    ///
    /// The links are relative to the carrier-services base and sometimes start with `v2/`;
    /// a link without a `$filter` keeps the query's filter, one without a `$skip` continues
    /// after the items read, and a link to a page already fetched ends the stream with an
    /// error instead of looping.
    ///
    /// ```no_run
    /// # async fn demo(client: iqmetrix_carrier::Client) -> iqmetrix_carrier::Result<()> {
    /// use futures::TryStreamExt;
    /// use iqmetrix_carrier::ConfirmedActivationsQuery;
    /// let query = ConfirmedActivationsQuery::builder()
    ///     .company_id(123)
    ///     .carrier_id(41)
    ///     .since(time::macros::datetime!(2015-07-16 21:29:31 UTC))
    ///     .build()?;
    /// let all: Vec<_> = client.list_confirmed_activations(&query).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn list_confirmed_activations(
        &self,
        query: &ConfirmedActivationsQuery,
    ) -> impl Stream<Item = Result<ConfirmedActivation>> + Send + 'static {
        let client = self.clone();
        // The stream outlives the borrow: it walks with its own copy.
        let query = query.clone();
        let start = match query.first_page() {
            Ok(path) => Walk::Fetch {
                path,
                skip: u64::from(query.skip),
                seen: HashSet::new(),
            },
            Err(e) => Walk::Fail(e),
        };
        stream::try_unfold(start, move |state| {
            let client = client.clone();
            let query = query.clone();
            async move {
                let (path, skip, mut seen) = match state {
                    Walk::Fetch { path, skip, seen } => (path, skip, seen),
                    Walk::Fail(error) => return Err(error),
                    Walk::Done => return Ok(None),
                };
                let page = client.fetch_page(&path, skip).await?;
                seen.insert(path);
                let next = match (&page.next, page.items.is_empty()) {
                    (Some(link), false) => {
                        match client.resolve_next(&link.href, &query, page.following_skip()) {
                            Ok((next, _)) if seen.contains(&next) => Walk::Fail(Error::decode(
                                GET_CONFIRMED_ACTIVATIONS.name,
                                Redacted::fixed("the next link repeats a page already read"),
                                excerpt(&client.redactor(), link.href.as_bytes()),
                            )),
                            Ok((path, skip)) => Walk::Fetch { path, skip, seen },
                            // The items already read are still yielded; the error comes after.
                            Err(e) => Walk::Fail(e),
                        }
                    }
                    _ => Walk::Done,
                };
                Ok(Some((page.items, next)))
            }
        })
        .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
        .try_flatten()
        .boxed()
    }

    async fn fetch_page(&self, path: &str, skip: u64) -> Result<ConfirmedActivationsPage> {
        let call = Call::new(GET_CONFIRMED_ACTIVATIONS, Method::GET, path).with_accept(HAL_JSON);
        let answer = self.execute(call).await?;
        read_page(&answer.redactor, &answer.body, path, skip)
    }

    /// Turns a `next` href into a path relative to the base and the `$skip` it asks for;
    /// `following_skip` is used when the link gives none.
    pub(crate) fn resolve_next(
        &self,
        href: &str,
        query: &ConfirmedActivationsQuery,
        following_skip: u64,
    ) -> Result<(String, u64)> {
        let bad = |why: &'static str| {
            let redactor = self.redactor();
            Error::decode(
                GET_CONFIRMED_ACTIVATIONS.name,
                redactor.message(&format!("unusable next link: {why}")),
                excerpt(&redactor, href.as_bytes()),
            )
        };
        let base = self.api_base();
        let mut rest = href.trim();
        if rest.contains("://") {
            // Absolute links are followed only on our own base: the token must not travel.
            rest = rest
                .strip_prefix(base)
                .ok_or_else(|| bad("it points outside the API base"))?;
        }
        // A second URL inside the link (`{base}/junk/https://elsewhere/...`) is no page of
        // ours, whatever a URL joiner would make of it.
        if rest.contains("://") {
            return Err(bad("it holds another URL"));
        }
        rest = rest.trim_start_matches('/');
        if let Some(version) = base
            .rsplit('/')
            .next()
            .filter(|v| !v.is_empty() && !v.contains(':'))
            && let Some(stripped) = rest.strip_prefix(version).and_then(|r| r.strip_prefix('/'))
        {
            rest = stripped;
        }
        // Slashes after the version too (`//v2///Companies...`): one spelling of a path, so
        // a page already read is recognised however its link is written.
        rest = rest.trim_start_matches('/');
        let (path, raw_query) = rest.split_once('?').unwrap_or((rest, ""));
        // A dot segment climbs out of the base however it is spelled: URL parsers read
        // `%2e%2E` as `..` too.
        let dot_segment = |seg: &str| {
            matches!(
                percent_decode_str(seg).decode_utf8_lossy().as_ref(),
                "." | ".."
            )
        };
        if path.is_empty() || path.split('/').any(dot_segment) {
            return Err(bad("no usable path"));
        }
        let mut pairs: Vec<(String, String)> = raw_query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                let k = percent_decode_str(k).decode_utf8_lossy().into_owned();
                let v = percent_decode_str(v).decode_utf8_lossy().into_owned();
                (k, v)
            })
            .collect();
        // The spec's own self link spells `top` without its `$`.
        for (name, _) in pairs.iter_mut() {
            if matches!(name.as_str(), "top" | "skip" | "filter") {
                name.insert(0, '$');
            }
        }
        if !pairs.iter().any(|(k, _)| k == "$filter") {
            pairs.insert(0, ("$filter".to_owned(), query.filter()));
        }
        let skip = match pairs.iter().find(|(k, _)| k == "$skip") {
            Some((_, v)) => v.trim().parse().map_err(|_| bad("$skip is not a number"))?,
            None => {
                pairs.push(("$skip".to_owned(), following_skip.to_string()));
                following_skip
            }
        };
        if !pairs.iter().any(|(k, _)| k == "$top") {
            pairs.push(("$top".to_owned(), query.top.to_string()));
        }
        let path = utf8_percent_encode(path, PATH).to_string();
        Ok((format!("{path}?{}", encode_query(&pairs)), skip))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Credentials;
    use crate::models::ConfirmedActivationsQueryBuilder;

    fn client() -> Client {
        Client::builder(Credentials::bearer("t"))
            .base_url("http://127.0.0.1:9")
            .build()
            .unwrap()
    }

    fn query() -> ConfirmedActivationsQueryBuilder {
        ConfirmedActivationsQuery::builder()
            .company_id(123)
            .carrier_id(41)
            .since(time::macros::datetime!(2015-07-16 21:29:31 UTC))
    }

    #[test]
    fn the_first_page_is_the_spec_request() {
        let q = query().top(5).build().unwrap();
        assert_eq!(
            q.first_page().unwrap(),
            "Companies(123)/Carriers(41)/ConfirmedActivations?$filter=ConfirmationDateUTC%20ge%20DateTime%272015-07-16T21:29:31.000Z%27&$skip=0&$top=5"
        );
        assert!(query().top(201).build().is_err());
        let mut changed = q.clone();
        changed.top = 201;
        assert!(changed.first_page().is_err(), "checked again when sent");
        assert!(query().top(0).build().unwrap().first_page().is_ok());
    }

    #[test]
    fn a_full_bare_array_page_goes_on_and_a_short_one_ends() {
        let q = query().top(2).build().unwrap();
        let first = q.first_page().unwrap();
        let r = Redactor::new();
        let page = read_page(&r, b"\xEF\xBB\xBF [{\"Id\":1},{\"Id\":2}]", &first, 0).unwrap();
        let next = page.next.expect("a full page goes on");
        assert_eq!(
            next.href,
            "Companies(123)/Carriers(41)/ConfirmedActivations?$filter=ConfirmationDateUTC%20ge%20DateTime%272015-07-16T21:29:31.000Z%27&$skip=2&$top=2"
        );
        // The link resolves to itself, at the skip it names.
        assert_eq!(
            client().resolve_next(&next.href, &q, 0).unwrap(),
            (next.href.clone(), 2)
        );
        assert!(
            read_page(&r, br#"[{"Id":3}]"#, &next.href, 2)
                .unwrap()
                .next
                .is_none()
        );
        assert!(read_page(&r, b"[]", &next.href, 2).unwrap().next.is_none());
        let no_size = query().top(0).build().unwrap().first_page().unwrap();
        assert!(read_page(&r, b"[]", &no_size, 0).unwrap().next.is_none());
    }

    #[test]
    fn next_links_in_their_shapes() {
        let c = client();
        let q = query().build().unwrap();
        let filter = "$filter=ConfirmationDateUTC%20ge%20DateTime%272015-07-16T21:29:31.000Z%27";
        let base = "Companies(123)/Carriers(41)/ConfirmedActivations";
        let next = |href: &str| c.resolve_next(href, &q, 7);
        assert_eq!(
            next(&format!("{base}?$skip=20&$top=10")).unwrap(),
            (format!("{base}?{filter}&$skip=20&$top=10"), 20)
        );
        assert_eq!(
            next(&format!(
                "v2/{base}?$filter=ConfirmationDateUTC ge DateTime'2015-07-16T21:29:31.000Z'&$skip=5&top=5"
            ))
            .unwrap(),
            (format!("{base}?{filter}&$skip=5&$top=5"), 5)
        );
        // No $skip or $top: continue after the items read, at the query's page size.
        assert_eq!(
            next(&format!("/v2/{base}")).unwrap(),
            (format!("{base}?{filter}&$skip=7&$top=100"), 7)
        );
        assert!(next("https://evil.example/v2/Companies(1)").is_err());
        assert!(next("http://127.0.0.1:9/v2/Companies(1)/X?$skip=1").is_ok());
        assert!(next("../x").is_err());
        assert!(next("Companies(1)/%2e%2E/x?$skip=1").is_err());
        assert!(next("Companies(1)/./x").is_err());
        // Slashes around the version (a fuzz regression) do not make a second spelling.
        assert_eq!(
            next(&format!("//v2///{base}")).unwrap(),
            next(base).unwrap()
        );
        assert!(next(&format!("{base}?$skip=abc")).is_err());
    }
}
