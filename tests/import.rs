//! `dutydesk import students|staff`: the real binary on CSV files as Excel and WPS write them
//! (UTF-8, UTF-8 with BOM, GBK), in a temp `DUTYDESK_HOME` with a decoy `HOME`, checked against
//! what the store then holds.

#![allow(
    clippy::expect_used,
    reason = "a test stops at the first thing that is not as expected"
)]

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;
use chrono::NaiveDate;
use rusqlite::Connection;
use tempfile::TempDir;

use dutydesk::store::Store;

const NOW: &str = "2026-11-30T07:30:00+08:00";
const LATER: &str = "2026-12-01T09:00:00+08:00";

/// Variables from the developer's shell that would change what a run does.
const SCRUBBED: [&str; 11] = [
    "DUTYDESK_DB",
    "DUTYDESK_CONFIG",
    "DUTYDESK_NOW",
    "DUTYDESK_LOG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "XDG_DATA_HOME",
    "XDG_CONFIG_HOME",
    "XDG_STATE_HOME",
    "XDG_CACHE_HOME",
];

/// A student list as a school's Excel export has it: Chinese headers, CR LF, an extra column.
const STUDENTS: &str = "学号,姓名,班级,性别,备注\r\n\
                        2024001,张三,初一(1)班,男,\r\n\
                        2024002,欧阳娜娜,初一(2)班,女,转学生\r\n\
                        2024003,李四,初二(1)班,男,\r\n";

/// A temp dir with a data directory (`DUTYDESK_HOME`) and a decoy `HOME`.
struct Sandbox {
    tmp: TempDir,
    home: PathBuf,
    decoy: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let tmp = TempDir::new().expect("temp dir");
        let home = tmp.path().join("dutydesk-home");
        let decoy = tmp.path().join("decoy-home");
        std::fs::create_dir(&decoy).expect("decoy home");
        Sandbox { tmp, home, decoy }
    }

    fn db(&self) -> PathBuf {
        self.home.join("dutydesk.db")
    }

    /// Writes `bytes` as `name` in the sandbox and returns its path.
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.tmp.path().join(name);
        std::fs::write(&path, bytes).expect("write csv");
        path
    }

    /// `dutydesk` with a clean environment, the sandbox's home and a fixed clock.
    fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dutydesk"));
        for var in SCRUBBED {
            cmd.env_remove(var);
        }
        cmd.env("DUTYDESK_HOME", &self.home)
            .env("DUTYDESK_NOW", NOW)
            .env("HOME", &self.decoy)
            .current_dir(self.tmp.path());
        cmd
    }

    /// `dutydesk [args…] import KIND FILE [--skip-bad]`, checking it left the decoy home alone.
    fn import(&self, kind: &str, file: &PathBuf, extra: &[&str]) -> Run {
        self.run(self.cmd().arg("import").arg(kind).arg(file).args(extra))
    }

    fn run(&self, cmd: &mut Command) -> Run {
        let output = cmd.output().expect("run dutydesk");
        let left = std::fs::read_dir(&self.decoy).expect("decoy").count();
        assert_eq!(left, 0, "dutydesk wrote into HOME");
        Run(output)
    }

    fn init(&self) {
        self.run(self.cmd().arg("init")).success();
    }

    /// (number, name, class, gender) of every student, by number.
    fn students(&self) -> Vec<(String, String, String, String)> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        let store = Store::open(&self.db(), today).expect("open store");
        let mut all: Vec<_> = store
            .students()
            .expect("students")
            .into_iter()
            .map(|s| (s.number, s.name, s.class_name, s.gender))
            .collect();
        all.sort();
        all
    }

    /// When the student table last changed, and how many rows it has.
    fn students_stamp(&self) -> (i64, String) {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        let store = Store::open(&self.db(), today).expect("open store");
        store.students_stamp().expect("stamp")
    }

    /// (staff_no, name, role code, phone) of every staff member, by id.
    fn staff(&self) -> Vec<(Option<String>, String, String, String)> {
        let conn = Connection::open(self.db()).expect("open db");
        let mut stmt = conn
            .prepare("SELECT staff_no, name, role, phone FROM staff ORDER BY id")
            .expect("query");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("staff")
    }
}

