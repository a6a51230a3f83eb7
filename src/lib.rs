//! Anju (安居): the relocation follow-up dashboard, a Leptos CSR app. Components live in
//! modules here so that tests can import them; `main.rs` only mounts [`app::App`].

pub mod api;
pub mod app;
