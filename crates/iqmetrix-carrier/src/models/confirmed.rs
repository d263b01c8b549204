//! `ConfirmedActivation`, `ActivationDetails`, and the HAL page that carries them.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use serde_with::serde_as;
use telecom_core::dates::NaiveUtc;
use telecom_core::{Money, PhoneNumber};
use time::OffsetDateTime;

/// One line (device) confirmed by a transaction (`ActivationDetails`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct ActivationDetails {
    /// The activation confirmed (see `CarrierActivationDetails.ActivationId`).
    #[serde(rename = "ActivationID", alias = "ActivationId")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub activation_id: Option<i64>,
    /// Billing account number of the line's account.
    #[serde(rename = "BAN")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub ban: Option<String>,
    /// IMEI of the device.
    #[serde(rename = "IMEI")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub imei: Option<String>,
    /// Order number of the activation.
    #[serde(rename = "OrderNumber")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub order_number: Option<String>,
    /// Phone number of the device.
    #[serde(rename = "PhoneNumber")]
    pub phone_number: Option<PhoneNumber>,
    /// Carrier-specific id of the activation.
    #[serde(rename = "RemoteActivationID", alias = "RemoteActivationId")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub remote_activation_id: Option<String>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A payment transaction that completed the activation of one or more phones
/// (`ConfirmedActivation`).
#[serde_as]
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ConfirmedActivation {
    /// Service-generated id of the confirmation.
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub id: Option<i64>,
    /// Each line confirmed.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub activation_confirmation_details: Option<Vec<ActivationDetails>>,
    /// When the confirmation happened. iQmetrix sends it without an offset
    /// (`2015-07-21T15:25:45.323`); it is UTC and is written back the same way.
    #[serde(rename = "ConfirmationDateUTC", alias = "ConfirmationDateUtc")]
    #[serde_as(as = "Option<NaiveUtc>")]
    pub confirmation_date_utc: Option<OffsetDateTime>,
    /// Invoice that confirmed the activations.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub invoice_id: Option<String>,
    /// Invoice subtotal.
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub invoice_subtotal: Option<Money>,
    /// Invoice total.
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub invoice_total: Option<Money>,
    /// Location of the transaction.
    #[serde(alias = "LocationID")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub location_id: Option<i64>,
    /// Location name.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub location_name: Option<String>,
    /// Employee name.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub employee_name: Option<String>,
    /// Invoice taxes.
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub taxes: Option<Money>,
    /// The item's own HAL link (`_links.self`).
    #[serde(rename = "_links", deserialize_with = "self_link_of", skip_serializing)]
    pub self_link: Option<Link>,
    /// Fields this version does not type, as sent (the item's empty `_embedded`, say);
    /// written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A HAL link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Link {
    /// The target, relative to the API base (sometimes starting with `v2/`).
    pub href: String,
    /// Whether `href` is a URI template.
    #[serde(default)]
    pub templated: bool,
    /// The link's other members (a HAL `title`, `name`, ...), as sent.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Link {
    pub(crate) fn to(href: String) -> Link {
        Link {
            href,
            templated: false,
            extra: BTreeMap::new(),
        }
    }
}

/// A link that may be an object, `null`, the string `"null"` (as in the spec's example), a
/// bare href string, a list of links (HAL allows an array under one relation; the first
/// usable one is taken), or absent.
pub(crate) fn lenient_link<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Link>, D::Error> {
    Ok(Option::<Value>::deserialize(deserializer)?.and_then(link_of))
}

fn link_of(value: Value) -> Option<Link> {
    match value {
        Value::Array(links) => links.into_iter().find_map(link_of),
        Value::Object(mut map) => match map.remove("href") {
            Some(Value::String(href)) if !href.trim().is_empty() => {
                // A `templated` that is not a bool reads as not templated (kept in `extra`
                // it would be written twice).
                let templated = map
                    .remove("templated")
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false);
                Some(Link {
                    href,
                    templated,
                    extra: map.into_iter().collect(),
                })
            }
            _ => None,
        },
        Value::String(s) if !s.trim().is_empty() && !s.trim().eq_ignore_ascii_case("null") => {
            Some(Link::to(s))
        }
        _ => None,
    }
}

fn self_link_of<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Link>, D::Error> {
    let links = Option::<PageLinks>::deserialize(deserializer)?;
    Ok(links.and_then(|l| l.self_link))
}

/// The `_links` of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub(crate) struct PageLinks {
    #[serde(rename = "self", deserialize_with = "lenient_link")]
    pub(crate) self_link: Option<Link>,
    #[serde(deserialize_with = "lenient_link")]
    pub(crate) next: Option<Link>,
    #[serde(deserialize_with = "lenient_link")]
    pub(crate) prev: Option<Link>,
}

