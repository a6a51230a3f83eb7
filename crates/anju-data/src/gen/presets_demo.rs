//! The `demo` preset: four cities from the seed articles, every published figure of
//! `shared/domain.md` pinned at its node and cited; everything else synthesised.
//!
//! Some supporting counts are pinned without a citation so that published rates come
//! out exactly (铜仁市's 95.87% needs a labour force and an employed count whose ratio
//! rounds to it); they are listed in the dataset's provenance note.

use super::{names, GTree};
use crate::metric::Metric::{self, *};
use crate::model::{Level, Meta, Source, Text};
use rand::Rng;
use std::collections::BTreeMap;

/// Synthesised counts pinned so that a published rate holds exactly (铜仁市's 95.87 %
/// needs a labour force and an employed count whose ratio is 95.87 %). They are not
/// claims: the page marks them synthesised, and the provenance note names them.
fn support(t: &mut GTree, id: &str, counts: &[(Metric, u64)]) {
    let ix = t.find(id).expect("a node of the plan");
    for &(m, v) in counts {
        t.fix(ix, m, v);
    }
}

fn node(t: &mut GTree, parent: usize, id: &str, zh: &str, en: &str, level: Level) -> usize {
    t.add(Some(parent), id, zh, Some(en.into()), level)
}

/// A named site with planned people.
fn site(t: &mut GTree, county: usize, zh: &str, en: &str, people: u64) -> usize {
    let id = format!("{}-S{}", t.nodes[county].id, t.nodes[county].kids.len() + 1);
    let ix = node(t, county, &id, zh, en, Level::Site);
    t.nodes[ix].v[People.index()] = people;
    ix
}

/// A county's planned people, a few per cent off the round number of the plan (no real
/// county has exactly 22,000).
fn jitter(t: &mut GTree, people: u64) -> u64 {
    (people as f64 * t.rng.random_range(0.97..1.03)).round() as u64
}

/// Random weights with a long tail: a few large sites, many small ones.
fn tail_weights(t: &mut GTree, n: usize) -> Vec<f64> {
    (0..n).map(|_| -(1.0 - t.rng.random_range(0.0f64..1.0)).ln() + 0.15).collect()
}

/// Adds synthesised sites until the county has `total`, sharing what `people` leaves
/// after the named sites (so that the planned people add up exactly).
fn fill_sites(t: &mut GTree, county: usize, total: usize, people: u64) {
    let n = total.saturating_sub(t.nodes[county].kids.len());
    let w = tail_weights(t, n);
    add_sites(t, county, &w, people, &vec![40; n], u64::MAX / 4);
}

/// Adds one synthesised site per weight, sharing what is left of `people` after the
/// county's sites so far, each within `[lo[k], hi]` people.
fn add_sites(t: &mut GTree, county: usize, weights: &[f64], people: u64, lo: &[u64], hi: u64) {
    let named: u64 = t.nodes[county].kids.iter().map(|&k| t.nodes[k].v[People.index()]).sum();
    let rest = people.saturating_sub(named);
    let n = weights.len();
    let sizes = super::apportion::apportion(rest, weights, lo, &vec![hi; n]).expect("site sizes fit");
    let mut used: std::collections::HashSet<String> =
        t.nodes[county].kids.iter().map(|&k| t.nodes[k].name.clone()).collect();
    for p in sizes {
        let (zh, en) = names::site(&mut t.rng, &mut used);
        site(t, county, &zh, &en, p);
    }
}

/// Sites in two size classes: `big` of at least `big_min` people and `small` of at most
/// `small_max`, sharing `people` exactly (the seeds count sites by size: 彝良县's 4 sites
/// of 800 or more, 六盘水市's 34 of 200 households or more).
fn sized_sites(t: &mut GTree, county: usize, big: usize, small: usize, people: u64, big_min: u64, small_max: u64) {
    let smalls: Vec<u64> = (0..small).map(|_| t.rng.random_range(small_max / 4..=small_max)).collect();
    let have_big = t.nodes[county].kids.len();
    let w = tail_weights(t, big.saturating_sub(have_big));
    // Each large site's own least size, so that those held at it are not all alike.
    let lo: Vec<u64> = w.iter().map(|_| big_min + t.rng.random_range(0..400)).collect();
    add_sites(t, county, &w, people - smalls.iter().sum::<u64>(), &lo, u64::MAX / 4);
    let mut used: std::collections::HashSet<String> =
        t.nodes[county].kids.iter().map(|&k| t.nodes[k].name.clone()).collect();
    for p in smalls {
        let (zh, en) = names::site(&mut t.rng, &mut used);
        site(t, county, &zh, &en, p);
    }
}

