//! One file's card: how far it has been read, then how it was read (the facts of
//! `anju inspect`), sheet by sheet.

use anju_data::format::Lang;
use anju_data::import::{ColumnUse, FilePreview, Said, SheetPreview};
use leptos::prelude::*;

/// Where a file is in the run.
#[derive(Clone, Debug, PartialEq)]
pub enum FileState {
    Waiting,
    Reading {
        bytes: u64,
        rows: u64,
    },
    Read(Box<FilePreview>),
    /// The reading stopped inside this file (the worker failed): left out, the others read again.
    Failed,
    Cancelled,
    /// The run ended before this file (a choice refused, or the run refused): see why
    /// under the files.
    NotRead,
}

fn said(lang: Lang, s: &Said) -> String {
    match lang {
        Lang::Zh => s.zh.clone(),
        Lang::En => s.en.clone(),
    }
}

/// The card of file `name` (`size` bytes) in state `state`.
pub fn card(lang: Lang, name: String, size: u64, state: FileState) -> impl IntoView {
    use crate::i18n::tr;
    let status = match &state {
        FileState::Waiting => tr(lang, "等待读取", "waiting").to_string(),
        FileState::Reading { bytes, rows } => crate::model::import::progress(lang, *bytes, size, *rows),
        FileState::Failed => tr(
            lang,
            "读取此文件时出错，已略过；其余文件已重新读取",
            "reading this file failed; it was left out and the others read again",
        )
        .to_string(),
        FileState::Cancelled => tr(lang, "已取消", "cancelled").to_string(),
        FileState::NotRead => tr(lang, "未读取：原因见下方", "not read: see why below").to_string(),
        FileState::Read(p) => match (&p.refused, &p.passed_over) {
            (Some(why), _) => said(lang, why),
            (None, Some(why)) => said(lang, why),
            (None, None) => match lang {
                Lang::Zh => format!("{}：{} 户", p.format, anju_data::format::group_digits(p.households)),
                Lang::En => format!("{}: {} households", p.format, anju_data::format::group_digits(p.households)),
            },
        },
    };
    let class = match &state {
        FileState::Read(p) if p.refused.is_some() => "import-file refused",
        FileState::Failed => "import-file refused",
        FileState::Read(p) if p.passed_over.is_some() => "import-file passed",
        // Read, but with rows left out, or no household at all.
        FileState::Read(p) if p.households == 0 || p.sheets.iter().any(|s| !s.problems.is_empty()) => {
            "import-file partial"
        }
        FileState::Read(_) => "import-file read",
        _ => "import-file",
    };
    // For tests and styles: where the file stands.
    let stands = match &state {
        FileState::Waiting => "waiting",
        FileState::Reading { .. } => "reading",
        FileState::Failed => "failed",
        FileState::Cancelled => "cancelled",
        FileState::NotRead => "not-read",
        FileState::Read(_) => class.trim_start_matches("import-file "),
    };
    let bar = match &state {
        FileState::Reading { bytes, .. } => Some(crate::model::import::fraction(*bytes, size)),
        _ => None,
    };
    let sheets = match state {
        FileState::Read(p) => p.sheets,
        _ => Vec::new(),
    };
    view! {
        <li class=class data-testid="import-preview" data-name=name.clone() data-state=stands>
            <div class="import-file-head">
                <span class="import-file-name">{name.clone()}</span>
                <span class="import-file-status" role="status">{status}</span>
            </div>
            {bar.map(|f| view! { <progress max="1" value=f.to_string()></progress> })}
            {sheets.into_iter().map(|s| sheet(lang, s)).collect_view()}
        </li>
    }
}

fn sheet(lang: Lang, s: SheetPreview) -> impl IntoView {
    use crate::i18n::tr;
    let title = if s.sheet.is_empty() { None } else { Some(s.sheet.clone()) };
    let header = s.header_words().map(|h| said(lang, &h));
    let skipped = s.skipped.as_ref().map(|w| said(lang, w));
    let rows: Vec<String> =
        s.rows.iter().map(|(k, n)| format!("{} {}", said(lang, k), anju_data::format::group_digits(*n))).collect();
    let rows = (!rows.is_empty()).then(|| rows.join(tr(lang, "，", ", ")));
    let lines: Vec<(String, bool)> = s
        .given
        .iter()
        .map(|g| (said(lang, g), false))
        .chain(s.norms.iter().map(|(n, k, warn)| {
            let t = match lang {
                Lang::Zh => format!("{}：{k} 处", n.zh),
                Lang::En => format!("{}: {k} cells", n.en),
            };
            (t, *warn)
        }))
        .chain(s.checks.iter().map(|c| (said(lang, c), true)))
        .chain(s.totals_agree.then(|| {
            (tr(lang, "小计/合计与各户之和一致", "subtotals and totals agree with the households").to_string(), false)
        }))
        .collect();
    let columns = s.columns;
    let problems = s.problems;
    view! {
        <section class="import-sheet">
            {title.map(|t| view! { <h3>{t}</h3> })}
            {skipped.map(|w| view! { <p class="import-warn">{w}</p> })}
            {header.map(|h| view! { <p>{h}</p> })}
            {rows.map(|r| view! { <p>{tr(lang, "行：", "Rows: ")}{r}</p> })}
            <ul class="import-lines">
                {lines.into_iter().map(|(t, warn)| view! { <li class=if warn { "import-warn" } else { "" }>{t}</li> }).collect_view()}
            </ul>
            {(!columns.is_empty()).then(|| view! {
                <details class="import-columns">
                    <summary>{tr(lang, "各列的读法", "How each column is read")}</summary>
                    <table>
                        <tbody>
                            {columns.into_iter().map(|c| {
                                let kind = match c.read_as {
                                    ColumnUse::Field(_) => "field",
                                    ColumnUse::Identity => "identity",
                                    ColumnUse::Unused => "unused",
                                };
                                let words = said(lang, &c.read_as.words());
                                view! { <tr class=kind><td>{c.letter}</td><td>{c.header}</td><td>{words}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            })}
            {(!problems.is_empty()).then(|| view! {
                <ul class="import-problems">
                    {problems.into_iter().map(|p| view! { <li>{said(lang, &p)}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}
