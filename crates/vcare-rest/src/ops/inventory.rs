//! Inventory actions: SIM swaps and the device compatibility inquiry.

use serde::Serialize;
use telecom_core::CallKind;

use crate::Client;
use crate::error::Error;
use crate::models::{
    ChangeReason, ChangeType, CheckDeviceCompatibility, DeviceCompatibility, EsimProfile, SimSwap,
    SimSwapResult,
};
use crate::ops::{Action, FromData};
use crate::transport::Operation;
use crate::wire::{Body, Envelope, Object, ObjectOr};

impl Client {
    /// `sim_swap` (`POST /inventory`): move a line to a new SIM or eSIM. Never resent once it
    /// may have reached the vendor.
    pub async fn sim_swap(&self, request: &SimSwap) -> Result<SimSwapResult, Error> {
        self.send_action(request).await
    }

    /// `check_device_compatibility` (`POST /inventory`): whether a device (by IMEI) works on
    /// the network and can take an eSIM. A read: transient failures are retried.
    pub async fn check_device_compatibility(
        &self,
        request: &CheckDeviceCompatibility,
    ) -> Result<DeviceCompatibility, Error> {
        self.send_action(request).await
    }
}

/// The `sim_swap` body; `is_esim_swap` goes only as `Y`.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct SimSwapBody<'a> {
    enrollment_id: &'a str,
    new_esn: Option<&'a str>,
    model_id: &'a str,
    store_id: &'a str,
    change_type: ChangeType,
    change_reason_process: ChangeReason,
    is_esim_swap: Option<&'static str>,
}

impl Action for SimSwap {
    const OPERATION: Operation<'static> = Operation::new("inventory", "sim_swap", CallKind::Write);
    // An eSIM swap answers with the profile; a physical swap with `data: ""`.
    type Data = ObjectOr<EsimProfile>;
    type Output = SimSwapResult;

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        Body::typed(&SimSwapBody {
            enrollment_id: &self.enrollment_id,
            new_esn: self.new_esn.as_deref(),
            model_id: &self.model_id,
            store_id: &self.store_id,
            change_type: self.change_type,
            change_reason_process: self.change_reason_process,
            is_esim_swap: self.is_esim_swap.then_some("Y"),
        })
    }
}

/// The `check_device_compatibility` body.
#[serde_with::skip_serializing_none]
#[derive(Serialize)]
struct CheckDeviceCompatibilityBody<'a> {
    imei: &'a str,
    carrier: Option<&'a str>,
    zip_code: Option<&'a str>,
}

impl Action for CheckDeviceCompatibility {
    const OPERATION: Operation<'static> =
        Operation::new("inventory", "check_device_compatibility", CallKind::Read);
    type Data = Object<DeviceCompatibility>;
    type Output = DeviceCompatibility;

    fn body(&self) -> Result<Body, Error> {
        self.validate()?;
        Body::typed(&CheckDeviceCompatibilityBody {
            imei: &self.imei,
            carrier: self.carrier.as_deref(),
            zip_code: self.zip_code.as_deref(),
        })
    }
}

impl FromData<ObjectOr<EsimProfile>> for SimSwapResult {
    fn from_data(data: ObjectOr<EsimProfile>, _: &Envelope<()>) -> Self {
        match data {
            ObjectOr::Object(profile) => SimSwapResult::Esim(profile),
            ObjectOr::Text(_) | ObjectOr::Other => SimSwapResult::Swapped,
        }
    }
}