/// One finished run.
struct Run(Output);

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    fn success(&self) -> &Run {
        assert!(
            self.0.status.success(),
            "expected success, got {}\nstdout: {}\nstderr: {}",
            self.0.status,
            self.stdout(),
            self.stderr()
        );
        self
    }

    /// Exited with status 1: refused on purpose, not a usage error (2) or a panic (101).
    fn refused(&self) -> &Run {
        assert_eq!(
            self.0.status.code(),
            Some(1),
            "expected exit 1\nstdout: {}\nstderr: {}",
            self.stdout(),
            self.stderr()
        );
        assert!(!self.stderr().contains("panicked"), "{}", self.stderr());
        self
    }

    fn stdout_has(&self, part: &str) -> &Run {
        let out = self.stdout();
        assert!(out.contains(part), "stdout lacks {part:?}: {out}");
        self
    }

    fn stderr_has(&self, part: &str) -> &Run {
        let err = self.stderr();
        assert!(err.contains(part), "stderr lacks {part:?}: {err}");
        self
    }

    fn stderr_lacks(&self, part: &str) -> &Run {
        let err = self.stderr();
        assert!(!err.contains(part), "stderr has {part:?}: {err}");
        self
    }
}

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, lossy) = encoding_rs::GBK.encode(text);
    assert!(!lossy, "the test text is all GBK");
    bytes.into_owned()
}

fn row(number: &str, name: &str, class: &str, gender: &str) -> (String, String, String, String) {
    (number.into(), name.into(), class.into(), gender.into())
}

fn expected_students() -> Vec<(String, String, String, String)> {
    vec![
        row("2024001", "张三", "初一(1)班", "男"),
        row("2024002", "欧阳娜娜", "初一(2)班", "女"),
        row("2024003", "李四", "初二(1)班", "男"),
    ]
}

// ---------------------------------------------------------------------------------------------
// Students
// ---------------------------------------------------------------------------------------------

#[test]
fn the_same_list_in_utf8_utf8_with_bom_and_gbk_imports_the_same_students() {
    let bom = [b"\xEF\xBB\xBF".as_slice(), STUDENTS.as_bytes()].concat();
    let gbk = gbk(STUDENTS);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the GBK file is not UTF-8"
    );
    for (label, bytes) in [
        ("(UTF-8)", STUDENTS.as_bytes().to_vec()),
        ("(UTF-8 with BOM)", bom),
        ("(GBK)", gbk),
    ] {
        let sb = Sandbox::new();
        let file = sb.file("students.csv", &bytes);
        sb.import("students", &file, &[])
            .success()
            .stdout_has(label)
            .stdout_has("3 added, 0 updated, 0 unchanged, 0 skipped");
        assert_eq!(sb.students(), expected_students(), "{label}");
    }
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let sb = Sandbox::new();
    let file = sb.file("students.csv", &gbk(STUDENTS));
    sb.import("students", &file, &[]).success();
    let (before, stamp) = (sb.students(), sb.students_stamp());

    // A day later: a row rewritten would carry the new time.
    sb.run(
        sb.cmd()
            .env("DUTYDESK_NOW", LATER)
            .args(["import", "students"])
            .arg(&file),
    )
    .success()
    .stdout_has("0 added, 0 updated, 3 unchanged, 0 skipped");
    assert_eq!(sb.students(), before);
    assert_eq!(sb.students_stamp(), stamp, "no row was written");
}

#[test]
fn a_changed_class_updates_that_one_student() {
    let sb = Sandbox::new();
    sb.import("students", &sb.file("a.csv", STUDENTS.as_bytes()), &[])
        .success();
    let moved = STUDENTS.replace("初一(2)班", "初一(3)班");
    sb.import("students", &sb.file("b.csv", moved.as_bytes()), &[])
        .success()
        .stdout_has("0 added, 1 updated, 2 unchanged, 0 skipped");
    let mut want = expected_students();
    want[1].2 = "初一(3)班".into();
    assert_eq!(sb.students(), want);
}

