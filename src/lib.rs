//! Anju (安居): the relocation follow-up dashboard, a Leptos CSR app. The flow is
//! URL → data → model → view: `url` parses the state, `data` loads what it names,
//! `model` computes plain rows and chart specs, and `views` compose them from
//! `components` and `charts`. See ARCHITECTURE.md. `main.rs` only mounts [`app::App`].

pub mod app;
pub mod charts;
pub mod components;
pub mod data;
pub mod export;
pub mod i18n;
pub mod model;
pub mod page;
pub mod perf;
pub mod theme;
pub mod url;
pub mod views;
