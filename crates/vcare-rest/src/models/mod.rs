//! Every request and response type, in one module (each is also re-exported from the crate
//! root). One source file per resource behind it.
//!
//! Requests are built with `X::builder()`, a setter per field named as the field, and
//! `build()`, which names a missing required field by its wire name; the call checks the
//! request again before sending. Responses are lenient (a number or a string, `""` for none)
//! and keep every field this version does not type in their `extra` map.

mod builder;
mod common;
mod customer;
mod enrollment;
mod inventory;
mod payment;
mod plan;
mod port;
mod topup;
mod usage;

pub use common::{CustomerId, MsgCode, OrderId, PendingId, Source, YesNo};
pub(crate) use customer::says_already_created;
pub use customer::{
    CreateCustomerV2, CreateCustomerV2Builder, CreateHomephoneCustomer,
    CreateHomephoneCustomerBuilder, CreatedCustomer, CreatedLine, CreatedLineData,
    CustomerInfoRequest, CustomerInfoRequestBuilder, CustomerRecord, CustomerStatus,
    HomephoneCustomer, LineEnrollmentType, NewLine, NewLineBuilder, OrderType, PortIn,
    PortInBuilder,
};
pub use enrollment::{
    CheckServiceAvailability, CheckServiceAvailabilityBuilder, EnrollmentType, ServiceAvailability,
};
pub use inventory::{
    ChangeReason, ChangeType, CheckDeviceCompatibility, CheckDeviceCompatibilityBuilder,
    DeviceCompatibility, EsimProfile, SimSwap, SimSwapBuilder, SimSwapResult,
};
pub use payment::{
    BillingAddress, BillingAddressBuilder, Card, CardBuilder, CardType, ChargeType, MakePayment,
    MakePaymentBuilder, Payment, PaymentMethod, PaymentStatus, PaymentType,
};
pub use plan::{Plan, PlanList, PlanListBuilder};
pub use port::{PortinStatus, QueryPortin, QueryPortinBuilder};
pub use topup::{
    AddTopup, AddTopupBuilder, TopupCatalog, TopupList, TopupListBuilder, TopupPayment, TopupPlan,
    TopupReceipt, TopupRef, TopupType,
};
pub use usage::{
    GetUsage, GetUsageBuilder, TotalUsage, Usage, UsageDetail, UsageQuery, UsageRecord,
    UsageSummary, UsageType,
};

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::de::DeserializeOwned;
    use serde_json::{Value, json};

    use super::*;

    /// Reads `object` plus a field no version of the vendor's docs has, and gives back where
    /// the model kept it.
    fn kept<T: DeserializeOwned>(
        mut object: Value,
        extra: impl Fn(&T) -> &BTreeMap<String, Value>,
    ) {
        let name = std::any::type_name::<T>();
        if let Some(map) = object.as_object_mut() {
            map.insert("brand_new_field".into(), json!({"nested": [1, "two"]}));
        }
        let model: T = serde_json::from_value(object).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            extra(&model).get("brand_new_field"),
            Some(&json!({"nested": [1, "two"]})),
            "{name} dropped a new field"
        );
    }

    #[test]
    fn every_response_model_keeps_new_fields() {
        kept::<HomephoneCustomer>(json!({"pending_id": 439}), |m| &m.extra);
        kept::<CustomerRecord>(json!({"enrollment_id": "WN1"}), |m| &m.extra);
        kept::<CreatedLine>(json!({"msg": "Success"}), |m| &m.extra);
        kept::<CreatedLineData>(json!({"cust_id": 1}), |m| &m.extra);
        kept::<ServiceAvailability>(json!({"city": "X"}), |m| &m.extra);
        kept::<EsimProfile>(json!({"NEW_ESIM": "8901"}), |m| &m.extra);
        kept::<DeviceCompatibility>(json!({"imei": "358823054577013"}), |m| &m.extra);
        kept::<Payment>(json!({"order_id": 5512}), |m| &m.extra);
        kept::<Plan>(json!({"plan_id": "231"}), |m| &m.extra);
        kept::<PortinStatus>(json!({"status": "completed"}), |m| &m.extra);
        kept::<TopupCatalog>(json!({"data_plans": []}), |m| &m.extra);
        kept::<TopupPlan>(json!({"plan_id": 301}), |m| &m.extra);
        kept::<TopupReceipt>(json!({"order_id": 7}), |m| &m.extra);
        kept::<UsageSummary>(json!({"OCSDATA": "1.5"}), |m| &m.extra);
        kept::<UsageDetail>(json!({"data_usage_unit_type": "KB"}), |m| &m.extra);
        kept::<TotalUsage>(json!({"data": 1}), |m| &m.extra);
        kept::<UsageRecord>(json!({"unit": 3}), |m| &m.extra);
    }

    #[test]
    fn flags_and_ids_sent_as_json_bools_read() {
        let answer: DeviceCompatibility = serde_json::from_value(json!({
            "is_compatible": true, "is_esim_compatible": false, "is_volte_compatible": "Y"
        }))
        .expect("a bool flag reads");
        assert_eq!(answer.compatible(), Some(true));
        assert_eq!(answer.esim_compatible(), Some(false));
        let plan: Plan = serde_json::from_value(json!({"plan_id": "231", "is_familyplan": false}))
            .expect("a bool flag reads");
        assert_eq!(plan.is_familyplan, Some(YesNo::No));
        let line: CreatedLineData =
            serde_json::from_value(json!({"cust_id": true})).expect("an odd id still reads");
        assert_eq!(line.cust_id.as_ref().map(CustomerId::as_str), Some("true"));
    }

    #[test]
    fn a_missing_required_field_is_named_by_its_wire_name() {
        let missing = |result: crate::Result<CreateHomephoneCustomer>| match result {
            Err(crate::Error::InvalidInput { field, reason }) => (field, reason),
            other => panic!("expected invalid input, got {other:?}"),
        };
        let (field, reason) = missing(
            CreateHomephoneCustomer::builder()
                .zip_code("30901")
                .plan_id("262")
                .build(),
        );
        assert_eq!(
            (field.as_str(), reason.as_str()),
            ("enroll_id", "is required")
        );
        let (field, _) = missing(
            CreateHomephoneCustomer::builder()
                .enrollment_id("WN1597")
                .zip_code("30901")
                .plan_id("262")
                .ssnum("3437")
                .f_name("RAKESH")
                .carrier("ATTH")
                .phone_number("4567890765")
                .build(),
        );
        assert_eq!(field, "features");
        let built = CreateHomephoneCustomer::builder()
            .enrollment_id("WN1597")
            .zip_code("30901")
            .features(["1577", "1680"])
            .plan_id("262")
            .ssnum("3437")
            .f_name("RAKESH")
            .carrier("ATTH")
            .phone_number("4567890765")
            .state("GA")
            .build()
            .expect("builds");
        assert_eq!(built.order_type, OrderType::NewOrder);
        assert_eq!(built.features, ["1577", "1680"]);
        assert!(
            !format!("{built:?}").contains("3437"),
            "the SSN digits leak"
        );
    }

    #[test]
    fn builders_check_what_the_call_checks() {
        let bad_zip = PlanList::builder().zip_code("3090").build();
        assert!(matches!(
            bad_zip,
            Err(crate::Error::InvalidInput { field, .. }) if field == "zip_code"
        ));
        let no_key = CustomerInfoRequest::builder().build();
        assert!(matches!(
            no_key,
            Err(crate::Error::InvalidInput { field, .. }) if field == "enrollment_id"
        ));
        let swap = SimSwap::builder()
            .enrollment_id("WN1")
            .model_id("7")
            .store_id("S1")
            .change_type(ChangeType::Electronic)
            .change_reason_process(ChangeReason::Lost)
            .build();
        assert!(matches!(
            swap,
            Err(crate::Error::InvalidInput { field, .. }) if field == "new_esn"
        ));
        let card = Card::builder()
            .card_type(CardType::Visa)
            .card_number("4111111111111111")
            .cvv("123")
            .expiration_month(13)
            .expiration_year(2030)
            .name_on_card("R K")
            .build();
        assert!(matches!(
            card,
            Err(crate::Error::InvalidInput { field, .. }) if field == "expiration_month"
        ));
        let imei = CheckDeviceCompatibility::builder()
            .imei("35882305457701")
            .build();
        assert!(matches!(
            imei,
            Err(crate::Error::InvalidInput { field, .. }) if field == "imei"
        ));
    }
}
