//! The `demo` preset: four cities from the seed articles, every published figure of
//! `shared/domain.md` pinned at its node and cited; everything else synthesised.
//!
//! Some supporting counts are pinned without a citation so that published rates come
//! out exactly (铜仁市's 95.87% needs a labour force and an employed count whose ratio
//! rounds to it); they are listed in the dataset's provenance note.

use super::{names, GTree};
use crate::metric::Metric::{self, *};
use crate::model::{Claim, Level, Meta, Source, Text};
use rand::Rng;
use std::collections::BTreeMap;

/// The period every published figure is placed at (the dataset's latest).
pub const PUBLISHED_PERIOD: &str = "2025-06";

fn publish(t: &mut GTree, ix: usize, source: &str, figures: &[(Metric, u64)], derived: &[&str], note: &str) {
    for &(m, v) in figures {
        t.fix(ix, m, v);
    }
    let mut fields: Vec<String> = figures.iter().map(|(m, _)| m.key().to_string()).collect();
    fields.extend(derived.iter().map(|s| s.to_string()));
    t.nodes[ix].claims.push(Claim {
        source: source.into(),
        fields,
        period: PUBLISHED_PERIOD.into(),
        note: note.into(),
    });
}

/// Cites structural counts (sites, grids …) that the layout produces rather than pins.
fn cite(t: &mut GTree, ix: usize, source: &str, fields: &[&str], note: &str) {
    t.nodes[ix].claims.push(Claim {
        source: source.into(),
        fields: fields.iter().map(|s| s.to_string()).collect(),
        period: PUBLISHED_PERIOD.into(),
        note: note.into(),
    });
}

fn node(t: &mut GTree, parent: usize, id: &str, zh: &str, en: &str, level: Level) -> usize {
    t.add(Some(parent), id, zh, Some(en.into()), level)
}

/// A named site with planned people (a pinned figure where published).
fn site(t: &mut GTree, county: usize, n: usize, zh: &str, en: &str, people: u64) -> usize {
    let id = format!("{}-S{n}", t.nodes[county].id);
    let ix = node(t, county, &id, zh, en, Level::Site);
    t.nodes[ix].v[People.index()] = people;
    ix
}

