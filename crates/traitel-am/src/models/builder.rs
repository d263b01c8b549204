//! The one way request types are made: `X::builder()`, a setter per field named as the
//! field, then `build()`, which names a missing required field by its wire name and runs the
//! same checks the call runs before sending.

/// Declares `$builder` for the request struct `$target` (whose required fields are plain
/// and optional ones `Option`s) and `$target::builder()`. Setters take `impl Into<T>`, or
/// `T` itself for fields marked `value` (numbers: an integer literal would not infer
/// through `Into`). `$target` must have `fn form(&self) -> Result<_>`, the check the call
/// runs too.
macro_rules! request_builder {
    (
        $(#[$meta:meta])*
        $target:ident => $builder:ident {
            required {
                $( $(#[$rmeta:meta])* $rfield:ident: $rty:ty => $rwire:literal ),* $(,)?
            }
            optional {
                $( $(#[$ometa:meta])* $okind:ident $ofield:ident: $oty:ty ),* $(,)?
            }
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default)]
        #[must_use]
        pub struct $builder {
            $( $rfield: Option<$rty>, )*
            $( $ofield: Option<$oty>, )*
        }

        impl $target {
            #[doc = concat!("Starts a [`", stringify!($builder), "`]: set the fields by name, then `build()`.")]
            pub fn builder() -> $builder {
                $builder::default()
            }
        }

        impl $builder {
            $(
                $(#[$rmeta])*
                pub fn $rfield(mut self, value: impl Into<$rty>) -> Self {
                    self.$rfield = Some(value.into());
                    self
                }
            )*
            $(
                $crate::models::builder::request_builder!(@setter $okind [$(#[$ometa])*] $ofield: $oty);
            )*

            #[doc = concat!("The [`", stringify!($target), "`], checked as the call checks it before sending.")]
            ///
            /// # Errors
            ///
            /// [`Error::InvalidInput`](crate::Error::InvalidInput) naming the wire parameter:
            /// a required field not set (`reason` "is required") or a value the gateway would
            /// refuse.
            pub fn build(self) -> $crate::error::Result<$target> {
                let request = $target {
                    $(
                        $rfield: self
                            .$rfield
                            .ok_or_else(|| $crate::error::Error::invalid($rwire, "is required"))?,
                    )*
                    $( $ofield: self.$ofield, )*
                };
                request.form()?;
                Ok(request)
            }
        }
    };

    (@setter into [$($doc:tt)*] $field:ident: $ty:ty) => {
        $($doc)*
        pub fn $field(mut self, value: impl Into<$ty>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };

    (@setter value [$($doc:tt)*] $field:ident: $ty:ty) => {
        $($doc)*
        pub fn $field(mut self, value: $ty) -> Self {
            self.$field = Some(value);
            self
        }
    };
}

pub(crate) use request_builder;
