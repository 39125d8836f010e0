//! The frame around every screen: header (school, date, time, current slot, shift and who is on
//! duty), the tabs, the screen, the status line and the key bar; or a plain message when the
//! window is smaller than 80×24.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::action::Tab;
use crate::app::{App, Confirm, Overlay, Station, tab_key};
use crate::domain::schedule;
use crate::domain::shift::DutyRole;
use crate::domain::text;
use crate::screens::{View, day_text, help, truncate, window_text};
use crate::widgets::{Keys, keybar, popup};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn draw(frame: &mut Frame<'_>, app: &App) {
    draw_screen(frame, app);
    scrub(frame.buffer_mut());
}

/// The last line of defence between stored text and the terminal: every screen already shows
/// stored text through `text::line`, but one place that forgot would let a tampered row's escape
/// sequence or bidi override reach the terminal. So every cell of the finished frame is checked
/// (a few thousand short strings, microseconds) and anything a terminal would act on or hide is
/// taken out, keeping the cell's width so the columns stay where they were drawn.
fn scrub(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        let symbol = cell.symbol();
        if let Some(clean) = text::cell_symbol(symbol) {
            cell.set_symbol(&clean);
        }
    }
}

fn draw_lock(frame: &mut Frame<'_>, app: &App, lock: &crate::screens::sign_in::SignInScreen) {
    let area = frame.area();
    let s = app.strings();
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {}", s.app_name), app.theme.title)),
        Rect { height: 1, ..area },
    );
    lock.render(frame, area, (s, app.theme), &app.view().data.accounts);
}

fn draw_screen(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    let mut view = app.view();
    view.caret = !matches!(app.overlay, Some(Overlay::Help | Overlay::Confirm(_)));
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, area, app, &view);
        return;
    }
    // Signed out or locked: nothing of the records, only the sign-in.
    if let Some(lock) = &app.lock {
        draw_lock(frame, app, lock);
        return;
    }
    let [header, tabs, body, status, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(frame, header, &view, app.station);
    render_tabs(frame, tabs, &view, app.screen().tab(), &app.tabs());
    let body = Rect {
        x: body.x + 1,
        width: body.width - 2,
        ..body
    };
    app.screen().render(frame, body, &view);
    render_status(frame, status, app, &view);
    let (screen_keys, pinned) = render_overlay(frame, body, app, &view);
    keybar::render(frame, keys, &screen_keys, pinned, view.theme);
}

/// A window too small for the frame: say so, and whether a form holds unsaved input.
fn draw_too_small(frame: &mut Frame<'_>, area: Rect, app: &App, view: &View<'_>) {
    let mut msg = (view.s.too_small)(area.width, area.height);
    if app.screen().is_dirty() {
        msg.push(' ');
        msg.push_str(view.s.too_small_unsaved);
    }
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}

/// The last action's outcome, red when it failed.
fn render_status(frame: &mut Frame<'_>, area: Rect, app: &App, view: &View<'_>) {
    if let Some(st) = app.status() {
        let style = if st.error {
            view.theme.error
        } else {
            view.theme.ok
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {}", st.text), style)),
            area,
        );
    }
}

/// Draws the overlay, if one is open, over the body; returns the keys the key bar then shows
/// and the one pinned at its end.
fn render_overlay(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    view: &View<'_>,
) -> (Keys, (&'static str, &'static str)) {
    let s = view.s;
    let screen_keys = app.screen().keys(view);
    let help_key = if app.screen().is_form() { "F1" } else { "?" };
    let pinned = (help_key, s.keys.help);
    let Some(overlay) = &app.overlay else {
        return (screen_keys, pinned);
    };
    match overlay {
        Overlay::Help => {
            let patrols = matches!(
                app.screen().tab(),
                crate::action::Tab::Now | crate::action::Tab::Patrols
            );
            help::render(
                frame,
                body,
                view,
                &screen_keys,
                (app.screen().is_form(), patrols),
            );
            (Vec::new(), ("Esc", s.keys.back))
        }
        Overlay::Confirm(which) => {
            popup::confirm(
                frame,
                body,
                &confirm_question(view, *which),
                (s, view.theme),
            );
            (vec![("y", s.yes), ("n", s.no)], pinned)
        }
        Overlay::WatchAlert(draft, entry) => {
            let text = (s.watch_alert)(
                &crate::domain::text::line(&draft.name),
                &crate::domain::text::line(&entry.draft.reason),
            );
            popup::message(frame, body, s.watch_title, &text, view.theme);
            let keys = vec![
                ("r", s.keys.refuse),
                ("a", s.keys.admit),
                ("Esc", s.keys.back),
            ];
            (keys, pinned)
        }
        Overlay::AlreadyIn(draft) => {
            let question = (s.already_in)(&crate::domain::text::line(&draft.name));
            popup::confirm(frame, body, &question, (s, view.theme));
            (vec![("y", s.yes), ("n", s.no)], pinned)
        }
        Overlay::Prompt(prompt, _) => {
            prompt.render(frame, body, view);
            (vec![("Enter", s.keys.save), ("Esc", s.keys.back)], pinned)
        }
    }
}

fn confirm_question(view: &View<'_>, which: Confirm) -> String {
    let c = &view.s.confirm;
    match which {
        Confirm::Quit => c.quit.to_owned(),
        Confirm::LeaveForm => c.discard.to_owned(),
        Confirm::CloseShift => c.close_shift.to_owned(),
        Confirm::EndWatch(..) => c.end_watch.to_owned(),
        Confirm::SignOff(..) => c.sign_off.to_owned(),
        Confirm::SignOut(id, _) => {
            let visit = view.data.on_campus.iter().find(|v| v.id == id);
            let name = visit.map_or(String::new(), |v| text::line(&v.name).into_owned());
            let since = visit.map_or(String::new(), |v| view.hm(v.time_in));
            (c.sign_out)(&name, &since, &view.hm(view.now_utc()))
        }
    }
}

