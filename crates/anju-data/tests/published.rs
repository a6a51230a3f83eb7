//! Every published figure of `docs/published-figures.csv` is in the shipped demo
//! (`public/data`) at its node, cited with its source, date and words, with a stored value
//! the words admit; the words are the source's own (found verbatim in `docs/sources`);
//! the table covers every figure of the domain brief; nothing else is marked published;
//! and the page's number forms read as the source wrote them.

use anju_data::format::Lang;
use anju_data::gen::published::{figures, Figure};
use anju_data::metric::Metric;
use anju_data::published::Reading;
use anju_data::relations::Rate;
use anju_data::view::growth;
use anju_data::view::measure::Measure;
use anju_data::view::published::{claim_for, mark, written_form};
use anju_data::{load_all, Dataset, Level, Node};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn shipped() -> Dataset {
    let dir = root().join("public/data");
    let (ds, ps) = load_all("index.json", |p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
    assert!(ps.is_empty(), "{:?}", ps.list.first());
    ds.unwrap()
}

fn node<'a>(ds: &'a Dataset, id: &str) -> &'a Node {
    ds.node(ds.find(id).unwrap_or_else(|| panic!("node {id} missing")))
}

/// The value the data stores for a row's field at `t`, as the reading checks it.
fn admitted(ds: &Dataset, n: &Node, f: &Figure, t: usize) -> bool {
    let r = Reading::parse(&f.written).unwrap();
    if let Some(m) = Metric::from_key(&f.field) {
        return r.admits(n.m.get(m, t) as f64);
    }
    if let Some(rate) = Rate::by_key(&f.field) {
        return r.admits_rate(n.m.get(rate.num, t) as f64 / n.m.get(rate.den, t) as f64);
    }
    match f.field.as_str() {
        "income_per_capita" => r.admits(n.income.get(t).unwrap()),
        "income_growth" => {
            r.admits_rate(growth::yoy_growth(ds, ds.find(&n.id).unwrap(), Measure::IncomePerCapita, t).unwrap())
        }
        other => panic!("unknown field {other} ({} rows)", ds.nodes.len()),
    }
}

#[test]
fn every_published_figure_is_shipped_cited_and_admitted() {
    let ds = shipped();
    let rows = figures().unwrap();
    assert!(rows.len() >= 110, "{} rows", rows.len());
    for f in &rows {
        let n = node(&ds, &f.node);
        assert_eq!(n.name, f.place, "{}", f.node);
        // Placed at its own month where the data has it (六盘水市's 2023-11), else the latest.
        let month = f.date.get(..7).filter(|m| ds.period_keys.iter().any(|p| p == m));
        let pk = month.unwrap_or(&ds.period_keys[ds.latest()]);
        let t = ds.period_keys.iter().position(|p| p == pk).unwrap();
        let c = claim_for(n, &f.field, pk)
            .unwrap_or_else(|| panic!("{} {}: not marked published at {pk}", f.place, f.field));
        assert_eq!((&c.source, &c.date), (&f.source, &f.date), "{} {}", f.place, f.field);
        assert_eq!(c.written.get(&f.field), Some(&f.written), "{} {}", f.place, f.field);
        assert!(ds.meta.sources.contains_key(&c.source));
        assert!(admitted(&ds, n, f, t), "{} {}: the stored value is not \"{}\"", f.place, f.field, f.written);
    }
    // Nothing else is marked published: every claimed field has its row.
    for n in &ds.nodes {
        for c in &n.published {
            for field in &c.fields {
                assert!(
                    rows.iter().any(|f| f.node == n.id && f.field == *field && f.source == c.source),
                    "{} {field} is marked published but is not in the table",
                    n.id
                );
            }
        }
    }
}

