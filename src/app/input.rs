//! Input as it arrives: everything already waiting is taken before the next draw, and a burst
//! of characters (a paste the terminal did not bracket, as many SSH clients send it) is handled
//! as pasted text in one go — not as keys, so an Enter or an ESC inside it cannot save a form
//! or leave a screen, and 100 KB costs one paste instead of a redraw per character.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::App;

/// Characters arriving together that are more than a person types between two frames: a
/// paste. (A person typing fast sends a few keys per frame, and only while the app is busy.)
pub const BURST: usize = 16;

/// Events taken at most before drawing again, so that a paste of a whole file still shows
/// progress and the app answers Ctrl+C.
pub const MAX_BATCH: usize = 200_000;

/// The longest pause inside one paste, between two reads of the terminal: past it, what comes
/// next is new input.
pub const PASTE_GAP: std::time::Duration = std::time::Duration::from_millis(40);

/// Whether the events end in a burst of text: a paste that may still be arriving.
pub fn ends_in_burst(events: &[Event]) -> bool {
    events.iter().rev().take_while(|e| is_text(e)).count() >= BURST
}

/// What a batch of events is handled as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Event(Event),
    /// Characters that came as a burst, as text.
    Text(String),
}

/// What a key is to a burst of text.
enum AsText {
    /// Not text: a key of its own (Ctrl+S, an arrow, a function key).
    Key,
    /// A character of the text (line breaks and tabs included).
    Char(char),
    /// The ESC of an escape sequence inside pasted text: dropped, as paste rules drop it.
    Dropped,
}

fn as_text(key: &KeyEvent) -> AsText {
    if key.kind == KeyEventKind::Release {
        return AsText::Key;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char(c) if !ctrl => AsText::Char(c),
        KeyCode::Enter => AsText::Char('\n'),
        KeyCode::Tab => AsText::Char('\t'),
        KeyCode::Esc => AsText::Dropped,
        _ => AsText::Key,
    }
}

fn is_text(e: &Event) -> bool {
    matches!(e, Event::Key(k) if !matches!(as_text(k), AsText::Key))
}

/// Groups a batch: runs of at least `BURST` text keys become one `Text`; everything else stays
/// an event, in order.
pub fn group(events: Vec<Event>) -> Vec<Input> {
    let mut out = Vec::new();
    let mut run: Vec<Event> = Vec::new();
    for e in events {
        if is_text(&e) {
            run.push(e);
        } else {
            flush(&mut run, &mut out);
            out.push(Input::Event(e));
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The characters of a run of text keys, if it is pasted text: long (more than a person types
/// between two frames), or a line break or tab with characters on both sides in one read — a
/// pasted second line, which as keys would save the first line alone and lose the rest.
fn pasted(run: &[Event]) -> Option<String> {
    let chars: Vec<char> = run
        .iter()
        .filter_map(|e| match e {
            Event::Key(k) => match as_text(k) {
                AsText::Char(c) => Some(c),
                AsText::Key | AsText::Dropped => None,
            },
            _ => None,
        })
        .collect();
    let inner_break = chars.iter().enumerate().any(|(i, c)| {
        matches!(c, '\n' | '\t')
            && chars[..i].iter().any(|c| !c.is_whitespace())
            && chars[i + 1..].iter().any(|c| !c.is_whitespace())
    });
    (run.len() >= BURST || inner_break).then(|| chars.into_iter().collect())
}

/// Ends a run of text keys: one pasted text, or the keys as they came.
fn flush(run: &mut Vec<Event>, out: &mut Vec<Input>) {
    match pasted(run) {
        Some(text) => {
            run.clear();
            out.push(Input::Text(text));
        }
        None => out.extend(run.drain(..).map(Input::Event)),
    }
}

impl App {
    /// Handles everything that arrived since the last frame. On the sign-in and lock screens
    /// keys stay keys: a name and a PIN typed ahead over a slow connection must go to their own
    /// fields, never all into the name field where the PIN would show.
    pub fn handle_events(&mut self, events: Vec<Event>) {
        if self.locked() {
            for e in &events {
                self.handle_event(e);
            }
            return;
        }
        for input in group(events) {
            match input {
                Input::Event(e) => self.handle_event(&e),
                Input::Text(text) => self.handle_paste(&text),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn chars(s: &str) -> Vec<Event> {
        s.chars().map(|c| key(KeyCode::Char(c))).collect()
    }

    #[test]
    fn a_short_paste_of_two_lines_is_text_but_a_line_and_enter_are_keys() {
        let mut two = chars("宿舍有人打架");
        two.push(key(KeyCode::Enter));
        two.extend(chars("请尽快处理"));
        assert_eq!(
            group(two),
            vec![Input::Text("宿舍有人打架\n请尽快处理".into())]
        );
        let mut one = chars("刘建");
        one.push(key(KeyCode::Enter));
        assert_eq!(
            group(one.clone()),
            one.into_iter().map(Input::Event).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_few_keys_stay_keys() {
        let mut ev = chars("ab");
        ev.push(key(KeyCode::Enter));
        let out = group(ev.clone());
        assert_eq!(out, ev.into_iter().map(Input::Event).collect::<Vec<_>>());
    }

    #[test]
    fn a_burst_is_text_with_its_line_breaks_and_without_its_escapes() {
        let mut ev = chars("张三 来访 学校");
        ev.push(key(KeyCode::Esc));
        ev.extend(chars("[31m红色"));
        ev.push(key(KeyCode::Enter));
        ev.extend(chars("第二行"));
        let save = Event::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        ev.push(save.clone());
        let out = group(ev);
        assert_eq!(
            out,
            vec![
                Input::Text("张三 来访 学校[31m红色\n第二行".into()),
                Input::Event(save)
            ]
        );
    }

    #[test]
    fn a_burst_still_arriving_is_waited_for() {
        assert!(!ends_in_burst(&chars("abc")));
        let mut ev = chars("宿舍有人打架宿舍有人打架宿舍有人打架");
        assert!(ends_in_burst(&ev));
        ev.push(Event::Key(KeyEvent::new(
            KeyCode::Char('s'),
            KeyModifiers::CONTROL,
        )));
        assert!(!ends_in_burst(&ev), "ends in a key of its own");
    }
}
