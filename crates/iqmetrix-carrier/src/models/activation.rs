//! `Activation` and `CarrierActivationDetails`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_with::serde_as;
use telecom_core::Money;
use telecom_core::dates::Rfc3339Utc;
use time::OffsetDateTime;

use super::builder::model_builder;
use super::enums::{ActivationState, ActivationType, ContractTerm, contract_term_as_number};
use super::fees::{AdditionalFee, Deposit};
use super::path::ActivationPath;
use super::product::ActivatedProduct;
use super::rate_plan::RatePlan;
use super::subscriber::Subscriber;
use crate::error::{Error, Result};
use crate::validate::{at, each, max_len, required_id};

/// An activation: its ids and all its details (`Activation`).
///
/// The same type is sent (create) and received (create, get). Everything is optional so a
/// response missing a field still reads; [`Activation::builder`] and
/// [`Client::create_activation`](crate::Client::create_activation) check that the ids the
/// spec requires are there before sending.
///
/// The fields iQmetrix adds to its answers ("extra fields may appear in the response ...
/// for internal use only", such as a `CorrelationId` or `_links`) are kept in `extra`. An
/// activation read and sent back carries them back; clear `extra` to send only the typed
/// fields.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct Activation {
    /// The lookup key of the activation, `{fieldId}={value}[,...]` (see [`LookupKey`](crate::LookupKey)).
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub id: Option<String>,
    /// The details. Boxed: they are nearly all of an activation's size (1.6 KiB), which
    /// otherwise is copied at every step a decoded activation is returned through.
    pub carrier_activation_details: Option<Box<CarrierActivationDetails>>,
    /// The carrier, as carrier services numbers it; must equal the one in the path.
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub carrier_id: Option<i64>,
    /// The company making the request.
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub company_id: Option<i64>,
    /// The location making the request; must equal the one in the path.
    #[serde(alias = "LocationID")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub location_id: Option<i64>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Activation {
    /// An activation to send to `path`: its `Id`, `CarrierId`, `CompanyId` and `LocationId`
    /// taken from the path, with these details. Checked when it is sent.
    pub fn for_path(path: &ActivationPath, details: CarrierActivationDetails) -> Activation {
        Activation {
            id: Some(path.key.to_string()),
            carrier_activation_details: Some(Box::new(details)),
            carrier_id: Some(path.carrier_id),
            company_id: Some(path.company_id),
            location_id: Some(path.location_id),
            extra: BTreeMap::new(),
        }
    }
}

model_builder! {
    ActivationBuilder => Activation;
    opt id: String,
    opt carrier_activation_details: Box<CarrierActivationDetails>,
    opt carrier_id: i64,
    opt company_id: i64,
    opt location_id: i64,
}

impl ActivationBuilder {
    /// Sets `Id`, `CarrierId`, `CompanyId` and `LocationId` from the path the activation is
    /// sent to.
    pub fn path(self, path: &ActivationPath) -> Self {
        self.id(path.key.to_string())
            .carrier_id(path.carrier_id)
            .company_id(path.company_id)
            .location_id(path.location_id)
    }

    /// The activation, checked: `Id`, `CarrierId`, `CompanyId`, `LocationId` (at least 1) and
    /// `CarrierActivationDetails` are required, and the details are checked as
    /// [`CarrierActivationDetailsBuilder::build`] does.
    pub fn build(self) -> Result<Activation> {
        let activation = self.inner;
        if activation.id.as_deref().is_none_or(str::is_empty) {
            return Err(Error::invalid("Id", "is required"));
        }
        required_id("", "CarrierId", activation.carrier_id)?;
        required_id("", "CompanyId", activation.company_id)?;
        required_id("", "LocationId", activation.location_id)?;
        activation
            .carrier_activation_details
            .as_ref()
            .ok_or_else(|| Error::invalid("CarrierActivationDetails", "is required"))?
            .validate("CarrierActivationDetails")?;
        Ok(activation)
    }
}

