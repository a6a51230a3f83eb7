//! `anju geo`: boundaries (GeoJSON) to the map's geometry files beside a dataset, with a
//! report of what matched, what was renamed, and what is left unmatched on either side.

use anju_data::model::Source;
use anju_geo::sites::Sites;
use anju_geo::{output::Settings, prepare, Done, GeoError, Options};
use std::path::PathBuf;

/// The arguments of `anju geo` (help texts in `help.rs`).
#[derive(clap::Args)]
pub struct GeoArgs {
    /// GeoJSON boundary files, one city's counties each.
    #[arg(long, required = true, num_args = 1..)]
    pub boundaries: Vec<PathBuf>,
    /// The dataset folder (holding index.json).
    #[arg(long)]
    pub dataset: PathBuf,
    /// A renaming: 旧名=新名 (repeatable).
    #[arg(long)]
    pub alias: Vec<String>,
    /// Where the boundaries come from (cited with the map).
    #[arg(long)]
    pub source_title: String,
    /// Their licence.
    #[arg(long)]
    pub licence: String,
    #[arg(long, default_value = "")]
    pub source_publisher: String,
    #[arg(long, default_value = "")]
    pub source_date: String,
    /// The id of the source in the dataset's sources.
    #[arg(long, default_value = "boundaries")]
    pub source_id: String,
    /// Simplification tolerance, in grid units (10,000 across a file).
    #[arg(long, default_value_t = Settings::default().tolerance)]
    pub tolerance: f64,
    #[arg(long)]
    pub en: bool,
    /// A CSV of site locations: id, longitude, latitude.
    #[arg(long, conflicts_with = "synthesise_sites")]
    pub site_locations: Option<PathBuf>,
    /// Make up site locations inside each county (demo data only).
    #[arg(long)]
    pub synthesise_sites: bool,
}

/// `旧名=新名` → (old, new), or what to change.
fn alias(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => Ok((a.trim().into(), b.trim().into())),
        _ => Err(format!(
            "--alias \"{s}\"：应写作 旧名=新名，如 盘县=盘州市 / --alias \"{s}\": write old=new, as 盘县=盘州市"
        )),
    }
}

/// Runs `anju geo`; the exit code is 0 when written, 1 when nothing was.
pub fn run(a: GeoArgs) -> Result<(), String> {
    let say = |zh: String, en: String| if a.en { println!("{en}") } else { println!("{zh} / {en}") };
    let aliases = a.alias.iter().map(|s| alias(s)).collect::<Result<Vec<_>, _>>()?;
    if !(a.tolerance >= 0.0 && a.tolerance <= 1000.0) {
        return Err("--tolerance 应在 0 到 1000 之间 / --tolerance must be between 0 and 1000".into());
    }
    if a.licence.trim().is_empty() || a.source_title.trim().is_empty() {
        return Err("请用 --source-title 和 --licence 写明边界数据的来源和许可 / name the boundaries' source and licence with --source-title and --licence".into());
    }
    let source = Source {
        title: a.source_title.clone(),
        publisher: a.source_publisher.clone(),
        date: a.source_date.clone(),
        note: format!("边界数据许可 / boundary licence: {}", a.licence),
    };
    let o = Options {
        boundaries: a.boundaries.clone(),
        dataset: a.dataset.clone(),
        aliases,
        settings: Settings { tolerance: a.tolerance, ..Settings::default() },
        source_id: a.source_id.clone(),
        source,
        sites: match (&a.site_locations, a.synthesise_sites) {
            (Some(p), _) => Sites::Given(crate::sites::read(p)?),
            (None, true) => Sites::Synthesise,
            (None, false) => Sites::None,
        },
    };
    let done = prepare(&o).map_err(|e: GeoError| match e {
        // Renaming staged files is the one step that can fail part way.
        GeoError::Write { .. } => format!("{e}\n部分地图文件可能已被替换，请解决问题后重新运行 / some map files may have been replaced; fix this and run again"),
        _ => format!("{e}\n未写入任何文件，数据保持不变 / nothing was written; the dataset is unchanged"),
    })?;
    report(&done, &say);
    Ok(())
}

