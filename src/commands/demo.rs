//! `dutydesk demo [--days N] [--seed S]`: fills a new (or empty) database with a realistic
//! made-up school, refusing, without writing, a file that already holds records.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::Setup;
use crate::demo::{self, Summary};
use crate::domain::text;
use crate::i18n::Words as _;
use crate::store::Store;

pub fn run(setup: &Setup, days: u32, seed: u64) -> Result<(), String> {
    let s = setup.lang.strings();
    let path = &setup.paths.db;
    // The path comes from the command line or the environment, but may still hold escapes.
    let shown = text::line(&path.display().to_string()).into_owned();
    let now = setup.clock.now();
    let mut store = Store::open(path, now.date_naive()).map_err(|e| s.store_error(&e))?;
    // Checked before anything is written: a file with records stays byte for byte as it was.
    if store.has_records().map_err(|e| s.store_error(&e))? {
        return Err((s.demo.refused)(&shown));
    }
    store.fast_writes().map_err(|e| s.store_error(&e))?;
    let days = days.max(1);
    let last = now.date_naive().to_string();
    eprintln!("{}", (s.demo.start)(&shown, days, &last, seed));
    // About ten progress lines whatever the length, on stderr so stdout holds only the summary.
    let step = days.div_ceil(10);
    let mut progress = |day: u32, of: u32| {
        if day.is_multiple_of(step) || day == of {
            eprintln!("{}", (s.demo.progress)(day, of));
        }
    };
    let summary = demo::generate(
        &mut store,
        &setup.config,
        setup.lang,
        now,
        days,
        seed,
        &mut progress,
    )
    .map_err(|e| s.store_error(&e))?;
    drop(store);
    println!("{}", (s.demo.done)(&shown));
    print!("{}", table(&s.demo.counts, &summary));
    Ok(())
}

/// The counts, one per line, labels padded to one display width (CJK labels are two columns a
/// character).
fn table(labels: &[&'static str; Summary::LEN], summary: &Summary) -> String {
    let width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let mut out = String::new();
    for (label, n) in labels.iter().zip(summary.values()) {
        let pad = " ".repeat(width - label.width());
        // Writing into a String cannot fail.
        let _ = writeln!(out, "  {label}{pad}  {n:>7}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_summary_lines_up_in_both_languages() {
        let summary = Summary {
            students: 2016,
            ..Summary::default()
        };
        for lang in [Lang::En, Lang::Zh] {
            let out = table(&lang.strings().demo.counts, &summary);
            let widths: Vec<usize> = out.lines().map(UnicodeWidthStr::width).collect();
            assert_eq!(widths.len(), Summary::LEN);
            assert!(widths.iter().all(|w| *w == widths[0]), "{out}");
            assert!(
                out.lines().next().is_some_and(|l| l.ends_with(" 2016")),
                "{out}"
            );
        }
    }
}
