//! fachmk: prepare the standing agenda item "Reporting FachMK" of the
//! IT-Planungsrat. The binary is a thin shell around this library.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod log;
pub mod safe;
pub mod search;
pub mod store;
pub mod tui;
pub mod ui;
