//! The resources of the Carrier Integration API, one file each.

pub mod activation;
pub mod configuration;
pub mod confirmed;
pub mod enums;
pub mod fees;
mod lenient;
pub mod lookup_field;
mod lookup_key;
pub mod product;
pub mod rate_plan;
pub mod subscriber;

pub use activation::{Activation, CarrierActivationDetails};
pub use configuration::{
    CompanyWideSettingsResource, ConfigurableSetting, ConfigurationDetails, ENABLED_SETTING_ID,
    IntegrationSetting, LocationSettings, LocationSettingsResource, SettingsMetaData,
};
pub use confirmed::{ActivationDetails, ConfirmedActivation, ConfirmedActivationsPage, Link};
pub use enums::{ActivationState, ActivationType, AddressType, ContractTerm, PhoneNumberType};
pub use fees::{AdditionalFee, Deposit, VendorRebate};
pub use lookup_field::ActivationLookupField;
pub use lookup_key::LookupKey;
pub use product::{ActivatedProduct, Tab};
pub use rate_plan::{RatePlan, RatePlanFeature};
pub use subscriber::{Account, Address, PhoneNumber, Subscriber};
