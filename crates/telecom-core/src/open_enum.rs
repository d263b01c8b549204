//! [`open_enum!`](crate::open_enum): enums for values the server controls.

/// Declares an enum for a server-controlled value that never fails on a value it does not
/// know: such a value lands in an `Unknown(String)` variant, kept as sent.
///
/// Each variant names its wire text, optional aliases (matched too, never written), and an
/// optional description (for vendor error codes). Matching is ASCII case-insensitive, and a
/// JSON number is read as its decimal text (so `12` matches `"12"`).
///
/// The generated type has `as_str`, `description`, `is_unknown`, `known_values`, `From<&str>`,
/// `From<String>`, `FromStr` (infallible), `Display`, `Serialize` and `Deserialize`.
///
/// ```
/// telecom_core::open_enum! {
///     /// The state of an activation.
///     pub enum ActivationState {
///         /// Waiting on the carrier.
///         Pending => "Pending",
///         /// Done.
///         Completed => "Completed" | "Complete" : "The carrier confirmed the activation",
///     }
/// }
/// let s: ActivationState = serde_json::from_str(r#""complete""#).unwrap();
/// assert_eq!(s, ActivationState::Completed);
/// assert_eq!(s.to_string(), "Completed");
/// let new: ActivationState = serde_json::from_str(r#""OnHold""#).unwrap();
/// assert_eq!(new, ActivationState::Unknown("OnHold".into()));
/// assert_eq!(serde_json::to_string(&new).unwrap(), r#""OnHold""#);
/// ```
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident => $wire:literal $(| $alias:literal)* $(: $desc:literal)?
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
            /// A value this version does not know, kept exactly as the server sent it.
            Unknown(::std::string::String),
        }

        // Generated helpers: an enum private to its crate need not use all of them.
        #[allow(dead_code)]
        impl $name {
            /// The wire text of the value.
            $vis fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(text) => text.as_str(),
                }
            }

            /// What the vendor documents the value to mean, where it does.
            $vis fn description(&self) -> ::std::option::Option<&'static str> {
                match self {
                    $( $name::$variant => $crate::__open_enum_desc!($($desc)?), )+
                    $name::Unknown(_) => ::std::option::Option::None,
                }
            }

            /// True for a value this version does not know.
            $vis fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }

            /// The wire text of every known value.
            $vis fn known_values() -> &'static [&'static str] {
                &[$($wire),+]
            }

            fn from_wire(text: &str) -> Self {
                // Padding a template or a fixed-width column left (`"RESTAPI000 "`) does not
                // make another value; an unknown one is kept as sent.
                let trimmed = text.trim();
                $(
                    if trimmed.eq_ignore_ascii_case($wire) $(|| trimmed.eq_ignore_ascii_case($alias))* {
                        return $name::$variant;
                    }
                )+
                $name::Unknown(text.to_owned())
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(text: &str) -> Self {
                $name::from_wire(text)
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(text: ::std::string::String) -> Self {
                $name::from_wire(&text)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok($name::from_wire(text))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let text: $crate::lenient::StringOrNumber =
                    $crate::__private::serde::Deserialize::deserialize(deserializer)?;
                ::std::result::Result::Ok($name::from_wire(&text.0))
            }
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __open_enum_desc {
    () => {
        ::std::option::Option::None
    };
    ($desc:literal) => {
        ::std::option::Option::Some($desc)
    };
}

#[cfg(test)]
mod tests {
    crate::open_enum! {
        /// A test enum.
        enum Term {
            /// None.
            None => "0",
            /// A year.
            Year => "12" | "twelve" : "Twelve months",
        }
    }

    #[test]
    fn known_alias_number_and_unknown() {
        let v: Vec<Term> = serde_json::from_str(r#"["0", 12, "TWELVE", 36, "x"]"#).unwrap();
        assert_eq!(
            v,
            [
                Term::None,
                Term::Year,
                Term::Year,
                Term::Unknown("36".into()),
                Term::Unknown("x".into())
            ]
        );
        assert_eq!(Term::Year.description(), Some("Twelve months"));
        assert_eq!(Term::None.description(), None);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"["0","12","12","36","x"]"#
        );
        assert_eq!(Term::known_values(), ["0", "12"]);
        assert!(Term::from("x").is_unknown());
    }

    crate::open_enum! {
        /// A flag with bool aliases.
        enum Flag {
            /// Yes.
            Yes => "Y" | "true",
            /// No.
            No => "N" | "false",
        }
    }

    #[test]
    fn padding_around_a_known_value_is_not_another_value() {
        let v: Vec<Term> = serde_json::from_str(r#"[" 12", "TWELVE ", " x "]"#).unwrap();
        assert_eq!(v, [Term::Year, Term::Year, Term::Unknown(" x ".into())]);
    }

    #[test]
    fn a_json_bool_reads_as_its_text() {
        let v: Vec<Flag> = serde_json::from_str(r#"[true, false, "Y"]"#).unwrap();
        assert_eq!(v, [Flag::Yes, Flag::No, Flag::Yes]);
        // An enum without bool aliases keeps it, rather than failing the response.
        let v: Vec<Term> = serde_json::from_str("[true]").unwrap();
        assert_eq!(v, [Term::Unknown("true".into())]);
    }
}
