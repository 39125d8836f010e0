#![allow(clippy::expect_used, reason = "scratch")]
use chrono::DateTime;
use dutydesk::app::App;
use dutydesk::domain::clock::Clock;
use dutydesk::domain::people::StudentDraft;
use dutydesk::i18n::Lang;
use dutydesk::store::Store;
use dutydesk::theme::COLOR;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

struct D {
    _dir: TempDir,
    app: App,
}
impl D {
    fn new(lang: Lang, now: &str) -> D {
        let dir = TempDir::new().expect("d");
        let clock = Clock::Fixed(DateTime::parse_from_rfc3339(now).expect("t"));
        let mut store = Store::open(&dir.path().join("duty.db"), clock.today()).expect("s");
        let st = |n: &str, name: &str, c: &str| StudentDraft {
            number: n.into(),
            name: name.into(),
            class_name: c.into(),
            gender: "男".into(),
        };
        store
            .import_students(
                &[
                    st("20250101", "王小明", "七年级2班"),
                    st("20250102", "李小红", "七年级2班"),
                    st("20240305", "张小刚", "八年级1班"),
                ],
                clock.now().to_utc(),
            )
            .expect("imp");
        let cfg = dutydesk::config::load(None).expect("cfg");
        D {
            _dir: dir,
            app: App::new(store, cfg, lang, &COLOR, clock),
        }
    }
    fn k(&mut self, c: KeyCode) -> &mut D {
        self.app.handle_key(KeyEvent::new(c, KeyModifiers::NONE));
        self
    }
    fn t(&mut self, s: &str) -> &mut D {
        for c in s.chars() {
            self.k(KeyCode::Char(c));
        }
        self
    }
    fn ctrl(&mut self, c: char) -> &mut D {
        self.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        self
    }
    fn show(&self, w: u16, h: u16, label: &str) {
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("t");
        t.draw(|f| dutydesk::ui::draw(f, &self.app)).expect("d");
        let c = t.get_cursor_position().ok();
        println!("=== {label} cursor {c:?}\n{}", t.backend());
    }
}

#[test]
fn explore() {
    let mut d = D::new(Lang::En, "2026-11-30T07:30:00+08:00");
    d.t("so")
        .t("张伟")
        .k(KeyCode::Tab)
        .t("李丽")
        .ctrl('s')
        .t("y");
    d.t("ia");
    for _ in 0..5 {
        d.k(KeyCode::Tab);
    }
    d.t("Two boys pushed 王小明 against the fence");
    for _ in 0..5 {
        d.k(KeyCode::Tab);
    }
    d.show(80, 24, "students section");
    d.t("a").t("小");
    d.show(80, 24, "popup typed");
    d.k(KeyCode::Down);
    d.show(80, 24, "popup down");
    d.k(KeyCode::Enter);
    d.k(KeyCode::Tab)
        .k(KeyCode::Char(' '))
        .k(KeyCode::Down)
        .k(KeyCode::Char(' '))
        .k(KeyCode::Tab)
        .t("07:20");
    d.show(80, 24, "popup told");
    d.ctrl('s');
    d.t("a")
        .t("小刚")
        .k(KeyCode::Down)
        .k(KeyCode::Enter)
        .k(KeyCode::Left)
        .ctrl('s');
    d.show(80, 24, "two students");
    d.show(120, 40, "two students");
    d.ctrl('s');
    d.show(80, 24, "after save");
    d.show(120, 40, "after save");
    d.k(KeyCode::Char(' ')).k(KeyCode::Enter);
    d.show(80, 24, "detail");
    d.show(120, 40, "detail");
    d.t("e");
    d.show(80, 24, "correct");
    for _ in 0..3 {
        d.k(KeyCode::Tab);
    }
    d.k(KeyCode::Right);
    d.ctrl('s');
    d.show(80, 24, "reason");
    d.t("Severity misjudged at first").k(KeyCode::Enter);
    d.show(80, 24, "detail after");
    d.show(120, 40, "detail after");
    d.k(KeyCode::Enter);
    d.show(80, 24, "student");
    d.show(120, 40, "student");
    d.t("f");
    d.show(80, 24, "followups");
}
