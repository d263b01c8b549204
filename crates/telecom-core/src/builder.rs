//! The one builder every vendor crate gives its request types: `X::builder()`, a setter per
//! field named as the field, then `build()`, which names a missing required field by its
//! wire name (`reason` "is required") and runs the same check the call runs before sending.

/// Declares `$builder` for the request struct `$target` and `$target::builder()`.
///
/// `error` is the vendor crate's error type, which must have
/// `fn invalid(field, reason) -> Self`; `check` names the method of `$target` that checks a
/// whole request (`fn(&self) -> Result<_, error>`), the one the call runs too.
///
/// - `required`: fields the struct holds plainly; `build()` fails with the wire name given
///   after `=>` when one was not set.
/// - `optional`: `Option` fields; `defaulted` (may be left out): fields whose `Default`
///   applies when not set; `lists` (may be left out): `Vec` fields, set from any iterator of
///   items or of what converts into one.
///
/// Each setter is `into` (takes `impl Into<T>`) or `value` (takes `T`: an integer literal
/// would not infer through `Into`).
#[macro_export]
macro_rules! request_builder {
    (
        error = $error:path, check = $check:ident;
        $(#[$meta:meta])*
        $target:ident => $builder:ident {
            required {
                $( $(#[$rmeta:meta])* $rkind:ident $rfield:ident: $rty:ty => $rwire:literal ),* $(,)?
            }
            optional {
                $( $(#[$ometa:meta])* $okind:ident $ofield:ident: $oty:ty ),* $(,)?
            }
            $( defaulted {
                $( $(#[$dmeta:meta])* $dkind:ident $dfield:ident: $dty:ty ),* $(,)?
            } )?
            $( lists {
                $( $(#[$lmeta:meta])* $lfield:ident: $lty:ty ),* $(,)?
            } )?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default)]
        #[must_use]
        pub struct $builder {
            $( $rfield: Option<$rty>, )*
            $( $ofield: Option<$oty>, )*
            $( $( $dfield: Option<$dty>, )* )?
            $( $( $lfield: Vec<$lty>, )* )?
        }

        impl $target {
            #[doc = concat!("Starts a [`", stringify!($builder), "`]: set the fields by name, then `build()`.")]
            pub fn builder() -> $builder {
                $builder::default()
            }
        }

        impl $builder {
            $( $crate::request_builder!(@setter $rkind [$(#[$rmeta])*] $rfield: $rty); )*
            $( $crate::request_builder!(@setter $okind [$(#[$ometa])*] $ofield: $oty); )*
            $( $( $crate::request_builder!(@setter $dkind [$(#[$dmeta])*] $dfield: $dty); )* )?
            $( $(
                $(#[$lmeta])*
                pub fn $lfield<I>(mut self, items: I) -> Self
                where
                    I: IntoIterator,
                    I::Item: Into<$lty>,
                {
                    self.$lfield = items.into_iter().map(Into::into).collect();
                    self
                }
            )* )?

            #[doc = concat!("The [`", stringify!($target), "`], checked as the call checks it before sending.")]
            ///
            /// # Errors
            ///
            /// The crate's `Error::InvalidInput` naming the wire field: a required field not
            /// set (`reason` "is required") or a value the vendor would refuse.
            pub fn build(self) -> ::core::result::Result<$target, $error> {
                let request = $target {
                    $(
                        $rfield: self
                            .$rfield
                            .ok_or_else(|| <$error>::invalid($rwire, "is required"))?,
                    )*
                    $( $ofield: self.$ofield, )*
                    $( $( $dfield: self.$dfield.unwrap_or_default(), )* )?
                    $( $( $lfield: self.$lfield, )* )?
                };
                request.$check()?;
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
