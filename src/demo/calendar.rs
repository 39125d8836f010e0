//! The school year as the demo lives it: autumn and spring terms with their holidays, the week
//! of term, and how busy a day is (the first weeks of term and the weeks before exams bring
//! more trouble, weekends and holidays far less), plus the local/UTC arithmetic of the day.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday,
};

/// What kind of day it is for the students.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// A school day; the week of term counts from 1.
    School { week: u32, weeks: u32 },
    /// A weekend in term: boarders come back on Sunday evening.
    Weekend,
    /// A holiday: summer, winter, National Day week, Labour Day.
    Holiday,
}

/// The first Monday on or after `d`.
fn monday_from(d: NaiveDate) -> NaiveDate {
    let ahead = (7 - d.weekday().num_days_from_monday()) % 7;
    d + Duration::days(i64::from(ahead))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The term a day falls in (its first and last day), if any. Autumn: the first Monday from
/// 30 August to about 18 January; spring: the first Monday from 20 February to 4 July.
/// Spring Festival moves every year; a fixed winter break is close enough for demo data.
fn term_of(day: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let y = day.year();
    let terms = [
        (monday_from(ymd(y - 1, 8, 30)), ymd(y, 1, 18)),
        (monday_from(ymd(y, 2, 20)), ymd(y, 7, 4)),
        (monday_from(ymd(y, 8, 30)), ymd(y + 1, 1, 18)),
    ];
    terms.into_iter().find(|(a, b)| *a <= day && day <= *b)
}

/// National Day week and the Labour Day holiday.
fn public_holiday(day: NaiveDate) -> bool {
    let (m, d) = (day.month(), day.day());
    (m == 10 && d <= 7) || (m == 5 && d <= 3)
}

pub fn kind(day: NaiveDate) -> DayKind {
    let Some((start, end)) = term_of(day) else {
        return DayKind::Holiday;
    };
    if public_holiday(day) {
        return DayKind::Holiday;
    }
    if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        return DayKind::Weekend;
    }
    let week = u32::try_from((day - start).num_days() / 7 + 1).unwrap_or(1);
    let weeks = u32::try_from((end - start).num_days() / 7 + 1).unwrap_or(20);
    DayKind::School { week, weeks }
}

/// How much trouble a day brings compared with an ordinary school day: new classes and new
/// dormitories in the first weeks, stress before the mid-term (weeks 8–9) and the finals (the
/// last two weeks); a Sunday evening with boarders back; almost nothing in the holidays.
pub fn intensity(day: NaiveDate) -> f64 {
    match kind(day) {
        DayKind::School { week, weeks } => match week {
            1..=3 => 1.8,
            4..=5 => 1.3,
            8..=9 => 1.4,
            w if w + 1 >= weeks => 1.5,
            _ => 1.0,
        },
        DayKind::Weekend if day.weekday() == Weekday::Sun => 0.25,
        DayKind::Weekend => 0.08,
        DayKind::Holiday => 0.03,
    }
}

pub fn is_school_day(day: NaiveDate) -> bool {
    matches!(kind(day), DayKind::School { .. })
}

/// Local wall-clock time and stored UTC, at the school's fixed offset (China has no DST).
#[derive(Debug, Clone, Copy)]
pub struct Tz(pub FixedOffset);

impl Tz {
    pub fn utc(self, local: NaiveDateTime) -> DateTime<Utc> {
        let offset = Duration::seconds(i64::from(self.0.local_minus_utc()));
        DateTime::from_naive_utc_and_offset(local - offset, Utc)
    }

    pub fn local(self, t: DateTime<Utc>) -> NaiveDateTime {
        t.with_timezone(&self.0).naive_local()
    }

    /// `day` at `h:m` local, plus `secs` seconds.
    pub fn at(self, day: NaiveDate, h: u32, m: u32, secs: i64) -> DateTime<Utc> {
        let t = NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
        self.utc(day.and_time(t) + Duration::seconds(secs))
    }

    /// The first time at or after `t` that is `minute` minutes into office hours (from 08:00,
    /// at most 17:29 local) on a weekday: when follow-ups are done and hazards repaired.
    pub fn office(self, t: DateTime<Utc>, minute: i64) -> DateTime<Utc> {
        let local = self.local(t);
        let open = NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default();
        let offset = Duration::minutes(minute.clamp(0, 9 * 60 + 29));
        let mut day = local.date();
        for _ in 0..8 {
            let at = day.and_time(open) + offset;
            if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && at >= local {
                return self.utc(at);
            }
            day += Duration::days(1);
        }
        t
    }
}

#[cfg(test)]
mod tests;