fn county(t: &mut GTree, city: usize, id: &str, zh: &str, en: &str) -> usize {
    node(t, city, id, zh, en, Level::County)
}

pub(super) fn plan(t: &mut GTree) -> Meta {
    let root = t.add(
        None,
        "demo",
        "黔滇四市易地扶贫搬迁后续扶持（演示数据）",
        Some("Relocation follow-up in four cities of Guizhou and Yunnan (demo data)".into()),
        Level::Region,
    );
    t.nodes[root].targets.employment_rate = Some(0.95);

    tongren(t, root);
    liupanshui(t, root);
    bijie(t, root);
    zhaotong(t, root);
    published_counts(t);
    Meta {
        title: Text {
            zh: "黔滇四市易地扶贫搬迁后续扶持监测（演示数据）".into(),
            en: "Relocation follow-up monitoring, four cities in Guizhou and Yunnan (demo data)".into(),
        },
        as_of: "2025-06-30".into(),
        provenance: Text {
            zh: "标注“公布”的数字摘自所列新闻报道（docs/published-figures.csv），按原文措辞显示（约29.3万、2万余），置于原文所指的月份（数据中有该月时，如六盘水市的 2023-11），否则置于 2025-06 期，并注明原文所指的日期；其余数字均为按公布比例合成的演示数据。为使公布的比率成立，铜仁市、六盘水市、红路馨居的劳动力与就业人数，六盘水市的户数、有劳动力户与外出务工人数，梵瑞社区的住房、受访与缴费户数，平远新城的家庭医生签约与就近入学人数，红路馨居的培训期数，六盘水市各安置区的卫生室为合成的配套数字。就业率目标为演示设定。".into(),
            en: "Figures marked published come from the cited news reports (docs/published-figures.csv), are shown as the reports word them (about 293,000; over 20,000), are placed at the month the report dates them where the data has it (Liupanshui, 2023-11), else at 2025-06, and carry the date the report gives; everything else is demo data synthesised in the published proportions. So that the published rates hold, these are synthesised supporting counts: labour and employed in Tongren, Liupanshui and Honglu Xinju; households, labour households and those working away in Liupanshui; dwellings, surveyed and fee-paying households in Fanrui Community; family-doctor contracts and children in school in Pingyuan New Town; training sessions in Honglu Xinju; a clinic at each site of Liupanshui. Employment-rate targets are set for the demo.".into(),
        },
        sources: sources(),
        basis: Default::default(),
    }
}

/// 铜仁市 and its counties.
fn tongren(t: &mut GTree, root: usize) {
    // 铜仁市 (seed 000; 万山区 from seed 004).
    let tr = node(t, root, "5206", "铜仁市", "Tongren", Level::City);
    t.nodes[tr].targets.employment_rate = Some(0.95);
    let counties = [
        ("520602", "碧江区", "Bijiang", 16, 38_000),
        ("520603", "万山区", "Wanshan", 9, 58_000),
        ("520621", "江口县", "Jiangkou", 12, 22_000),
        ("520622", "玉屏侗族自治县", "Yuping", 8, 9_000),
        ("520623", "石阡县", "Shiqian", 14, 20_000),
        ("520624", "思南县", "Sinan", 20, 30_000),
        ("520625", "印江土家族苗族自治县", "Yinjiang", 14, 22_000),
        ("520626", "德江县", "Dejiang", 18, 27_000),
        ("520627", "沿河土家族自治县", "Yanhe", 16, 35_000),
        ("520628", "松桃苗族自治县", "Songtao", 17, 32_000),
    ];
    for (id, zh, en, n_sites, people) in counties {
        let c = county(t, tr, id, zh, en);
        match id {
            "520602" => {
                let s = site(t, c, "打角冲安置点", "Dajiaochong Site", 8_000);
                t.fix(s, Communities, 1);
                node(t, s, "520602-S1-C1", "打角冲社区", "Dajiaochong Community", Level::Community);
            }
            "520603" => {
                site(t, c, "旺家安置点", "Wangjia Site", 20_000);
            }
            "520621" => {
                let s = site(t, c, "梵瑞安置区", "Fanrui Resettlement Area", 10_185);
                for (m, v) in [(People, 10_185), (Communities, 1), (Grids, 20), (Buildings, 57)] {
                    t.fix(s, m, v);
                }
                node(t, s, "520621-S1-C1", "梵瑞社区", "Fanrui Community", Level::Community);
            }
            "520622" => {
                site(t, c, "康华安置区", "Kanghua Resettlement Area", 2_600);
            }
            "520627" => {
                let s = site(t, c, "祐溪街道安置区", "Youxi Subdistrict Resettlement Area", 13_132);
                node(t, s, "520627-S1-C1", "思源社区", "Siyuan Community", Level::Community);
            }
            _ => {}
        }
        let people = jitter(t, people);
        fill_sites(t, c, n_sites, people);
    }
}

