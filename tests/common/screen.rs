//! The render harness every screen test shares: the app drawn through its own `ui::draw` on a
//! `TestBackend`, and the frame read back as the text a person sees — one line per row, a wide
//! character once (the cell it covers skipped, as a terminal shows it), trailing spaces
//! trimmed. Snapshots are this text, so that they hold the screen and nothing else.

#![allow(
    dead_code,
    reason = "each test crate uses the part of the harness it needs"
)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use unicode_width::UnicodeWidthStr;

use dutydesk::app::App;

/// The app drawn once on a `w`×`h` test terminal.
pub fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal.draw(|f| dutydesk::ui::draw(f, app)).expect("draw");
    terminal
}

/// The app drawn at `w`×`h`, as text.
pub fn draw_text(app: &App, w: u16, h: u16) -> String {
    screen_text(draw(app, w, h).backend())
}

/// Each row's visible text, with the x of every character (a wide character once, at its first
/// column; the cell it covers is skipped). Trailing spaces are kept, so that `xs` lines up.
pub fn rows(buf: &Buffer) -> Vec<(String, Vec<u16>)> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let (mut text, mut xs, mut skip) = (String::new(), Vec::new(), 0usize);
            for x in area.left()..area.right() {
                let cell = &buf[(x, y)];
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                for c in cell.symbol().chars() {
                    text.push(c);
                    xs.push(x);
                }
                skip = cell.symbol().width().saturating_sub(1);
            }
            (text, xs)
        })
        .collect()
}

/// Everything in `buf`, one line per row, trailing spaces trimmed, each line ending in `\n`.
pub fn buffer_text(buf: &Buffer) -> String {
    rows(buf)
        .into_iter()
        .map(|(t, _)| t.trim_end_matches(' ').to_owned() + "\n")
        .collect()
}

/// Everything on the test terminal's screen: what snapshots hold (see `buffer_text`).
pub fn screen_text(backend: &TestBackend) -> String {
    buffer_text(backend.buffer())
}

/// Whether the terminal shows its cursor.
pub fn cursor_shown(terminal: &Terminal<TestBackend>) -> bool {
    // TestBackend keeps whether the cursor is shown but has no getter; its Debug output has it.
    format!("{:?}", terminal.backend()).contains("cursor: true")
}

/// Where `needle` first appears, reading row by row, on a row that also holds `on`.
pub fn find_on(buf: &Buffer, needle: &str, on: &str) -> Option<Position> {
    rows(buf)
        .iter()
        .zip(buf.area.top()..)
        .filter(|((text, _), _)| text.contains(on))
        .find_map(|((text, xs), y)| {
            let at = text.find(needle)?;
            Some(Position::new(xs[text[..at].chars().count()], y))
        })
}

/// Where `needle` first appears on screen, reading row by row.
pub fn find(buf: &Buffer, needle: &str) -> Option<Position> {
    find_on(buf, needle, "")
}

pub fn must_find(buf: &Buffer, needle: &str) -> Position {
    find(buf, needle).unwrap_or_else(|| panic!("{needle:?} is not on screen"))
}

/// The cursor is shown, and the text just left of it on its row is `typed`, ending exactly at
/// the cursor: the caret is counted in display columns (a Chinese character is two).
pub fn assert_caret_after(terminal: &mut Terminal<TestBackend>, typed: &str) {
    assert!(cursor_shown(terminal), "a focused field shows the cursor");
    let pos = terminal.get_cursor_position().expect("cursor");
    let all = rows(terminal.backend().buffer());
    let (text, xs) = &all[usize::from(pos.y)];
    let before: String = text
        .chars()
        .zip(xs)
        .filter(|(_, x)| **x < pos.x)
        .map(|(c, _)| c)
        .collect();
    let at = before.rfind(typed).unwrap_or_else(|| {
        panic!("the cursor at {pos:?} is not after {typed:?}; left of it: {before:?}")
    });
    let start = xs[before[..at].chars().count()];
    assert_eq!(
        start + u16::try_from(typed.width()).expect("narrow"),
        pos.x,
        "the cursor is right after {typed:?} ({} columns from x = {start}); left of it: {before:?}",
        typed.width()
    );
}
