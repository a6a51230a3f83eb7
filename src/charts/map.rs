//! The map card: the place's children filled by the measure the ranking is by
//! ([`crate::model::map`] builds it), its geometry file fetched when the card mounts or the
//! place changes. A click on a place drills into it, as a bar of the ranking does; the
//! place under the pointer, or the one the big screen has on show, is outlined.

use super::canvas::CanvasChart;
use crate::data::{self, LoadError};
use crate::i18n::tr;
use crate::model::map::{boundary_credit, map_spec, MadeUp, MapSpec};
use crate::model::ranking::default_measure;
use crate::model::spec::ChartSpec;
use crate::url::use_url;
use anju_data::disclosure::Shown;
use anju_data::format::Lang;
use anju_data::view::measure::Measure;
use anju_data::{Dataset, NodeIx};
use leptos::prelude::*;
use std::sync::Arc;

/// The geometry file the index names for `ix` (it draws `ix`'s children), if any.
pub fn geo_path(ds: &Dataset, ix: NodeIx) -> Option<String> {
    ds.geo.as_ref()?.files.get(&ds.node(ix).id).cloned()
}

/// Why the map is not drawn, in words naming the file and its first problem, or why the
/// file could not be had.
fn failed(e: &LoadError, lang: Lang) -> String {
    let first = match e {
        LoadError::Invalid { problems, .. } => {
            problems.first().map(|p| format!("{} — {}", p.at, p.message(if lang == Lang::En { "en" } else { "zh" })))
        }
        _ => None,
    };
    let head = tr(lang, "地图无法显示：", "The map could not be drawn: ");
    let why = first.unwrap_or_else(|| {
        let (zh, en) = e.reason();
        let file = anju_data::text::clip(e.url(), 80);
        match lang {
            Lang::Zh => format!("{zh}（文件 {file}）"),
            Lang::En => format!("{en} ({file})"),
        }
    });
    format!("{head}{why}")
}

/// The place whose children a map draws: the dataset and the node.
pub type MapPlace = Option<(Arc<Dataset>, NodeIx)>;

#[component]
pub fn MapChart(
    /// The place whose children are drawn; a place without a geometry file draws a note.
    #[prop(into)]
    place: Signal<MapPlace>,
    #[prop(into)] period: Signal<usize>,
    /// What the places are filled by; by default what the ranking is by (`metric=`).
    #[prop(optional, into)]
    measure: Option<Signal<Measure>>,
    /// The child on show elsewhere (the big screen's carousel), outlined.
    #[prop(optional, into)]
    focus: Option<Signal<Option<NodeIx>>>,
    #[prop(default = 380.0)] height: f64,
    #[prop(optional)] dark: bool,
    #[prop(default = None, into)] fixed_width: Option<f64>,
    #[prop(optional, into)] scale: Option<Signal<f64>>,
    #[prop(default = 1.0)] zoom: f64,
) -> impl IntoView {
    let url = use_url();
    let lang = url.lang;
    let live = use_context::<data::Live>();
    let file = Memo::new(move |_| {
        let index = live.map(|l| l.index_url.get()).unwrap_or_default();
        place.with(|p| p.as_ref().and_then(|(ds, ix)| geo_path(ds, *ix)).map(|path| data::sibling_url(&index, &path)))
    });
    // With the file it is of: a resource keeps its last value while the next loads, and a
    // place must never be drawn on another place's geometry (a drill on the big screen).
    let geo = LocalResource::new(move || {
        let file = file.get();
        async move {
            let g = match &file {
                Some(f) => Some(data::geo::geometry(f.clone()).await),
                None => None,
            };
            (file, g)
        }
    });
    let metric = Memo::new(move |_| measure.map_or_else(|| url.state.with(default_measure), |m| m.get()));
    // The map without an outline, rebuilt only when the data, the filters or the place
    // change; hover and carousel only copy it with another place outlined.
    let base = Memo::new(move |_| {
        // The places link to the children with the filters as they are.
        url.state.track();
        let l = lang.get();
        let Some((ds, ix)) = place.get() else { return Err(String::new()) };
        let loaded = geo.get().filter(|(f, _)| *f == file.get()).map(|(_, g)| g);
        match loaded {
            None => Err(tr(l, "地图加载中…", "Loading the map…").to_string()),
            Some(None) => Err(tr(l, "此地没有地图。", "There is no map of this place.").to_string()),
            Some(Some(Err(e))) => Err(failed(&e, l)),
            Some(Some(Ok(g))) => {
                let (s, m, t) = (Shown::new(&ds, url.suppress.get()), metric.get(), period.get());
                // Timed for the UI benchmark: projection, classes and holes.
                let _timed = crate::perf::Timed::start("anju-map-spec");
                Ok(map_spec(s, ix, &g, m, t, l, |id| url.node_href(Some(id))))
            }
        }
    });
    let hover = super::canvas::Pointed::<usize>::new();
    let spec = Signal::derive(move || {
        base.with(|b| match b {
            Err(why) => ChartSpec::Empty(why.clone()),
            Ok(m) => {
                let shown = focus
                    .and_then(|f| f.get())
                    .and_then(|ix| place.with(|p| p.as_ref().map(|(ds, _)| ds.node(ix).id.clone())));
                let outlined: MapSpec = match hover.get() {
                    Some(i) => MapSpec { focus: Some(i), ..m.clone() },
                    None => m.focused(shown.as_deref()),
                };
                ChartSpec::Map(Box::new(outlined))
            }
        })
    });
    let title =
        Signal::derive(move || format!("{}{}", tr(lang.get(), "地图：", "Map: "), metric.get().label(lang.get())));
    let first_header = Signal::derive(move || tr(lang.get(), "地区", "Place").to_string());
    // The boundaries' source and licence, with the map wherever it is shown.
    let credit = move || {
        let l = lang.get();
        let made_up = base.with(|b| b.as_ref().map_or(MadeUp::None, |m| m.made_up));
        let boundaries = place.with(|p| p.as_ref().and_then(|(ds, _)| boundary_credit(ds, l)));
        let sites = match made_up {
            MadeUp::None => None,
            MadeUp::Some => {
                Some(tr(l, "部分安置点位置为合成示意，非实测", "Some site locations are synthesised, not surveyed"))
            }
            MadeUp::All => Some(tr(l, "安置点位置为合成示意，非实测", "Site locations are synthesised, not surveyed")),
        };
        // First: the two-line clamp may cut the end of a long source's title.
        sites.map(str::to_string).into_iter().chain(boundaries).collect::<Vec<_>>().join(tr(l, "；", "; "))
    };
    view! {
        <div class="map">
            <CanvasChart name="map" title=title spec=spec first_header=first_header height=height
                dark=dark fixed_width=fixed_width scale=scale.unwrap_or(Signal::stored(1.0)) zoom=zoom hover=hover />
            <p class="map-credit" data-testid="map-credit">{credit}</p>
        </div>
    }
}