fn report(d: &Done, say: &dyn Fn(String, String)) {
    let m = &d.plan.summary;
    for (old, new) in &m.renamed {
        say(format!("改名：边界中的 {old} 即 {new}"), format!("renamed: {old} in the boundaries is {new}"));
    }
    if !m.extra.is_empty() {
        let list = m.extra.iter().map(|(f, n)| format!("{n}（{f}）")).collect::<Vec<_>>().join("、");
        say(
            format!("提示：{} 个边界要素不是数据集中的县，作为所在市的底图保留：{list}", m.extra.len()),
            format!(
                "note: {} boundary features are not counties of the dataset; kept as their city's background: {list}",
                m.extra.len()
            ),
        );
    }
    if !m.unmatched_files.is_empty() {
        let list = m.unmatched_files.join("、");
        say(
            format!("警告：这些文件没有一个地名对上数据集，未使用：{list}"),
            format!("warning: no name in these files matched the dataset; not used: {list}"),
        );
    }
    if !m.missing.is_empty() {
        let list = m.missing.join("、");
        say(
            format!("警告：{} 个县没有边界，地图上不会出现：{list}（如为改名，请用 --alias 旧名=新名）", m.missing.len()),
            format!("warning: {} counties have no boundary and will not be on the map: {list} (if renamed, give --alias old=new)", m.missing.len()),
        );
    }
    if m.sites_drawn > 0 {
        say(
            format!("安置点：{} 个画在所在县的地图上（其中 {} 个为合成示意位置）", m.sites_drawn, m.sites_synthesised),
            format!(
                "sites: {} drawn on their county's map ({} at synthesised locations)",
                m.sites_drawn, m.sites_synthesised
            ),
        );
    }
    if !m.sites_without.is_empty() {
        let list = m.sites_without.join("、");
        say(
            format!("警告：{} 个安置点没有位置，地图上不会画出（表中仍列出）：{list}", m.sites_without.len()),
            format!(
                "warning: {} sites have no location and are not drawn (still listed with the map): {list}",
                m.sites_without.len()
            ),
        );
    }
    if !d.removed.is_empty() {
        let list = d.removed.join("、");
        say(
            format!("注意：删除了上次写入、这次不再有的 {} 个地图文件（如县的安置点地图：本次未给 --site-locations 或 --synthesise-sites）：{list}", d.removed.len()),
            format!("note: removed {} map files of the last run that this one does not write (such as counties' site maps: no --site-locations or --synthesise-sites this time): {list}", d.removed.len()),
        );
    }
    for f in d.plan.files.iter().filter(|f| f.stats.rings_dropped > 0) {
        say(
            format!("警告：{} 中有 {} 个环小于网格，未画出", f.path, f.stats.rings_dropped),
            format!(
                "warning: {} rings in {} are smaller than the grid and are not drawn",
                f.stats.rings_dropped, f.path
            ),
        );
    }
    for f in &d.plan.files {
        say(
            format!(
                "写入 {}：{} 个点简化为 {} 个，{} 字节",
                f.path,
                f.stats.points_in,
                f.stats.points_out,
                f.bytes.len()
            ),
            format!(
                "wrote {}: {} points simplified to {}, {} bytes",
                f.path,
                f.stats.points_in,
                f.stats.points_out,
                f.bytes.len()
            ),
        );
    }
    say(
        format!(
            "匹配 {} 个县；写入 {} 个地图文件，并更新 index.json（{} 字节）",
            m.matched,
            d.plan.files.len(),
            d.index_bytes
        ),
        format!(
            "matched {} counties; wrote {} map files and updated index.json ({} bytes)",
            m.matched,
            d.plan.files.len(),
            d.index_bytes
        ),
    );
}
