//! Async client for the [iQmetrix Carrier Integration API v2]: activations, activation
//! lookup fields, carrier configurations and confirmed activations, authenticated with
//! OAuth2 tokens from the iQmetrix accounts service.
//!
//! - Every operation of the spec is a typed method on [`Client`]; [`Client::call_raw`] is
//!   the way out for anything else, with the same auth, retries and errors.
//! - Tokens: the password grant, refresh-token grant, early refresh before expiry, one
//!   token request in flight however many tasks share the client, and one
//!   re-authentication after a 401 (then [`Error::Unauthorized`]). A static bearer token
//!   works too ([`Credentials::bearer`]).
//! - Retries follow the one resend rule of telecom-core ([`CallKind::may_resend`]): reads
//!   and idempotent writes go again after any transient failure, within the
//!   [`RetryPolicy`]; a write goes again only when no connection was made or the vendor
//!   answered 429 (refused before processing, honouring `Retry-After` or iQmetrix's
//!   `X-RateLimit-*` headers): a timeout, a reset after sending, a 5xx or a truncated answer
//!   may all hide a write the vendor did. GET is a [`CallKind::Read`], PUT (by key) a
//!   [`CallKind::IdempotentWrite`], POST (configuration changes, token requests) a
//!   [`CallKind::Write`]. A 401 (credentials refused before the vendor acted) is resent once,
//!   after re-authenticating, whatever the kind.
//! - Secrets: the client masks every secret it holds or sent (password, client secret or
//!   static bearer, the access and refresh tokens of each call, an SSN in a request body) by
//!   value, raw, percent-encoded, JSON-, XML/HTML-escaped and base64, and secret-named fields
//!   (`SSN`, `password`, `access_token`, ...), JWTs, bearer values and card numbers by shape,
//!   before any excerpt is cut. Every server text an [`Error`] keeps is a [`Redacted`].
//! - Requests are checked before sending ([`Error::InvalidInput`] names the field);
//!   responses are read leniently (open enums, optional fields, the quirks of iQmetrix's
//!   own examples).
//!
//! [iQmetrix Carrier Integration API v2]: https://developers.iqmetrix.com/api/carrier-integration/
//!
//! # Quick start
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use iqmetrix_carrier::{
//!     ActivationPath, CarrierPath, Client, Credentials, Environment, Error, ErrorCode,
//!     RetryPolicy, Timeouts,
//! };
//!
//! # async fn run() -> Result<(), iqmetrix_carrier::Error> {
//! let client = Client::builder(Credentials::Password {
//!     username: "user@example.com".into(),
//!     password: "password".into(),
//!     client_id: "client-id".into(),
//!     client_secret: "client-secret".into(),
//! })
//! .timeouts(Timeouts::new(Duration::from_secs(5), Duration::from_secs(30)))
//! .retry_policy(RetryPolicy::default().with_max_attempts(4))
//! .http_client(reqwest::Client::new())
//! .environment(Environment::Demo)
//! .build()?;
//!
//! // The carrier's lookup fields say how activations are keyed.
//! let carrier = CarrierPath::builder().company_id(123).carrier_id(41).build()?;
//! let fields = client.get_activation_lookup_fields(&carrier).await?;
//! println!("look up by {:?}", fields.first().and_then(|f| f.field_name.as_deref()));
//!
//! let path = ActivationPath::builder()
//!     .company_id(123)
//!     .location_id(5678)
//!     .carrier_id(41)
//!     .key("6=1115550123".parse()?)
//!     .build()?;
//! match client.get_activation(&path).await {
//!     Ok(activation) => println!("{:?}", activation.carrier_activation_details),
//!     Err(Error::NotFound { .. }) => println!("no such activation"),
//!     Err(e) if e.error_code() == Some(&ErrorCode::CarrierNotFound) => println!("{e}"),
//!     // What is left was retried as far as the policy allows; `is_retryable()` says
//!     // whether trying again later may help.
//!     Err(e) => println!("{e} (HTTP {:?}, retryable: {})", e.status(), e.is_retryable()),
//! }
//! # Ok(()) }
//! ```
//!
//! [`Client::new`] is the one-line form (production, every default). For tests,
//! `telecom_sandbox::iqmetrix` serves both iQmetrix hosts on one local port: give its URL to
//! [`ClientBuilder::base_url`], which points the token service (`{url}/v1`) and carrier
//! services (`{url}/v2`) at one host root; [`ClientBuilder::accounts_url`] moves the token
//! service alone. Each call logs under the span of `telecom_core::call`
//! (`RUST_LOG=telecom_core::call=debug`).
//!
//! # Building an activation
//!
//! Every request type is built with `Type::builder()`, one setter per field named as the
//! field, and `build()`, which checks what the spec limits (lengths, the SSN, the address
//! type, the ids a path or an activation needs) and names the field when it refuses:
//!
//! ```
//! use iqmetrix_carrier::{
//!     ActivatedProduct, Activation, ActivationPath, ActivationState, ActivationType,
//!     AdditionalFee, Address, AddressType, CarrierActivationDetails, ContractTerm, Deposit,
//!     Error, Money, PhoneNumber, PhoneNumberType, RatePlan, RatePlanFeature, Subscriber,
//!     SubscriberPhoneNumber,
//! };
//!
//! # fn main() -> Result<(), Error> {
//! let path = ActivationPath::builder()
//!     .company_id(123)
//!     .location_id(5678)
//!     .carrier_id(41)
//!     .key("6=1115550123".parse()?)
//!     .build()?;
//!
//! let subscriber = Subscriber::builder()
//!     .first_name("Joe")
//!     .last_name("Smith")
//!     .is_individual(true)
//!     .email("subscriber@example.com")
//!     .birth_date(time::macros::date!(1980 - 05 - 16))
//!     .ssn("6789")
//!     .addresses([Address::builder()
//!         .address_line1("123 Main Street")
//!         .city("Dover")
//!         .province("DE")
//!         .postal_code("19901")
//!         .country("USA")
//!         .kind(AddressType::Residential)
//!         .build()?])
//!     .phone_numbers([SubscriberPhoneNumber::builder()
//!         .kind(PhoneNumberType::Home)
//!         .value(PhoneNumber::from_vendor("1234561234"))
//!         .build()?])
//!     .build()?;
//!
//! let details = CarrierActivationDetails::builder()
//!     .activation_state(ActivationState::Pending)
//!     .activation_type(ActivationType::NewActivation)
//!     .contract_length_in_months(ContractTerm::TwoYears)
//!     .activated_product(
//!         ActivatedProduct::builder()
//!             .make("Samsung")
//!             .model("Galaxy S5")
//!             .imei("351756051523999")
//!             .mobile_device_number(PhoneNumber::from_vendor("1115550123"))
//!             .price(Money::from(499))
//!             .build()?,
//!     )
//!     .rate_plans([RatePlan::builder()
//!         .rate_plan_id("ABC1234")
//!         .name("Country-wide Unlimited")
//!         .monthly_recurring_charges(Money::from(55))
//!         .included_rate_plan_features([RatePlanFeature::builder()
//!             .name("TEXT100")
//!             .monthly_recurring_charges(Money::from(5))
//!             .build()?])
//!         .build()?])
//!     .additional_fees([AdditionalFee::builder()
//!         .name("Recycling")
//!         .amount("1.50".parse::<Money>().map_err(|e| Error::InvalidInput {
//!             field: "Amount".into(),
//!             reason: e.to_string(),
//!         })?)
//!         .build()?])
//!     // `"Deposit": null`, iQmetrix's $0 deposit; an `AdditionalFee` is one to pay.
//!     .deposit(Deposit::Waived)
//!     .subscriber(subscriber)
//!     .build()?;
//!
//! // `Id`, `CarrierId`, `CompanyId` and `LocationId` come from the path.
//! let activation = Activation::builder().path(&path).carrier_activation_details(details).build()?;
//! // Then: `client.create_activation(&path, &activation).await?`.
//!
//! let body = serde_json::to_value(&activation).map_err(|e| Error::InvalidInput {
//!     field: "body".into(),
//!     reason: e.to_string(),
//! })?;
//! assert_eq!(body["Id"], "6=1115550123");
//! assert_eq!(body["CarrierActivationDetails"]["Subscriber"]["BirthDate"], "5/16/1980");
//! assert_eq!(body["CarrierActivationDetails"]["Deposit"], serde_json::Value::Null);
//!
//! // A refusal names the field, before anything is sent.
//! let err = Subscriber::builder().ssn("123-45-6789").build().unwrap_err();
//! assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "Subscriber.SSN"));
//! # Ok(()) }
//! ```
//!
//! # Errors
//!
//! Every method returns [`Error`]: invalid input (nothing sent), transport, timeout, the
//! recognised 400 messages ([`ErrorCode`]), 401 after re-authentication, token-service
//! errors ([`TokenErrorCode`]), 429 with the rate-limit headers ([`RateLimit`]), 403, 404,
//! 409, 5xx and other HTTP statuses, and undecodable bodies, each with a masked body
//! excerpt ([`Redacted`]). The same helpers as in every crate of the family read them:
//! [`Error::is_retryable`], [`Error::vendor_code`], [`Error::error_code`] (and
//! [`Error::token_error_code`]), [`Error::status`], [`Error::excerpt`].
//!
//! # Unknown fields
//!
//! Every response model keeps the fields this version does not type in its `extra` map,
//! as sent; a model read and sent back carries them back.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod auth;
mod client;
mod error;
/// Entry points for the fuzz targets in `fuzz/` and their regression tests.
///
/// **Not part of the API**: hidden from the documentation, exempt from semver, and may
/// change or disappear in any release. Do not use it.
///
/// Compiled only with the `fuzzing` feature (the fuzz crate and the regression tests turn it
/// on), so no user builds it.
#[doc(hidden)]
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod models;
mod ops;
mod transport;
mod validate;
mod wire;

pub use auth::Credentials;
pub use client::{Client, ClientBuilder, Environment};
pub use error::{Error, ErrorCode, RateLimit, Result, TokenErrorCode};
pub use models::*;
/// The HTTP method of [`Client::call_raw`].
pub use reqwest::Method;
pub use telecom_core::{CallKind, Money, PhoneNumber, Redacted, RetryPolicy, Secret, Timeouts};
