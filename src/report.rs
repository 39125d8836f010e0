//! Reports: the same rows written as plain text (for a terminal or a printer), Markdown, JSON or
//! CSV. Stored text passes the display sanitizer on the way out; CSV cells that a spreadsheet
//! would run as formulas are neutralised.

pub mod onsite;
mod table;

pub use table::{Format, Table};
