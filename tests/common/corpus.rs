//! The hostile-text corpus: named payloads that a terminal would act on (OSC, CSI, DCS, C0/C1
//! controls), that change how text around them is shown (bidi overrides and isolates,
//! zero-width characters), that are very long or mix scripts, or that a spreadsheet would run.

#![allow(
    dead_code,
    reason = "each test crate uses the part of the corpus it needs"
)]

/// One payload with the name a failure report uses.
#[derive(Debug, Clone)]
pub struct Payload {
    pub name: &'static str,
    pub text: String,
}

fn p(name: &'static str, text: impl Into<String>) -> Payload {
    Payload {
        name,
        text: text.into(),
    }
}

/// Every C0 control, then DEL.
fn all_c0() -> String {
    (0u8..0x20)
        .map(char::from)
        .chain(std::iter::once('\u{7f}'))
        .collect()
}

/// Every C1 control (U+0080–U+009F) between letters.
fn all_c1() -> String {
    ('\u{80}'..='\u{9f}').flat_map(|c| [c, 'x']).collect()
}

/// The corpus, in a fixed order (at least 50 payloads, each named).
#[allow(clippy::too_many_lines, reason = "one list, one payload a line")]
pub fn payloads() -> Vec<Payload> {
    vec![
        // OSC: window title, hyperlink, clipboard — terminated by BEL, by ST, or never.
        p("osc0_title_bel", "\u{1b}]0;pwned title\u{7}visible"),
        p("osc2_title_st", "\u{1b}]2;owned\u{1b}\\after"),
        p(
            "osc8_hyperlink",
            "\u{1b}]8;;https://evil.example/\u{1b}\\click me\u{1b}]8;;\u{1b}\\",
        ),
        p("osc52_clipboard_bel", "\u{1b}]52;c;cm0gLXJmIH4vKgo=\u{7}"),
        p("osc52_clipboard_st", "x\u{1b}]52;p;ZWNobyBoaQ==\u{1b}\\y"),
        p("osc4_palette", "\u{1b}]4;1;rgb:ff/00/00\u{7}red"),
        p("osc_unterminated", "before\u{1b}]0;this title never ends"),
        // CSI: screen, cursor, colours, modes, and queries the terminal answers.
        p("csi_clear_home", "\u{1b}[2J\u{1b}[Hwiped"),
        p("csi_sgr_red", "\u{1b}[31;1;5mRED\u{1b}[0m"),
        p("csi_cursor_up_overwrite", "ok\u{1b}[3A\u{1b}[10Dforged"),
        p("csi_erase_line", "line\u{1b}[2K\u{1b}[1G"),
        p("csi_device_status_query", "\u{1b}[6n\u{1b}[5n"),
        p("csi_device_attributes_query", "\u{1b}[c\u{1b}[>c"),
        p("csi_window_ops", "\u{1b}[21t\u{1b}[8;5;5t"),
        p(
            "csi_alt_screen_mouse",
            "\u{1b}[?1049h\u{1b}[?1000h\u{1b}[?25l",
        ),
        p("csi_unterminated", "tail\u{1b}[1;2"),
        p("csi_set_scroll_region", "\u{1b}[1;1r\u{1b}[Sscroll"),
        // Other escape forms.
        p("dcs_query", "\u{1b}P+q544e\u{1b}\\dcs"),
        p("apc_kitty_graphics", "\u{1b}_Gf=100,a=T;AAAA\u{1b}\\img"),
        p("pm_and_sos", "\u{1b}^private\u{1b}\\\u{1b}Xsos\u{1b}\\"),
        p("esc_full_reset", "\u{1b}creset"),
        p("esc_dec_line_drawing", "\u{1b}(0lqqk\u{1b}(B"),
        p("esc_keypad_and_save", "\u{1b}=\u{1b}7\u{1b}8"),
        p("lone_esc_at_end", "name\u{1b}"),
        // C1 controls, alone and as 8-bit CSI/OSC/DCS.
        p("c1_csi_clear", "\u{9b}2J\u{9b}31mred"),
        p("c1_osc_title", "\u{9d}0;title\u{9c}after"),
        p("c1_dcs", "\u{90}q#0;2;0;0;0\u{9c}"),
        p("c1_next_line", "one\u{85}two"),
        p("c1_every_one", all_c1()),
        // C0 controls and DEL.
        p("c0_every_one_and_del", all_c0()),
        p("cr_overwrite", "approved\rREFUSED"),
        p("crlf_lines", "first line\r\nsecond line"),
        p("lf_lines", "first\nsecond\n\nthird\n"),
        p(
            "backspace_overwrite",
            "allowed\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}DENIED",
        ),
        p("bell", "ding\u{7}\u{7}\u{7}"),
        p("nul_inside", "abc\u{0}def"),
        p("del_inside", "abc\u{7f}def"),
        p("tab_vt_ff", "a\tb\u{b}c\u{c}d"),
        // Bidi overrides, embeddings and isolates.
        p("rlo_in_id_number", "11010519\u{202E}491231002X"),
        p("lro_pdf", "\u{202D}abc\u{202C}def"),
        p("lre_rle", "\u{202A}left\u{202B}right\u{202C}"),
        p("isolates", "\u{2066}lri\u{2067}rli\u{2068}fsi\u{2069}pdi"),
        p(
            "trojan_source",
            "admin\u{202E} \u{2066}// is guest\u{2069} \u{2066}",
        ),
        p("rlo_chinese_name", "张\u{202E}三丰"),
        p("arabic_letter_mark", "\u{61C}abc\u{61C}"),
        p("lrm_rlm", "\u{200E}x\u{200F}y"),
        // Zero-width and invisible characters.
        p("zero_width_space", "张\u{200B}三"),
        p("zwnj_zwj", "a\u{200C}b\u{200D}c"),
        p("emoji_zwj_family", "👩\u{200D}👩\u{200D}👧 family"),
        p("bom_inside", "\u{FEFF}name\u{FEFF}"),
        p(
            "word_joiner_invisible_ops",
            "a\u{2060}b\u{2061}c\u{2062}d\u{2063}e\u{2064}f",
        ),
        p("line_paragraph_separators", "a\u{2028}b\u{2029}c"),
        p("soft_hyphen_and_cgj", "ab\u{AD}cd\u{34F}e"),
        p("hangul_fillers", "\u{3164}\u{115F}\u{1160}\u{FFA0}x"),
        p("mongolian_vowel_separator", "a\u{180E}b"),
        p("tag_characters", "flag\u{E0001}\u{E0041}\u{E007F}"),
        p("interlinear_annotation", "\u{FFF9}base\u{FFFA}ruby\u{FFFB}"),
        // Mixed scripts, combining marks, width.
        p("cjk_with_escape_and_rlo", "张三\u{1b}[31m李四\u{202E}王五"),
        p("cjk_fullwidth_punctuation", "（测试）：“引号”、【括号】"),
        p("arabic_rtl_plain", "مرحبا بالعالم"),
        p(
            "combining_stack",
            "Z\u{336}\u{337}\u{338}a\u{301}\u{302}\u{303}\u{304}l",
        ),
        p("emoji_wide", "🚸⚠️🧒🏽"),
        // Very long strings.
        p("long_ascii_with_csi", "A\u{1b}[31m".repeat(1500)),
        p("long_cjk_with_rlo", "测试\u{202E}".repeat(700)),
        p("long_zwj_chain", "👨\u{200D}".repeat(300)),
        p("long_plain", "x".repeat(5000)),
        // What a spreadsheet would run (CSV) and what would break a Markdown table.
        p(
            "formula_equals",
            "=HYPERLINK(\"https://evil.example\",\"ok\")",
        ),
        p("formula_plus", "+1+cmd|' /C calc'!A0"),
        p("formula_minus", "-2+3"),
        p("formula_at", "@SUM(A1:A9)"),
        p("formula_tab", "\t=1+1"),
        p("formula_cr", "\r=1+1"),
        p("markdown_table_breaker", "a | b |\n# heading\n| --- |"),
    ]
}

/// Whether `c` must never reach a terminal from stored text: C0 (line feed, tab and carriage
/// return included), DEL, C1, the bidi overrides, embeddings and isolates, the zero-width and
/// invisible format characters DATA-SAFETY.md names, the line and paragraph separators, the BOM
/// and the Arabic letter mark.
pub fn dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2028}' | '\u{2029}'
            | '\u{FEFF}'
            | '\u{061C}')
}
