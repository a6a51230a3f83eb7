//! The root component.

use crate::api::{self, LoadError};
use anju_data::format::{count, Lang};
use anju_data::{Dataset, Metric};
use leptos::prelude::*;
use std::sync::Arc;

pub const INDEX_URL: &str = "data/index.json";

#[component]
pub fn App() -> impl IntoView {
    let data = LocalResource::new(|| api::load_index(INDEX_URL));
    view! {
        <main class="app">
            <Transition fallback=|| view! { <p class="loading" data-testid="loading">"正在加载数据…"</p> }>
                {move || {
                    data.get()
                        .map(|r| match r {
                            Ok(ds) => view! { <Overview ds=ds /> }.into_any(),
                            Err(e) => view! { <ErrorPanel err=e /> }.into_any(),
                        })
                }}
            </Transition>
        </main>
    }
}

/// The root node's name and people.
#[component]
fn Overview(ds: Arc<Dataset>) -> impl IntoView {
    let root = ds.node(ds.root);
    let people = root.m.get(Metric::People, ds.latest());
    view! {
        <header class="top">
            <h1 class="title">{ds.meta.title.zh.clone()}</h1>
            <span class="as-of" data-testid="as-of" data-value=ds.meta.as_of.clone()>
                "数据截至 " {ds.meta.as_of.clone()}
            </span>
        </header>
        <h2 data-testid="node-title" data-node-id=root.id.clone() data-level=root.level.key()>
            {root.name.clone()}
        </h2>
        <section class="kpis">
            <div class="kpi" data-testid="kpi-people" data-value=people.to_string()>
                <span class="kpi-label">"搬迁人口"</span>
                <span class="kpi-value">{count(people, Lang::Zh)} "人"</span>
            </div>
        </section>
        <span data-testid="app-ready" hidden=true></span>
    }
}

/// A data or network problem, in plain words, with the file and the validator's message.
#[component]
fn ErrorPanel(err: LoadError) -> impl IntoView {
    let detail: Vec<String> = match &err {
        LoadError::Invalid { problems, .. } => {
            problems.iter().take(10).map(|p| format!("{} — {}", p.at, p.zh)).collect()
        }
        other => vec![other.to_string()],
    };
    view! {
        <section class="error" data-testid="error" role="alert">
            <h2>"数据无法加载"</h2>
            <p>"文件：" {err.url().to_string()}</p>
            <ul>{detail.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
        </section>
    }
}
