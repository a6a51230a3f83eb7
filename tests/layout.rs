//! The layout holds (ARCHITECTURE.md). Between the crates: the data crate and the import
//! library are what a non-web client (the `anju` command, a report generator, the import
//! worker) needs, so neither depends on, nor names, Leptos or a browser binding. In the
//! app: views never import one another, components and charts never import a view, and
//! models (with the palette and the words they use) import nothing of Leptos or the
//! browser, nor any part of the app that does.

use std::path::{Path, PathBuf};

/// Crates of the web side.
const WEB: [&str; 6] = ["leptos", "leptos_router", "web_sys", "wasm_bindgen", "js_sys", "gloo_net"];
/// The same crates as a manifest names them.
const WEB_DEPS: [&str; 5] = ["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"];
/// What a model may use of the app: other models, the palette, the words.
const MODEL_MAY_USE: [&str; 3] = ["model", "theme", "i18n"];

/// The dependency names of a manifest's `[dependencies]` and `[target.*.dependencies]`.
fn dependencies(manifest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line == "[dependencies]" || (line.starts_with("[target.") && line.ends_with(".dependencies]"));
            continue;
        }
        if let Some((name, _)) = line.split_once('=').filter(|_| inside && !line.starts_with('#')) {
            out.push(name.trim().trim_matches('"').to_string());
        }
    }
    out
}

fn crate_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates").join(name)
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of each line, without its comment.
fn code(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|l| l.split("//").next().unwrap_or(""))
}

/// The app modules (`crate::x`) a file names.
fn app_modules(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in code(text) {
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + 7..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The views (`crate::views::x`) a file names.
fn views_named(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in code(text) {
        for (i, _) in line.match_indices("views::") {
            let name: String = line[i + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

fn names_web(text: &str) -> Option<&'static str> {
    WEB.into_iter().find(|w| code(text).any(|l| l.contains(&format!("{w}::")) || l.contains(&format!("use {w}"))))
}

/// What is wrong with file `rel` (relative to `src/`, with `/`) holding `text`.
fn violations(rel: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        ["views", own, ..] if parts.len() > 2 => {
            for v in views_named(text).into_iter().filter(|v| v != own) {
                out.push(format!("{rel}: the {own} view imports the {v} view"));
            }
            if code(text).any(|l| l.contains("super::super::")) {
                out.push(format!("{rel}: reaches out of its view through super::super"));
            }
        }
        ["components" | "charts", ..] => {
            if let Some(v) = views_named(text).first() {
                out.push(format!("{rel}: a widget imports the {v} view"));
            }
        }
        ["model", ..] | ["theme.rs"] | ["i18n.rs"] => {
            if let Some(w) = names_web(text) {
                out.push(format!("{rel}: names {w}"));
            }
            for m in app_modules(text).into_iter().filter(|m| !MODEL_MAY_USE.contains(&m.as_str())) {
                out.push(format!("{rel}: uses crate::{m}, which is not a model"));
            }
        }
        _ => {}
    }
    out
}

#[test]
fn views_compose_and_models_compute() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let rels: Vec<String> =
        files.iter().map(|f| f.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/")).collect();
    for must in ["views/dashboard/mod.rs", "views/present/mod.rs", "views/screen/mod.rs", "model/tiles.rs", "theme.rs"]
    {
        assert!(rels.iter().any(|r| r == must), "{must} was found");
    }
    let mut wrong = Vec::new();
    for (f, rel) in files.iter().zip(&rels) {
        wrong.extend(violations(rel, &std::fs::read_to_string(f).unwrap()));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The check itself can fail, on each of its rules.
#[test]
fn each_crossing_would_be_caught() {
    let screen_uses_present = "use crate::views::present::slides::risk;\n";
    assert_eq!(violations("views/screen/mod.rs", screen_uses_present).len(), 1);
    assert!(violations("views/present/mod.rs", "use crate::views::present::x; // views::screen\n").is_empty());
    assert_eq!(violations("views/screen/board.rs", "use super::super::present::X;\n").len(), 1);
    assert_eq!(violations("components/kpis.rs", "use crate::views::dashboard::Ready;\n").len(), 1);
    assert_eq!(violations("model/tiles.rs", "use leptos::prelude::*;\n").len(), 1);
    assert_eq!(violations("model/tiles.rs", "let w = web_sys::window();\n").len(), 1);
    assert_eq!(violations("model/tiles.rs", "use crate::url::use_url;\n").len(), 1);
    assert_eq!(violations("theme.rs", "use crate::data::Target;\n").len(), 1);
    assert!(violations("model/tiles.rs", "use crate::model::spec::Bar;\nuse crate::i18n::tr;\n").is_empty());
    assert!(violations("app.rs", "use crate::views::screen::Screen;\n").is_empty(), "the root composes views");
}

#[test]
fn the_data_crate_the_import_library_and_the_boundaries_know_nothing_of_the_web() {
    for (name, at_least) in [("anju-data", 10), ("anju-import", 10), ("anju-geo", 5)] {
        let dir = crate_dir(name);
        let deps = dependencies(&std::fs::read_to_string(dir.join("Cargo.toml")).unwrap());
        assert!(deps.iter().any(|d| d == "anju-data" || d == "serde"), "{name}: the manifest was read: {deps:?}");
        for d in &deps {
            assert!(!WEB_DEPS.iter().any(|w| d.starts_with(w)), "{name} depends on {d}");
        }
        let mut files = Vec::new();
        sources(&dir.join("src"), &mut files);
        assert!(files.len() > at_least, "{name}: its sources were found");
        for f in files {
            if let Some(w) = names_web(&std::fs::read_to_string(&f).unwrap()) {
                panic!("{} names {w}", f.display());
            }
        }
    }
}

/// The check itself can fail: a manifest naming a web crate is caught.
#[test]
fn a_web_dependency_would_be_caught() {
    let deps = dependencies("[package]\nname = \"x\"\n[dependencies]\nserde = \"1\"\nleptos = { version = \"0.8\" }\n[dev-dependencies]\nproptest = \"1\"\n");
    assert_eq!(deps, ["serde", "leptos"]);
}
