//! The builders of the request models. The models are `#[non_exhaustive]` (a field the spec
//! adds later is not a breaking change), so they cannot be written as struct literals outside
//! this crate; each gets `Model::builder()`, one setter per field named as the field, and a
//! `build()` that checks what the spec limits (`String(n)` lengths, the SSN, the address
//! type) and reports it as [`Error::InvalidInput`](crate::Error::InvalidInput).

/// `model_builder! { Builder => Model; opt field: Type, list field: Item, ... }` declares
/// `Builder`, `Model::builder()` and the setters: `opt` for an `Option<Type>` field (the
/// setter takes `impl Into<Type>`), `list` for an `Option<Vec<Item>>` field (the setter takes
/// the whole list). `build()` is written beside the model, as its checks differ.
macro_rules! model_builder {
    (
        $builder:ident => $model:ident;
        $( $kind:ident $field:ident : $ty:ty ),* $(,)?
    ) => {
        #[doc = concat!("Builds a [`", stringify!($model), "`]: start with [`",
            stringify!($model), "::builder`], set what applies, then `build()`.")]
        #[derive(Debug, Clone, Default)]
        #[must_use]
        pub struct $builder {
            inner: $model,
        }

        impl $model {
            #[doc = concat!("A [`", stringify!($builder), "`] with nothing set.")]
            pub fn builder() -> $builder {
                $builder::default()
            }
        }

        impl $builder {
            $( $crate::models::builder::model_builder!(@setter $model $kind $field : $ty); )*
        }
    };
    (@setter $model:ident opt $field:ident : $ty:ty) => {
        #[doc = concat!("Sets [`", stringify!($model), "::", stringify!($field), "`].")]
        pub fn $field(mut self, value: impl Into<$ty>) -> Self {
            self.inner.$field = Some(value.into());
            self
        }
    };
    (@setter $model:ident list $field:ident : $ty:ty) => {
        #[doc = concat!("Sets the list [`", stringify!($model), "::", stringify!($field), "`].")]
        pub fn $field(mut self, items: impl IntoIterator<Item = $ty>) -> Self {
            self.inner.$field = Some(items.into_iter().collect());
            self
        }
    };
}

pub(crate) use model_builder;
