//! The one way request types are made: `X::builder()`, a setter per field named as the field,
//! then `build()`, which names a missing required field by its wire name (`reason` "is
//! required") and runs the same checks the call runs before sending.

/// Declares `$builder` for the request struct `$target` and `$target::builder()`.
///
/// - `required`: fields the struct holds plainly; `build()` fails with the wire name given
///   after `=>` when one was not set.
/// - `optional`: `Option` fields; `defaulted`: fields whose `Default` applies when not set.
/// - `lists`: `Vec` fields, set from any iterator of items (or of what converts into one).
///
/// Each setter is `into` (takes `impl Into<T>`) or `value` (takes `T`: an integer literal
/// would not infer through `Into`). `$target` must have `fn validate(&self) -> Result<()>`,
/// the check the call runs too.
macro_rules! request_builder {
    (
        $(#[$meta:meta])*
        $target:ident => $builder:ident {
            required {
                $( $(#[$rmeta:meta])* $rkind:ident $rfield:ident: $rty:ty => $rwire:literal ),* $(,)?
            }
            optional {
                $( $(#[$ometa:meta])* $okind:ident $ofield:ident: $oty:ty ),* $(,)?
            }
            defaulted {
                $( $(#[$dmeta:meta])* $dkind:ident $dfield:ident: $dty:ty ),* $(,)?
            }
            lists {
                $( $(#[$lmeta:meta])* $lfield:ident: $lty:ty ),* $(,)?
            }
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default)]
        #[must_use]
        pub struct $builder {
            $( $rfield: Option<$rty>, )*
            $( $ofield: Option<$oty>, )*
            $( $dfield: Option<$dty>, )*
            $( $lfield: Vec<$lty>, )*
        }

        impl $target {
            #[doc = concat!("Starts a [`", stringify!($builder), "`]: set the fields by name, then `build()`.")]
            pub fn builder() -> $builder {
                $builder::default()
            }
        }

        impl $builder {
            $( $crate::models::builder::request_builder!(@setter $rkind [$(#[$rmeta])*] $rfield: $rty); )*
            $( $crate::models::builder::request_builder!(@setter $okind [$(#[$ometa])*] $ofield: $oty); )*
            $( $crate::models::builder::request_builder!(@setter $dkind [$(#[$dmeta])*] $dfield: $dty); )*
            $(
                $(#[$lmeta])*
                pub fn $lfield<I>(mut self, items: I) -> Self
                where
                    I: IntoIterator,
                    I::Item: Into<$lty>,
                {
                    self.$lfield = items.into_iter().map(Into::into).collect();
                    self
                }
            )*

            #[doc = concat!("The [`", stringify!($target), "`], checked as the call checks it before sending.")]
            ///
            /// # Errors
            ///
            /// [`Error::InvalidInput`](crate::Error::InvalidInput) naming the wire field: a
            /// required field not set (`reason` "is required") or a value the vendor would
            /// refuse.
            pub fn build(self) -> $crate::Result<$target> {
                let request = $target {
                    $(
                        $rfield: self
                            .$rfield
                            .ok_or_else(|| $crate::Error::invalid($rwire, "is required"))?,
                    )*
                    $( $ofield: self.$ofield, )*
                    $( $dfield: self.$dfield.unwrap_or_default(), )*
                    $( $lfield: self.$lfield, )*
                };
                request.validate()?;
                Ok(request)
            }
        }
    };
    (@setter into [$(#[$meta:meta])*] $field:ident: $ty:ty) => {
        $(#[$meta])*
        pub fn $field(mut self, value: impl Into<$ty>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
    (@setter value [$(#[$meta:meta])*] $field:ident: $ty:ty) => {
        $(#[$meta])*
        pub fn $field(mut self, value: $ty) -> Self {
            self.$field = Some(value);
            self
        }
    };
}

pub(crate) use request_builder;
