//! Whole-program test: the real binary in a real terminal (tmux), driven by keys as a duty teacher
//! would: start on an empty data directory, open a shift, check a place all-OK, quit, start
//! again and see the check. Needs tmux: without it these tests fail, unless
//! `DUTYDESK_SKIP_TMUX=1` is set to skip them on purpose (each then says it skipped).

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The administrator every test signs in as (also the duty teacher the tests put on the
/// shift, so records made at the desk name the same person), and the PIN.
const ADMIN: &str = "张伟";
const PIN: &str = "284913";

struct Tmux {
    socket: String,
}

impl Tmux {
    /// Whether tmux is installed. Its absence fails the test, unless `DUTYDESK_SKIP_TMUX=1`
    /// asks to skip on purpose: then the test says so and returns early.
    fn available() -> bool {
        let found = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !found {
            assert!(
                std::env::var("DUTYDESK_SKIP_TMUX").is_ok_and(|v| v == "1"),
                "tmux is not installed: install it, or set DUTYDESK_SKIP_TMUX=1 to skip the \
                 whole-program tests on purpose"
            );
            eprintln!("skipped: tmux is not installed and DUTYDESK_SKIP_TMUX=1 is set");
        }
        found
    }

    fn new(name: &str) -> Tmux {
        Tmux {
            socket: format!("dutydesk-test-{}-{name}", std::process::id()),
        }
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Starts the app in a detached session of `w`×`h` with the given environment.
    fn start(&self, home: &Path, lang: &str, w: u16, h: u16) {
        self.start_at(home, lang, w, h, "2026-11-30T07:30:00+08:00");
    }

    fn start_at(&self, home: &Path, lang: &str, w: u16, h: u16, now: &str) {
        self.start_as(home, lang, w, h, now, "");
    }

    /// Starts the app with `extra` arguments (such as `--station gate`).
    fn start_as(&self, home: &Path, lang: &str, w: u16, h: u16, now: &str, extra: &str) {
        let bin = env!("CARGO_BIN_EXE_dutydesk");
        let cmd = format!(
            "env -u NO_COLOR DUTYDESK_HOME={} DUTYDESK_NOW={now} TERM=xterm-256color {bin} --lang {lang} {extra}",
            home.display()
        );
        let out = self.tmux(&[
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            &cmd,
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        if w >= 80 && h >= 24 {
            self.sign_in();
        }
    }

    /// Nobody works before signing in: on a new file the first administrator is made (name,
    /// PIN twice), after that the same person signs in with name and PIN.
    fn sign_in(&self) {
        let start = Instant::now();
        let first = loop {
            let screen = self.screen();
            if screen.contains("First start") || screen.contains("首次使用") {
                break true;
            }
            if screen.contains("Sign in") || screen.contains("登录") {
                break false;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "no sign-in screen; it shows:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        };
        self.type_text(ADMIN);
        self.keys(&["Tab"]);
        self.type_text(PIN);
        if first {
            self.keys(&["Tab"]);
            self.type_text(PIN);
        }
        self.keys(&["Enter"]);
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains("Signed in") || screen.contains("已登录") {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "the sign-in did not go through; it shows:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            let out = self.tmux(&["send-keys", "-t", "app", k]);
            assert!(out.status.success(), "send-keys {k}: {out:?}");
            sleep(Duration::from_millis(60));
        }
    }

    /// Types text literally (Chinese included).
    fn type_text(&self, text: &str) {
        let out = self.tmux(&["send-keys", "-t", "app", "-l", text]);
        assert!(out.status.success());
        sleep(Duration::from_millis(60));
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "app"]).stdout)
            .into_owned()
    }

    /// Waits until the screen shows `text`; fails with the screen if it never does.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "screen never showed {text:?}; it shows:\n{screen}"
            );
            sleep(Duration::from_millis(100));
        }
    }

    fn wait_exit(&self) {
        let start = Instant::now();
        while self.tmux(&["has-session", "-t", "app"]).status.success() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the app did not quit:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(100));
        }
    }

    /// Starts the app as `start_as` does, but signs in as `who` (name, PIN): an account made
    /// beforehand through the store, on a file that already has its administrator.
    fn start_signed_in_as(&self, home: &Path, now: &str, extra: &str, who: (&str, &str)) {
        let bin = env!("CARGO_BIN_EXE_dutydesk");
        let cmd = format!(
            "env -u NO_COLOR DUTYDESK_HOME={} DUTYDESK_NOW={now} TERM=xterm-256color {bin} --lang en {extra}",
            home.display()
        );
        let out = self.tmux(&[
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            "120",
            "-y",
            "40",
            &cmd,
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        self.wait_for("Sign in");
        self.type_text(who.0);
        self.keys(&["Tab"]);
        self.type_text(who.1);
        self.keys(&["Enter"]);
        self.wait_for("Signed in");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

fn temp_home() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path().join("data");
    (dir, home)
}

#[test]
fn a_duty_teacher_opens_a_shift_checks_a_place_and_finds_it_after_a_restart() {
    if !Tmux::available() {
        return;
    }
    let (_dir, home) = temp_home();

    // First start, in Chinese, on an empty data directory, at 80×24.
    let t = Tmux::new("first");
    t.start(&home, "zh", 80, 24);
    t.wait_for("尚未开班");
    t.wait_for("早上上学 07:00–08:00");
    t.keys(&["s"]);
    t.wait_for("最近班次");
    t.keys(&["o"]);
    t.wait_for("值班教师 *");
    t.type_text("张伟");
    t.keys(&["Tab"]);
    t.type_text("李强");
    t.keys(&["C-s"]);
    t.wait_for("不在教职工名单中");
    t.keys(&["y"]);
    t.wait_for("已开班");
    let now = t.wait_for("本机操作人：张伟");
    assert!(
        now.contains("值班 张伟"),
        "header names the duty teacher:\n{now}"
    );
    // The first due round of the morning slot is the gate: one key checks it all-OK.
    t.keys(&["o"]);
    let saved = t.wait_for("校门：已保存，全部正常。");
    assert!(saved.contains("已查"), "{saved}");
    t.keys(&["q"]);
    t.wait_exit();
    assert!(home.join("dutydesk.db").exists());

    // Second start, in English, larger: the check is there, on Now and on the patrol grid.
    let t = Tmux::new("second");
    t.start(&home, "en", 120, 40);
    let now = t.wait_for("▶ Gate");
    assert!(now.contains("Duty 张伟"), "the shift is still open:\n{now}");
    let line = now
        .lines()
        .find(|l| l.contains("▶ Gate"))
        .expect("a line for the gate's round");
    assert!(
        line.contains("done") && line.contains("07:30 张伟"),
        "gate line: {line}"
    );
    t.keys(&["p"]);
    let grid = t.wait_for("Patrols 2026-11-30 Mon");
    let morning = grid
        .lines()
        .find(|l| {
            l.trim_start()
                .trim_start_matches('▸')
                .starts_with("Morning ")
        })
        .expect("a morning row");
    assert!(morning.contains("done"), "morning row: {morning}");
    assert!(grid.contains("done 1"), "{grid}");
    t.keys(&["q"]);
    t.wait_exit();
}

#[test]
fn a_window_smaller_than_80_by_24_gets_a_message_not_a_broken_screen() {
    if !Tmux::available() {
        return;
    }
    let (_dir, home) = temp_home();
    let t = Tmux::new("small");
    t.start(&home, "en", 60, 20);
    let screen = t.wait_for("needs at least 80×24");
    assert!(screen.contains("60×20"), "{screen}");
    t.keys(&["q"]);
    t.wait_exit();
}

/// Loads a small class list through the real `import` command, as a school would.
fn import_students(home: &Path) {
    let csv = home.with_file_name("students.csv");
    std::fs::write(
        &csv,
        "学号,姓名,班级\n2026001,张小明,七年级2班\n2026003,王小刚,八年级1班\n",
    )
    .expect("write csv");
    let out = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .args(["import", "students"])
        .arg(&csv)
        .env("DUTYDESK_HOME", home)
        .env("DUTYDESK_NOW", "2026-11-30T07:00:00+08:00")
        .output()
        .expect("run import");
    assert!(out.status.success(), "import: {out:?}");
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn a_patrol_problem_becomes_an_incident_with_follow_ups_and_a_corrected_history() {
    if !Tmux::available() {
        return;
    }
    let (_dir, home) = temp_home();
    std::fs::create_dir_all(&home).expect("home");
    import_students(&home);
    let t = Tmux::new("incident");
    t.start(&home, "zh", 80, 24);
    t.wait_for("尚未开班");
    t.keys(&["s", "o"]);
    t.type_text("张伟");
    t.keys(&["Tab"]);
    t.type_text("李强");
    t.keys(&["C-s", "y"]);
    t.wait_for("已开班");

    // Patrol: the grid opens on the first round due, the playground; it has a problem, and the
    // note is typed once.
    t.keys(&["p", "Enter", "x"]);
    t.type_text("两名学生在校门口推搡");
    t.keys(&["Enter", "a"]);
    t.wait_for("操场：已保存，发现 1 个问题。");

    // The problem becomes an incident: place, time and note carried over.
    t.keys(&["e"]);
    let form = t.wait_for("新建事件");
    assert!(form.contains("操场") && form.contains("巡查发现"), "{form}");
    assert!(
        form.contains("两名学生在校门口推搡"),
        "the note is carried over:\n{form}"
    );
    assert!(form.contains("2026-11-30 07:30"), "{form}");

    // Two students in different roles.
    t.keys(&["Tab"; 10]);
    t.wait_for("添加学生");
    t.keys(&["a"]);
    t.type_text("张小");
    t.keys(&["Down", "Enter", "C-s"]);
    t.wait_for("张小明     受害者");
    t.keys(&["a"]);
    t.type_text("王");
    t.keys(&["Down", "Enter", "Left", "C-s"]);
    t.wait_for("王小刚     实施者");

    // Saved: the usual follow-ups are suggested and accepted.
    t.keys(&["C-s"]);
    t.wait_for("事件 2026-0001 已保存。通常需要以下跟进：");
    t.keys(&["Enter"]);
    let detail = t.wait_for("已创建 3 项跟进。");
    assert!(
        detail.contains("家长联系") && detail.contains("心理辅导"),
        "{detail}"
    );

    // One follow-up completed with its outcome (Esc back to the list, then Follow-ups).
    t.keys(&["Escape", "f", "c"]);
    t.type_text("已电话联系家长");
    t.keys(&["Enter"]);
    t.wait_for("跟进已完成。");

    // The incident corrected with a reason; the history shows who, what and why.
    t.keys(&["i", "Enter", "e"]);
    t.wait_for("更正事件 2026-0001");
    t.keys(&["Tab", "Tab", "Tab", "Right", "C-s"]);
    t.wait_for("更正原因");
    t.type_text("监控显示有击打动作");
    t.keys(&["Enter"]);
    let after = t.wait_for("更正已保存");
    assert!(
        after.contains("张伟 更正 — 原因 监控显示有击打动作"),
        "{after}"
    );
    assert!(after.contains("严重程度: 轻微 → 一般"), "{after}");
    t.keys(&["Escape", "Escape", "q"]);
    t.wait_exit();
}

/// Keys sent since `from` (each `send-keys` call with one key, or one typed character).
fn counted(keys: &[&str], typed: &str) -> usize {
    keys.len() + typed.chars().count()
}

/// The desk opens the shift (with the guard on it) and puts 赵四 on the watchlist.
fn desk_opens_a_shift_and_watches_zhao_si(home: &Path) {
    let desk = Tmux::new("gate-desk");
    desk.start(home, "zh", 80, 24);
    desk.wait_for("尚未开班");
    desk.keys(&["s", "o"]);
    desk.type_text("张伟");
    desk.keys(&["Tab"]);
    desk.type_text("李强");
    desk.keys(&["Tab"]);
    desk.type_text("王强");
    desk.keys(&["C-s", "y"]);
    desk.wait_for("已开班");
    desk.keys(&["g", "m", "a"]);
    desk.type_text("赵四");
    desk.keys(&["Tab", "Tab", "Tab"]);
    desk.type_text("法院禁止令");
    desk.keys(&["C-s"]);
    desk.wait_for("已加入关注名单。");
    desk.keys(&["Escape", "q"]);
    desk.wait_exit();
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn the_gate_signs_visitors_in_and_out_refuses_a_watched_one_and_gives_the_roll() {
    if !Tmux::available() {
        return;
    }
    let (_dir, home) = temp_home();
    std::fs::create_dir_all(&home).expect("home");

    desk_opens_a_shift_and_watches_zhao_si(&home);

    let gate = Tmux::new("gate");
    gate.start_as(
        &home,
        "zh",
        80,
        24,
        "2026-11-30T08:00:00+08:00",
        "--station gate",
    );
    gate.wait_for("在校来访人员 0 人");

    // A first visit by 刘建国, signed out again: he is the repeat visitor later.
    gate.keys(&["v"]);
    gate.type_text("刘建国");
    gate.keys(&["Tab"]);
    gate.type_text("13800001111");
    gate.keys(&["Tab"]);
    gate.type_text("市卫健委");
    gate.keys(&["Tab", "Tab", "Tab"]);
    gate.type_text("食堂卫生检查");
    gate.keys(&["C-s"]);
    gate.wait_for("刘建国 已登记入校。");
    gate.keys(&["x"]);
    gate.wait_for("签离吗？");
    gate.keys(&["y"]);
    gate.wait_for("刘建国 已签离。");

    // A new visitor whose ID number has a typo: caught while typing, fixed, signed in.
    gate.keys(&["v"]);
    gate.type_text("欧阳明华");
    gate.keys(&["Tab", "Tab", "Tab", "Tab"]);
    gate.type_text("110105194912310021");
    let typo = gate.wait_for("校验位应为 X");
    assert!(
        typo.contains("110105194912310021"),
        "kept as typed:\n{typo}"
    );
    gate.keys(&["BSpace"]);
    gate.type_text("X");
    gate.wait_for("号码校验通过");
    gate.keys(&["Tab"]);
    gate.type_text("校园安全检查");
    gate.keys(&["C-s"]);
    gate.wait_for("欧阳明华 已登记入校。");

    // The repeat visitor, by type-ahead on two characters of his name.
    let (keys, typed) = (["v", "Down", "Enter", "C-s"], "刘建");
    gate.keys(&keys[..1]);
    gate.type_text(typed);
    gate.wait_for("市卫健委");
    gate.keys(&keys[1..]);
    gate.wait_for("刘建国 已登记入校。");
    let repeat = counted(&keys, typed);
    println!("repeat visitor: {repeat} keys from the gate screen");
    assert!(repeat <= 8, "{repeat} keys");

    // 赵四 matches the watchlist: the guard is told why and refuses entry.
    gate.keys(&["v"]);
    gate.type_text("赵四");
    gate.keys(&["Tab", "Tab", "Tab", "Tab", "Tab"]);
    gate.type_text("找人");
    gate.keys(&["C-s"]);
    let alert = gate.wait_for("与关注名单相符：法院禁止令");
    assert!(alert.contains("拒绝进入"), "{alert}");
    gate.keys(&["r"]);
    gate.wait_for("赵四：已拒绝进入并记录。");

    // The one inside longest (欧阳明华, first in the list) signed out with one key.
    let screen = gate.wait_for("在校来访人员 2 人");
    assert!(
        screen.find("欧阳明华").expect("listed") < screen.find("刘建国").expect("listed"),
        "longest inside first:\n{screen}"
    );
    // Signing out asks, naming the visitor and the times: x, then y.
    let out = ["x", "y"];
    gate.keys(&out);
    gate.wait_for("欧阳明华 已签离。");
    println!("sign-out: {} key(s) from the gate screen", out.len());
    let after = gate.wait_for("在校来访人员 1 人");
    assert!(after.contains("刘建国"), "{after}");
    println!("{after}");
    gate.keys(&["q"]);
    gate.wait_exit();

    // The roll call: only 刘建国 is still on campus.
    let roll = Command::new(env!("CARGO_BIN_EXE_dutydesk"))
        .args(["report", "onsite", "--format", "csv", "--as", ADMIN])
        .env("DUTYDESK_PIN", PIN)
        .env("DUTYDESK_HOME", &home)
        .env("DUTYDESK_NOW", "2026-11-30T08:05:00+08:00")
        .output()
        .expect("run report");
    assert!(roll.status.success(), "{roll:?}");
    let roll = String::from_utf8_lossy(&roll.stdout);
    assert!(roll.contains("刘建国"), "{roll}");
    assert!(
        !roll.contains("欧阳明华") && !roll.contains("赵四"),
        "{roll}"
    );
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one journey, told in the order it happens"
)]
fn a_guard_at_the_gate_has_the_gate_and_the_shift_and_nothing_of_the_desk() {
    use dutydesk::domain::access::Role;
    use dutydesk::domain::pin;
    use dutydesk::domain::staff::{StaffDraft, StaffRole};
    use dutydesk::store::Store;
    use std::os::unix::fs::PermissionsExt;

    if !Tmux::available() {
        return;
    }
    let (_dir, home) = temp_home();
    std::fs::create_dir_all(&home).expect("home");
    std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    // The administrator has given 王强 a guard's account (as People, Enter on a name, would).
    let guard = ("王强", "530718");
    {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T07:00:00+08:00")
            .expect("time")
            .with_timezone(&chrono::Utc);
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("day");
        let mut store = Store::open(&home.join("dutydesk.db"), day).expect("store");
        let admin = store
            .create_first_admin(ADMIN, &pin::hash(PIN), now)
            .expect("administrator");
        let id = store
            .add_staff(
                &StaffDraft {
                    name: guard.0.into(),
                    role: StaffRole::Guard,
                },
                now,
            )
            .expect("staff");
        store
            .set_account(id, Role::Guard, Some(&pin::hash(guard.1)), admin, now)
            .expect("account");
    }

    let t = Tmux::new("guard");
    t.start_signed_in_as(&home, "2026-11-30T08:00:00+08:00", "--station gate", guard);
    let screen = t.wait_for("On campus now: 0");
    assert!(screen.contains("Signed in: 王强 (guard)."), "{screen}");
    let tabs = screen.lines().nth(2).expect("the tab row").to_owned();
    assert!(
        tabs.contains("g Gate") && tabs.contains("s Shift"),
        "{tabs}"
    );
    for other in [
        "n Now",
        "p Patrols",
        "i Incidents",
        "f Follow-ups",
        "h Hazards",
        "w People",
    ] {
        assert!(
            !tabs.contains(other),
            "the guard's tabs show {other:?}:\n{screen}"
        );
    }
    // The desk's keys do nothing here (the gate terminal has no such tabs, for anyone), and
    // the duty log's key, which works everywhere, says why not. Each key is followed by F2,
    // whose refusal is the sign that the app has read both keys: only once it shows is the
    // screen looked at for what must not be there. Before each round the help popup is opened
    // (and waited for), because every key clears the status line: the refusal can then only
    // be the one F2 of that round brought back.
    let desk_words = ["Incidents", "Patrols", "Follow-ups", "Hazards", "Duty log"];
    let refused = "Not allowed for your role (guard).";
    for key in ["i", "n", "p"] {
        t.keys(&["?"]);
        let help = t.wait_for("On this screen");
        assert!(
            !help.contains(refused),
            "the status line is cleared while the help is up:\n{help}"
        );
        t.keys(&["Escape", key, "F2"]);
        let screen = t.wait_for(refused);
        assert!(
            screen.contains("On campus now: 0") && !screen.contains("On this screen"),
            "{key} left the gate:\n{screen}"
        );
        for word in desk_words {
            assert!(
                !screen.contains(word),
                "{key}: {word:?} on screen:\n{screen}"
            );
        }
    }
    t.keys(&["q"]);
    t.wait_exit();
}
