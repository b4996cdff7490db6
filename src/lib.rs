//! Trayecto: a desktop editor for customer journey maps.
//!
//! Data flows one way: input → [`ui::Command`] → [`edit::Edit`] → [`history::History`] →
//! [`model::Map`] → [`layout::compute`] → [`paint`] → screen or image.
//!
//! Modules stand on floors and import only from below (README, "Inside"): [`i18n`] and
//! [`watch`]; [`model`]; [`format`], [`edit`], [`view`]; [`history`], [`file`], [`templates`],
//! [`report`], [`layout`], [`sample`]; [`document`], [`pictures`], [`paint`]; [`export`],
//! [`recovery`]; [`room`]; [`ui`] and [`cli`].

pub mod cli;
pub mod document;
pub mod edit;
pub mod export;
pub mod file;
pub mod format;
pub mod history;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod paint;
pub mod pictures;
pub mod recovery;
pub mod report;
pub mod room;
pub mod sample;
pub mod templates;
pub mod ui;
pub mod view;
pub mod watch;