/// 六盘水市 and its counties.
fn liupanshui(t: &mut GTree, root: usize) {
    // 六盘水市 (seed 003): 71 sites, 34 of them with 200 households or more.
    let lps = node(t, root, "5202", "六盘水市", "Liupanshui", Level::City);
    t.nodes[lps].targets.employment_rate = Some(0.95);
    for (id, zh, en, big, small, people, named) in [
        // About 121,000 people: the published 10.94万 medically insured are 90 % of them.
        ("520201", "钟山区", "Zhongshan", 7, 7, 26_000, ("幸福里安置区", "Xingfuli Resettlement Area")),
        ("520203", "六枝特区", "Liuzhi", 7, 8, 21_500, ("聚福新苑安置区", "Jufu Xinyuan Resettlement Area")),
        ("520204", "水城区", "Shuicheng", 9, 11, 34_500, ("野玉海安置点", "Yeyuhai Site")),
        ("520281", "盘州市", "Panzhou", 11, 11, 39_000, ("金秋安置区", "Jinqiu Resettlement Area")),
    ] {
        let c = county(t, lps, id, zh, en);
        let people = jitter(t, people);
        site(t, c, named.0, named.1, people / 5);
        sized_sites(t, c, big, small, people, 1_307, 700);
    }
}

/// 毕节市 with 织金县 平远新城.
fn bijie(t: &mut GTree, root: usize) {
    // 毕节市 with 织金县 平远新城 (seed 001).
    let bj = node(t, root, "5205", "毕节市", "Bijie", Level::City);
    t.nodes[bj].targets.employment_rate = Some(0.93);
    for (id, zh, en, n_sites, people) in [
        ("520524", "织金县", "Zhijin", 20, 45_000),
        ("520502", "七星关区", "Qixingguan", 12, 35_000),
        ("520526", "威宁彝族回族苗族自治县", "Weining", 15, 40_000),
    ] {
        let c = county(t, bj, id, zh, en);
        if id == "520524" {
            let s = site(t, c, "平远新城安置点", "Pingyuan New Town Site", 22_438);
            for (k, (zh, en)) in
                [("惠泽社区", "Huize Community"), ("惠民社区", "Huimin Community"), ("恒大社区", "Hengda Community")]
                    .into_iter()
                    .enumerate()
            {
                node(t, s, &format!("520524-S1-C{}", k + 1), zh, en, Level::Community);
            }
        }
        let people = jitter(t, people);
        fill_sites(t, c, n_sites, people);
    }
}

/// 昭通市: 昭阳区 红路馨居 and 彝良县.
fn zhaotong(t: &mut GTree, root: usize) {
    // 昭通市: 昭阳区 红路馨居 and 彝良县 (seed 002): 彝良县's 42 sites are 4 of 800 people or
    // more, which hold its communities, service centres, building heads, mediation rooms and
    // police rooms, and 38 smaller ones.
    let zt = node(t, root, "5306", "昭通市", "Zhaotong", Level::City);
    t.nodes[zt].targets.employment_rate = Some(0.92);
    for (id, zh, en, n_sites, people) in [
        ("530602", "昭阳区", "Zhaoyang", 8, 45_000),
        ("530628", "彝良县", "Yiliang", 42, 52_169),
        ("530627", "镇雄县", "Zhenxiong", 20, 60_000),
    ] {
        let c = county(t, zt, id, zh, en);
        match id {
            "530602" => {
                let s = site(t, c, "红路馨居安置区", "Honglu Xinju Resettlement Area", 22_782);
                node(t, s, "530602-S1-C1", "同源社区", "Tongyuan Community", Level::Community);
                let people = jitter(t, people);
                fill_sites(t, c, n_sites, people);
            }
            "530628" => {
                site(t, c, "发界安置区", "Fajie Resettlement Area", 13_846);
                sized_sites(t, c, 4, 38, people, 1_213, 790);
                let small: Vec<usize> = t.nodes[c].kids[4..].to_vec();
                for s in small {
                    for m in [ServiceCentres, BuildingHeads, MediationRooms, PoliceRooms] {
                        t.fix(s, m, 0);
                    }
                }
                // Each large site is a community or more, with its service centre and
                // mediation room per community and a police room (7, 7, 7 and 4 in all).
                let big: Vec<usize> = t.nodes[c].kids[..4].to_vec();
                for (s, k) in big.into_iter().zip([3u64, 2, 1, 1]) {
                    for m in [Communities, ServiceCentres, MediationRooms] {
                        t.fix(s, m, k);
                    }
                    t.fix(s, PoliceRooms, 1);
                }
            }
            _ => {
                let people = jitter(t, people);
                fill_sites(t, c, n_sites, people);
            }
        }
    }

    super::published::apply(t).expect("docs/published-figures.csv fits the plan");
}

