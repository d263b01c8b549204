//! The log rows borrowed from the read buffer ([`crate::LogRows`]). Each owned row of
//! [`super::log`] is made from its borrowed one, so both read a row the same way.

use std::time::Duration;

use telecom_core::{Money, PhoneNumber};
use time::{Date, PrimitiveDateTime, Time};

use super::fax_code::FaxErrorCode;
use super::log::{CallResult, FaxIn, FaxOut, LogEntry, SmsIn, SmsOut, VoiceCall};
use super::sms::{MessageType, SmsMessage, SmsMessageRef};
use crate::rows::{BorrowedRow, ExtraColumns};
use crate::wire::Fields;

/// [`LogEntry`] borrowed: `ID,Sub-ID,Date,Time,From,To`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LogEntryRef<'a> {
    /// `ID`.
    pub id: &'a str,
    /// `Sub-ID`; `None` when empty.
    pub sub_id: Option<&'a str>,
    /// `Date`.
    pub date: Date,
    /// `Time`, in the account's time zone (`settimezone`).
    pub time: Time,
    /// `From`, as logged (an SMS sender may be alphanumeric).
    pub from: &'a str,
    /// `To`, as logged.
    pub to: &'a str,
}

impl LogEntryRef<'_> {
    /// Date and time together, in the account's time zone.
    pub fn datetime(&self) -> PrimitiveDateTime {
        PrimitiveDateTime::new(self.date, self.time)
    }

    /// `From` as a [`PhoneNumber`].
    pub fn from_number(&self) -> PhoneNumber {
        PhoneNumber::from_vendor_str(self.from)
    }

    /// `To` as a [`PhoneNumber`].
    pub fn to_number(&self) -> PhoneNumber {
        PhoneNumber::from_vendor_str(self.to)
    }
}

impl<'a> LogEntryRef<'a> {
    fn read(f: &Fields<'a>) -> Result<Self, String> {
        Ok(LogEntryRef {
            id: f.raw(0),
            sub_id: f.opt_str(1),
            date: f.date(2, "Date")?,
            time: f.time(3, "Time")?,
            from: f.raw(4),
            to: f.raw(5),
        })
    }
}

impl From<LogEntryRef<'_>> for LogEntry {
    fn from(e: LogEntryRef<'_>) -> Self {
        LogEntry {
            id: e.id.to_owned(),
            sub_id: e.sub_id.map(str::to_owned),
            date: e.date,
            time: e.time,
            from: e.from_number(),
            to: e.to_number(),
        }
    }
}

