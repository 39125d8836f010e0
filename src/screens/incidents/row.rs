//! One incident as a row of a list (here and in a student's chronology): its columns sized to
//! what they hold, and the line itself.

use ratatui::text::{Line, Span};

use crate::domain::incident::{self, IncidentRow, PlaceRef};
use crate::domain::text;
use crate::screens::{View, cell, truncate};

/// Column widths of the incident list.
pub struct Widths {
    place: usize,
    category: usize,
    status: usize,
    clock: usize,
    total: usize,
}

fn place_text(place: &PlaceRef, view: &View<'_>) -> String {
    match place {
        PlaceRef::Config(id) => view
            .cfg
            .place(id)
            .map_or(id.clone(), |p| p.short.get(view.lang).to_owned()),
        PlaceRef::Text(t) => text::line(t).into_owned(),
    }
}

/// Columns as wide as what they hold, where the window has room; at 80 columns narrow ones,
/// so the students still show.
pub fn widths(rows: &[&IncidentRow], total: usize, view: &View<'_>) -> Widths {
    use unicode_width::UnicodeWidthStr;
    let s = view.s;
    let widest = |it: &mut dyn Iterator<Item = usize>| it.max().unwrap_or(0) + 1;
    let place = widest(&mut rows.iter().map(|r| place_text(&r.place, view).width()));
    let category = widest(
        &mut rows
            .iter()
            .map(|r| view.cfg.category_name(&r.category, view.lang).width()),
    );
    let status = widest(&mut rows.iter().map(|r| s.status(r.status).width()));
    // Number, time and markers take about 26 columns; the students keep at least 16.
    let room = total.saturating_sub(26 + 16 + 14);
    let (place, category, status) = if place + category + status <= room {
        (place, category, status)
    } else {
        (place.min(10), category.min(11), status.min(8))
    };
    Widths {
        place,
        category,
        status,
        clock: 14,
        total,
    }
}

/// One incident: number, when, where, category, status, the investigation clock, students.
pub fn incident_line(
    r: &IncidentRow,
    selected: bool,
    w: &Widths,
    view: &View<'_>,
) -> Line<'static> {
    let width = w.total;
    let (s, theme) = (view.s, view.theme);
    let place = place_text(&r.place, view);
    let entered_on = r.entered_at.with_timezone(&view.offset).date_naive();
    let clock =
        incident::investigation_days_left(entered_on, r.status, r.bullying, view.now.date());
    let (clock_text, clock_style) = match clock {
        Some(d) if d < 0 => ((s.overdue_days)(-d), theme.missed),
        Some(d) => (
            (s.days_left)(d),
            if d <= 2 { theme.warn } else { theme.dim },
        ),
        None => (String::new(), theme.dim),
    };
    let students: Vec<String> = r
        .students
        .iter()
        .map(|(n, role)| format!("{}({})", text::line(n), s.role(*role)))
        .collect();
    let mut spans = vec![
        Span::raw(if selected { "▶ " } else { "  " }),
        Span::styled(
            format!("{} ", r.number),
            if selected {
                theme.selected
            } else {
                theme.title
            },
        ),
        Span::raw(format!("{} ", view.day_hm(r.occurred_at))),
        Span::raw(cell(&place, w.place)),
        Span::raw(cell(
            &view.cfg.category_name(&r.category, view.lang),
            w.category,
        )),
        Span::styled(
            cell(s.status(r.status), w.status),
            if r.status.is_open() {
                theme.warn
            } else {
                theme.dim
            },
        ),
        Span::styled(cell(&clock_text, w.clock), clock_style),
    ];
    if r.voided {
        spans.push(Span::styled(format!("{} ", s.voided_mark), theme.missed));
    }
    let used: usize = spans
        .iter()
        .map(|sp| unicode_width::UnicodeWidthStr::width(sp.content.as_ref()))
        .sum();
    spans.push(Span::styled(
        truncate(&students.join(" "), width.saturating_sub(used)),
        theme.dim,
    ));
    Line::from(spans)
}