/// The customer, product and rate-plan information of an activation
/// (`CarrierActivationDetails`).
#[serde_as]
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
#[non_exhaustive]
pub struct CarrierActivationDetails {
    /// System-generated id.
    #[serde(deserialize_with = "telecom_core::lenient::opt_i64")]
    pub activation_id: Option<i64>,
    /// When the activation occurred (UTC; system generated). Written with `Z` and the
    /// fractional digits it has (`2015-06-19T05:44:39.7163989Z`).
    #[serde_as(as = "Option<Rfc3339Utc>")]
    pub activation_date: Option<OffsetDateTime>,
    /// The product being activated.
    pub activated_product: Option<ActivatedProduct>,
    /// The state.
    pub activation_state: Option<ActivationState>,
    /// Type of term for the contract, `String(64)`; values vary by carrier.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub activation_term_code: Option<String>,
    /// New activation, upgrade, ...
    pub activation_type: Option<ActivationType>,
    /// Fees other than the deposit and the tab.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub additional_fees: Option<Vec<AdditionalFee>>,
    /// Contract length in months (RQ's `ContractTerm`), written as an integer.
    #[serde(serialize_with = "contract_term_as_number")]
    pub contract_length_in_months: Option<ContractTerm>,
    /// Whether the account number stands for the contract number.
    #[serde(deserialize_with = "telecom_core::lenient::opt_bool")]
    pub contract_number_is_account_number: Option<bool>,
    /// Carrier-specific dealer name.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub dealer_name: Option<String>,
    /// Carrier-specific dealer code, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub dealer_code: Option<String>,
    /// The security deposit: not given, waived (`null`) or a fee.
    #[serde(skip_serializing_if = "Deposit::is_not_given")]
    pub deposit: Deposit,
    /// Notes, `String(256)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub notes: Option<String>,
    /// Carrier-specific order id, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub order_number: Option<String>,
    /// Rate plans.
    #[serde(deserialize_with = "telecom_core::lists::opt_list")]
    pub rate_plans: Option<Vec<RatePlan>>,
    /// Carrier-specific id of the activation, `String(64)`.
    #[serde(rename = "RemoteActivationID", alias = "RemoteActivationId")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub remote_activation_id: Option<String>,
    /// The customer.
    pub subscriber: Option<Subscriber>,
    /// Carrier-specific tracking number, `String(64)`.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub tracking_number: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub billing_code: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub billing_cycle: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub billing_cycle_date: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_money")]
    pub commission: Option<Money>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub company_code: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_bool")]
    pub is_commissionable: Option<bool>,
    /// Reserved for future use.
    #[serde(rename = "OriginalIMEI")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub original_imei: Option<String>,
    /// Reserved for future use.
    #[serde(rename = "OriginalSIM")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub original_sim: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub original_rate_plan_code: Option<String>,
    /// Reserved for future use.
    #[serde(rename = "OriginalRatePlanMRC")]
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub original_rate_plan_mrc: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub sales_representative_name: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub upgrade_code: Option<String>,
    /// Reserved for future use.
    #[serde(deserialize_with = "telecom_core::lenient::opt_text")]
    pub upgrade_source_number: Option<String>,
    /// Fields this version does not type, as sent; written back as they are.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

model_builder! {
    CarrierActivationDetailsBuilder => CarrierActivationDetails;
    opt activation_id: i64,
    opt activation_date: OffsetDateTime,
    opt activated_product: ActivatedProduct,
    opt activation_state: ActivationState,
    opt activation_term_code: String,
    opt activation_type: ActivationType,
    list additional_fees: AdditionalFee,
    opt contract_length_in_months: ContractTerm,
    opt contract_number_is_account_number: bool,
    opt dealer_name: String,
    opt dealer_code: String,
    opt notes: String,
    opt order_number: String,
    list rate_plans: RatePlan,
    opt remote_activation_id: String,
    opt subscriber: Subscriber,
    opt tracking_number: String,
    opt billing_code: String,
    opt billing_cycle: String,
    opt billing_cycle_date: String,
    opt commission: Money,
    opt company_code: String,
    opt is_commissionable: bool,
    opt original_imei: String,
    opt original_sim: String,
    opt original_rate_plan_code: String,
    opt original_rate_plan_mrc: String,
    opt sales_representative_name: String,
    opt upgrade_code: String,
    opt upgrade_source_number: String,
}

impl CarrierActivationDetailsBuilder {
    /// Sets [`CarrierActivationDetails::deposit`]: [`Deposit::Waived`] for a $0 deposit, an
    /// [`AdditionalFee`] for one to pay (default [`Deposit::NotGiven`]).
    pub fn deposit(mut self, deposit: impl Into<Deposit>) -> Self {
        self.inner.deposit = deposit.into();
        self
    }

