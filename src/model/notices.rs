//! What a view says about what it could not show as asked: a place or a period the data
//! lacks, tour places it lacks, a place that failed to load. Each view then shows the
//! root, the latest period, or the previous place, and says so.

use anju_data::model::Text;
use anju_data::text::clip;
use anju_data::{Dataset, Period};

/// The URL named place `unknown_node` or period `asked`, which the data lacks.
pub fn target_notices(ds: &Dataset, unknown_node: Option<&str>, asked: Option<Period>) -> Vec<Text> {
    let mut v = Vec::new();
    if let Some(id) = unknown_node {
        let id = clip(id, 60);
        v.push(Text::new(
            format!("找不到编号为 {id} 的地区，已显示全部"),
            format!("No place with id {id}; showing the whole dataset"),
        ));
    }
    if let Some(p) = asked.filter(|&p| ds.period_ix(p).is_none()) {
        v.push(Text::new(
            format!("数据中没有 {p} 期，已显示最新一期"),
            format!("The data has no period {p}; showing the latest"),
        ));
    }
    v
}

/// What the slides could not show as asked: a `compare=` period the data lacks (they
/// compare with the same month a year before, or nothing), a `slide=` past the last one
/// (`last`; they show the last).
pub fn deck_notices(ds: &Dataset, compare: Option<Period>, slide: Option<u32>, last: u32) -> Vec<Text> {
    let mut v = Vec::new();
    if let Some(p) = compare.filter(|&p| ds.period_ix(p).is_none()) {
        v.push(Text::new(
            format!("数据中没有 {p} 期，改与上年同月对比"),
            format!("The data has no period {p}; compared with the same month a year before"),
        ));
    }
    if let Some(n) = slide.filter(|&n| n > last) {
        v.push(Text::new(format!("没有第 {n} 页，已显示最后一页"), format!("There is no slide {n}; showing the last")));
    }
    v
}

/// A shard of the dataset on show that failed its checks (`file`, with its first problem,
/// located): the totals above it include that place's figures as the index gives them, and
/// the shard says they are wrong, so every view of the dataset says so from then on.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    pub file: String,
    pub first: Option<anju_data::Problem>,
}

/// What a view says of each [`Fault`] of its dataset.
pub fn fault_notices(faults: &[Fault]) -> Vec<Text> {
    faults
        .iter()
        .map(|f| {
            let file = clip(&f.file, 80);
            let (zh, en) = f.first.as_ref().map_or_else(Default::default, |p| {
                (format!("（{} — {}）", p.at, p.message("zh")), format!(" ({} — {})", p.at, p.message("en")))
            });
            Text::new(
                format!("数据不一致：{file} 未通过检查{zh}。含该地的上级合计可能有误，请更正数据后再用"),
                format!("Inconsistent data: {file} failed its checks{en}. Totals that include that place may be wrong: correct the data before relying on them"),
            )
        })
        .collect()
}

/// The big screen's tour named places the data lacks (ids already clipped).
pub fn tour_missing(missing: &[String]) -> Option<Text> {
    (!missing.is_empty()).then(|| {
        let list = missing.join(", ");
        Text::new(
            format!("轮播中找不到这些地区，已跳过：{list}"),
            format!("Tour places not in the data, skipped: {list}"),
        )
    })
}

/// Loading the place asked for failed at file `url`; the previous one stays.
pub fn view_failed(url: &str) -> Text {
    let file = clip(url, 80);
    Text::new(
        format!("无法打开所选地区（{file}），仍显示上一画面"),
        format!("Could not open that place ({file}); still showing the previous one"),
    )
}

/// The data says it is as of a day after `today` (`YYYY-MM-DD`): a typing slip, or a
/// clock that is wrong. Shown as a notice; the figures are shown as they are.
pub fn future_as_of(ds: &Dataset, today: &str) -> Option<Text> {
    let as_of = ds.meta.as_of.as_str();
    (as_of.len() == 10 && today.len() == 10 && as_of > today).then(|| {
        Text::new(
            format!("数据截至日期 {as_of} 晚于今天（{today}），请核对数据集的 as_of"),
            format!("The data is dated {as_of}, after today ({today}); check the dataset's as_of"),
        )
    })
}
