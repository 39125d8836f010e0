#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]
//! Hostile text on the terminal: every payload of the corpus (tests/common/corpus.rs) stored in
//! every free-text field of every kind of record (tests/common/world.rs), every screen and popup
//! reached by keys drawn through the real crossterm backend into bytes in both languages, and the
//! bytes read back: nothing but the backend's own sequences and plain text may reach the
//! terminal. The same for `dutydesk report` text and Markdown; CSV cells a spreadsheet would run
//! are neutralised; names and ID numbers typed or pasted into forms refuse what they must not
//! hold. Both languages, both themes; every screen also passes through `ui::draw`'s final scrub of
//! the frame, so these tests fail if that scrub or the sanitizer it uses lets anything through.

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/desk.rs"]
mod desk;
#[path = "common/scan.rs"]
mod scan;
#[path = "common/screen.rs"]
mod screen;
#[path = "common/world.rs"]
mod world;

use std::collections::BTreeSet;
use std::process::Command;
use std::time::Instant;

use ratatui::crossterm::event::KeyCode;

use dutydesk::app::Station;
use dutydesk::domain::text;
use dutydesk::i18n::Lang;
use dutydesk::store::Store;
use dutydesk::theme::{COLOR, MONO, Theme};

use corpus::Payload;
use desk::{Desk, Findings, School, lang_code};
use world::{TagAt, Texts};

/// Each language with the theme it is drawn in (colour in one, monochrome in the other).
const LOOKS: [(Lang, &Theme); 2] = [(Lang::En, &COLOR), (Lang::Zh, &MONO)];

// ---------------------------------------------------------------------------------------------
// Tours: the keys that reach every screen and popup
// ---------------------------------------------------------------------------------------------

/// A walk through some screens: its name, the station it starts at, the keys and shots.
struct Tour {
    name: &'static str,
    station: Station,
    walk: fn(&mut Desk),
}

fn now_and_patrols(d: &mut Desk) {
    d.shot("now");
    d.keys("p").shot("patrol grid");
    // The cursor starts on the first round still wanting a reason (the canteen); the
    // playground on its left has the stored one, which the prompt shows to be corrected.
    d.press(KeyCode::Left)
        .keys("r")
        .shot("round reason prompt, prefilled");
    d.cancel(false);
    d.times(KeyCode::Right, 10)
        .shot("patrol grid, gate selected");
    d.press(KeyCode::Enter)
        .shot("check form, prefilled from the check");
    d.times(KeyCode::Tab, 6).shot("check form, further down");
    d.press(KeyCode::F(1)).shot("help over a form");
    d.press(KeyCode::Esc).leave();
    d.keys("e").shot("incident form from the check");
    d.leave();
    d.keys("d").shot("hazard form from the check");
    d.leave();
    d.keys("?").shot("help");
}

fn incidents(d: &mut Desk) {
    d.keys("i").shot("incident list");
    d.press(KeyCode::Enter).shot("incident detail");
    d.press(KeyCode::PageDown).shot("incident detail, scrolled");
    d.press(KeyCode::Tab)
        .press(KeyCode::Enter)
        .shot("student record");
    d.press(KeyCode::Esc);
    d.keys("e").shot("correction form, prefilled");
    for part in 1..=3 {
        d.times(KeyCode::Tab, 5)
            .shot(&format!("correction form, part {part}"));
    }
    d.leave();
    d.keys("v").shot("void prompt");
    d.cancel(false);
    d.keys("f").shot("follow-up form for the incident");
    d.leave();
    d.press(KeyCode::Esc);
    d.keys("v").shot("incident list with voided");
    d.press(KeyCode::Enter).shot("voided incident detail");
    d.times(KeyCode::PageDown, 2)
        .shot("voided incident detail, page 2");
    d.press(KeyCode::Esc);
    d.keys("m").shot("mailbox slips");
    d.press(KeyCode::Down).shot("mailbox slips, second");
    d.press(KeyCode::Down).shot("mailbox slips, third");
    d.times(KeyCode::Up, 2)
        .keys("e")
        .shot("incident form from a slip");
    d.leave();
    d.keys("g").shot("merge slip prompt");
    d.cancel(false);
    d.keys("u").shot("slip unfounded prompt");
    d.cancel(false);
    d.keys("m/").shot("incident search");
}