/// Lines 3–6 are bad, each for one reason; lines 2 and 7 are good (7 updates 张三's class).
fn bad_students() -> String {
    format!(
        "学号,姓名,班级\n\
         2024010,王小明,初三(1)班\n\
         2024011,,初三(1)班\n\
         2024012,赵\u{202E}六,初三(1)班\n\
         2024010,钱七,初三(2)班\n\
         2024013,{},初三(1)班\n\
         2024001,张三,初一(9)班\n",
        "长".repeat(41)
    )
}

#[test]
fn a_file_with_bad_rows_imports_nothing_and_names_each_line() {
    let sb = Sandbox::new();
    sb.import("students", &sb.file("a.csv", STUDENTS.as_bytes()), &[])
        .success();
    let file = sb.file("bad.csv", bad_students().as_bytes());
    sb.import("students", &file, &[])
        .refused()
        .stderr_has("line 3: name is empty")
        .stderr_has("line 4: name contains a control or invisible character")
        .stderr_has("line 5: same student number as line 2")
        .stderr_has("line 6: name is too long (at most 40 characters)")
        .stderr_has("4 bad rows; nothing was imported")
        .stderr_has("--skip-bad")
        .stderr_lacks("line 2:")
        .stderr_lacks("line 7:")
        .stderr_lacks("\u{202E}");
    assert_eq!(sb.students(), expected_students(), "not even the good rows");
}

#[test]
fn skip_bad_imports_the_good_rows_and_lists_the_skipped_ones() {
    let sb = Sandbox::new();
    sb.import("students", &sb.file("a.csv", STUDENTS.as_bytes()), &[])
        .success();
    let file = sb.file("bad.csv", bad_students().as_bytes());
    let run = sb.import("students", &file, &["--skip-bad"]);
    run.success()
        .stdout_has("1 added, 1 updated, 0 unchanged, 4 skipped");
    for line in 3..=6 {
        run.stdout_has(&format!("line {line}: "));
    }
    let mut want = expected_students();
    // The file has no gender column: 张三 keeps his.
    want[0].2 = "初一(9)班".into();
    want.push(row("2024010", "王小明", "初三(1)班", ""));
    assert_eq!(sb.students(), want);
}

#[test]
fn a_missing_required_column_refuses_the_whole_file_even_with_skip_bad() {
    let sb = Sandbox::new();
    sb.init();
    let file = sb.file("no-class.csv", "学号,姓名\n2024001,张三\n".as_bytes());
    for extra in [&[][..], &["--skip-bad"][..]] {
        sb.import("students", &file, extra)
            .refused()
            .stderr_has("no class column")
            .stderr_has("班级")
            .stderr_has("Nothing was imported");
        assert!(sb.students().is_empty(), "{extra:?}");
    }
}

