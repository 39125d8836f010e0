//! Text fitted to terminal columns (a Chinese character takes two): padded, cut with "…", and
//! table cells that never run into their neighbours.

use unicode_truncate::{Alignment, UnicodeTruncateStr};
use unicode_width::UnicodeWidthStr;

/// Pads `s` with spaces to `width` terminal columns (CJK counts two).
pub fn pad(s: &str, width: usize) -> String {
    // Cut first, then pad: a cut before a wide character leaves a column that the padding
    // fills, so the next column still starts where it should.
    truncate(s, width)
        .unicode_pad(width, Alignment::Left, false)
        .into_owned()
}

/// A table cell: `s` padded (or cut) to `width` columns, the last always a space so that
/// neighbouring cells never run together.
pub fn cell(s: &str, width: usize) -> String {
    format!("{} ", pad(s, width.saturating_sub(1)))
}

/// The width of the widest of `labels`: a column of translated words is sized to them, so no
/// language's word is cut.
pub fn widest(labels: &[&str]) -> usize {
    labels.iter().map(|l| l.width()).max().unwrap_or(0)
}

/// Cuts `s` to at most `width` columns, marking the cut with "…".
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let (cut, _) = s.unicode_truncate(width.saturating_sub(1));
    format!("{cut}…")
}