fn followups_and_hazards(d: &mut Desk) {
    d.keys("f").shot("follow-ups");
    d.keys("d").shot("follow-ups with done");
    d.keys("c").shot("complete follow-up prompt");
    d.cancel(false);
    d.keys("r").shot("reschedule prompt");
    d.cancel(false);
    d.press(KeyCode::Enter).shot("incident from a follow-up");
    d.press(KeyCode::Esc);
    d.keys("h").shot("hazards with history");
    d.keys("d").shot("all hazards");
    d.keys("r").shot("advance hazard prompt, prefilled");
    d.cancel(false);
    d.keys("f").shot("follow-up form for the hazard");
    d.leave();
    d.keys("a").shot("new hazard form");
    d.leave();
}

fn gate(d: &mut Desk) {
    d.keys("g").shot("on campus");
    d.keys("t").shot("sign out at prompt");
    d.cancel(false);
    d.keys("u").shot("left unsigned prompt");
    d.cancel(false);
    d.press(KeyCode::Tab).shot("gate log");
    d.times(KeyCode::Down, 2).shot("gate log, lower");
    d.press(KeyCode::Tab).shot("early leaves");
    d.press(KeyCode::Tab).keys("m").shot("watchlist");
    d.press(KeyCode::Down).shot("watchlist, second");
    d.keys("a").shot("watchlist form");
    d.press(KeyCode::Esc).press(KeyCode::Esc);
    // An earlier visitor offered by name, then chosen: the form fills from the last visit.
    d.keys("v")
        .keys("‹vname")
        .shot("visit form offering an earlier visitor");
    d.press(KeyCode::Down).press(KeyCode::Enter);
    d.shot("visit form filled from an earlier visitor");
    d.times(KeyCode::Tab, 8).shot("visit form, lower fields");
    d.leave();
    // A sign-in that matches the watchlist by plate: the alert quotes the stored reason.
    d.keys("v").keys("Bob").times(KeyCode::Tab, 5).keys("visit");
    d.times(KeyCode::Tab, 3).keys("粤B12345").ctrl('s');
    d.shot("watchlist alert");
    d.keys("a").shot("admit despite prompt");
    d.cancel(false).leave();
    d.keys("e")
        .keys("‹stu")
        .shot("early leave form offering students");
    d.press(KeyCode::Down)
        .press(KeyCode::Enter)
        .shot("early leave form, student chosen");
    d.leave();
}

fn gate_station(d: &mut Desk) {
    d.shot("gate station");
    d.press(KeyCode::Tab).shot("gate station log");
    d.press(KeyCode::Tab).shot("gate station early leaves");
    d.keys("s").shot("gate station shift");
}

fn shift_and_people(d: &mut Desk) {
    d.keys("s").shot("shift");
    for n in 1..=3 {
        d.keys("u").shot(&format!("shift, operator switched {n}"));
    }
    d.keys("w").shot("staff");
    d.press(KeyCode::Tab).shot("students");
    d.keys("‹stu").shot("students, searched");
    d.press(KeyCode::Enter).shot("student record from the list");
    d.press(KeyCode::Esc);
}

fn duty_log(d: &mut Desk) {
    d.press(KeyCode::F(2)).shot("duty log");
    for page in 1..=8 {
        d.press(KeyCode::PageDown)
            .shot(&format!("duty log, page {page}"));
    }
    d.press(KeyCode::Right).shot("duty log, scrolled right");
    d.press(KeyCode::Home)
        .keys("e")
        .shot("handover note form, prefilled");
    d.leave();
    d.keys("o").shot("sign-off question");
    // Dismisses the question if one was asked; does nothing on the duty log if not.
    d.press(KeyCode::F(5));
    d.press(KeyCode::Tab).shot("period report");
    for page in 1..=8 {
        d.press(KeyCode::PageDown)
            .shot(&format!("period report, page {page}"));
    }
    d.keys("2").shot("period report, another range");
}

const NOW_AND_PATROLS: Tour = Tour {
    name: "now and patrols",
    station: Station::Desk,
    walk: now_and_patrols,
};
const INCIDENTS: Tour = Tour {
    name: "incidents",
    station: Station::Desk,
    walk: incidents,
};
const FOLLOWUPS_AND_HAZARDS: Tour = Tour {
    name: "follow-ups and hazards",
    station: Station::Desk,
    walk: followups_and_hazards,
};
const GATE: Tour = Tour {
    name: "gate",
    station: Station::Desk,
    walk: gate,
};
const GATE_STATION: Tour = Tour {
    name: "gate station",
    station: Station::Gate,
    walk: gate_station,
};
const SHIFT_AND_PEOPLE: Tour = Tour {
    name: "shift and people",
    station: Station::Desk,
    walk: shift_and_people,
};
const DUTY_LOG: Tour = Tour {
    name: "duty log",
    station: Station::Desk,
    walk: duty_log,
};

