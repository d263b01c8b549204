//! Activations: create (PUT), get by lookup key, and the lookup fields.

use reqwest::Method;
use telecom_core::CallKind;

use crate::client::Client;
use crate::error::{Error, Result};
use crate::models::{Activation, ActivationLookupField, ActivationPath, CarrierPath, LookupKey};
use crate::ops::Call;
use crate::transport::Operation;
use crate::validate::required_id;
use crate::wire;

/// A PUT by key: sending it twice stores the same activation.
const CREATE_ACTIVATION: Operation = Operation::new("create_activation", CallKind::IdempotentWrite);
const GET_ACTIVATION: Operation = Operation::new("get_activation", CallKind::Read);
const GET_ACTIVATION_LOOKUP_FIELDS: Operation =
    Operation::new("get_activation_lookup_fields", CallKind::Read);

/// Checks an activation against the path it is sent to.
fn validate_for(path: &ActivationPath, activation: &Activation) -> Result<()> {
    let id = activation
        .id
        .as_deref()
        .ok_or_else(|| Error::invalid("Id", "is required"))?;
    let body_key: LookupKey = id.parse()?;
    if body_key != path.key {
        return Err(Error::invalid(
            "Id",
            format!(
                "must equal the ActivationId of the path ({}), got {id:?}",
                path.key
            ),
        ));
    }
    let carrier = required_id("", "CarrierId", activation.carrier_id)?;
    if carrier != path.carrier_id {
        return Err(Error::invalid(
            "CarrierId",
            format!(
                "must equal the CarrierId of the path ({}), got {carrier}",
                path.carrier_id
            ),
        ));
    }
    // The spec's own example sends CompanyId 1234 to Companies(123), so only presence is
    // checked for the company.
    required_id("", "CompanyId", activation.company_id)?;
    let location = required_id("", "LocationId", activation.location_id)?;
    if location != path.location_id {
        return Err(Error::invalid(
            "LocationId",
            format!(
                "must equal the LocationId of the path ({}), got {location}",
                path.location_id
            ),
        ));
    }
    activation
        .carrier_activation_details
        .as_ref()
        .ok_or_else(|| Error::invalid("CarrierActivationDetails", "is required"))?
        .validate("CarrierActivationDetails")
}

impl Client {
    /// Creates (or replaces) an activation: `PUT .../Activations({key})`, answered `201`
    /// (a `200` is accepted too) with the activation as stored.
    ///
    /// A success answered without a body (`204`, or a `200`/`201`/`202` with none) means the
    /// activation was stored all the same: the activation sent is returned, as the service
    /// gave nothing to read its ids from.
    ///
    /// Checked before sending: `Id` present and equal to the path's key, `CarrierId` and
    /// `LocationId` equal to the path's, `CompanyId` present, ids at least 1, and every
    /// `String(n)` length. The PUT is idempotent by key, so transient failures are retried.
    pub async fn create_activation(
        &self,
        path: &ActivationPath,
        activation: &Activation,
    ) -> Result<Activation> {
        validate_for(path, activation)?;
        let ssn = activation
            .carrier_activation_details
            .as_ref()
            .and_then(|d| d.subscriber.as_ref())
            .and_then(|s| s.ssn.as_ref());
        let call = Call::new(CREATE_ACTIVATION, Method::PUT, path.to_path()?)
            .with_json(activation)?
            .with_secret(ssn);
        let answer = self.execute(call).await?;
        // The PUT was stored: failing it for want of an echo would have the caller send it
        // again, or give up on an activation that exists.
        if answer.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(activation.clone());
        }
        wire::decode(&answer.redactor, CREATE_ACTIVATION.name, &answer.body)
    }

    /// Gets an activation by its lookup key: `GET .../Activations({key})`.
    pub async fn get_activation(&self, path: &ActivationPath) -> Result<Activation> {
        self.execute_json(Call::new(GET_ACTIVATION, Method::GET, path.to_path()?))
            .await
    }

    /// The carrier's fields for building a [`LookupKey`]:
    /// `GET Companies({CompanyId})/Carriers({CarrierId})/ActivationImportFields`.
    pub async fn get_activation_lookup_fields(
        &self,
        carrier: &CarrierPath,
    ) -> Result<Vec<ActivationLookupField>> {
        let path = format!("{}/ActivationImportFields", carrier.to_path()?);
        self.execute_json(Call::new(GET_ACTIVATION_LOOKUP_FIELDS, Method::GET, path))
            .await
    }
}
