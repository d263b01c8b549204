//! How dates, times and durations render as JSON (`serde_json` output of the results).

use std::time::Duration;

use serde::Serializer;

/// `Duration` as a number of seconds (`75`, or `12.5` with a fraction).
pub(crate) fn seconds<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    if d.subsec_nanos() == 0 {
        s.serialize_u64(d.as_secs())
    } else {
        s.serialize_f64(d.as_secs_f64())
    }
}

/// `time::Time` as `HH:MM:SS`.
pub(crate) fn hms<S: Serializer>(t: &time::Time, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!(
        "{:02}:{:02}:{:02}",
        t.hour(),
        t.minute(),
        t.second()
    ))
}