/// Runs `tour` for every payload of `payloads` on its own database, in both languages.
fn run_tour(tour: &Tour, payloads: &[Payload]) -> Findings {
    let mut found = Findings::default();
    for payload in payloads {
        let texts = Texts {
            payload: &payload.text,
            tag_at: TagAt::First,
            plain: &[],
        };
        let school = School::new(|path| world::build(path, texts));
        for (lang, theme) in LOOKS {
            let mut desk = Desk::open(&school.path, payload.name, lang, theme);
            if tour.station == Station::Gate {
                desk = desk.gate_station();
            }
            (tour.walk)(&mut desk);
            found.merge(desk.found);
        }
    }
    found
}

/// Every payload through `tour`; fails on any leak.
fn tour_corpus(tour: &Tour, expected_tags: &[&str]) {
    let started = Instant::now();
    let found = run_tour(tour, &corpus::payloads());
    found.assert_clean(tour.name, expected_tags, started);
}

// ---------------------------------------------------------------------------------------------
// Screens
// ---------------------------------------------------------------------------------------------

#[test]
fn now_patrols_checks_and_help_show_no_payload_controls() {
    tour_corpus(
        &NOW_AND_PATROLS,
        &["duty", "lead", "guard", "exc", "item", "inote", "cnote"],
    );
}

#[test]
fn incidents_details_students_and_slips_show_no_payload_controls() {
    tour_corpus(
        &INCIDENTS,
        &[
            "stuA", "stuB", "narr", "narr2", "words", "act", "place", "corr", "void", "slip",
            "slipm", "slipu", "couns", "fout",
        ],
    );
}

#[test]
fn followups_and_hazards_show_no_payload_controls() {
    tour_corpus(
        &FOLLOWUPS_AND_HAZARDS,
        &[
            "fout", "hdesc", "hstep", "hstep2", "hplace", "hrisk", "couns", "stuA",
        ],
    );
}

#[test]
fn the_gate_lists_forms_and_watchlist_show_no_payload_controls() {
    tour_corpus(
        &GATE,
        &[
            "vname", "vorg", "vpur", "vplate", "wname", "wplate", "wwhy", "coll", "rel", "stuA",
            "couns",
        ],
    );
}

#[test]
fn the_gate_station_shows_no_payload_controls() {
    tour_corpus(&GATE_STATION, &["vname", "vorg", "guard", "coll"]);
}

#[test]
fn shift_people_and_students_show_no_payload_controls() {
    tour_corpus(
        &SHIFT_AND_PEOPLE,
        &["duty", "lead", "guard", "couns", "impst", "stuA", "stuB"],
    );
}

