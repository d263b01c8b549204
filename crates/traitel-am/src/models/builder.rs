//! The one way request types are made: telecom-core's `request_builder!` (as in every crate
//! of the workspace), bound to this crate's error and to each request's `form`, the check
//! the call runs too.

macro_rules! request_builder {
    ($($body:tt)*) => {
        telecom_core::request_builder! {
            error = $crate::error::Error, check = form;
            $($body)*
        }
    };
}

pub(crate) use request_builder;
