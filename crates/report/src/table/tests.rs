//! Tests of the table renderings: CSV neutralises formulas; text and Markdown align Chinese
//! without escape sequences.

use super::*;

fn table() -> Table {
    Table {
        title: "在校人员".into(),
        keys: keys(&["name", "note"]),
        headers: vec!["姓名".into(), "备注".into()],
        rows: vec![
            vec!["张三".into(), "=HYPERLINK(\"x\")".into()],
            vec!["A|B\u{1b}[2J".into(), "+1".into()],
        ],
    }
}

#[test]
fn csv_neutralises_formulas() {
    let csv = table().csv().expect("csv");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains("'+1"), "{csv}");
    assert_eq!(neutralise("-3"), "'-3");
    assert_eq!(neutralise("张三"), "张三");
}

#[test]
fn text_and_markdown_carry_no_escape_sequences_and_align_chinese() {
    let t = table().text();
    assert!(!t.contains('\u{1b}'), "{t:?}");
    let lines: Vec<&str> = t.lines().collect();
    // The second column starts at the same display column in the header and every row.
    let column_of = |line: &str, cell: &str| line.find(cell).map(|at| line[..at].width());
    assert_eq!(
        column_of(lines[1], "备注"),
        column_of(lines[3], "=HYPERLINK"),
        "{t}"
    );
    assert_eq!(
        column_of(lines[1], "备注"),
        column_of(lines[4], "+1"),
        "{t}"
    );
    let md = table().markdown();
    assert!(md.contains("A\\|B"), "{md}");
    assert!(!md.contains('\u{1b}'));
}
