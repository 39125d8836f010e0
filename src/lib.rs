//! DutyDesk: a terminal app for a school's duty staff — patrols at the key times and places,
//! incidents and their follow-ups, the gate log, shifts and the end-of-shift summary — over one
//! local SQLite file. This package is the top layer: the app, screens, widgets and commands.

pub mod action;
pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod import;
pub mod logging;
pub mod paths;
pub mod screens;
pub mod theme;
pub mod ui;
pub mod widgets;

// The layers below this package, each its own crate (docs/ARCHITECTURE.md), re-exported so that
// `dutydesk::store::…` and `crate::domain::…` name them as before.
pub use ::domain;
pub use ::i18n;
pub use ::report;
pub use ::store;