/// Adds synthesised sites until the county has `total`, sharing `people` among them.
fn fill_sites(t: &mut GTree, county: usize, total: usize, people: u64) {
    let have = t.nodes[county].kids.len();
    let named: u64 = t.nodes[county].kids.iter().map(|&k| t.nodes[k].v[People.index()]).sum();
    let rest = people.saturating_sub(named);
    let n = total.saturating_sub(have);
    let weights: Vec<f64> = (0..n).map(|_| -(1.0 - t.rng.random_range(0.0f64..1.0)).ln() + 0.15).collect();
    let wsum: f64 = weights.iter().sum();
    let mut used: std::collections::HashSet<String> =
        t.nodes[county].kids.iter().map(|&k| t.nodes[k].name.clone()).collect();
    for (k, w) in weights.iter().enumerate() {
        let (zh, en) = names::site(&mut t.rng, &mut used);
        let ix = site(t, county, have + k + 1, &zh, &en, ((rest as f64 * w / wsum).round() as u64).max(40));
        let _ = ix;
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

    // 铜仁市 (seed 000; 万山区 from seed 004).
    let tr = node(t, root, "5206", "铜仁市", "Tongren", Level::City);
    t.nodes[tr].targets.employment_rate = Some(0.95);
    publish(
        t,
        tr,
        "s000",
        &[
            (People, 293_000),
            (WelfarePosts, 6_754),
            (IndustryProjects, 233),
            (Workshops, 171),
            (TenHouseholdUnits, 5_470),
            (ManagementUnits, 129),
            (GovernanceCentres, 97),
            (Grids, 284),
        ],
        &["employment_rate"],
        "",
    );
    cite(t, tr, "s000", &["sites"], "144个安置点");
    publish(t, tr, "s000", &[(Workshop, 20_000)], &[], "原文为“2万余人”：车间吸纳就业，此处取下限");
    // Pinned so that employed / labour = 95.87% (synthesised counts, published rate).
    t.fix(tr, Labour, 134_000);
    t.fix(tr, Employed, 128_466);
    let counties = [
        ("520602", "碧江区", "Bijiang", 14, 38_000),
        ("520603", "万山区", "Wanshan", 19, 56_000),
        ("520621", "江口县", "Jiangkou", 10, 22_000),
        ("520622", "玉屏侗族自治县", "Yuping", 8, 9_000),
        ("520623", "石阡县", "Shiqian", 14, 20_000),
        ("520624", "思南县", "Sinan", 18, 30_000),
        ("520625", "印江土家族苗族自治县", "Yinjiang", 14, 22_000),
        ("520626", "德江县", "Dejiang", 16, 27_000),
        ("520627", "沿河土家族自治县", "Yanhe", 16, 35_000),
        ("520628", "松桃苗族自治县", "Songtao", 15, 34_000),
    ];
    for (id, zh, en, n_sites, people) in counties {
        let c = county(t, tr, id, zh, en);
        match id {
            "520602" => {
                let s = site(t, c, 1, "打角冲安置点", "Dajiaochong Site", 8_000);
                t.fix(s, Communities, 1);
                let k = node(t, s, "520602-S1-C1", "打角冲社区", "Dajiaochong Community", Level::Community);
                publish(t, k, "s000", &[(Trained, 1_900)], &[], "原文为“1900多名”，此处取下限");
            }
            "520603" => {
                publish(
                    t,
                    c,
                    "s004",
                    &[
                        (LabourHouseholds, 10_819),
                        (Labour, 26_799),
                        (Employed, 25_378),
                        (WelfarePosts, 733),
                        (Workshop, 850),
                        (Workshops, 13),
                        (CommunityStewards, 130),
                        (GridWorkers, 42),
                        (PoliceRooms, 7),
                        (MonitoredHouseholds, 219),
                        (MonitoredPeople, 942),
                        (RiskEliminatedHouseholds, 100),
                        (RiskEliminatedPeople, 442),
                        (Communities, 8),
                    ],
                    &["employment_rate", "income_per_capita", "income_growth"],
                    "人均纯收入 12,450.99 元，同比增长 12.63%（截至6月底）",
                );
                t.nodes[c].income_fixed = Some(12_450.99);
                t.nodes[c].income_yoy = Some(1.1263);
                site(t, c, 1, "旺家安置点", "Wangjia Site", 20_000);
            }
            "520621" => {
                let s = site(t, c, 1, "梵瑞安置区", "Fanrui Resettlement Area", 10_185);
                for (m, v) in [(People, 10_185), (Communities, 1), (Grids, 20), (Buildings, 57)] {
                    t.fix(s, m, v);
                }
                let k = node(t, s, "520621-S1-C1", "梵瑞社区", "Fanrui Community", Level::Community);
                publish(
                    t,
                    k,
                    "s000",
                    &[(Households, 2_363), (People, 10_185), (Grids, 20), (Buildings, 57), (Units, 98)],
                    &[],
                    "",
                );
                publish(
                    t,
                    k,
                    "s000",
                    &[
                        (Dwellings, 2_363),
                        (SatisfactionSurveyed, 2_363),
                        (Satisfied, 2_363),
                        (FeeHouseholds, 2_363),
                        (FeePaidHouseholds, 2_363),
                    ],
                    &[],
                    "原文为满意度、入住率、缴费率“百分百”；住房套数与受访户数为合成数字，比率为公布值",
                );
            }
            "520627" => {
                let s = site(t, c, 1, "祐溪街道安置区", "Youxi Subdistrict Resettlement Area", 13_132);
                publish(t, s, "s000", &[(Households, 2_964), (People, 13_132)], &[], "");
                node(t, s, "520627-S1-C1", "思源社区", "Siyuan Community", Level::Community);
            }
            _ => {}
        }
        fill_sites(t, c, n_sites, people);
    }

    // 六盘水市 (seed 003).
    let lps = node(t, root, "5202", "六盘水市", "Liupanshui", Level::City);
    t.nodes[lps].targets.employment_rate = Some(0.95);
    publish(
        t,
        lps,
        "s003",
        &[
            (Grids, 391),
            (GridWorkers, 408),
            (PoliceRooms, 46),
            (FireStations, 53),
            (EmployedHouseholds, 25_500),
            (Employed, 58_300),
            (WelfarePosts, 3_286),
            (SelfEmployed, 1_654),
            (ChildrenInSchool, 24_000),
            (SubsistenceAllowance, 32_900),
            (MedicalInsured, 109_400),
            (PensionInsured, 72_300),
        ],
        &["employment_rate"],
        "原文：就业2.55万户5.83万人，就业率95.64%；低保3.29万人；医保10.94万人；养老保险7.23万人；2.4万名适龄儿童",
    );
    cite(t, lps, "s003", &["sites"], "71个安置区");
    t.fix(lps, Labour, 60_958);
    t.fix(lps, Households, 31_200);
    t.fix(lps, LabourHouseholds, 27_000);
    for (id, zh, en, n_sites, people) in [
        ("520201", "钟山区", "Zhongshan", 14, 30_000),
        ("520203", "六枝特区", "Liuzhi", 15, 25_000),
        ("520204", "水城区", "Shuicheng", 20, 40_000),
        ("520281", "盘州市", "Panzhou", 22, 45_000),
    ] {
        let c = county(t, lps, id, zh, en);
        fill_sites(t, c, n_sites, people);
    }

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
            let s = site(t, c, 1, "平远新城安置点", "Pingyuan New Town Site", 22_438);
            publish(
                t,
                s,
                "s001",
                &[
                    (Buildings, 109),
                    (Dwellings, 5_512),
                    (Households, 4_958),
                    (People, 22_438),
                    (Communities, 3),
                    (Grids, 35),
                    (GridWorkers, 15),
                    (BuildingHeads, 109),
                    (PartyMembers, 122),
                    (LeftBehindChildren, 226),
                    (EmptyNestElderly, 114),
                    (Disabled, 1_045),
                    (AccessibleDwellings, 406),
                    (SubsistenceHouseholds, 1_516),
                    (SubsistenceAllowance, 5_776),
                    (LabourHouseholds, 4_426),
                    (Labour, 10_354),
                    (Employed, 8_843),
                    (WelfarePosts, 526),
                    (TrainingSessions, 36),
                    (Trained, 1_935),
                    (SchoolKindergarten, 860),
                    (SchoolPrimary, 2_117),
                    (SchoolMiddle, 951),
                ],
                &[],
                "",
            );
            for (k, (zh, en)) in
                [("惠泽社区", "Huize Community"), ("惠民社区", "Huimin Community"), ("恒大社区", "Hengda Community")]
                    .into_iter()
                    .enumerate()
            {
                node(t, s, &format!("520524-S1-C{}", k + 1), zh, en, Level::Community);
            }
        }
        fill_sites(t, c, n_sites, people);
    }

    // 昭通市: 昭阳区 红路馨居 and 彝良县 (seed 002).
    let zt = node(t, root, "5306", "昭通市", "Zhaotong", Level::City);
    t.nodes[zt].targets.employment_rate = Some(0.92);
    for (id, zh, en, n_sites, people) in [
        ("530602", "昭阳区", "Zhaoyang", 8, 45_000),
        ("530628", "彝良县", "Yiliang", 42, 52_169),
        ("530627", "镇雄县", "Zhenxiong", 20, 60_000),
    ] {
        let c = county(t, zt, id, zh, en);
        if id == "530602" {
            let s = site(t, c, 1, "红路馨居安置区", "Honglu Xinju Resettlement Area", 22_782);
            publish(
                t,
                s,
                "s002",
                &[
                    (Households, 5_277),
                    (People, 22_782),
                    (Communities, 3),
                    (PartyMembers, 230),
                    (BuildingHeads, 100),
                    (NearHome, 5_982),
                    (Away, 5_021),
                    (WelfarePosts, 735),
                    (Cameras, 1_236),
                ],
                &["employment_rate"],
                "原文：就近就业5982人，就业率96%；外出务工5021人为2022年数字",
            );
            // Pinned so that employed / labour = 96%.
            t.fix(s, Labour, 13_000);
            t.fix(s, Employed, 12_480);
        }
        if id == "530628" {
            publish(
                t,
                c,
                "s002",
                &[
                    (Households, 11_470),
                    (People, 52_169),
                    (Labour, 29_586),
                    (Employed, 27_248),
                    (WelfarePosts, 1_719),
                    (Communities, 7),
                    (BuildingHeads, 89),
                    (PoliceRooms, 4),
                ],
                &["employment_rate"],
                "原文就业率为92.09%，由公布的人数计算为92.10%",
            );
            cite(t, c, "s002", &["sites"], "42个安置点");
        }
        fill_sites(t, c, n_sites, people);
    }

    let mut sources = BTreeMap::new();
    for (id, title, publisher, date, file) in [
        (
            "s000",
            "搬出幸福路 交出好答卷——我市持续发力助推后续扶持工作高质量发展（葛永智）",
            "",
            "2025-03",
            "000_f53caa83f9b03d2e.txt",
        ),
        ("s001", "织金县平远新城易地扶贫搬迁安置点“五分”工作法", "", "", "001_c7ee1f76ba5021ca.txt"),
        ("s002", "北闸“新市民”心融新居（通讯员 龙梅文）", "", "2022-03", "002_7b8e847fa1b158c2.txt"),
        (
            "s003",
            "六盘水市生态移民局创建移民安居乐业新家园",
            "人民网贵州频道",
            "2023-11-08",
            "003_1a55d6c1e0626990.txt",
        ),
        (
            "s004",
            "持续推动各项政策落地落实 万山搬迁群众融入城市生活",
            "",
            "截至6月底，年份未注明",
            "004_5f69d45eec3d3412.txt",
        ),
    ] {
        sources.insert(
            id.to_string(),
            Source {
                title: title.into(),
                publisher: publisher.into(),
                date: date.into(),
                note: format!("seed article {file}"),
            },
        );
    }
    Meta {
        title: Text { zh: "黔滇四市易地扶贫搬迁后续扶持监测（演示数据）".into(), en: "Relocation follow-up monitoring, four cities in Guizhou and Yunnan (demo data)".into() },
        as_of: "2025-06-30".into(),
        provenance: Text {
            zh: "标注“公布”的数字摘自所列新闻报道，统一置于 2025-06 期（原文日期见来源）；其余数字均为按公布比例合成的演示数据。为使公布的就业率精确成立，铜仁市、六盘水市、红路馨居的劳动力与就业人数（及红路馨居其余两个就业渠道）为合成的配套数字。就业率目标为演示设定。".into(),
            en: "Figures marked published come from the cited news reports and are placed at period 2025-06 (see each source for its date); everything else is demo data synthesised in the published proportions. The labour and employed counts of Tongren, Liupanshui and Honglu Xinju (and Honglu Xinju's two remaining employment channels) are synthesised so that their published employment rates hold exactly. Employment-rate targets are set for the demo.".into(),
        },
        sources,
    }
}
