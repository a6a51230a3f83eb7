//! What every exported chart is stamped with, and where the figures come from.

use crate::i18n::{name, tr};
use anju_data::model::Claim;
use anju_data::view::published::hover;
use anju_data::view::query::ViewState;
use anju_data::{Dataset, NodeIx};

/// True when no node of the loaded data cites a source.
pub fn all_synthesised(ds: &Dataset) -> bool {
    ds.meta.basis.is_synthesised() && ds.meta.sources.is_empty() && ds.nodes.iter().all(|n| n.published.is_empty())
}

/// What a figure no source is cited for is, in words: synthesised, or counted from
/// household registers (`Meta::basis`).
pub fn basis_words(ds: &Dataset, l: anju_data::format::Lang) -> &'static str {
    match ds.meta.basis {
        anju_data::model::Basis::Synthesised => {
            tr(l, "本地区数字为合成的演示数据", "this place's figures are synthesised demo data")
        }
        anju_data::model::Basis::Registers => tr(l, "由户级台账汇总", "counted from household registers"),
    }
}

/// The sources a node cites, one line each: source, figure date and note.
pub fn source_line(ds: &Dataset, c: &Claim, lang: anju_data::format::Lang) -> String {
    hover(&ds.meta, c, None, lang)
}

/// The stamp of a chart of node `ix` at period `t` as `st` filters it: where, which
/// filters, which period, as of when, and where the figures come from; one line each.
pub fn stamp_lines(ds: &Dataset, ix: NodeIx, t: usize, st: &ViewState) -> Vec<String> {
    let l = st.lang;
    let path = ds.path(ix).iter().map(|&i| name(ds.node(i), l)).collect::<Vec<_>>().join(" › ");
    let mut filters: Vec<String> = st.groups.iter().map(|g| g.label(l).to_string()).collect();
    filters.extend(st.risks.iter().map(|r| r.name(l).to_string()));
    filters.extend(st.alerts.iter().map(|a| a.label(l).to_string()));
    if st.suppress {
        filters.push(
            tr(
                l,
                "小于3的数及可推算出它们的数已隐藏（*）",
                "counts under 3, and figures that would give them away, hidden (*)",
            )
            .to_string(),
        );
    }
    let filters = if filters.is_empty() { tr(l, "无", "none").to_string() } else { filters.join("、") };
    let n = ds.node(ix);
    let source_label = tr(l, "来源：", "Source: ");
    let source = if all_synthesised(ds) {
        format!("{source_label}{}", tr(l, "全部为合成数据", "every figure synthesised"))
    } else if n.published.is_empty() {
        format!("{source_label}{}", basis_words(ds, l))
    } else {
        // Each source's line begins with its own "来源：".
        let titles: Vec<String> = n.published.iter().map(|c| source_line(ds, c, l)).collect();
        format!("{}{}", tr(l, "部分数字为公布值 · ", "Some figures as published · "), titles.join("；"))
    };
    vec![
        format!("{}{path}", tr(l, "地区：", "Place: ")),
        format!("{}{filters}", tr(l, "筛选：", "Filters: ")),
        format!("{}{}", tr(l, "统计期：", "Period: "), ds.period_keys[t]),
        format!("{}{}", tr(l, "数据截至：", "Data as of: "), ds.meta.as_of),
        source,
    ]
}
