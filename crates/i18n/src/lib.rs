//! Every string the program shows, in one typed table per language so that a missing translation
//! is a compile error; and the few ways times and states are put into words everywhere.

mod en;
mod strings;
mod when;
mod zh;

pub use domain::Lang;
pub use strings::Strings;
pub use when::{When, day_text, state_word, window_text};

/// A language's table of words: `Lang::Zh.strings()`.
pub trait Words {
    fn strings(self) -> &'static Strings;
}

impl Words for Lang {
    fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::EN,
            Lang::Zh => &zh::ZH,
        }
    }
}

/// The language of the locale variables, in POSIX order of precedence: Chinese for zh*, else
/// English.
pub fn lang_from_locale() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::parse(&v))
        .unwrap_or(Lang::En)
}
