//! Tests of the demo calendar: terms, weekends and holidays, and office hours.

use super::*;

#[test]
fn the_year_has_terms_weekends_and_holidays() {
    assert_eq!(kind(ymd(2026, 8, 10)), DayKind::Holiday);
    assert_eq!(kind(ymd(2026, 10, 3)), DayKind::Holiday);
    assert!(matches!(
        kind(ymd(2026, 8, 31)),
        DayKind::School { week: 1, .. }
    ));
    assert_eq!(kind(ymd(2026, 11, 29)), DayKind::Weekend);
    assert!(matches!(
        kind(ymd(2026, 11, 30)),
        DayKind::School { week: 14, .. }
    ));
    assert!(matches!(kind(ymd(2027, 1, 5)), DayKind::School { .. }));
    assert_eq!(kind(ymd(2027, 2, 1)), DayKind::Holiday);
    assert!(intensity(ymd(2026, 9, 2)) > intensity(ymd(2026, 11, 25)));
}

#[test]
fn office_hours_skip_nights_and_weekends() {
    let tz = Tz(FixedOffset::east_opt(8 * 3600).expect("offset"));
    let friday_night = tz.at(ymd(2026, 11, 27), 21, 0, 0);
    let t = tz.local(tz.office(friday_night, 60));
    assert_eq!(t.date(), ymd(2026, 11, 30));
    assert_eq!(
        t.time(),
        NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()
    );
}
