//! The key presses measured on every main screen, as a duty teacher makes them: each scenario
//! starts on the Now screen, gets where it measures with keys that are not timed, and times
//! every key of the action itself (key handled, clock read, frame drawn).

use std::time::Duration;

use ratatui::crossterm::event::KeyCode;

use dutydesk::action::Tab;

use crate::desk::Desk;

pub struct Scenario {
    pub name: &'static str,
    /// One round: from the Now screen, pushing one time per measured key; `short` (for the
    /// SQL trace, which needs each statement once, not a distribution) presses far fewer.
    pub run: fn(&mut Desk, &mut Vec<Duration>, bool),
}

/// `n` presses, or a tenth of them (at least two) in a short round.
fn count(n: usize, short: bool) -> usize {
    if short { (n / 10).max(2) } else { n }
}

pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        name: "Now: move through open rounds (↓↑)",
        run: now_rounds,
    },
    Scenario {
        name: "Patrols: move on the grid (→↓←↑)",
        run: patrol_grid,
    },
    Scenario {
        name: "Patrols: previous/next day ([ ])",
        run: patrol_days,
    },
    Scenario {
        name: "Incidents: scroll the list (↓×250, ↑×250)",
        run: incidents_scroll,
    },
    Scenario {
        name: "Incidents: open a detail and close it (Enter, Esc)",
        run: incident_detail,
    },
    Scenario {
        name: "Follow-ups, with done: scroll (↓×250, ↑×250)",
        run: followups_scroll,
    },
    Scenario {
        name: "Hazards, all: scroll (↓×100, ↑×100)",
        run: hazards_scroll,
    },
    Scenario {
        name: "Gate log: scroll (↓×30, ↑×30)",
        run: gate_scroll,
    },
    Scenario {
        name: "Incident form: type 20 characters",
        run: incident_typing,
    },
    Scenario {
        name: "Visit form (type-ahead): type 20 characters",
        run: visit_typing,
    },
    Scenario {
        name: "Switch screens (n p i f h g s w)",
        run: switch_screens,
    },
    Scenario {
        name: "Duty log: open and close (F2, Esc)",
        run: duty_log,
    },
    Scenario {
        name: "Duty log ⇄ period report (Tab, Tab)",
        run: period_tab,
    },
];

fn repeat(desk: &mut Desk, into: &mut Vec<Duration>, code: KeyCode, n: usize) {
    for _ in 0..n {
        desk.press(code, into);
    }
}

/// Down and back up a list, `n` rows each way.
fn scroll(desk: &mut Desk, into: &mut Vec<Duration>, n: usize, short: bool) {
    let n = count(n, short);
    repeat(desk, into, KeyCode::Down, n);
    repeat(desk, into, KeyCode::Up, n);
}

fn expect_tab(desk: &Desk, tab: Tab) {
    assert_eq!(desk.app.screen().tab(), tab, "not on the expected screen");
}

fn now_rounds(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    scroll(desk, into, 20, short);
}

fn patrol_grid(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    desk.keys("p");
    expect_tab(desk, Tab::Patrols);
    for _ in 0..count(4, short) {
        for code in [KeyCode::Right, KeyCode::Down, KeyCode::Left, KeyCode::Up] {
            repeat(desk, into, code, 3);
        }
    }
}

fn patrol_days(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    desk.keys("p");
    let n = count(10, short);
    repeat(desk, into, KeyCode::Char('['), n);
    repeat(desk, into, KeyCode::Char(']'), n);
}

fn incidents_scroll(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    desk.keys("i");
    expect_tab(desk, Tab::Incidents);
    scroll(desk, into, 250, short);
}

fn incident_detail(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    desk.keys("i");
    for _ in 0..count(20, short) {
        desk.press(KeyCode::Enter, into);
        assert!(
            matches!(
                desk.app.screen(),
                dutydesk::screens::Screen::IncidentDetail(_)
            ),
            "Enter did not open an incident"
        );
        desk.press(KeyCode::Esc, into);
        desk.key(KeyCode::Down);
    }
}

fn followups_scroll(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    // `d`: with the done ones, the list that grows with every year.
    desk.keys("fd");
    expect_tab(desk, Tab::Followups);
    scroll(desk, into, 250, short);
}

fn hazards_scroll(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    desk.keys("hd");
    expect_tab(desk, Tab::Hazards);
    scroll(desk, into, 100, short);
}

fn gate_scroll(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    desk.keys("g");
    expect_tab(desk, Tab::Gate);
    // Tab: from who is on campus to the day's log.
    desk.key(KeyCode::Tab);
    scroll(desk, into, 30, short);
}

/// Twenty characters, a key each, as a terminal sends them.
const TYPED: &str = "Pushing on the stairs";

fn type_text(desk: &mut Desk, into: &mut Vec<Duration>) {
    for c in TYPED.chars().take(20) {
        desk.press(KeyCode::Char(c), into);
    }
}

/// Two forms of twenty characters: short or not, typing is cheap.
fn incident_typing(desk: &mut Desk, into: &mut Vec<Duration>, _short: bool) {
    for _ in 0..2 {
        desk.keys("ia");
        assert!(desk.app.screen().is_form(), "`a` did not open the form");
        // To the narrative, past when, place, category, severity and source.
        for _ in 0..6 {
            desk.key(KeyCode::Tab);
        }
        type_text(desk, into);
        assert!(
            desk.frame_text().contains("Pushing on the stair"),
            "the typed text is not on screen"
        );
        desk.home();
    }
}

fn visit_typing(desk: &mut Desk, into: &mut Vec<Duration>, _short: bool) {
    for _ in 0..2 {
        desk.keys("gv");
        assert!(desk.app.screen().is_form(), "`v` did not open the form");
        type_text(desk, into);
        desk.home();
    }
}

fn switch_screens(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    let tabs = [
        ('p', Tab::Patrols),
        ('i', Tab::Incidents),
        ('f', Tab::Followups),
        ('h', Tab::Hazards),
        ('g', Tab::Gate),
        ('s', Tab::Shift),
        ('w', Tab::People),
        ('n', Tab::Now),
    ];
    for _ in 0..count(5, short) {
        for (key, tab) in tabs {
            desk.press(KeyCode::Char(key), into);
            expect_tab(desk, tab);
        }
    }
}

fn duty_log(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    for _ in 0..count(10, short) {
        desk.press(KeyCode::F(2), into);
        assert!(matches!(
            desk.app.screen(),
            dutydesk::screens::Screen::Summary(_)
        ));
        desk.press(KeyCode::Esc, into);
    }
}

fn period_tab(desk: &mut Desk, into: &mut Vec<Duration>, short: bool) {
    desk.key(KeyCode::F(2));
    repeat(desk, into, KeyCode::Tab, count(10, short));
}
