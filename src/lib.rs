//! Anju (安居): the relocation follow-up dashboard, a Leptos CSR app. Components live in
//! modules here so that tests can import them; `main.rs` only mounts [`app::App`].

pub mod api;
pub mod app;
pub mod charts;
pub mod components;
pub mod ctx;
pub mod data;
pub mod export;
pub mod i18n;
pub mod perf;
