//! The dashboard's build: the views of `crate::views::DASHBOARD` (the big screen and the
//! slides are `show.rs`'s).
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| anju::app::App(anju::app::AppProps { views: anju::views::DASHBOARD }));
}
