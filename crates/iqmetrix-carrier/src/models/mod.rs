//! The resources of the Carrier Integration API, one file each.
//!
//! Every model keeps the fields this version does not type in its `extra` map, so a field
//! iQmetrix adds is neither refused nor lost. The request models are built with
//! `Model::builder()` (see [`builder`](crate#building-an-activation) in the crate docs).

pub mod activation;
pub(crate) mod builder;
pub mod configuration;
pub mod confirmed;
pub mod enums;
pub mod fees;
pub mod lookup_field;
mod lookup_key;
pub mod path;
pub mod product;
pub mod query;
pub mod rate_plan;
pub mod subscriber;

pub use activation::{
    Activation, ActivationBuilder, CarrierActivationDetails, CarrierActivationDetailsBuilder,
};
pub use configuration::{
    CompanyWideSettingsResource, CompanyWideSettingsResourceBuilder, ConfigurableSetting,
    ConfigurationDetails, ConfigurationDetailsBuilder, ENABLED_SETTING_ID, IntegrationSetting,
    IntegrationSettingBuilder, LocationSettings, LocationSettingsBuilder, LocationSettingsResource,
    LocationSettingsResourceBuilder, SettingsMetaData,
};
pub use confirmed::{ActivationDetails, ConfirmedActivation, ConfirmedActivationsPage, Link};
pub use enums::{ActivationState, ActivationType, AddressType, ContractTerm, PhoneNumberType};
pub use fees::{AdditionalFee, AdditionalFeeBuilder, Deposit, VendorRebate, VendorRebateBuilder};
pub use lookup_field::ActivationLookupField;
pub use lookup_key::LookupKey;
pub use path::{
    ActivationPath, ActivationPathBuilder, CarrierPath, CarrierPathBuilder, LocationPath,
    LocationPathBuilder,
};
pub use product::{ActivatedProduct, ActivatedProductBuilder, Tab, TabBuilder};
pub use query::{
    ConfirmedActivationsQuery, ConfirmedActivationsQueryBuilder, DEFAULT_TOP, MAX_TOP,
};
pub use rate_plan::{RatePlan, RatePlanBuilder, RatePlanFeature, RatePlanFeatureBuilder};
pub use subscriber::{
    Account, AccountBuilder, Address, AddressBuilder, Subscriber, SubscriberBuilder,
    SubscriberPhoneNumber, SubscriberPhoneNumberBuilder,
};