    /// The details, checked: every `String(n)` length, the SSN, the address types, down
    /// through the product, fees, deposit, rate plans and subscriber.
    pub fn build(self) -> Result<CarrierActivationDetails> {
        self.inner.validate("CarrierActivationDetails")?;
        Ok(self.inner)
    }
}

impl CarrierActivationDetails {
    pub(crate) fn validate(&self, path: &str) -> Result<()> {
        max_len(
            path,
            "ActivationTermCode",
            self.activation_term_code.as_deref(),
            64,
        )?;
        max_len(path, "DealerCode", self.dealer_code.as_deref(), 64)?;
        max_len(path, "Notes", self.notes.as_deref(), 256)?;
        max_len(path, "OrderNumber", self.order_number.as_deref(), 64)?;
        max_len(
            path,
            "RemoteActivationID",
            self.remote_activation_id.as_deref(),
            64,
        )?;
        max_len(path, "TrackingNumber", self.tracking_number.as_deref(), 64)?;
        if let Some(product) = &self.activated_product {
            product.validate(&at(path, "ActivatedProduct"))?;
        }
        each(
            path,
            "AdditionalFees",
            self.additional_fees.as_deref(),
            AdditionalFee::validate,
        )?;
        if let Deposit::Fee(fee) = &self.deposit {
            fee.validate(&at(path, "Deposit"))?;
        }
        each(
            path,
            "RatePlans",
            self.rate_plans.as_deref(),
            RatePlan::validate,
        )?;
        if let Some(subscriber) = &self.subscriber {
            subscriber.validate(&at(path, "Subscriber"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{
        ActivationLookupField, ConfigurationDetails, ConfirmedActivation, Subscriber,
    };

    /// A field this version does not type, in the activation and in each nested model.
    const WITH_NEW_FIELDS: &str = r#"{
        "Id": "6=1115550123", "CarrierId": 41, "CompanyId": 123, "LocationId": 5678,
        "CorrelationId": "c0ffee", "_links": {"self": {"href": "v2/x"}},
        "CarrierActivationDetails": {
            "ActivationState": "Pending", "FraudScore": 3,
            "ActivatedProduct": {"Make": "Samsung", "Color": "Black", "Tab": {"Amount": 50, "Kind": "Promo"}},
            "AdditionalFees": [{"Name": "Roaming", "Tax": 1.5, "Rebate": {"Name": "Promo", "Until": "2016"}}],
            "RatePlans": [{"Name": "Unlimited", "Region": "US", "IncludedRatePlanFeatures": [{"Name": "TEXT100", "Quota": 100}]}],
            "Subscriber": {
                "FirstName": "Joe", "Pronouns": "he",
                "Addresses": [{"City": "Dover", "Geo": {"Lat": 39.1}}],
                "AssociatedAccount": {"AccountId": "34", "Tier": "Gold"},
                "PhoneNumbers": [{"Type": "Home", "Value": "1234561234", "Verified": true}]
            }
        }
    }"#;

    #[test]
    fn a_new_field_survives_reading_and_writing_back() {
        let activation: Activation = serde_json::from_str(WITH_NEW_FIELDS).unwrap();
        assert_eq!(activation.extra["CorrelationId"], "c0ffee");
        assert_eq!(activation.extra["_links"]["self"]["href"], "v2/x");
        let details = activation.carrier_activation_details.as_ref().unwrap();
        assert_eq!(details.extra["FraudScore"], 3);
        let product = details.activated_product.as_ref().unwrap();
        assert_eq!(product.extra["Color"], "Black");
        assert_eq!(product.tab.as_ref().unwrap().extra["Kind"], "Promo");
        let fee = &details.additional_fees.as_ref().unwrap()[0];
        assert_eq!(fee.extra["Tax"], 1.5);
        assert_eq!(fee.rebate.as_ref().unwrap().extra["Until"], "2016");
        let plan = &details.rate_plans.as_ref().unwrap()[0];
        assert_eq!(plan.extra["Region"], "US");
        assert_eq!(
            plan.included_rate_plan_features.as_ref().unwrap()[0].extra["Quota"],
            100
        );
        let subscriber = details.subscriber.as_ref().unwrap();
        assert_eq!(subscriber.extra["Pronouns"], "he");
        assert_eq!(
            subscriber.addresses.as_ref().unwrap()[0].extra["Geo"]["Lat"],
            39.1
        );
        assert_eq!(
            subscriber.associated_account.as_ref().unwrap().extra["Tier"],
            "Gold"
        );
        assert_eq!(
            subscriber.phone_numbers.as_ref().unwrap()[0].extra["Verified"],
            true
        );

        // Written back as read: nothing lost, nothing renamed.
        let written = serde_json::to_value(&activation).unwrap();
        let sent: Value = serde_json::from_str(WITH_NEW_FIELDS).unwrap();
        assert_eq!(written, sent);

        // The other resources keep theirs too.
        let field: ActivationLookupField =
            serde_json::from_str(r#"{"Id":6,"Hint":"ten digits"}"#).unwrap();
        assert_eq!(field.extra["Hint"], "ten digits");
        let config: ConfigurationDetails = serde_json::from_str(
            r#"{"Id":1,"Version":7,"LocationSettingsResource":{"Locations":[{"LocationID":5,"Name":"Main","IntegrationSettings":[{"Id":1,"Value":"True","Scope":"L"}]}]}}"#,
        )
        .unwrap();
        assert_eq!(config.extra["Version"], 7);
        let location = &config
            .location_settings_resource
            .as_ref()
            .unwrap()
            .locations
            .as_ref()
            .unwrap()[0];
        assert_eq!(location.extra["Name"], "Main");
        assert_eq!(
            location.integration_settings.as_ref().unwrap()[0].extra["Scope"],
            "L"
        );
        let confirmed: ConfirmedActivation = serde_json::from_str(
            r#"{"Id":1,"_embedded":{},"Channel":"web","ActivationConfirmationDetails":[{"BAN":"9","Line":2}]}"#,
        )
        .unwrap();
        assert_eq!(confirmed.extra["Channel"], "web");
        assert_eq!(confirmed.extra["_embedded"], serde_json::json!({}));
        assert_eq!(
            confirmed.activation_confirmation_details.unwrap()[0].extra["Line"],
            2
        );
    }

    #[test]
    fn a_built_activation_sends_no_extra_and_names_what_is_wrong() {
        let path = ActivationPath::builder()
            .company_id(123)
            .location_id(5678)
            .carrier_id(41)
            .key("6=1115550123".parse().unwrap())
            .build()
            .unwrap();
        let details = CarrierActivationDetails::builder()
            .notes("n")
            .deposit(Deposit::Waived)
            .build()
            .unwrap();
        let activation = Activation::builder()
            .path(&path)
            .carrier_activation_details(details.clone())
            .build()
            .unwrap();
        assert_eq!(
            serde_json::to_value(&activation).unwrap(),
            serde_json::json!({
                "Id": "6=1115550123", "CarrierId": 41, "CompanyId": 123, "LocationId": 5678,
                "CarrierActivationDetails": {"Notes": "n", "Deposit": null}
            })
        );
        assert_eq!(activation, Activation::for_path(&path, details));

        let field = |result: Result<Activation>| match result {
            Err(Error::InvalidInput { field, .. }) => field,
            other => format!("{other:?}"),
        };
        assert_eq!(
            field(Activation::builder().path(&path).build()),
            "CarrierActivationDetails"
        );
        assert_eq!(
            field(
                Activation::builder()
                    .company_id(123)
                    .carrier_activation_details(CarrierActivationDetails::default())
                    .build()
            ),
            "Id"
        );
        let long = "x".repeat(257);
        assert!(matches!(
            CarrierActivationDetails::builder().notes(long).build(),
            Err(Error::InvalidInput { ref field, .. }) if field == "CarrierActivationDetails.Notes"
        ));
        let bad_ssn = CarrierActivationDetails::builder()
            .subscriber(Subscriber {
                ssn: Some("12345".into()),
                ..Subscriber::default()
            })
            .build();
        assert!(matches!(
            bad_ssn,
            Err(Error::InvalidInput { ref field, .. }) if field == "CarrierActivationDetails.Subscriber.SSN"
        ));
    }

    #[test]
    fn every_text_field_reads_a_number_as_its_digits() {
        // One numeric text field anywhere used to fail the whole activation.
        let activation: Activation = serde_json::from_str(
            r#"{"Id": 12345, "CarrierActivationDetails": {
                "OrderNumber": 12345, "ActivationTermCode": 24, "DealerName": true,
                "DealerCode": 7, "Notes": 1.5, "RemoteActivationID": 3023997373,
                "TrackingNumber": 1, "BillingCode": 2, "BillingCycle": 3,
                "BillingCycleDate": 20150619, "CompanyCode": 4, "OriginalIMEI": 5,
                "OriginalSIM": 6, "OriginalRatePlanCode": 7, "OriginalRatePlanMRC": 55,
                "SalesRepresentativeName": 8, "UpgradeCode": 9, "UpgradeSourceNumber": 10,
                "ActivatedProduct": {"IMEI": 351756051523999, "ProductId": 42, "ESN": 1,
                    "Description": 2, "Make": 3, "Model": 4, "SerialNumber": 5, "SIM": 6,
                    "SKU": 7, "SOCCode": 8, "Tab": {"ReferenceNumber": 9}},
                "AdditionalFees": [{"Name": 1, "Description": 2, "Notes": 3,
                    "ReferenceNumber": 4, "SOCCode": 5,
                    "Rebate": {"Name": 6, "Description": 7, "Notes": 8,
                        "ReferenceNumber": 9, "SOCCode": 10}}],
                "RatePlans": [{"RatePlanId": 1, "Name": 2, "ContractTerms": 3,
                    "Description": 4, "SOCCode": 5,
                    "IncludedRatePlanFeatures": [{"RatePlanAddonId": 6, "Name": 7,
                        "Description": 8, "SOCCode": 9}]}],
                "Subscriber": {"SubscriberId": 12121212121, "FirstName": 1, "LastName": 2,
                    "CompanyName": 3, "Email": 4, "Notes": 5, "TrackingNumber": 6,
                    "SecondName": 7, "PreferredLanguage": 8, "MemberNumber": 9,
                    "Addresses": [{"PostalCode": 19901, "AddressLine1": 1,
                        "AddressLine2": 2, "City": 3, "Country": 4, "County": 5,
                        "POBox": 6, "Province": 7, "SuiteNumber": 100}],
                    "AssociatedAccount": {"AccountId": 343434343, "Notes": 1,
                        "TrackingNumber": 2}}
            }}"#,
        )
        .unwrap();
        assert_eq!(activation.id.as_deref(), Some("12345"));
        let details = activation.carrier_activation_details.as_deref().unwrap();
        assert_eq!(details.order_number.as_deref(), Some("12345"));
        assert_eq!(details.dealer_name.as_deref(), Some("true"));
        assert_eq!(details.notes.as_deref(), Some("1.5"));
        assert_eq!(details.remote_activation_id.as_deref(), Some("3023997373"));
        let product = details.activated_product.as_ref().unwrap();
        assert_eq!(product.imei.as_deref(), Some("351756051523999"));
        assert_eq!(product.product_id.as_deref(), Some("42"));
        let subscriber = details.subscriber.as_ref().unwrap();
        assert_eq!(subscriber.subscriber_id.as_deref(), Some("12121212121"));
        let address = &subscriber.addresses.as_ref().unwrap()[0];
        assert_eq!(address.postal_code.as_deref(), Some("19901"));
        // Every field sent as a number above is a text field: none is left in `extra`, and
        // each is written back as text, as the spec has it.
        fn scalars_not_text(v: &Value) -> usize {
            match v {
                Value::Object(m) => m.values().map(scalars_not_text).sum(),
                Value::Array(a) => a.iter().map(scalars_not_text).sum(),
                Value::Number(_) | Value::Bool(_) => 1,
                _ => 0,
            }
        }
        let written = serde_json::to_value(&activation).unwrap();
        assert_eq!(scalars_not_text(&written), 0, "{written}");
        assert_eq!(written["Id"], "12345");
        assert_eq!(
            written["CarrierActivationDetails"]["Subscriber"]["Addresses"][0]["PostalCode"],
            "19901"
        );
        // A whole number too long to be exact is still refused, not rewritten.
        assert!(serde_json::from_str::<Activation>(r#"{"Id": 89012608620123456789}"#).is_err());
    }

    #[test]
    fn birth_dates_in_every_shape_are_written_as_the_spec_does() {
        for text in ["5/16/1980", "1980-05-16", "1980-05-16T00:00:00Z"] {
            let subscriber: Subscriber =
                serde_json::from_str(&format!(r#"{{"BirthDate":"{text}","IsIndividual":""}}"#))
                    .unwrap();
            assert_eq!(subscriber.is_individual, None);
            assert_eq!(
                serde_json::to_value(&subscriber).unwrap(),
                serde_json::json!({"BirthDate": "5/16/1980"}),
                "{text}"
            );
        }
        let none: Subscriber = serde_json::from_str(r#"{"BirthDate":""}"#).unwrap();
        assert_eq!(none.birth_date, None);
    }
}
