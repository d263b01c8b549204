//! The three-digit fax `ErrorCode` of `logfaxout`: first digit the call state, last two the
//! fax error (the spec's "Faxing Error Codes" tables).

use serde::Serialize;

telecom_core::open_enum! {
    /// How far the fax call got (the first digit, as `000` to `600`).
    pub enum FaxCallState {
        /// `000`.
        NotInitialised => "000" : "The fax was aborted before initialisation.",
        /// `100`.
        Preparing => "100" : "Call establishment preparation: The number has not been dialled.",
        /// `200`.
        Dialled => "200" : "Call establishment: The number has been dialled.",
        /// `300`.
        Answered => "300" : "Call answered: The call has been answered.",
        /// `400`.
        VoiceChannel => "400" : "Call voice channel: The call is answered and in a voice channel",
        /// `500`.
        NegotiationPreparation => "500" : "Fax negotiation preparation: The call is ready to begin fax negotiation",
        /// `600`.
        FaxInProgress => "600" : "Fax call: The fax is in progress.",
    }
}

telecom_core::open_enum! {
    /// What went wrong (the last two digits). Codes the spec gives the same meaning
    /// (04/05, 06/07, 09/11, 01/10) stay distinct variants.
    pub enum FaxError {
        /// `00` General Error.
        GeneralError => "00" : "General Error: An unknown error occurred",
        /// `01` Line Error.
        LineError => "01" : "Line Error: An unspecified line error occurred.",
        /// `02` Destination Busy.
        DestinationBusy => "02" : "Destination Busy: The destination returned a busy signal.",
        /// `03` Destination Rejected.
        DestinationRejected => "03" : "Destination Rejected: The call was remotely rejected.",
        /// `04` No Answer.
        NoAnswer => "04" : "No Answer: The call was not answered.",
        /// `05` No Answer (the spec repeats `04`).
        NoAnswer05 => "05" : "No Answer: The call was not answered.",
        /// `06` Unknown Number.
        UnknownNumber => "06" : "Unknown Number: The destination number is invalid.",
        /// `07` Invalid Number.
        InvalidNumber => "07" : "Invalid Number: The destination number is invalid.",
        /// `08` Number Changed.
        NumberChanged => "08" : "Number Changed: The destination number no longer exists.",
        /// `09` No Channel.
        NoChannel => "09" : "No Channel: There is no available line for this fax.",
        /// `10` Line Error (the spec repeats `01`).
        LineError10 => "10" : "Line Error: An unspecified line error occurred.",
        /// `11` No Channel (the spec repeats `09`).
        NoChannel11 => "11" : "No Channel: There is no available line for this fax.",
        /// `12` Unspecified Error.
        UnspecifiedError => "12" : "Unspecified Error: An unspecified error occurred.",
        /// `13` Unallocated Number.
        UnallocatedNumber => "13" : "Unallocated Number: The number dialled is not allocated.",
        /// `14` Transferred.
        Transferred => "14" : "Transferred: The call was transferred to another application.",
        /// `15` Data Channel Failed.
        DataChannelFailed => "15" : "Data Channel Failed: The fax data channel could not be established",
        /// `16` No faxing device.
        NoFaxDevice => "16" : "No faxing device: There was no fax device at the destination.",
        /// `17` Fax Training Failed.
        TrainingFailed => "17" : "Fax Training Failed: There was a failure establishing the fax channel.",
        /// `18` Fax aborted remotely.
        AbortedRemotely => "18" : "Fax aborted remotely: The destination aborted the fax transmission. Possible causes are: out of paper, poor line quality, etc.",
        /// `19` Fax aborted locally.
        AbortedLocally => "19" : "Fax aborted locally: The fax was aborted locally. This is normally due to a noisy or poor quality connection.",
        /// `23` Incompatible Destination.
        IncompatibleDestination => "23" : "Incompatible Destination: The destination could not accept a voice or fax call.",
        /// `27` Timed out.
        TimedOut => "27" : "Timed out: The fax transmission timed out.",
        /// `99`: the spec's table names it "Insufficient Funds/ Fax Cancelled" and describes
        /// a cancellation by user request; both readings are in the description.
        InsufficientFundsOrCancelled => "99" : "Insufficient Funds / Fax Cancelled: Indicates the fax was cancelled by user request.",
    }
}

/// A decoded fax `ErrorCode`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FaxErrorCode {
    /// The code as sent (`0`, `204`, ...).
    pub raw: String,
    /// The call state; `None` on success (code `0`).
    pub state: Option<FaxCallState>,
    /// The fax error; `None` on success (code `0`).
    pub error: Option<FaxError>,
}

impl FaxErrorCode {
    /// Decodes a code. `0` (or empty) is success; a number is split into its hundreds
    /// (state) and last two digits (error); anything else is kept, unknown, in both parts.
    pub fn parse(text: &str) -> Self {
        let raw = text.trim().to_owned();
        let (state, error) = match raw.parse::<u32>() {
            Ok(0) => (None, None),
            Err(_) if raw.is_empty() => (None, None),
            Ok(n) => (
                Some(FaxCallState::from(format!("{:03}", (n / 100) * 100))),
                Some(FaxError::from(format!("{:02}", n % 100))),
            ),
            Err(_) => (
                Some(FaxCallState::Unknown(raw.clone())),
                Some(FaxError::Unknown(raw.clone())),
            ),
        };
        FaxErrorCode { raw, state, error }
    }

    /// True when the fax went through (code `0`).
    pub fn is_success(&self) -> bool {
        self.state.is_none() && self.error.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_state_and_error() {
        let c = FaxErrorCode::parse("204");
        assert_eq!(c.state, Some(FaxCallState::Dialled));
        assert_eq!(c.error, Some(FaxError::NoAnswer));
        assert!(!c.is_success());
        let c = FaxErrorCode::parse("99");
        assert_eq!(c.state, Some(FaxCallState::NotInitialised));
        assert_eq!(c.error, Some(FaxError::InsufficientFundsOrCancelled));
        assert!(FaxErrorCode::parse("0").is_success());
        let c = FaxErrorCode::parse("742");
        assert_eq!(c.state, Some(FaxCallState::Unknown("700".into())));
        assert_eq!(c.error, Some(FaxError::Unknown("42".into())));
        let c = FaxErrorCode::parse("E1");
        assert!(c.state.as_ref().is_some_and(FaxCallState::is_unknown));
        assert_eq!(c.raw, "E1");
    }
}
