//! The spec's enumerations. All are open: a value the server adds later is kept, not refused.

use serde::Serializer;

telecom_core::open_enum! {
    /// The state of an activation (`ActivationState`).
    pub enum ActivationState {
        /// An activation that has been paid for successfully.
        Completed => "Completed" : "An Activation that has been paid for successfully",
        /// An activation that has not yet had payment taken.
        Pending => "Pending" : "An Activation that has not yet had payment taken",
    }
}

telecom_core::open_enum! {
    /// The kind of activation (`ActivationType`).
    pub enum ActivationType {
        /// A new activation.
        NewActivation => "NewActivation",
        /// No contract.
        NoContract => "NoContract",
        /// Not set.
        NotSet => "NotSet",
        /// Other.
        Other => "Other",
        /// Prepaid.
        Prepaid => "Prepaid",
        /// An upgrade.
        Upgrade => "Upgrade",
    }
}

telecom_core::open_enum! {
    /// The kind of address (`AddressType`).
    pub enum AddressType {
        /// A business address.
        Business => "Business",
        /// A residential address.
        Residential => "Residential",
    }
}

telecom_core::open_enum! {
    /// The kind of phone number (`PhoneNumberType`); iQmetrix assumes `Home` when absent.
    pub enum PhoneNumberType {
        /// Fax.
        Fax => "Fax",
        /// Home (the default).
        Home => "Home",
        /// Mobile.
        Mobile => "Mobile",
        /// Other.
        Other => "Other",
        /// Pager.
        Pager => "Pager",
        /// Work.
        Work => "Work",
    }
}

telecom_core::open_enum! {
    /// A contract length in months (`ContractLengthInMonths`, RQ's `ContractTerm`).
    ///
    /// On the wire it is an integer; any other month count lands in `Unknown` with its digits
    /// and is written back as the same integer.
    pub enum ContractTerm {
        /// 0: no term.
        NoTerm => "0" : "No Term",
        /// 1: monthly.
        Monthly => "1" : "Monthly",
        /// 12: one year.
        OneYear => "12" : "One Year",
        /// 24: two years.
        TwoYears => "24" : "Two year",
        /// 36: three years.
        ThreeYears => "36" : "Three Year",
    }
}

impl ContractTerm {
    /// The number of months, when the value is a number.
    pub fn months(&self) -> Option<u32> {
        self.as_str().trim().parse().ok()
    }

    /// A term of `months` months.
    pub fn from_months(months: u32) -> ContractTerm {
        ContractTerm::from(months.to_string())
    }
}

/// Writes a contract term as the JSON integer iQmetrix sends (`24`, not `"24"`), keeping a
/// non-numeric value as a string.
pub(crate) fn contract_term_as_number<S: Serializer>(
    value: &Option<ContractTerm>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        None => serializer.serialize_none(),
        // Only the integer's own digits go out as a number: `"+24"`, `" 24"` or `"024"` would
        // come back as another value (`24`), so they stay strings.
        Some(term) => match term.as_str().parse::<i64>() {
            Ok(n) if n.to_string() == term.as_str() => serializer.serialize_i64(n),
            _ => serializer.serialize_str(term.as_str()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_terms_stay_numbers() {
        #[derive(serde::Serialize, serde::Deserialize)]
        struct T {
            #[serde(serialize_with = "contract_term_as_number")]
            t: Option<ContractTerm>,
        }
        let v: T = serde_json::from_str(r#"{"t":24}"#).unwrap();
        assert_eq!(v.t, Some(ContractTerm::TwoYears));
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"t":24}"#);
        let v: T = serde_json::from_str(r#"{"t":18}"#).unwrap();
        assert_eq!(v.t.as_ref().and_then(ContractTerm::months), Some(18));
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"t":18}"#);
        let v: T = serde_json::from_str(r#"{"t":"Other"}"#).unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"t":"Other"}"#);
        // Text that is not an integer's own digits stays text, so it reads back the same.
        for text in ["+24", "024", "-0"] {
            let v: T = serde_json::from_str(&format!(r#"{{"t":"{text}"}}"#)).unwrap();
            assert_eq!(
                serde_json::to_string(&v).unwrap(),
                format!(r#"{{"t":"{text}"}}"#)
            );
        }
        // Padding is not another value (open enums read trimmed): `" 24"` is two years.
        let v: T = serde_json::from_str(r#"{"t":" 24"}"#).unwrap();
        assert_eq!(v.t, Some(ContractTerm::TwoYears));
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"t":24}"#);
    }
}
