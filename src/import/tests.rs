//! Decoding, headers, line numbers and row checks of the import.

use super::*;

const LIST: &str = "学号,姓名,班级\n2024001,张三,初一(1)班\n";

fn gbk(s: &str) -> Vec<u8> {
    let (bytes, _, lossy) = encoding_rs::GBK.encode(s);
    assert!(!lossy, "{s} is not all GBK");
    bytes.into_owned()
}

#[test]
fn decodes_utf8_with_and_without_bom_and_gbk() {
    let plain = LIST.as_bytes().to_vec();
    let bom = [b"\xEF\xBB\xBF".as_slice(), LIST.as_bytes()].concat();
    assert_eq!(decode(&plain), Ok((LIST.to_owned(), Encoding::Utf8)));
    assert_eq!(decode(&bom), Ok((LIST.to_owned(), Encoding::Utf8Bom)));
    let gbk_bytes = gbk(LIST);
    assert!(
        std::str::from_utf8(&gbk_bytes).is_err(),
        "the test needs real GBK"
    );
    assert_eq!(decode(&gbk_bytes), Ok((LIST.to_owned(), Encoding::Gbk)));
}

#[test]
fn refuses_bytes_that_are_not_csv_text() {
    assert_eq!(decode(b"\xFF\xFEa\x00b\x00"), Err(FileError::Utf16));
    assert_eq!(decode(b"a\x00,b\x00"), Err(FileError::NotText));
    // 0x80 alone and 0xFF are not GBK either.
    assert_eq!(decode(b"name\xFF\x80"), Err(FileError::NotText));
    // A BOM promises UTF-8: GBK after it is damage, not a second guess.
    let mut bom_then_gbk = b"\xEF\xBB\xBF".to_vec();
    bom_then_gbk.extend(gbk("姓名"));
    assert_eq!(decode(&bom_then_gbk), Err(FileError::NotText));
}

#[test]
fn header_names_match_in_either_language_any_case_and_spacing() {
    let file = " Student No ,NAME,  class\u{3000},Remarks\n2024001,Zhang San,7-1\n";
    let parsed = students(file.as_bytes()).expect("header matches");
    assert_eq!(parsed.rows.len(), 1);
    assert_eq!(parsed.rows[0].class_name, "7-1");
    let parsed = students("班级,备注,姓名,学号\n初一,x,张三,1\n".as_bytes()).expect("zh");
    assert_eq!(
        parsed.rows[0].number, "1",
        "columns are found by name, not place"
    );
    assert_eq!(parsed.rows[0].gender, "", "gender is optional");
    assert!(!parsed.has(Column::Gender) && parsed.has(Column::Class));
}

#[test]
fn a_missing_or_doubled_column_refuses_the_file() {
    let no_class = students("学号,姓名\n1,张三\n".as_bytes());
    assert_eq!(no_class, Err(FileError::MissingColumn(Column::Class)));
    let no_role = staff("姓名,电话\n张三,1\n".as_bytes());
    assert_eq!(no_role, Err(FileError::MissingColumn(Column::Role)));
    let twice = staff("姓名,岗位,职务\n张三,教师,教师\n".as_bytes());
    assert_eq!(twice, Err(FileError::DuplicateColumn(Column::Role)));
    assert_eq!(students(b""), Err(FileError::NoHeader));
}

#[test]
fn line_numbers_are_the_files_and_blank_rows_are_skipped() {
    let file = "学号,姓名,班级\n1,张三,初一\n,,\n\n2,\"李\n四\",初一\n3,,初一\n";
    // Excel on Windows ends lines with CR LF.
    for file in [file.to_owned(), file.replace('\n', "\r\n")] {
        let parsed = students(file.as_bytes()).expect("reads");
        assert_eq!(parsed.rows.len(), 1);
        let lines: Vec<u64> = parsed.bad.iter().map(|b| b.line).collect();
        // The quoted name with a line break starts on line 5 (after a blank line 4, which
        // the CSV reader would count as the row's start); the next row is line 7.
        assert_eq!(lines, [5, 7], "{file:?}");
        assert_eq!(parsed.bad[1].problems, [RowProblem::Missing(Column::Name)]);
    }
}

#[test]
fn every_problem_of_a_row_is_reported() {
    let file =
        "学号,姓名,班级,性别\n2.02E+06,张\u{202E}三,一二三四五六七八九十一二三四五六七八九十一,x\n";
    let parsed = students(file.as_bytes()).expect("reads");
    assert_eq!(
        parsed.bad[0].problems,
        [
            RowProblem::BadNumber(Column::StudentNo),
            RowProblem::Text {
                column: Column::Name,
                error: TextError::Forbidden
            },
            RowProblem::Text {
                column: Column::Class,
                error: TextError::TooLong { max: MAX_CLASS }
            },
        ]
    );
}

