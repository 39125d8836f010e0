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
    let texty = events.iter().filter(|e| is_text(e)).count();
    if texty < BURST {
        return events.into_iter().map(Input::Event).collect();
    }
    let mut out = Vec::new();
    let mut run: Vec<Event> = Vec::new();
    let flush = |run: &mut Vec<Event>, out: &mut Vec<Input>| {
        if run.len() >= BURST {
            let text = run
                .drain(..)
                .filter_map(|e| match e {
                    Event::Key(k) => match as_text(&k) {
                        AsText::Char(c) => Some(c),
                        AsText::Key | AsText::Dropped => None,
                    },
                    _ => None,
                })
                .collect();
            out.push(Input::Text(text));
        } else {
            out.extend(run.drain(..).map(Input::Event));
        }
    };
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
}