/// `_embedded`: its `self` is a list of items, one item on its own (HAL allows a single
/// resource under a relation), or `null`/`""` for none.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Embedded {
    #[serde(
        rename = "self",
        deserialize_with = "telecom_core::lenient::one_or_many"
    )]
    pub(crate) items: Vec<ConfirmedActivation>,
}

/// The HAL envelope `{"_links": {...}, "_embedded": {"self": [...]}}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct HalPage {
    #[serde(rename = "_links")]
    pub(crate) links: Option<PageLinks>,
    #[serde(rename = "_embedded")]
    pub(crate) embedded: Option<Embedded>,
    #[serde(flatten)]
    pub(crate) extra: BTreeMap<String, Value>,
}

/// One page of confirmed activations.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ConfirmedActivationsPage {
    /// The confirmed activations of this page.
    pub items: Vec<ConfirmedActivation>,
    /// The link to this page, as the server wrote it.
    pub self_link: Option<Link>,
    /// The next page, when there is one.
    pub next: Option<Link>,
    /// The previous page, when there is one.
    pub prev: Option<Link>,
    /// The page's fields other than `_links` and `_embedded`, as sent.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
    /// The `$skip` this page was asked with.
    #[serde(skip)]
    pub(crate) skip: u64,
}

impl ConfirmedActivationsPage {
    /// The `$skip` of the page after this one, when its link does not say.
    pub(crate) fn following_skip(&self) -> u64 {
        self.skip.saturating_add(self.items.len() as u64)
    }
}

impl From<HalPage> for ConfirmedActivationsPage {
    fn from(page: HalPage) -> Self {
        let links = page.links.unwrap_or_default();
        ConfirmedActivationsPage {
            items: page.embedded.map(|e| e.items).unwrap_or_default(),
            self_link: links.self_link,
            next: links.next,
            prev: links.prev,
            extra: page.extra,
            skip: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_every_shape() {
        let page: HalPage = serde_json::from_str(
            r#"{"_links":{"prev":"null","next":null,"self":{"href":"v2/x","templated":false}},"_embedded":{"self":[]}}"#,
        )
        .unwrap();
        let page = ConfirmedActivationsPage::from(page);
        assert_eq!(page.prev, None);
        assert_eq!(page.next, None);
        assert_eq!(page.self_link.map(|l| l.href).as_deref(), Some("v2/x"));
        let page: HalPage = serde_json::from_str(r#"{"_links":{"next":{"href":"Companies(1)/Carriers(2)/ConfirmedActivations?$skip=2"}}}"#).unwrap();
        assert!(ConfirmedActivationsPage::from(page).next.is_some());
        let page: HalPage = serde_json::from_str(r#"{}"#).unwrap();
        assert!(ConfirmedActivationsPage::from(page).items.is_empty());
    }

    #[test]
    fn a_list_of_links_gives_its_first_and_one_item_is_a_list() {
        let page: HalPage = serde_json::from_str(
            r#"{"_links":{"next":[{"title":"no href"},{"href":"v2/a?$skip=5"},{"href":"v2/b"}]},
                "_embedded":{"self":{"Id":58,"InvoiceId":"INV1"}}}"#,
        )
        .unwrap();
        let page = ConfirmedActivationsPage::from(page);
        assert_eq!(page.next.map(|l| l.href).as_deref(), Some("v2/a?$skip=5"));
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.items[0].id, Some(58));
        for empty in ["null", r#""""#, "[]"] {
            let body = format!(r#"{{"_links":{{"next":[]}},"_embedded":{{"self":{empty}}}}}"#);
            let page =
                ConfirmedActivationsPage::from(serde_json::from_str::<HalPage>(&body).unwrap());
            assert!(page.items.is_empty() && page.next.is_none(), "{empty}");
        }
    }

    #[test]
    fn new_page_and_link_members_are_kept() {
        let page: HalPage = serde_json::from_str(
            r#"{"_links":{"next":{"href":"v2/n","title":"Next","templated":"no"}},"Total":9}"#,
        )
        .unwrap();
        let page = ConfirmedActivationsPage::from(page);
        assert_eq!(page.extra["Total"], 9);
        let next = page.next.unwrap();
        assert_eq!(next.extra["title"], "Next");
        assert!(!next.templated);
        assert_eq!(
            serde_json::to_value(&next).unwrap(),
            serde_json::json!({"href": "v2/n", "templated": false, "title": "Next"})
        );
    }
}
