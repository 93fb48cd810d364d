//! Closed sets of values written as fixed strings in the API and the database.

/// Declares an enum whose variants are written as the given strings, with `ALL`, `as_str` and a
/// `parse` whose error lists the allowed values.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $code:literal, $what:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(raw: &str) -> Result<Self, $crate::InvalidValue> {
                match raw {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::InvalidValue::new(
                        $code,
                        format!(concat!("'{}' is not a ", $what, "; expected one of: {}"),
                            raw, [$($text),+].join(", ")),
                    )),
                }
            }
        }
    };
}