/// Declares a borrowed row, its [`BorrowedRow`] impl and its conversion to the owned row;
/// each field is read by `$read` from the row's [`Fields`], in the order written (those
/// `before_entry` first), so the first bad column is the one the error names.
macro_rules! borrowed_row {
    (
        $(#[$meta:meta])*
        $owned:ident => $name:ident {
            $( @before_entry { $( $(#[$bmeta:meta])* $bfield:ident: $bty:ty = $bread:expr => $binto:expr, )* } )?
            $( $(#[$fmeta:meta])* $field:ident: $ty:ty = $read:expr => $into:expr, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $name<'a> {
            /// `ID`, `Sub-ID`, `Date`, `Time`, `From`, `To`.
            pub entry: LogEntryRef<'a>,
            $($( $(#[$bmeta])* pub $bfield: $bty, )*)?
            $( $(#[$fmeta])* pub $field: $ty, )*
            /// Columns this version does not type, by header name, values as sent.
            pub extra: ExtraColumns<'a>,
        }

        impl BorrowedRow for $owned {
            type Ref<'a> = $name<'a>;

            #[inline]
            fn read_ref<'a>(f: &Fields<'a>) -> Result<$name<'a>, String> {
                $($( let $bfield: $bty = ($bread)(f)?; )*)?
                let entry = LogEntryRef::read(f)?;
                $( let $field: $ty = ($read)(f)?; )*
                Ok($name {
                    entry,
                    $($( $bfield, )*)?
                    $( $field, )*
                    extra: f.extra_columns(),
                })
            }
        }

        impl From<$name<'_>> for $owned {
            fn from(row: $name<'_>) -> Self {
                $($( let $bfield = ($binto)(row.$bfield); )*)?
                $( let $field = ($into)(row.$field); )*
                $owned {
                    entry: row.entry.into(),
                    $($( $bfield, )*)?
                    $( $field, )*
                    extra: row.extra.to_map(),
                }
            }
        }
    };
}

fn same<T>(value: T) -> T {
    value
}

fn owned(text: Option<&str>) -> Option<String> {
    text.map(str::to_owned)
}

fn message<'a>(f: &Fields<'a>, kind: usize, text: usize) -> Result<SmsMessageRef<'a>, String> {
    // The message itself is not trimmed: spaces may be part of the text.
    SmsMessageRef::decode(MessageType::from(f.raw(kind)), f.untrimmed(text))
}

borrowed_row! {
    /// [`FaxIn`] borrowed.
    FaxIn => FaxInRef {
        /// `FaxStationID`: the sender's station identifier.
        fax_station_id: Option<&'a str> = |f: &Fields<'a>| Ok::<_, String>(f.opt_str(6)) => owned,
        /// `Pages`.
        pages: u32 = |f: &Fields<'a>| f.number(7, "Pages") => same,
        /// `Speed` in bit/s.
        speed: Option<u32> = |f: &Fields<'a>| f.opt_number(8, "Speed") => same,
        /// `Duration`.
        duration: Duration = |f: &Fields<'a>| f.duration(9, "Duration") => same,
    }
}

borrowed_row! {
    /// [`FaxOut`] borrowed.
    FaxOut => FaxOutRef {
        /// `Pages`.
        pages: u32 = |f: &Fields<'a>| f.number(6, "Pages") => same,
        /// `Speed` in bit/s.
        speed: Option<u32> = |f: &Fields<'a>| f.opt_number(7, "Speed") => same,
        /// `Duration`.
        duration: Duration = |f: &Fields<'a>| f.duration(8, "Duration") => same,
        /// `Cost`, pre-tax.
        cost: Option<Money> = |f: &Fields<'a>| f.opt_money(9, "Cost") => same,
        /// `Attempt`: which delivery attempt this row is.
        attempt: Option<u32> = |f: &Fields<'a>| f.opt_number(10, "Attempt") => same,
        /// `ErrorCode`, decoded.
        error_code: FaxErrorCode =
            |f: &Fields<'a>| Ok::<_, String>(FaxErrorCode::parse(f.raw(11))) => same,
    }
}

borrowed_row! {
    /// [`VoiceCall`] borrowed.
    VoiceCall => VoiceCallRef {
        /// `Duration`: from answer to hang-up, or for a failed call from start to failure.
        duration: Duration = |f: &Fields<'a>| f.duration(6, "Duration") => same,
        /// `Result`.
        result: CallResult = |f: &Fields<'a>| Ok::<_, String>(CallResult::from(f.raw(7))) => same,
        /// `Cost`, pre-tax.
        cost: Option<Money> = |f: &Fields<'a>| f.opt_money(8, "Cost") => same,
        /// `IVMLID`: the IVML configuration that handled the call, if any.
        ivml_id: Option<&'a str> =
            |f: &Fields<'a>| Ok::<_, String>(f.opt_str(9).filter(|id| *id != "0")) => owned,
    }
}

borrowed_row! {
    /// [`SmsIn`] borrowed.
    SmsIn => SmsInRef {
        /// `MessageType` and `Message`, checked; the text is decoded by
        /// [`SmsMessageRef::text`].
        message: SmsMessageRef<'a> = |f: &Fields<'a>| message(f, 6, 7) => SmsMessage::from,
    }
}

borrowed_row! {
    /// [`SmsOut`] borrowed.
    SmsOut => SmsOutRef {
        @before_entry {
            /// `MessageType` and `Message`, when the gateway adds them.
        message: Option<SmsMessageRef<'a>> = |f: &Fields<'a>| {
            if f.has(9) && f.has(10) {
                message(f, 9, 10).map(Some)
            } else {
                Ok(None)
            }
        } => |m: Option<SmsMessageRef<'_>>| m.map(SmsMessage::from),
        }
        /// `Sent`, as logged (the spec does not describe its values).
        sent: Option<&'a str> = |f: &Fields<'a>| Ok::<_, String>(f.opt_str(6)) => owned,
        /// `Tracking`, as logged (the delivery tracking result, when tracking was bought).
        tracking: Option<&'a str> = |f: &Fields<'a>| Ok::<_, String>(f.opt_str(7)) => owned,
        /// `Cost`, pre-tax.
        cost: Option<Money> = |f: &Fields<'a>| f.opt_money(8, "Cost") => same,
    }
}