/// The words are the source's own: each is found verbatim in its article, and holds the
/// figure as written (or the words that stand for it).
#[test]
fn the_words_are_quoted_from_the_sources() {
    for f in figures().unwrap() {
        let prefix = f.source.trim_start_matches('s');
        let file = std::fs::read_dir(root().join("docs/sources"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(&format!("{prefix}_")))
            .unwrap_or_else(|| panic!("no article for {}", f.source));
        let text = std::fs::read_to_string(file).unwrap();
        assert!(text.contains(&f.words), "{} {}: \"{}\" is not in the article", f.place, f.field, f.words);
        let number = f.written.trim_end_matches(['余', '多', '%']);
        assert!(f.words.contains(number), "{} {}: the words do not hold \"{}\"", f.place, f.field, f.written);
    }
}

/// Every figure of the domain brief's table (../shared/domain.md) is in the table.
#[test]
fn the_table_covers_the_domain_brief() {
    let brief: &[(&str, &[&str])] = &[
        (
            "5206",
            &[
                "people",
                "sites",
                "management_units",
                "grids",
                "ten_household_units",
                "governance_centres",
                "employment_rate",
                "welfare_posts",
                "industry_projects",
                "workshops",
                "workshop",
            ],
        ),
        (
            "520621-S1-C1",
            &[
                "households",
                "people",
                "grids",
                "buildings",
                "units",
                "satisfaction_rate",
                "occupancy_rate",
                "fee_payment_rate",
            ],
        ),
        ("520627-S1", &["households", "people"]),
        ("520602-S1-C1", &["trained"]),
        (
            "520603",
            &[
                "labour_households",
                "labour",
                "employed",
                "employment_rate",
                "income_per_capita",
                "income_growth",
                "welfare_posts",
                "workshop",
                "workshops",
                "community_stewards",
                "grid_workers",
                "police_rooms",
                "monitored_households",
                "monitored_people",
                "risk_eliminated_households",
                "risk_eliminated_people",
                "communities",
            ],
        ),
        (
            "520524-S1",
            &[
                "buildings",
                "dwellings",
                "households",
                "people",
                "communities",
                "grids",
                "grid_workers",
                "building_heads",
                "party_members",
                "left_behind_children",
                "empty_nest_elderly",
                "disabled",
                "accessible_dwellings",
                "subsistence_households",
                "subsistence_allowance",
                "labour_households",
                "labour",
                "employed",
                "welfare_posts",
                "training_sessions",
                "trained",
                "school_kindergarten",
                "school_primary",
                "school_middle",
            ],
        ),
        (
            "530602-S1",
            &[
                "households",
                "people",
                "communities",
                "party_members",
                "building_heads",
                "near_home",
                "employment_rate",
                "away",
                "welfare_posts",
                "cameras",
            ],
        ),
        (
            "530628",
            &[
                "households",
                "people",
                "sites",
                "labour",
                "employed",
                "employment_rate",
                "welfare_posts",
                "communities",
                "building_heads",
                "police_rooms",
            ],
        ),
        (
            "5202",
            &[
                "sites",
                "grids",
                "grid_workers",
                "police_rooms",
                "fire_stations",
                "employed_households",
                "employed",
                "employment_rate",
                "welfare_posts",
                "self_employed",
                "children_in_school",
                "subsistence_allowance",
                "medical_insured",
                "pension_insured",
            ],
        ),
    ];
    let rows = figures().unwrap();
    for (id, fields) in brief {
        for field in *fields {
            assert!(rows.iter().any(|f| f.node == *id && f.field == *field), "{id} {field} is not in the table");
        }
    }
}

/// What the seeds say beyond single figures, and what the published words look like on
/// the page.
#[test]
fn the_seeds_hold_together_and_read_as_written() {
    let ds = shipped();
    let t = ds.latest();
    let pk = ds.period_keys[t].clone();
    let get = |id: &str, m: Metric| node(&ds, id).m.get(m, t);
    use Metric::*;
    // 万山区: 119 households / 500 people still under assistance; every labour household
    // employed, so no zero-employment household; 9 sites, 8 communities.
    assert_eq!(get("520603", MonitoredHouseholds) - get("520603", RiskEliminatedHouseholds), 119);
    assert_eq!(get("520603", MonitoredPeople) - get("520603", RiskEliminatedPeople), 500);
    assert_eq!(get("520603", ZeroEmploymentHouseholds), 0);
    assert_eq!(node(&ds, "520603").children.len(), 9);
    // 平远新城: zero-employment households eliminated; 1.99 employed per labour household.
    assert_eq!(get("520524-S1", ZeroEmploymentHouseholds), 0);
    assert_eq!(format!("{:.2}", get("520524-S1", Employed) as f64 / get("520524-S1", LabourHouseholds) as f64), "2.00");
    assert!(get("520524-S1", Employed) * 100 / get("520524-S1", LabourHouseholds) == 199, "户均1.99人, cut");
    // 彝良县: 42 sites, 4 of 800 people or more holding all 7 communities and 89 building heads.
    let yl = node(&ds, "530628");
    let sites: Vec<&Node> = yl.children.iter().map(|c| node(&ds, c)).collect();
    assert_eq!(sites.len(), 42);
    let big: Vec<&&Node> = sites.iter().filter(|s| s.m.get(People, t) >= 800).collect();
    assert_eq!(big.len(), 4);
    assert_eq!(big.iter().map(|s| s.m.get(BuildingHeads, t)).sum::<u64>(), 89);
    assert_eq!(big.iter().map(|s| s.m.get(Communities, t)).sum::<u64>(), 7);
    // 六盘水市: 71 sites, 34 of them of 200 households or more.
    let lps: Vec<&Node> =
        ds.nodes.iter().map(|n| &**n).filter(|n| n.level == Level::Site && n.id.starts_with("5202")).collect();
    assert_eq!(lps.len(), 71);
    assert_eq!(lps.iter().filter(|s| s.m.get(Households, t) >= 200).count(), 34);
    // As written on the page.
    let tr = node(&ds, "5206");
    assert_eq!(Measure::Count(People).shown(tr, t, &pk, None, Lang::Zh), "约29.3万");
    assert_eq!(Measure::Count(People).shown(tr, t, &pk, None, Lang::En), "about 293,000");
    assert_eq!(written_form(tr, "workshop", &pk, Lang::Zh).as_deref(), Some("2万余"));
    let yl = node(&ds, "530628");
    assert_eq!(Measure::EmploymentRate.shown(yl, t, &pk, None, Lang::Zh), "92.09%");
    assert_eq!(Measure::EmploymentRate.format(Measure::EmploymentRate.value(yl, t), Lang::Zh), "92.1%", "recomputed");
    assert_eq!(mark(claim_for(yl, "employment_rate", &pk).unwrap(), Lang::Zh), "公布（未注明日期）");
    assert_eq!(mark(claim_for(yl, "people", &pk).unwrap(), Lang::Zh), "2020年公布");
    let hl = node(&ds, "530602-S1");
    assert_eq!(mark(claim_for(hl, "away", &pk).unwrap(), Lang::Zh), "2022年公布");
    // 红路馨居's employment is carried flat from its 2022 report: no month contradicts it.
    assert!((0..=t).all(|k| hl.m.get(Away, k) == 5_021 && hl.m.get(Employed, k) == hl.m.get(Employed, t)));
    // 六盘水市's figures sit at their own month: marked plain 公布 there, synthesised after.
    let nov = ds.period_keys.iter().position(|p| p == "2023-11").unwrap();
    let lps = node(&ds, "5202");
    assert_eq!(mark(claim_for(lps, "employed", "2023-11").unwrap(), Lang::Zh), "公布");
    assert_eq!(lps.m.get(Employed, nov), 58_300);
    assert!(claim_for(lps, "employed", &pk).is_none(), "synthesised at the latest month");
    assert_eq!(mark(claim_for(node(&ds, "520603"), "labour", &pk).unwrap(), Lang::Zh), "公布（未注明日期）");
    assert_eq!(Measure::Count(Trained).shown(node(&ds, "520602-S1-C1"), t, &pk, None, Lang::Zh), "1900多");
    // Another period: the figure is not published there and reads as stored.
    assert_eq!(Measure::Count(People).shown(tr, t - 1, &ds.period_keys[t - 1], None, Lang::Zh), "29.3万");
}
