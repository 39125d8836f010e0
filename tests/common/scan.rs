//! Reading what the crossterm backend wrote: the escape sequences it emits itself (cursor moves,
//! colours and attributes, clear, cursor shown or hidden) are taken out by a strict parser, and
//! anything else that starts with ESC is reported, as is any dangerous character left in the text.

#![allow(dead_code, reason = "each test crate uses the part it needs")]

use super::corpus::dangerous;

/// Something in a terminal stream that the backend did not put there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    /// Byte offset in the stream.
    pub at: usize,
    pub what: String,
    /// The bytes around it, escaped.
    pub context: String,
}

fn context(bytes: &[u8], at: usize) -> String {
    let from = at.saturating_sub(24);
    let to = (at + 24).min(bytes.len());
    String::from_utf8_lossy(&bytes[from..to])
        .escape_debug()
        .to_string()
}

/// One CSI sequence as crossterm writes them for ratatui: `ESC [` then parameters (digits and
/// `;`, or `?25`) then one of `H` (move), `m` (colour, attribute), `J`/`K` (clear), `h`/`l`
/// (show/hide the cursor). Returns its length, or `None` if it is anything else.
fn backend_csi(bytes: &[u8]) -> Option<usize> {
    if bytes.get(..2) != Some(b"\x1b[") {
        return None;
    }
    let private = bytes.get(2) == Some(&b'?');
    let params_from = if private { 3 } else { 2 };
    let params_len = bytes[params_from..]
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b';')
        .count();
    let params = &bytes[params_from..params_from + params_len];
    let end = params_from + params_len;
    let ok = match (private, bytes.get(end)?) {
        (true, b'h' | b'l') => params == b"25",
        (false, b'H') => params.split(|b| *b == b';').count() <= 2,
        (false, b'm') => true,
        (false, b'J' | b'K') => params.len() <= 1,
        _ => false,
    };
    ok.then_some(end + 1)
}

/// The text of a stream with the backend's own sequences taken out; or every thing in it that
/// is not plain text and not one of those sequences (another ESC sequence, a lone ESC, invalid
/// UTF-8, a dangerous character), each with where it is.
pub fn terminal_text(bytes: &[u8]) -> Result<String, Vec<Leak>> {
    let mut leaks = Vec::new();
    let mut text = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == 0x1b {
            if let Some(len) = backend_csi(&bytes[at..]) {
                at += len;
                continue;
            }
            leaks.push(Leak {
                at,
                what: "an escape sequence the backend does not write".into(),
                context: context(bytes, at),
            });
        }
        text.push(bytes[at]);
        at += 1;
    }
    let text = match String::from_utf8(text) {
        Ok(text) => text,
        Err(e) => {
            leaks.push(Leak {
                at: e.utf8_error().valid_up_to(),
                what: "invalid UTF-8".into(),
                context: String::new(),
            });
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    for (i, c) in text.char_indices().filter(|(_, c)| dangerous(*c)) {
        leaks.push(Leak {
            at: i,
            what: format!("U+{:04X} in the text", u32::from(c)),
            context: text[..i]
                .chars()
                .rev()
                .take(24)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .chain(text[i..].chars().take(12))
                .collect::<String>()
                .escape_debug()
                .to_string(),
        });
    }
    if leaks.is_empty() {
        Ok(text)
    } else {
        Err(leaks)
    }
}

/// A report for a file or a pipe: lines of text, nothing a terminal or printer acts on but the
/// line feed.
pub fn report_text(out: &str) -> Result<(), Leak> {
    match out
        .char_indices()
        .find(|(_, c)| *c != '\n' && dangerous(*c))
    {
        None => Ok(()),
        Some((at, c)) => Err(Leak {
            at,
            what: format!("U+{:04X} in the report", u32::from(c)),
            context: context(out.as_bytes(), at),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_sequences_pass_and_others_do_not() {
        let ok = b"\x1b[?25l\x1b[1;1Hab\x1b[38;5;196m\x1b[0mc\x1b[2J\x1b[?25h";
        assert_eq!(terminal_text(ok).as_deref(), Ok("abc"));
        for bad in [
            &b"\x1b]0;t\x07"[..],
            b"\x1b[6n",
            b"\x1b[?1049h",
            b"a\x1b",
            b"\x1bc",
            b"a\rb",
            b"a\x07",
        ] {
            assert!(terminal_text(bad).is_err(), "{bad:?}");
        }
        assert!(terminal_text("a\u{202E}b".as_bytes()).is_err());
        assert!(terminal_text("a\u{85}b".as_bytes()).is_err());
    }
}
