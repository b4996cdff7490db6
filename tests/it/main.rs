//! Every integration test in one binary: one link instead of six, which keeps `cargo test`
//! (and CI) fast. Each module is one area, run alone with e.g. `cargo test --test it files::`.

mod cli;
mod convert;
mod end_to_end;
mod export;
mod export_room;
mod files;
mod hardening;
mod http_client;
mod interop_csv;
mod interop_mermaid;
mod interop_ojf;
mod kills;
mod migration;
mod pdf;
mod properties;
mod recovery;
mod room_browser;
mod room_editor;
mod room_http;
mod support;
mod ui;
mod ui_files;
mod ui_interop;
mod ui_method;
mod ui_phases;
mod ui_roadmap;
mod ui_room;
mod ui_workshop;
