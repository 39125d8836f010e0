//! A record's history in words: who did what when and why, and each change from old to new
//! with codes translated and times local.

use chrono::{DateTime, Utc};
use ratatui::text::{Line, Span};

use super::{View, truncate};
use crate::domain::history::LogEntry;
use crate::domain::text;
use crate::i18n::Strings;

/// A record's history, oldest first: when, who, what was done and why, and each change.
pub fn history_lines(log: &[LogEntry], view: &View<'_>) -> Vec<Line<'static>> {
    let (s, theme) = (view.s, view.theme);
    let mut lines = Vec::new();
    for e in log {
        let mut head = vec![
            Span::raw(format!(
                "  {} {} ",
                view.day_hm(e.at),
                text::line(&e.by_name)
            )),
            Span::styled(s.log_action(e.action).to_owned(), theme.title),
        ];
        if !e.reason.is_empty() {
            head.push(Span::raw(format!(
                " — {} {}",
                s.reason_label,
                text::line(&e.reason)
            )));
        }
        lines.push(Line::from(head));
        for c in &e.changes {
            let (label, who) = match c.field.split_once(':') {
                Some((_, name)) => (s.fields.student, format!(" {}", text::line(name))),
                None => (field_label(s, &c.field), String::new()),
            };
            lines.push(Line::from(Span::styled(
                format!(
                    "      {label}{who}: {} → {}",
                    change_value(&c.field, &c.old, view),
                    change_value(&c.field, &c.new, view)
                ),
                theme.dim,
            )));
        }
    }
    lines
}

fn field_label(s: &Strings, field: &str) -> &'static str {
    match field {
        "occurred_at" => s.fields.when,
        "place" => s.fields.place,
        "category" => s.fields.category,
        "severity" => s.fields.severity,
        "source" => s.fields.source,
        "narrative" => s.fields.narrative,
        "child_words" => s.fields.child_words,
        "immediate_action" => s.fields.action,
        "bullying" => s.fields.bullying,
        "bullying_on" => s.fields.bullying_on,
        "due_at" => s.fields.due,
        "outcome" => s.fields.outcome,
        "steps" => s.fields.steps,
        // "status" and "hazard_status".
        _ => s.fields.status,
    }
}

/// A logged value in words: codes translated, times local, long text cut.
fn change_value(field: &str, value: &str, view: &View<'_>) -> String {
    use crate::domain::{hazard, incident};
    let s = view.s;
    if value.is_empty() {
        return "—".to_owned();
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return view.day_hm(t.with_timezone(&Utc));
    }
    let word = match field {
        "severity" => incident::Severity::from_code(value).map(|v| s.severity(v)),
        "source" => incident::Source::from_code(value).map(|v| s.source(v)),
        "bullying" => incident::Bullying::from_code(value).map(|v| s.bullying_word(v)),
        "category" => return view.cfg.category_name(value, view.lang).into_owned(),
        "place" => view.cfg.place(value).map(|p| p.name.get(view.lang)),
        "status" => incident::Status::from_code(value).map(|v| s.status(v)),
        "hazard_status" => hazard::HazardStatus::from_code(value).map(|v| s.hazard_status(v)),
        _ => None,
    };
    if let Some(w) = word {
        return w.to_owned();
    }
    if field.starts_with("student:") {
        return student_value(value, view);
    }
    truncate(&text::line(&value.replace('\n', " ")), 50)
}

/// `target; education+warning_talk; 2026-11-30T…` in words.
fn student_value(value: &str, view: &View<'_>) -> String {
    let s = view.s;
    let mut parts = value.split("; ");
    let role = parts
        .next()
        .and_then(crate::domain::incident::Role::from_code)
        .map_or("", |r| s.role(r));
    let measures: Vec<std::borrow::Cow<'_, str>> = parts
        .next()
        .unwrap_or("")
        .split('+')
        .filter(|m| !m.is_empty())
        .map(|m| view.cfg.measure_name(m, view.lang))
        .collect();
    let told = parts
        .next()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| format!(" {} {}", s.parents_told, view.day_hm(t.with_timezone(&Utc))))
        .unwrap_or_default();
    let by = parts
        .next()
        .filter(|b| !b.is_empty())
        .map(|b| format!(" {}", text::line(b)))
        .unwrap_or_default();
    format!("{role} {}{told}{by}", measures.join("、"))
}