#[test]
fn cells_beyond_the_header_refuse_a_row_only_when_they_hold_text() {
    let file = "学号,姓名,班级\n1,张三,初一,,\n2,李,四,初一\n";
    let parsed = students(file.as_bytes()).expect("reads");
    assert_eq!(parsed.rows.len(), 1, "trailing empty cells are harmless");
    assert_eq!(
        parsed.bad[0].problems,
        [RowProblem::ExtraCells {
            found: 4,
            expected: 3
        }]
    );
    let short = students("学号,姓名,班级,性别\n1,张三,初一\n".as_bytes()).expect("reads");
    assert_eq!(
        short.rows.len(),
        1,
        "a short row leaves the optional gender blank"
    );
}

#[test]
fn a_repeated_student_number_refuses_the_later_row() {
    let file = "学号,姓名,班级\n1,张三,初一\n2,李四,初一\n1,王五,初二\n";
    let parsed = students(file.as_bytes()).expect("reads");
    assert_eq!(parsed.rows.len(), 2);
    assert_eq!(parsed.rows[0].name, "张三", "the first one stays");
    assert_eq!(
        parsed.bad,
        [BadRow {
            line: 4,
            problems: vec![RowProblem::DuplicateNumber {
                column: Column::StudentNo,
                first_line: 2
            }]
        }]
    );
}

#[test]
fn staff_rows_check_role_number_and_phone() {
    let file = "姓名,岗位,工号,电话\n\
                张伟,班主任,T-01,+86 138-0000-0000\n\
                李强,Class Teacher,,\n\
                王五,主任,T 02,138x\n\
                赵六,guard,T-01,\n\
                李强,保安,,\n\
                李强,保安,T-09,\n";
    let parsed = staff(file.as_bytes()).expect("reads");
    let good: Vec<(&str, StaffRole)> = parsed
        .rows
        .iter()
        .map(|r| (r.name.as_str(), r.role))
        .collect();
    assert_eq!(
        good,
        [
            ("张伟", StaffRole::ClassTeacher),
            ("李强", StaffRole::ClassTeacher),
            ("李强", StaffRole::Guard)
        ]
    );
    assert_eq!(parsed.rows[0].staff_no.as_deref(), Some("T-01"));
    assert_eq!(parsed.rows[1].staff_no, None);
    let bad: Vec<(u64, Vec<RowProblem>)> = parsed
        .bad
        .into_iter()
        .map(|b| (b.line, b.problems))
        .collect();
    assert_eq!(
        bad,
        [
            (
                4,
                vec![
                    RowProblem::UnknownRole("主任".into()),
                    RowProblem::BadNumber(Column::StaffNo),
                    RowProblem::BadPhone
                ]
            ),
            (
                5,
                vec![RowProblem::DuplicateNumber {
                    column: Column::StaffNo,
                    first_line: 2
                }]
            ),
            (6, vec![RowProblem::DuplicateName { first_line: 3 }]),
        ]
    );
}

#[test]
fn roles_read_in_chinese_english_and_codes() {
    for (word, role) in [
        ("教师", StaffRole::Teacher),
        ("领导", StaffRole::Leader),
        ("学校领导", StaffRole::Leader),
        ("School leader", StaffRole::Leader),
        (" Dorm Staff ", StaffRole::DormStaff),
        ("dorm_staff", StaffRole::DormStaff),
        ("宿管", StaffRole::DormStaff),
        ("心理教师", StaffRole::Counsellor),
        ("safety officer", StaffRole::SafetyOfficer),
        ("安全干部", StaffRole::SafetyOfficer),
        ("其他", StaffRole::Other),
    ] {
        assert_eq!(parse_role(word), Some(role), "{word}");
    }
    for role in StaffRole::ALL {
        assert_eq!(
            parse_role(role.code()),
            Some(role),
            "the stored code reads back"
        );
    }
    assert_eq!(parse_role("主任"), None);
    assert_eq!(parse_role(""), None);
}

#[test]
fn an_unknown_role_is_quoted_back_short() {
    let long = "x".repeat(100);
    assert_eq!(
        role(&long),
        Err(RowProblem::UnknownRole("x".repeat(MAX_QUOTED)))
    );
}

#[test]
fn a_short_gbk_list_that_is_also_utf8_is_gbk_and_latin_names_stay_utf8() {
    let (gbk, _, _) = encoding_rs::GBK.encode("student_no,name,class\n1,陆伟,7-1\n");
    let (text, encoding) = super::table::decode(&gbk).expect("decode");
    assert_eq!(encoding, super::Encoding::Gbk);
    assert!(text.contains("陆伟"), "{text}");
    let (text, encoding) =
        super::table::decode("student_no,name,class\n1,José Zoë,7-1\n".as_bytes()).expect("utf8");
    assert_eq!(encoding, super::Encoding::Utf8);
    assert!(text.contains("José Zoë"));
}
