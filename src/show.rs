//! The big screen's and the slides' build: the views of `crate::views::SHOW` (the
//! dashboard is `main.rs`'s).
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| anju::app::App(anju::app::AppProps { views: anju::views::SHOW }));
}
