//! Text rules: what a name or a note may contain, and the one sanitizer that turns stored text
//! into text that is safe to put on a terminal or in a text report.

use std::borrow::Cow;

/// Characters that change how text around them is shown without being visible themselves:
/// bidi overrides and isolates (a U+202E can show an ID number reversed), zero-width joiners and
/// spaces, the BOM, interlinear annotation marks and language tags; and the Unicode line and
/// paragraph separators, which some terminals and printers take as a line break.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// A character a terminal would act on rather than show (C0, DEL, C1).
pub fn is_control(c: char) -> bool {
    c.is_control()
}

/// Why a piece of typed text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    /// Nothing but spaces.
    Empty,
    /// More characters than the field allows.
    TooLong { max: usize },
    /// A control or invisible formatting character.
    Forbidden,
}

/// The kinds of text field, each with its own rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// A person's or a place's name: one line, no control or invisible characters.
    Name,
    /// A one-line remark: a checklist note, a reason.
    Line,
    /// Free text: may hold line breaks, nothing else below U+0020, no invisible characters.
    Note,
}

impl TextKind {
    /// The longest text a field of this kind accepts, in characters.
    pub const fn max_chars(self) -> usize {
        match self {
            TextKind::Name => 40,
            TextKind::Line => 200,
            TextKind::Note => 2000,
        }
    }

    /// Whether a single character may be typed into a field of this kind.
    pub fn accepts(self, c: char) -> bool {
        if is_invisible_format(c) {
            return false;
        }
        match self {
            TextKind::Name | TextKind::Line => !is_control(c),
            TextKind::Note => c == '\n' || !is_control(c),
        }
    }
}

/// Checks a whole text against the rules of its kind and returns it trimmed.
pub fn validate(kind: TextKind, raw: &str, required: bool) -> Result<String, TextError> {
    if raw.chars().any(|c| !kind.accepts(c)) {
        return Err(TextError::Forbidden);
    }
    let trimmed = raw.trim();
    if trimmed.chars().count() > kind.max_chars() {
        return Err(TextError::TooLong {
            max: kind.max_chars(),
        });
    }
    if required && trimmed.is_empty() {
        return Err(TextError::Empty);
    }
    Ok(trimmed.to_owned())
}