#[test]
fn the_duty_log_and_period_report_screens_show_no_payload_controls() {
    tour_corpus(
        &DUTY_LOG,
        &[
            "hand", "exc", "vname", "coll", "hdesc", "duty", "lead", "inote", "cnote", "place",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

/// The reports `dutydesk report` prints of the morning, with the arguments that ask for them.
const REPORTS: [(&str, &[&str]); 3] = [
    ("shift", &["report", "shift"]),
    (
        "period",
        &["report", "period", "--from", world::DAY, "--to", world::DAY],
    ),
    ("onsite", &["report", "onsite"]),
];

/// Runs the real program on `school`'s database with the clock at `world::NOW`.
fn report(school: &School, lang: Lang, args: &[&str], format: &str) -> String {
    let home = school.path.parent().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .arg("--db")
        .arg(&school.path)
        .args(["--lang", lang_code(lang)])
        .args(args)
        .args(["--format", format])
        .env("DUTYDESK_NOW", world::NOW)
        .env("DUTYDESK_HOME", home)
        .env_remove("DUTYDESK_CONFIG")
        .env_remove("DUTYDESK_DB")
        .output()
        .expect("run dutydesk");
    assert!(out.status.success(), "{args:?} {format}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Every report in text and Markdown, both languages, for each payload.
fn reports(payloads: &[Payload]) -> Findings {
    let mut found = Findings::default();
    for payload in payloads {
        let texts = Texts {
            payload: &payload.text,
            tag_at: TagAt::First,
            plain: &[],
        };
        let school = School::new(|path| world::build(path, texts));
        for (lang, _) in LOOKS {
            for (name, args) in REPORTS {
                for format in ["text", "md"] {
                    let out = report(&school, lang, args, format);
                    found.screens += 1;
                    found.bytes += out.len();
                    found.seen.extend(desk::tags_in(&out));
                    if let Err(leak) = scan::report_text(&out) {
                        found.leaks.push(format!(
                            "payload {} [{}] report {name} --format {format}: {} at byte {}: {}",
                            payload.name,
                            lang_code(lang),
                            leak.what,
                            leak.at,
                            leak.context
                        ));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn report_text_and_markdown_carry_nothing_a_terminal_acts_on() {
    let started = Instant::now();
    let found = reports(&corpus::payloads());
    found.assert_clean(
        "report text and md",
        &[
            "hand", "exc", "item", "inote", "cnote", "place", "stuA", "vname", "vorg", "vpur",
            "coll", "hdesc", "duty", "lead", "fout",
        ],
        started,
    );
}

/// The first characters that make a spreadsheet run a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cells of a CSV text.
fn csv_cells(csv: &str) -> Vec<String> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    reader
        .records()
        .flat_map(|r| {
            r.expect("a CSV record")
                .iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn report_csv_neutralises_every_cell_a_spreadsheet_would_run() {
    let started = Instant::now();
    let mut bad = Vec::new();
    let mut neutralised = BTreeSet::new();
    let mut cells = 0;
    for payload in &corpus::payloads() {
        // A formula payload starts the stored text, so that it starts the cells holding it.
        let tag_at = if payload.name.starts_with("formula_") {
            TagAt::Last
        } else {
            TagAt::First
        };
        let texts = Texts {
            payload: &payload.text,
            tag_at,
            plain: &[],
        };
        let school = School::new(|path| world::build(path, texts));
        for (lang, _) in LOOKS {
            for (name, args) in REPORTS {
                for cell in csv_cells(&report(&school, lang, args, "csv")) {
                    cells += 1;
                    if cell.starts_with(FORMULA_STARTS) {
                        bad.push(format!(
                            "payload {} [{}] report {name}: cell {:?}",
                            payload.name,
                            lang_code(lang),
                            cell.chars().take(40).collect::<String>()
                        ));
                    }
                    if let Some(rest) = cell.strip_prefix('\'')
                        && rest.starts_with(FORMULA_STARTS)
                    {
                        neutralised.extend(rest.chars().next());
                    }
                }
            }
        }
    }
    eprintln!(
        "report csv: {cells} cells read, neutralised first characters {neutralised:?}, {:.1?}",
        started.elapsed()
    );
    assert!(
        bad.is_empty(),
        "{} cells would run:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert_eq!(
        neutralised,
        FORMULA_STARTS.into_iter().collect::<BTreeSet<_>>(),
        "stored text starting with each formula character reached a cell, neutralised"
    );
}

// ---------------------------------------------------------------------------------------------
// Input: names and ID numbers typed or pasted into forms
// ---------------------------------------------------------------------------------------------

/// How a payload reaches a field: typed a character at a time (each as `KeyCode::Char`, so the
/// field's own filter is what refuses a control character), or pasted whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Typed,
    Pasted,
}

const ENTRIES: [Entry; 2] = [Entry::Typed, Entry::Pasted];

/// Types `prefix`, then types or pastes `payload`, into the focused field.
fn put(d: &mut Desk, entry: Entry, prefix: &str, payload: &str) {
    d.keys(prefix);
    match entry {
        Entry::Typed => d.keys(payload),
        Entry::Pasted => d.paste(payload),
    };
}

/// The most characters a name or number field holds.
const NAME_MAX: usize = 40;

/// What each payload leaves in a one-line name field, written out by hand from the rules for
/// one-line fields rather than worked out by the crate's own filter (which is under test):
/// `(payload name, typed, pasted)`.
///
/// Typed a character at a time, every control character (C0, DEL, C1) and every invisible
/// format character (bidi, zero-width, separators, BOM, fillers, tags) is refused and the rest
/// kept, so an escape sequence leaves its printable tail (`ESC [ 3 1 m` leaves `[31m`). Pasted,
/// escape sequences go whole (CSI `ESC [`/`U+009B` … final byte; OSC `ESC ]` … BEL or `ESC \`,
/// or to the end; any other `ESC x` as two characters), CR LF and CR become line feeds, line
/// feeds and tabs become spaces, and the other refused characters are dropped.
#[allow(
    clippy::too_many_lines,
    reason = "one payload a line, as in the corpus"
)]
fn kept() -> Vec<(&'static str, String, String)> {
    let same = |name: &'static str, kept: &str| (name, kept.to_owned(), kept.to_owned());
    let both =
        |name: &'static str, typed: &str, pasted: &str| (name, typed.to_owned(), pasted.to_owned());
    vec![
        both("osc0_title_bel", "]0;pwned titlevisible", "visible"),
        both("osc2_title_st", "]2;owned\\after", "after"),
        both(
            "osc8_hyperlink",
            "]8;;https://evil.example/\\click me]8;;\\",
            "click me",
        ),
        both("osc52_clipboard_bel", "]52;c;cm0gLXJmIH4vKgo=", ""),
        both("osc52_clipboard_st", "x]52;p;ZWNobyBoaQ==\\y", "xy"),
        both("osc4_palette", "]4;1;rgb:ff/00/00red", "red"),
        both(
            "osc_unterminated",
            "before]0;this title never ends",
            "before",
        ),
        both("csi_clear_home", "[2J[Hwiped", "wiped"),
        both("csi_sgr_red", "[31;1;5mRED[0m", "RED"),
        both("csi_cursor_up_overwrite", "ok[3A[10Dforged", "okforged"),
        both("csi_erase_line", "line[2K[1G", "line"),
        both("csi_device_status_query", "[6n[5n", ""),
        both("csi_device_attributes_query", "[c[>c", ""),
        both("csi_window_ops", "[21t[8;5;5t", ""),
        both("csi_alt_screen_mouse", "[?1049h[?1000h[?25l", ""),
        both("csi_unterminated", "tail[1;2", "tail"),
        both("csi_set_scroll_region", "[1;1r[Sscroll", "scroll"),
        both("dcs_query", "P+q544e\\dcs", "+q544edcs"),
        both(
            "apc_kitty_graphics",
            "_Gf=100,a=T;AAAA\\img",
            "Gf=100,a=T;AAAAimg",
        ),
        both("pm_and_sos", "^private\\Xsos\\", "privatesos"),
        both("esc_full_reset", "creset", "reset"),
        both("esc_dec_line_drawing", "(0lqqk(B", "0lqqkB"),
        both("esc_keypad_and_save", "=78", ""),
        same("lone_esc_at_end", "name"),
        // U+009B is an 8-bit CSI: pasted, it takes its parameters and final byte with it.
        both("c1_csi_clear", "2J31mred", "red"),
        same("c1_osc_title", "0;titleafter"),
        same("c1_dcs", "q#0;2;0;0;0"),
        same("c1_next_line", "onetwo"),
        // 32 C1 characters, each followed by x; pasted, the x after U+009B is its final byte.
        both("c1_every_one", &"x".repeat(32), &"x".repeat(31)),
        // Pasted, the tab, the line feed and the carriage return each become a space (the
        // ESC takes the character after it); the field saves the value trimmed.
        both("c0_every_one_and_del", "", "   "),
        both("cr_overwrite", "approvedREFUSED", "approved REFUSED"),
        both(
            "crlf_lines",
            "first linesecond line",
            "first line second line",
        ),
        both("lf_lines", "firstsecondthird", "first second  third "),
        same("backspace_overwrite", "allowedDENIED"),
        same("bell", "ding"),
        same("nul_inside", "abcdef"),
        same("del_inside", "abcdef"),
        both("tab_vt_ff", "abcd", "a bcd"),
        same("rlo_in_id_number", "11010519491231002X"),
        same("lro_pdf", "abcdef"),
        same("lre_rle", "leftright"),
        same("isolates", "lrirlifsipdi"),
        same("trojan_source", "admin // is guest "),
        same("rlo_chinese_name", "张三丰"),
        same("arabic_letter_mark", "abc"),
        same("lrm_rlm", "xy"),
        same("zero_width_space", "张三"),
        same("zwnj_zwj", "abc"),
        same("emoji_zwj_family", "👩👩👧 family"),
        same("bom_inside", "name"),
        same("word_joiner_invisible_ops", "abcdef"),
        same("line_paragraph_separators", "abc"),
        same("soft_hyphen_and_cgj", "abcde"),
        same("hangul_fillers", "x"),
        same("mongolian_vowel_separator", "ab"),
        same("tag_characters", "flag"),
        same("interlinear_annotation", "baseruby"),
        both(
            "cjk_with_escape_and_rlo",
            "张三[31m李四王五",
            "张三李四王五",
        ),
        same("cjk_fullwidth_punctuation", "（测试）：“引号”、【括号】"),
        same("arabic_rtl_plain", "مرحبا بالعالم"),
        same(
            "combining_stack",
            "Z\u{336}\u{337}\u{338}a\u{301}\u{302}\u{303}\u{304}l",
        ),
        same("emoji_wide", "🚸⚠️🧒🏽"),
        both(
            "long_ascii_with_csi",
            &"A[31m".repeat(1500),
            &"A".repeat(1500),
        ),
        same("long_cjk_with_rlo", &"测试".repeat(700)),
        same("long_zwj_chain", &"👨".repeat(300)),
        same("long_plain", &"x".repeat(5000)),
        same(
            "formula_equals",
            "=HYPERLINK(\"https://evil.example\",\"ok\")",
        ),
        same("formula_plus", "+1+cmd|' /C calc'!A0"),
        same("formula_minus", "-2+3"),
        same("formula_at", "@SUM(A1:A9)"),
        both("formula_tab", "=1+1", " =1+1"),
        both("formula_cr", "=1+1", " =1+1"),
        both(
            "markdown_table_breaker",
            "a | b |# heading| --- |",
            "a | b | # heading | --- |",
        ),
    ]
}

/// What a one-line name or number field holds after `put`: the prefix, then what the payload
/// leaves (`kept`); typed characters beyond the 40th are refused, a paste that would make the
/// field too long is refused whole; the value is saved trimmed.
fn expected(entry: Entry, prefix: &str, payload: &Payload) -> String {
    let table = kept();
    let (_, typed, pasted) = table
        .iter()
        .find(|(name, _, _)| *name == payload.name)
        .unwrap_or_else(|| panic!("payload {} has no expected text in `kept`", payload.name));
    let value: String = match entry {
        Entry::Typed => prefix.chars().chain(typed.chars()).take(NAME_MAX).collect(),
        Entry::Pasted if prefix.chars().count() + pasted.chars().count() > NAME_MAX => {
            prefix.to_owned()
        }
        Entry::Pasted => format!("{prefix}{pasted}"),
    };
    value.trim().to_owned()
}

/// A name or number as saved: no control character, nothing invisible.
fn assert_clean_value(what: &str, value: &str, payload: &Payload, entry: Entry) {
    let bad: Vec<char> = value
        .chars()
        .filter(|c| corpus::dangerous(*c) || text::is_invisible_format(*c))
        .collect();
    assert!(
        bad.is_empty(),
        "payload {} {entry:?} into {what}: saved {value:?} holds {bad:?}",
        payload.name
    );
}

/// Checks one saved field against what the rules keep of what was put in.
fn check_saved(what: &str, saved: &str, want: &str, payload: &Payload, entry: Entry) {
    assert_clean_value(what, saved, payload, entry);
    assert_eq!(
        saved, want,
        "payload {} {entry:?} into {what}: what was typed is kept, what is refused dropped",
        payload.name
    );
}

/// Today's visits, newest first.
fn visits(path: &std::path::Path) -> Vec<dutydesk::domain::gate::Visit> {
    let store = Store::open_existing(path).expect("open");
    store
        .visits_between(world::at(0, 0), world::at(23, 59))
        .expect("visits")
}

/// A desk on a quiet school where whole document numbers are kept (to see what was saved).
fn quiet_desk(school: &School, payload: &Payload) -> Desk {
    let mut cfg = dutydesk::config::load(None).expect("defaults");
    cfg.gate.store_full_id = true;
    Desk::with_config(&school.path, cfg, payload.name, Lang::En, &COLOR)
}

/// Where the purpose is on the visit form (Tab presses from the name).
const PURPOSE: usize = 5;

/// The visit form's one-line fields: the Tab presses from the name to each, and whether a
/// value the rules keep is always saved (the phone and a resident ID are checked further).
const VISIT_FIELDS: [(&str, usize, bool); 5] = [
    ("visitor name", 0, true),
    ("phone", 1, false),
    ("organisation", 2, true),
    ("vehicle plate", 8, true),
    ("pass number", 9, true),
];

fn visit_form_inputs(payloads: &[Payload]) {
    let started = Instant::now();
    let mut runs = 0;
    for payload in payloads {
        let school = School::new(|path| world::quiet(path, true));
        let mut d = quiet_desk(&school, payload);
        d.keys("g");
        for entry in ENTRIES {
            for (n, (what, tabs, always)) in VISIT_FIELDS.iter().enumerate() {
                runs += 1;
                let prefix = format!("{}{n}", if entry == Entry::Typed { "T" } else { "P" });
                let before = visits(&school.path).len();
                // The name (unless it is the field tried) and the purpose first, then the field.
                d.keys("v");
                if *tabs > 0 {
                    d.keys(&format!("Visitor {prefix}"));
                }
                d.times(KeyCode::Tab, PURPOSE).keys("visit");
                if *tabs > PURPOSE {
                    d.times(KeyCode::Tab, tabs - PURPOSE);
                } else {
                    d.times(KeyCode::BackTab, PURPOSE - tabs);
                }
                put(&mut d, entry, &prefix, &payload.text);
                d.ctrl('s');
                let after = visits(&school.path);
                let want = expected(entry, &prefix, payload);
                if after.len() == before {
                    assert!(
                        !always,
                        "payload {} {entry:?} into the {what}: nothing saved, {want:?} expected",
                        payload.name
                    );
                    assert!(
                        d.app.screen().is_form(),
                        "the form stays, with what was typed"
                    );
                    d.leave();
                    continue;
                }
                let v = &after[0];
                let saved = match *what {
                    "visitor name" => &v.name,
                    "phone" => &v.phone,
                    "organisation" => &v.organisation,
                    "vehicle plate" => &v.plate,
                    _ => &v.pass_no,
                };
                check_saved(what, saved, &want, payload, entry);
            }
        }
    }
    eprintln!(
        "visit form: {runs} fields filled, {:.1?}",
        started.elapsed()
    );
}

/// Returns how many resident IDs were saved (valid once the refused characters were dropped).
fn identity_number_inputs(payloads: &[Payload]) -> usize {
    let started = Instant::now();
    let mut saved_ids = 0;
    for payload in payloads {
        let school = School::new(|path| world::quiet(path, true));
        let mut d = quiet_desk(&school, payload);
        d.keys("g");
        for entry in ENTRIES {
            // A resident ID (checked, saved only if valid) and another document (free text).
            for (n, kind_presses) in [0usize, 3].into_iter().enumerate() {
                let prefix = if kind_presses == 0 {
                    String::new()
                } else {
                    format!("{entry:?}{n}")
                };
                let before = visits(&school.path).len();
                d.keys("v").keys(&format!("Visitor {entry:?}{n}"));
                d.times(KeyCode::Tab, 3).times(KeyCode::Right, kind_presses);
                d.press(KeyCode::Tab);
                put(&mut d, entry, &prefix, &payload.text);
                d.press(KeyCode::Tab).keys("visit").ctrl('s');
                let after = visits(&school.path);
                let want = expected(entry, &prefix, payload);
                if after.len() == before {
                    assert_eq!(
                        kind_presses, 0,
                        "payload {}: another document is free text",
                        payload.name
                    );
                    assert!(
                        d.app.screen().is_form(),
                        "the form stays, with what was typed"
                    );
                    d.leave();
                    continue;
                }
                let number = after[0].document.full.clone().unwrap_or_default();
                let what = if kind_presses == 0 {
                    "resident ID"
                } else {
                    "document number"
                };
                let want = if kind_presses == 0 {
                    want.to_uppercase()
                } else {
                    want
                };
                check_saved(what, &number, &want, payload, entry);
                saved_ids += usize::from(kind_presses == 0 && !number.is_empty());
            }
        }
    }
    eprintln!(
        "ID numbers: {saved_ids} resident IDs saved (valid once refused characters were dropped), {:.1?}",
        started.elapsed()
    );
    saved_ids
}

fn staff_and_watchlist_inputs(payloads: &[Payload]) {
    let started = Instant::now();
    for payload in payloads {
        let school = School::new(|path| world::quiet(path, true));
        let mut d = quiet_desk(&school, payload);
        for entry in ENTRIES {
            let prefix = format!("{entry:?}");
            d.keys("wa");
            put(&mut d, entry, &prefix, &payload.text);
            d.ctrl('s');
            let want = expected(entry, &prefix, payload);
            let store = Store::open_existing(&school.path).expect("open");
            let staff = store.staff().expect("staff");
            let saved = staff
                .iter()
                .find(|s| s.name.starts_with(&prefix))
                .map_or_else(
                    || panic!("payload {}: no staff saved for {want:?}", payload.name),
                    |s| s.name.clone(),
                );
            check_saved("staff name", &saved, &want, payload, entry);

            d.keys("gma");
            for field in ["N", "D", "P"] {
                put(&mut d, entry, &format!("{prefix}{field}"), &payload.text);
                d.press(KeyCode::Tab);
            }
            d.keys("reason").ctrl('s');
            let watch = store.watchlist(false).expect("watchlist");
            let w = watch
                .iter()
                .find(|w| w.draft.name.starts_with(&prefix))
                .unwrap_or_else(|| panic!("payload {}: no watchlist entry saved", payload.name));
            let want = |field: &str| expected(entry, &format!("{prefix}{field}"), payload);
            check_saved("watchlist name", &w.draft.name, &want("N"), payload, entry);
            check_saved(
                "watchlist number",
                &w.draft.doc_number,
                &want("D").to_uppercase(),
                payload,
                entry,
            );
            check_saved(
                "watchlist plate",
                &w.draft.plate,
                &want("P"),
                payload,
                entry,
            );
            d.press(KeyCode::Esc).keys("n");
        }
    }
    eprintln!("staff and watchlist forms: {:.1?}", started.elapsed());
}

fn shift_form_inputs(payloads: &[Payload]) {
    let started = Instant::now();
    for payload in payloads {
        for entry in ENTRIES {
            let school = School::new(|path| world::quiet(path, false));
            let mut d = quiet_desk(&school, payload);
            d.keys("so");
            put(&mut d, entry, "Duty", &payload.text);
            d.press(KeyCode::Tab);
            put(&mut d, entry, "Lead", &payload.text);
            // Save; the new names are added to the staff list after a yes.
            d.ctrl('s').keys("y");
            let store = Store::open_existing(&school.path).expect("open");
            let shift = store
                .open_shift()
                .expect("read")
                .unwrap_or_else(|| panic!("payload {} {entry:?}: no shift opened", payload.name));
            let names: Vec<&str> = shift.members.iter().map(|m| m.name.as_str()).collect();
            check_saved(
                "duty teacher",
                names[0],
                &expected(entry, "Duty", payload),
                payload,
                entry,
            );
            check_saved(
                "leader",
                names[1],
                &expected(entry, "Lead", payload),
                payload,
                entry,
            );
        }
    }
    eprintln!("shift form: {:.1?}", started.elapsed());
}

#[test]
fn visit_form_names_and_numbers_refuse_controls_typed_or_pasted() {
    visit_form_inputs(&corpus::payloads());
}

#[test]
fn identity_numbers_refuse_controls_typed_or_pasted() {
    let saved = identity_number_inputs(&corpus::payloads());
    assert!(
        saved >= 2,
        "the ID with a U+202E in it is saved without it, typed and pasted"
    );
}

#[test]
fn staff_and_watchlist_names_and_numbers_refuse_controls_typed_or_pasted() {
    staff_and_watchlist_inputs(&corpus::payloads());
}

#[test]
fn shift_form_names_refuse_controls_typed_or_pasted() {
    shift_form_inputs(&corpus::payloads());
}

/// The corpus is what the issue asks for: at least 50 named payloads, each of the kinds it names.
#[test]
fn the_corpus_has_every_kind_of_payload() {
    let all = corpus::payloads();
    let names: BTreeSet<&str> = all.iter().map(|p| p.name).collect();
    assert!(all.len() >= 50, "{} payloads", all.len());
    assert_eq!(names.len(), all.len(), "payload names are unique");
    let table = kept();
    let written: BTreeSet<&str> = table.iter().map(|(name, _, _)| *name).collect();
    assert_eq!(written.len(), table.len(), "one expected text per payload");
    assert_eq!(
        written, names,
        "`kept` says what every payload leaves in a field, and no more"
    );
    let has = |f: &dyn Fn(&str) -> bool| all.iter().any(|p| f(&p.text));
    for (what, found) in [
        ("OSC 52", has(&|t| t.contains("\u{1b}]52;"))),
        ("OSC 8", has(&|t| t.contains("\u{1b}]8;"))),
        ("CSI", has(&|t| t.contains("\u{1b}["))),
        (
            "C1",
            has(&|t| t.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c))),
        ),
        ("NUL", has(&|t| t.contains('\0'))),
        ("bidi override", has(&|t| t.contains('\u{202E}'))),
        ("bidi isolate", has(&|t| t.contains('\u{2066}'))),
        ("zero width", has(&|t| t.contains('\u{200B}'))),
        ("very long", has(&|t| t.chars().count() > 1000)),
        ("CJK", has(&|t| t.contains('张'))),
    ] {
        assert!(found, "the corpus has no {what} payload");
    }
    eprintln!("corpus: {} payloads", all.len());
}