/// Synthesised counts behind published rates and household totals, and the facilities the
/// sources describe.
fn published_counts(t: &mut GTree) {
    // Synthesised counts behind published rates and household totals.
    // 128,386 / 133,917 = 95.870 %; 58,300 / 60,958 = 95.640 %.
    support(t, "5206", &[(Labour, 133_917), (Employed, 128_386)]);
    // 六盘水市's 2.73万 working near home read as all local work (near home, workshops,
    // welfare posts, self-employed), so 3.10万 work away.
    support(t, "5202", &[(Labour, 60_958), (Households, 31_187), (LabourHouseholds, 25_583), (Away, 31_000)]);
    // 红路馨居's employed are its published channels (5,021 away, 5,982 near home, 735 on
    // welfare posts; the 5,982 stand for all local work, so no workshop or self-employed
    // count beside them): 11,738 of 12,227 is 96.0 % (docs/demo-data.md).
    support(t, "530602-S1", &[(Labour, 12_227), (Employed, 11_738), (Workshop, 0), (SelfEmployed, 0)]);
    support(
        t,
        "520621-S1-C1",
        &[
            (Dwellings, 2_363),
            (OccupiedDwellings, 2_363),
            (SatisfactionSurveyed, 1_420),
            (Satisfied, 1_420),
            (FeeHouseholds, 2_363),
            (FeePaidHouseholds, 2_363),
        ],
    );
    // 平远新城: every resident signed with a family doctor; the children placed in its
    // kindergarten, primary and middle schools are its children in school nearby.
    support(t, "520524-S1", &[(FamilyDoctorSigned, 22_438), (ChildrenInSchool, 860 + 2_117 + 951)]);
    // 红路馨居: at least the 11 certified training sessions and 上百 others; 268 certified
    // and 千余 others trained.
    support(t, "530602-S1", &[(TrainingSessions, 124), (Trained, 1_668)]);
    // 发界安置区 holds 彝良县's workshops (扶贫车间, 3.4万 m² of standard plants).
    support(t, "530628-S1", &[(Workshop, 1_200)]);
    // 六盘水市: a medical facility at every one of its 71 sites (医疗机构全覆盖).
    let sites: Vec<usize> =
        (0..t.nodes.len()).filter(|&i| t.nodes[i].level == Level::Site && t.nodes[i].id.starts_with("5202")).collect();
    for s in sites {
        let big = t.nodes[s].v[People.index()] >= 6_000;
        t.fix(s, Clinics, 1 + u64::from(big));
    }
}

/// The articles the published figures come from (docs/sources/).
fn sources() -> BTreeMap<String, Source> {
    let mut sources = BTreeMap::new();
    for (id, title, publisher, date, note) in [
        (
            "s000",
            "搬出幸福路 交出好答卷——我市持续发力助推后续扶持工作高质量发展（葛永智）",
            "",
            "",
            "原文未注明发布日期（文中提到3月19日和2022—2024年工作方案）",
        ),
        ("s001", "织金县平远新城易地扶贫搬迁安置点“五分”工作法", "", "", "原文未注明发布日期"),
        (
            "s002",
            "北闸“新市民”心融新居（通讯员 龙梅文）；彝良：综合服务持续激发搬迁群众致富动力（通讯员 赵凌文）",
            "",
            "",
            "原文未注明发布日期（文中最晚的日期为“截至2022年3月”）",
        ),
        ("s003", "六盘水市生态移民局创建移民安居乐业新家园", "人民网贵州频道", "2023-11-08", ""),
        (
            "s004",
            "持续推动各项政策落地落实 万山搬迁群众融入城市生活",
            "",
            "",
            "原文未注明发布日期（数字“截至6月底”，年份未注明；文中提到2023年以来）",
        ),
    ] {
        sources.insert(
            id.to_string(),
            Source { title: title.into(), publisher: publisher.into(), date: date.into(), note: note.into() },
        );
    }
    sources
}