/// Cleans pasted text for a field: line breaks become spaces in one-line fields (a note keeps
/// them), tabs become spaces, and every other control or invisible character is dropped.
pub fn clean_paste(kind: TextKind, pasted: &str) -> String {
    let unified = strip_escape_sequences(&pasted.replace("\r\n", "\n").replace('\r', "\n"));
    unified
        .chars()
        .filter_map(|c| match c {
            '\n' if kind == TextKind::Note => Some('\n'),
            '\n' | '\t' => Some(' '),
            c if kind.accepts(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Removes terminal escape sequences whole (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`, and
/// two-character `ESC x`), so that a pasted coloured line leaves its words, not `[1m` debris.
fn strip_escape_sequences(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let csi = match c {
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    true
                }
                Some(']') => {
                    chars.next();
                    // OSC: up to BEL or ESC \.
                    while let Some(x) = chars.next() {
                        if x == '\u{7}' || (x == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                    continue;
                }
                Some(_) => {
                    chars.next();
                    continue;
                }
                None => continue,
            },
            '\u{9b}' => true,
            _ => {
                out.push(c);
                continue;
            }
        };
        if csi {
            // Parameters and intermediates, then one final byte in @ … ~.
            for x in chars.by_ref() {
                if ('@'..='~').contains(&x) {
                    break;
                }
            }
        }
    }
    out
}

/// The one sanitizer between stored text and a screen or a text report: control characters
/// become U+FFFD so that a tampered row is visible rather than acted upon, invisible formatting
/// characters are dropped. With `keep_newlines` a note keeps its line breaks.
pub fn display(stored: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs = stored
        .chars()
        .any(|c| is_invisible_format(c) || (is_control(c) && !(keep_newlines && c == '\n')));
    if !needs {
        return Cow::Borrowed(stored);
    }
    Cow::Owned(
        stored
            .chars()
            .filter(|&c| !is_invisible_format(c))
            .map(|c| {
                if is_control(c) && !(keep_newlines && c == '\n') {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// What a terminal cell holding `symbol` (one grapheme) must show instead, if anything: `None`
/// when it is safe as it is. Controls become U+FFFD and invisible characters are dropped; the
/// result is padded or cut to the same width so the rest of the line stays in its columns.
pub fn cell_symbol(symbol: &str) -> Option<String> {
    use unicode_width::UnicodeWidthStr;
    if !symbol
        .chars()
        .any(|c| is_invisible_format(c) || is_control(c))
    {
        return None;
    }
    let width = symbol.width().max(1);
    let first = display(symbol, false).chars().next().unwrap_or(' ');
    let mut clean = String::from(first);
    if clean.width() != width {
        clean = String::from('\u{FFFD}');
    }
    while clean.width() < width {
        clean.push(' ');
    }
    Some(clean)
}

/// Shorthand for one-line display text.
pub fn line(stored: &str) -> Cow<'_, str> {
    display(stored, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_refuse_controls_and_bidi() {
        assert_eq!(
            validate(TextKind::Name, "张\u{202E}三", true),
            Err(TextError::Forbidden)
        );
        assert_eq!(
            validate(TextKind::Name, "a\u{1b}[2J", true),
            Err(TextError::Forbidden)
        );
        assert_eq!(
            validate(TextKind::Name, "a\nb", true),
            Err(TextError::Forbidden)
        );
        assert_eq!(
            validate(TextKind::Name, "  张三 ", true),
            Ok("张三".to_owned())
        );
        assert_eq!(validate(TextKind::Name, "   ", true), Err(TextError::Empty));
        assert_eq!(validate(TextKind::Name, "", false), Ok(String::new()));
    }

    #[test]
    fn notes_keep_newlines_only() {
        assert_eq!(
            validate(TextKind::Note, "line 1\nline 2", false),
            Ok("line 1\nline 2".to_owned())
        );
        assert_eq!(
            validate(TextKind::Note, "bell\u{7}", false),
            Err(TextError::Forbidden)
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let forty = "张".repeat(40);
        assert!(validate(TextKind::Name, &forty, true).is_ok());
        let forty_one = "张".repeat(41);
        assert_eq!(
            validate(TextKind::Name, &forty_one, true),
            Err(TextError::TooLong { max: 40 })
        );
    }

    #[test]
    fn display_neutralises_escape_sequences() {
        assert_eq!(line("ok"), "ok");
        assert_eq!(
            line("x\u{1b}]52;c;AAAA\u{7}y"),
            "x\u{FFFD}]52;c;AAAA\u{FFFD}y"
        );
        assert_eq!(line("11010\u{202E}5194"), "110105194");
        assert_eq!(display("a\nb", true), "a\nb");
        assert_eq!(display("a\nb", false), "a\u{FFFD}b");
        assert_eq!(line("\u{9b}31m"), "\u{FFFD}31m");
    }

    #[test]
    fn paste_is_cleaned_for_the_field() {
        assert_eq!(clean_paste(TextKind::Name, "张三\r\n"), "张三 ");
        assert_eq!(
            clean_paste(TextKind::Note, "a\r\nb\u{200B}c\u{1b}"),
            "a\nbc"
        );
        assert_eq!(
            clean_paste(TextKind::Name, "\u{1b}[1;31m孙悦\u{1b}[0m"),
            "孙悦"
        );
        assert_eq!(clean_paste(TextKind::Name, "a\u{1b}]52;c;AAAA\u{7}b"), "ab");
        assert_eq!(
            clean_paste(TextKind::Name, "a\u{1b}]0;title\u{1b}\\b"),
            "ab"
        );
        assert_eq!(clean_paste(TextKind::Name, "x\u{9b}2Jy"), "xy");
    }

    #[test]
    fn a_cell_keeps_its_width_and_loses_what_a_terminal_acts_on() {
        assert_eq!(cell_symbol("张"), None);
        assert_eq!(cell_symbol("a\u{200D}"), Some("a".to_owned()));
        assert_eq!(cell_symbol("\u{1b}"), Some("\u{FFFD}".to_owned()));
        assert_eq!(cell_symbol("\u{202E}"), Some(" ".to_owned()));
        assert_eq!(cell_symbol("\u{2028}"), Some(" ".to_owned()));
        // A two-column joined emoji whose parts are wider apart: a marker, then a space.
        let family = "\u{1F468}\u{200D}\u{1F469}";
        let clean = cell_symbol(family).expect("changed");
        assert_eq!(
            unicode_width::UnicodeWidthStr::width(clean.as_str()),
            unicode_width::UnicodeWidthStr::width(family).max(1)
        );
        assert!(!clean.contains('\u{200D}'));
    }
}
