//! Boundaries for Anju's map (`anju geo`): GeoJSON boundary files matched to a dataset's
//! counties by name (`names`), borders made into shared arcs (`topology`), counties
//! dissolved into their city and cities into the levels above, each file simplified and
//! snapped to a grid once (`output`), and written beside the data as small geometry
//! files that the index names (`anju_data::geometry`, `docs/data-format.md`).
//!
//! Nothing is guessed: a file whose names fit two places, or a county two features
//! claim, is refused; features and counties left unmatched are reported.

pub mod cross;
pub mod names;
pub mod output;
pub mod sites;
pub mod source;
pub mod topology;

mod plan;
pub use plan::{plan, Plan};

use anju_data::geometry::GeoRefs;
use anju_data::model::Source;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why boundaries could not be prepared; each says where, and what to change.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("{path}: 无法读取 / cannot be read: {error}")]
    Io { path: String, error: String },
    #[error("{path}: 无法写入 / cannot be written: {error}")]
    Write { path: String, error: String },
    #[error("{file} {at}: {zh} / {en}")]
    Source { file: String, at: String, zh: String, en: String },
    #[error("{file}: 其中的地名同样符合 {places}，无法判断属于哪里；请每个文件只放一个市的边界 / its names fit {places} equally; give one city's boundaries per file")]
    Ambiguous { file: String, places: String },
    #[error("{county}: 被两个要素认领（{first}，{second}）；请删去其一，或用 --alias 区分 / claimed by two features ({first}, {second}); remove one, or tell them apart with --alias")]
    Claimed { county: String, first: String, second: String },
    #[error("节点 {node}: 网格化后边线 {arcs} 相交；请用更小的 --tolerance，或检查原边界 / node {node}: borders {arcs} cross once snapped to the grid; try a smaller --tolerance, or check the boundaries")]
    Crossing { node: String, arcs: String },
    #[error("节点 {node}: 下级既有县又有市，地图暂不支持 / node {node}: its children are both counties and cities, which the map does not support yet")]
    Mixed { node: String },
    #[error("{file}: 只有 {name} 一个地名对上数据集（{place}的县），其余 {others} 个都对不上：若此文件是{place}的，请检查其他地名或用 --alias 指明改名，否则请去掉这个文件 / only {name} of its names matches the dataset (a county of {place}), its {others} others none: if the file is {place}'s, check the other names or give renamings with --alias; otherwise leave the file out")]
    OneName { file: String, name: String, place: String, others: usize },
    #[error("节点 {node}: 没有可画的边界 / node {node}: nothing to draw")]
    Empty { node: String },
    #[error(
        "节点 {node} 的 {id}: 形状小于网格，无法标注 / node {node}, shape {id}: smaller than the grid, no point inside"
    )]
    TooSmall { node: String, id: String },
    #[error("节点 {node}: 下级的边界相互重叠或不闭合，无法合并成外轮廓 / node {node}: its children's boundaries overlap or do not close, so they cannot be merged into an outline")]
    Dissolve { node: String },
    #[error("{first} 与 {second} 相互重叠（重叠部分占较小者面积的 {share}）：同一来源的相邻边界应共用边线；请检查是否重复或混用了不同来源的边界 / {first} and {second} overlap ({share} of the smaller one's area): neighbours from one source share their border exactly; check for a place given twice, or boundaries from two sources")]
    Overlap { first: String, second: String, share: String },
    #[error("{at}: 是数据集中 {place} 的 {county}，却在 {here} 的文件里；请把它放进 {place} 的文件，或用 --alias 区分 / is {county} of {place} in the dataset, but in a file of {here}; put it in {place}'s file, or tell them apart with --alias")]
    OtherPlace { at: String, county: String, place: String, here: String },
    #[error("{place} 下有不止一个县名为 {name}，无法判断 {file} features[{index}] 是哪一个；请先在数据中区分它们 / {place} has more than one county named {name}: {file} features[{index}] could be either; tell them apart in the data first")]
    SameName { place: String, name: String, file: String, index: usize },
    #[error("--source-id {id}：数据集中已有此来源（{title}），不是上次的边界来源；请换一个编号 / --source-id {id}: the dataset already cites a source by that id ({title}), not the boundaries of an earlier run; choose another id")]
    SourceTaken { id: String, title: String },
    #[error("没有任何边界要素与数据集中的县对上；请检查文件或用 --alias 指明改名 / no boundary feature matched a county of the dataset; check the files, or give renamings with --alias")]
    NothingMatched,
    #[error("{at}: 安置点 {site} 的位置（经度 {lon}，纬度 {lat}）在 {county} 的边界之外；请检查经纬度是否写反，或安置点是否属于这个县 / site {site} at longitude {lon}, latitude {lat} lies outside {county}'s boundary; check that longitude and latitude are not swapped, and that the site belongs to this county")]
    SiteOutside { at: String, site: String, county: String, lon: f64, lat: f64 },
    #[error("{at}: 数据集中没有编号为 {id} 的安置点，或它所在的县没有边界；请用数据集中的编号 / the dataset has no site {id}, or its county has no boundary; use the dataset's ids")]
    SiteUnknown { at: String, id: String },
    #[error("{second}: 安置点 {id} 的位置已在 {first} 给出；每个安置点只给一个位置 / site {id} was given a location already at {first}; give each site one location")]
    SiteTwice { first: String, second: String, id: String },
    #[error("{first} 与 {second}: 两个安置点在同一位置，地图上一个会遮住另一个；请给出各自的位置 / two sites at one spot: on the map one would hide the other; give each its own location")]
    SiteSameSpot { first: String, second: String },
    #[error("{0}")]
    Dataset(String),
}

