//! Widgets shared by screens: the text field, popups, the key bar.

pub mod area;
pub mod cursor;
pub mod field;
pub mod form;
pub mod keybar;
pub mod pick;
pub mod picker;
pub mod popup;
pub mod prompt;

/// A screen's keys for the bar at the bottom: (key, what it does).
pub type Keys = Vec<(&'static str, &'static str)>;
