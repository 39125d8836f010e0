//! DutyDesk: a terminal app for a school's duty staff — patrol checklists at the key times and
//! places, shifts and who is on duty, and (in later parts) incidents, the gate log and the
//! end-of-shift summary — over one local SQLite file.

pub mod action;
pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod import;
pub mod logging;
pub mod paths;
pub mod report;
pub mod screens;
pub mod store;
pub mod theme;
pub mod ui;
pub mod widgets;