/// What `anju geo` is asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    /// GeoJSON files, one city's counties each.
    pub boundaries: Vec<PathBuf>,
    /// The dataset folder (its `index.json` is read and rewritten).
    pub dataset: PathBuf,
    /// Renamings beyond [`names::RENAMED`]: (old name, name today).
    pub aliases: Vec<(String, String)>,
    pub settings: output::Settings,
    /// The id under which the boundaries' source goes into `dataset.sources`.
    pub source_id: String,
    /// Where the boundaries come from and their licence.
    pub source: Source,
    /// Where the sites go on their county's map, if anywhere.
    pub sites: sites::Sites,
}

/// Every file written, with its bytes and points, and the plan's report.
pub struct Done {
    pub plan: Plan,
    pub index_bytes: usize,
    /// Map files of an earlier run this one no longer writes, removed (a county whose
    /// sites were located then and are not now).
    pub removed: Vec<String>,
}

/// Reads the boundaries and the dataset's index, writes the geometry files (`geo/`) and the
/// index naming them and their source. Checked in memory with the dataset's own loader
/// before anything is written; a failed run leaves the dataset as it was.
pub fn prepare(o: &Options) -> Result<Done, GeoError> {
    let files = o.boundaries.iter().map(|p| source::read(p)).collect::<Result<Vec<_>, _>>()?;
    let index_path = o.dataset.join("index.json");
    let io = |p: &Path, e: std::io::Error| GeoError::Io { path: p.display().to_string(), error: e.to_string() };
    let index = std::fs::read(&index_path).map_err(|e| io(&index_path, e))?;
    let first_of = |ps: &anju_data::Problems| ps.list.first().map_or_else(|| "index.json".into(), |p| p.to_string());
    let ds = anju_data::Dataset::from_index("index.json", &index).map_err(|ps| GeoError::Dataset(first_of(&ps)))?;
    // Sites are in the shards: read every one when the sites are to be drawn.
    let full = match o.sites {
        sites::Sites::None => None,
        _ => {
            let (full, ps) = anju_data::dataset::load_all("index.json", |rel| {
                std::fs::read(o.dataset.join(rel)).map_err(|e| e.to_string())
            });
            // The old map files are being replaced; any other problem stops the run.
            let mut ps = ps.list.into_iter().filter(|p| p.check != anju_data::problem::Check::Geometry);
            if let Some(p) = ps.next() {
                return Err(GeoError::Dataset(p.to_string()));
            }
            full
        }
    };
    let full_read = full.is_some();
    let ds = full.unwrap_or(ds);
    let taken = ds.meta.sources.get(&o.source_id).filter(|_| ds.geo.as_ref().is_none_or(|g| g.source != o.source_id));
    if let Some(s) = taken {
        return Err(GeoError::SourceTaken { id: o.source_id.clone(), title: anju_data::text::clip(&s.title, 60) });
    }
    let aliases = names::Aliases::new(&o.aliases);
    // On a thread with a deep stack: the simplification recurses once per kept point, and
    // a crafted arc of millions of points must not overflow the main thread's 8 MB.
    let planned = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn_scoped(s, || plan(&ds, &files, &aliases, &o.settings, &o.sites))
            .map(|h| h.join())
    });
    let plan = match planned {
        Ok(Ok(result)) => result?,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(e) => return Err(GeoError::Dataset(format!("no thread for the work: {e}"))),
    };
    let refs = GeoRefs {
        source: o.source_id.clone(),
        files: plan.files.iter().map(|f| (f.node.clone(), f.path.clone())).collect(),
    };
    let old: Vec<String> = ds.geo.as_ref().map(|g| g.files.values().cloned().collect()).unwrap_or_default();
    let new_index = anju_data::write::rewrite_index("index.json", &index, |doc| {
        if let Some(meta) = &mut doc.dataset {
            meta.sources.insert(o.source_id.clone(), o.source.clone());
        }
        doc.geo = Some(refs);
    })
    .map_err(|p| GeoError::Dataset(p.to_string()))?;
    // The new index and map files, checked as the app and `anju-validate` check them; the
    // shards are untouched, and the index's nodes with them, so none is read again.
    let written: BTreeMap<&str, &[u8]> = plan.files.iter().map(|f| (f.path.as_str(), f.bytes.as_slice())).collect();
    let first = |ps: &anju_data::Problems| ps.list.first().map(|p| format!("{} problem(s); the first: {p}", ps.total));
    let new_ds = anju_data::Dataset::from_index("index.json", &new_index)
        .map_err(|ps| GeoError::Dataset(first(&ps).unwrap_or_default()))?;
    let mut problems = anju_data::Problems::default();
    let mut read = |rel: &str| written.get(rel).copied().ok_or_else(|| "not written".to_string());
    // With the shards read, the sites' points are checked against them too.
    let checked = if full_read { anju_data::Dataset { geo: new_ds.geo.clone(), ..ds } } else { new_ds };
    anju_data::dataset::check_geometry(&checked, &mut read, &mut problems);
    if let Some(message) = first(&problems) {
        return Err(GeoError::Dataset(message));
    }
    // Every file beside its place first (the index too), then each renamed over it, the
    // index last, and only then the files it no longer names removed: a write that fails
    // leaves the previous files and the index that names them.
    let write = |p: &Path, e: std::io::Error| GeoError::Write { path: p.display().to_string(), error: e.to_string() };
    let tmp = |p: &Path| p.with_extension("json.tmp");
    let mut staged: Vec<(PathBuf, &[u8])> =
        plan.files.iter().map(|f| (o.dataset.join(&f.path), f.bytes.as_slice())).collect();
    staged.push((index_path.clone(), &new_index));
    let unstage = |upto: usize| {
        for (p, _) in &staged[..upto] {
            let _ = std::fs::remove_file(tmp(p));
        }
    };
    for (k, (p, bytes)) in staged.iter().enumerate() {
        let result = p.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(tmp(p), bytes));
        if let Err(e) = result {
            unstage(k + 1);
            return Err(write(p, e));
        }
    }
    // A folder (or anything but a file) where a file goes would fail its rename after
    // others had been replaced: refused before any is.
    if let Some((p, _)) = staged.iter().find(|(p, _)| p.exists() && !p.is_file()) {
        unstage(staged.len());
        return Err(write(p, std::io::Error::other("不是文件 / not a file")));
    }
    for (p, _) in &staged {
        std::fs::rename(tmp(p), p).map_err(|e| write(p, e))?;
    }
    let mut removed = Vec::new();
    for stale in old.iter().filter(|p| !written.contains_key(p.as_str())) {
        // Only paths the old index named, which the loader checked stay inside the dataset.
        if std::fs::remove_file(o.dataset.join(stale)).is_ok() {
            removed.push(stale.clone());
        }
    }
    Ok(Done { plan, index_bytes: new_index.len(), removed })
}