#[test]
fn a_file_that_is_not_csv_text_is_refused_with_advice() {
    let sb = Sandbox::new();
    sb.init();
    let file = sb.file(
        "students.csv",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xff\xfe",
    );
    sb.import("students", &file, &[])
        .refused()
        .stderr_has("not CSV text in UTF-8 or GBK")
        .stderr_has("CSV UTF-8");
    assert!(sb.students().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------------------------

const STAFF: &str = "工号,姓名,职务,手机\r\n\
                     T001,张伟,班主任,138-0013-8000\r\n\
                     T002,李强,学校领导,\r\n\
                     ,王五,保安,+86 139 0000 0000\r\n\
                     ,赵六,宿管,\r\n";

fn staff_row(
    no: Option<&str>,
    name: &str,
    role: &str,
    phone: &str,
) -> (Option<String>, String, String, String) {
    (
        no.map(str::to_owned),
        name.into(),
        role.into(),
        phone.into(),
    )
}

#[test]
fn staff_with_chinese_roles_import_once_and_match_by_staff_number() {
    let sb = Sandbox::new();
    let file = sb.file("staff.csv", &gbk(STAFF));
    sb.import("staff", &file, &[])
        .success()
        .stdout_has("(GBK)")
        .stdout_has("4 added, 0 updated, 0 unchanged, 0 skipped");
    let mut want = vec![
        staff_row(Some("T001"), "张伟", "class_teacher", "138-0013-8000"),
        staff_row(Some("T002"), "李强", "leader", ""),
        staff_row(None, "王五", "guard", "+86 139 0000 0000"),
        staff_row(None, "赵六", "dorm_staff", ""),
    ];
    assert_eq!(sb.staff(), want);

    sb.import("staff", &file, &[])
        .success()
        .stdout_has("0 added, 0 updated, 4 unchanged, 0 skipped");
    assert_eq!(sb.staff(), want);

    // The same staff number under a corrected name and a new job is the same person.
    let renamed = sb.file(
        "renamed.csv",
        "staff_no,Name,Role,Phone\nT001,张玮,teacher,138-0013-8000\n".as_bytes(),
    );
    sb.import("staff", &renamed, &[])
        .success()
        .stdout_has("0 added, 1 updated, 0 unchanged, 0 skipped");
    want[0] = staff_row(Some("T001"), "张玮", "teacher", "138-0013-8000");
    assert_eq!(sb.staff(), want);
}

#[test]
fn a_staff_file_with_a_bad_phone_or_role_imports_nothing_without_skip_bad() {
    let sb = Sandbox::new();
    sb.init();
    let file = sb.file(
        "staff.csv",
        "姓名,岗位,电话\n张伟,教师,13800138000\n李强,保安,138-0013-800x\n王五,主任,\n".as_bytes(),
    );
    sb.import("staff", &file, &[])
        .refused()
        .stderr_has("line 3: phone may hold only digits")
        .stderr_has("line 4: unknown role \"主任\"")
        .stderr_lacks("line 2:");
    assert!(sb.staff().is_empty());

    sb.import("staff", &file, &["--skip-bad"])
        .success()
        .stdout_has("1 added, 0 updated, 0 unchanged, 2 skipped");
    assert_eq!(
        sb.staff(),
        [staff_row(None, "张伟", "teacher", "13800138000")]
    );
}

#[test]
fn escape_sequences_in_a_file_never_reach_the_terminal() {
    let sb = Sandbox::new();
    let file = sb.file(
        "staff.csv",
        "姓名,岗位\n张伟,\u{1b}]0;pwned\u{7}\n\u{1b}[2J李强,教师\n".as_bytes(),
    );
    for extra in [&[][..], &["--skip-bad"][..]] {
        let run = sb.import("staff", &file, extra);
        let all = run.stdout() + &run.stderr();
        assert!(all.contains("line 2: unknown role"), "{all}");
        assert!(all.contains("line 3: name contains a control"), "{all}");
        assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------------

#[test]
fn lang_zh_reports_in_chinese() {
    let sb = Sandbox::new();
    let good = sb.file("students.csv", &gbk(STUDENTS));
    let run = sb.run(
        sb.cmd()
            .args(["--lang", "zh", "import", "students"])
            .arg(&good),
    );
    run.success()
        .stdout_has("（GBK）：新增 3，更新 0，未变 0，跳过 0。");
    assert!(!run.stdout().contains("added"), "{}", run.stdout());

    let bad = sb.file("bad.csv", bad_students().as_bytes());
    let run = sb.run(
        sb.cmd()
            .args(["--lang", "zh", "import", "students"])
            .arg(&bad),
    );
    run.refused()
        .stderr_has("第 3 行：姓名为空")
        .stderr_has("第 4 行：姓名含有控制字符或不可见字符")
        .stderr_has("第 5 行：学号与第 2 行重复")
        .stderr_has("第 6 行：姓名太长（最多 40 个字）")
        .stderr_has("4 行有误，未导入任何数据")
        .stderr_lacks("line ");

    // The locale alone chooses Chinese too.
    sb.run(
        sb.cmd()
            .env("LANG", "zh_CN.UTF-8")
            .args(["import", "students"])
            .arg(&good),
    )
    .success()
    .stdout_has("未变 3");
}