fn render_header(frame: &mut Frame<'_>, area: Rect, view: &View<'_>, station: Station) {
    let width = usize::from(area.width);
    let line1 = header_where_and_when(view, station, width);
    let line2 = header_who(view, width);
    frame.render_widget(
        Paragraph::new(vec![Line::from(line1), Line::from(line2)]).style(view.theme.header),
        area,
    );
}

/// The header's first line: school, station, the current slot, and the date and time.
fn header_where_and_when(view: &View<'_>, station: Station, width: usize) -> String {
    let app_name = if station == Station::Gate {
        view.s.gate_station
    } else {
        view.s.app_name
    };
    let s = view.s;
    let active = schedule::active_at(view.cfg, view.now);
    let slot_text = |short: bool| {
        if active.is_empty() {
            return s.empty.slot_short.to_owned();
        }
        let names: Vec<String> = active
            .iter()
            .map(|a| {
                let name = if short { &a.slot.short } else { &a.slot.name };
                format!("{} {}", name.get(view.lang), window_text(&a.window))
            })
            .collect();
        names.join(" · ")
    };
    let clock = format!(
        "{} {}",
        day_text(s, view.now.date()),
        view.now.format("%H:%M")
    );
    let school = text::line(view.cfg.school.get(view.lang));
    // The fullest header that fits: the current slot matters more than the program's name.
    let room = width.saturating_sub(clock.width() + 3);
    let left = [
        format!(" {school} · {app_name}  {}", slot_text(false)),
        format!(" {school}  {}", slot_text(false)),
        format!(" {school}  {}", slot_text(true)),
    ]
    .into_iter()
    .find(|l| l.width() <= room)
    .unwrap_or_else(|| format!(" {school}  {}", slot_text(true)));
    spread(&left, &format!("{clock} "), width)
}

/// The header's second line: the shift and who is on duty in it, and who is signed in here.
fn header_who(view: &View<'_>, width: usize) -> String {
    let s = view.s;
    let team = match &view.data.shift {
        None => s.empty.shift_short.to_owned(),
        Some(shift) => {
            let parts: Vec<String> = DutyRole::ALL
                .iter()
                .filter_map(|role| {
                    let names: Vec<String> = shift
                        .with_role(*role)
                        .map(|m| text::line(&m.name).into_owned())
                        .collect();
                    (!names.is_empty())
                        .then(|| format!("{} {}", s.duty_role_short(*role), names.join("、")))
                })
                .collect();
            format!(
                "{} {} │ {}",
                s.shift,
                shift.day.format("%m-%d"),
                parts.join(" · ")
            )
        }
    };
    let operator = view
        .data
        .operator_name()
        .map(|n| format!("{}{} ", s.operator, text::line(n)))
        .unwrap_or_default();
    spread(&format!(" {team}"), &operator, width)
}

/// `left` and `right` on one line of `width` columns, `left` cut short if they do not both fit.
fn spread(left: &str, right: &str, width: usize) -> String {
    // Two columns always stay between them, so the clock never runs into the slot.
    let room = width.saturating_sub(right.width() + 2);
    let left = truncate(left, room);
    let gap = room.saturating_sub(left.width()) + 2;
    format!("{left}{}{right}", " ".repeat(gap))
}

fn render_tabs(frame: &mut Frame<'_>, area: Rect, view: &View<'_>, current: Tab, tabs: &[Tab]) {
    let (s, theme) = (view.s, view.theme);
    let name = |tab: Tab| match tab {
        Tab::Now => s.tabs.now,
        Tab::Patrols => s.tabs.patrols,
        Tab::Incidents => s.tabs.incidents,
        Tab::Followups => s.tabs.followups,
        Tab::Hazards => s.tabs.hazards,
        Tab::Gate => s.tabs.gate,
        Tab::Shift => s.tabs.shift,
        Tab::People => s.tabs.people,
    };
    let labels: Vec<(Tab, String)> = tabs
        .iter()
        .map(|t| (*t, format!("{} {}", tab_key(*t), name(*t))))
        .collect();
    let width: usize = labels.iter().map(|(_, l)| l.width()).sum();
    // Two spaces between tabs where they fit, one where the window is narrow.
    let gap = if width + 2 * labels.len() < usize::from(area.width) {
        "  "
    } else {
        " "
    };
    let mut spans = vec![Span::raw(" ")];
    for (tab, label) in labels {
        let style = if tab == current {
            theme.selected.patch(theme.title)
        } else {
            theme.dim
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(gap));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Paragraph, Widget};

    /// Text that reached a widget raw (a screen that forgot `text::line`) leaves the frame
    /// without its escape, bidi override or joiner, and the columns after it stay in place.
    #[test]
    fn the_final_scrub_takes_out_what_a_screen_forgot() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        Paragraph::new("a\u{200D}b\u{202E}c\u{1b}]0;x\u{7}张z").render(buf.area, &mut buf);
        super::scrub(&mut buf);
        let shown: String = buf
            .content
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        assert!(
            !shown.chars().any(|c| crate::domain::text::is_control(c)
                || crate::domain::text::is_invisible_format(c)),
            "{shown:?}"
        );
        assert!(shown.starts_with("ab"), "{shown:?}");
        let z = buf.content.iter().position(|c| c.symbol() == "z");
        let zhang = buf.content.iter().position(|c| c.symbol() == "张");
        assert_eq!(z, zhang.map(|i| i + 2), "{shown:?}");
    }
}
