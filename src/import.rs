//! The import view's build (`view=import`): registers read in the browser, by a worker
//! (`crates/anju-import-worker`). No dataset is loaded here; Trunk.toml's loader picks this
//! build by `view=`, and a URL naming another view loads the page again for its build.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(anju::views::import_page);
}
