//! The line between the crates: the data crate and the import library are what a non-web
//! client (the `anju` command, a report generator, the import worker) needs, so neither
//! depends on, nor names, Leptos or a browser binding. Checked on their manifests and on
//! every source file.

use std::path::{Path, PathBuf};

/// Crates of the web side: a dependency on any of them, or a path through one, is a
/// boundary crossed.
const WEB: [&str; 7] = ["leptos", "web-sys", "web_sys", "wasm-bindgen", "wasm_bindgen", "js-sys", "gloo"];

fn crate_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name)
}

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

#[test]
fn the_data_crate_and_the_import_library_know_nothing_of_the_web() {
    for name in ["anju-data", "anju-import"] {
        let dir = crate_dir(name);
        let deps = dependencies(&std::fs::read_to_string(dir.join("Cargo.toml")).unwrap());
        assert!(deps.iter().any(|d| d == "serde" || d == "calamine"), "{name}: the manifest was read: {deps:?}");
        for d in &deps {
            assert!(!WEB.iter().any(|w| d.starts_with(w)), "{name} depends on {d}");
        }
        let mut files = Vec::new();
        sources(&dir.join("src"), &mut files);
        assert!(files.len() > 10, "{name}: its sources were found");
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            for w in WEB.iter().filter(|w| !w.contains('-')) {
                let used = text.lines().any(|l| {
                    let code = l.split("//").next().unwrap_or("");
                    code.contains(&format!("{w}::")) || code.contains(&format!("use {w}"))
                });
                assert!(!used, "{} names {w}", f.display());
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
