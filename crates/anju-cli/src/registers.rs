//! A register generator for tests and benchmarks: households for a synthetic tree, with
//! the counts each building must aggregate to, computed here on their own so that the
//! round trip checks the aggregator against an independent sum. Writes UTF-8 or GBK CSV,
//! or XLSX; can add identity columns (fake names, ID and phone numbers) to prove that none
//! of it comes out.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
pub struct Spec {
    pub cities: usize,
    pub counties_per_city: usize,
    pub sites_per_county: usize,
    pub buildings_per_site: usize,
    /// Households per building, on average.
    pub households_per_building: usize,
    /// Monthly periods ending 2025-06.
    pub periods: usize,
    pub seed: u64,
    pub with_identity: bool,
}

impl Spec {
    /// About 2.6 million households (the national scale: 9.6 million people).
    pub fn national() -> Spec {
        Spec {
            cities: 100,
            counties_per_city: 10,
            sites_per_county: 35,
            buildings_per_site: 5,
            households_per_building: 15,
            periods: 1,
            seed: 1,
            with_identity: true,
        }
    }
}

/// Expected counts per building path (市/县/安置点/社区/网格/楼栋) and period.
#[derive(Debug, Default)]
pub struct Expected {
    pub buildings: BTreeMap<[String; 6], BTreeMap<String, BTreeMap<&'static str, u64>>>,
    /// The identity values written, to search the output for.
    pub identity_values: Vec<String>,
    pub households: u64,
    pub people: u64,
}

pub const HEADER: [&str; 29] = [
    "统计期",
    "市",
    "县",
    "安置点",
    "社区",
    "网格",
    "楼栋",
    "户主姓名",
    "身份证号",
    "户人数",
    "劳动力",
    "外出务工",
    "就近就业",
    "车间就业",
    "公益性岗位",
    "自主创业",
    "人均纯收入",
    "培训人数",
    "留守儿童",
    "空巢老人",
    "残疾人",
    "重度残疾人",
    "低保人数",
    "75岁以上老人",
    "党员",
    "风险等级",
    "监测户",
    "风险已消除",
    "手机号",
];

const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "黄", "吴", "罗", "龙", "杜", "田"];
const GIVEN: &[&str] = &["秀英", "国强", "桂芳", "建华", "志明", "春花", "德胜", "玉兰", "光荣", "小燕"];

/// Calls `row` for the header and every household; returns what aggregating them must give.
pub fn generate(spec: &Spec, row: &mut dyn FnMut(&[String])) -> Expected {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let mut exp = Expected::default();
    let header: Vec<String> = HEADER
        .iter()
        .filter(|h| spec.with_identity || !["户主姓名", "身份证号", "手机号"].contains(h))
        .map(|s| s.to_string())
        .collect();
    row(&header);
    let periods: Vec<String> = (0..spec.periods)
        .map(|k| {
            let o = 2025 * 12 + 5 - (spec.periods - 1 - k) as i32;
            format!("{:04}-{:02}", o / 12, o % 12 + 1)
        })
        .collect();
    let mut serial = 0u64;
    for c in 0..spec.cities {
        for q in 0..spec.counties_per_city {
            for s in 0..spec.sites_per_county {
                // Sites differ: some have communities and grids, some grids only, some neither.
                let shape = (c + q + s) % 3;
                for b in 0..spec.buildings_per_site {
                    let (community, grid) = match shape {
                        0 => (format!("社区{}", b % 2 + 1), format!("网格{}", b % 3 + 1)),
                        1 => (String::new(), format!("网格{}", b % 2 + 1)),
                        _ => (String::new(), String::new()),
                    };
                    let path = [
                        format!("市{:03}", c + 1),
                        format!("县{:02}", q + 1),
                        format!("安置点{:02}", s + 1),
                        community,
                        grid,
                        format!("{}栋", b + 1),
                    ];
                    let n_house =
                        (spec.households_per_building as f64 * rng.random_range(0.7..1.3)).round().max(1.0) as usize;
                    for p in &periods {
                        for _ in 0..n_house {
                            serial += 1;
                            let hh = draw(&mut rng);
                            expect(&mut exp, &path, p, &hh);
                            row(&register_row(&mut rng, spec, &mut exp, serial, p, &path, &hh));
                        }
                    }
                }
            }
        }
    }
    exp
}

/// One synthetic household's answers, as a register row holds them.
struct Drawn {
    size: u64,
    labour: u64,
    employed: u64,
    channels: [u64; 5],
    income: Option<f64>,
    trained: u64,
    /// In [`GROUP_KEYS`] order.
    groups: [u64; 7],
    colour: &'static str,
    monitored: bool,
    eliminated: bool,
}

/// The register's group columns, in their order.
const GROUP_KEYS: [&str; 7] = [
    "left_behind_children",
    "empty_nest_elderly",
    "disabled",
    "severely_disabled",
    "subsistence_allowance",
    "elderly_75_plus",
    "party_members",
];

/// Draws one household (the draws in a fixed order, so a seed gives the same registers).
fn draw(rng: &mut ChaCha8Rng) -> Drawn {
    let size: u64 = rng.random_range(1..=7);
    let labour: u64 = rng.random_range(0..=size.min(4));
    let employed: u64 = if labour > 0 && rng.random_bool(0.93) { rng.random_range(1..=labour) } else { 0 };
    let mut channels = [0u64; 5];
    for _ in 0..employed {
        channels[[0, 0, 0, 1, 1, 2, 3, 4][rng.random_range(0..8)]] += 1;
    }
    let income: Option<f64> = (!rng.random_bool(0.02)).then(|| (rng.random_range(600_000..1_800_000) as f64) / 100.0);
    let trained = rng.random_range(0..=labour);
    let disabled = u64::from(rng.random_bool(0.05));
    let groups = [
        u64::from(rng.random_bool(0.03)).min(size),
        u64::from(rng.random_bool(0.02)),
        disabled,
        disabled * u64::from(rng.random_bool(0.3)),
        if rng.random_bool(0.2) { rng.random_range(1..=size) } else { 0 },
        u64::from(rng.random_bool(0.04)),
        u64::from(rng.random_bool(0.02)),
    ];
    let colour = ["绿", "绿", "绿", "绿", "绿", "绿", "绿", "绿", "黄", "红"][rng.random_range(0..10)];
    let monitored = rng.random_bool(0.03);
    let eliminated = monitored && rng.random_bool(0.45);
    Drawn { size, labour, employed, channels, income, trained, groups, colour, monitored, eliminated }
}

/// Adds the household to the expected sums, by the definitions of docs/registers.md.
fn expect(exp: &mut Expected, path: &[String; 6], p: &str, h: &Drawn) {
    let e = exp.buildings.entry(path.clone()).or_default().entry(p.to_string()).or_default();
    let mut add = |k: &'static str, v: u64| *e.entry(k).or_insert(0) += v;
    add("households", 1);
    add("people", h.size);
    add("labour", h.labour);
    add("labour_households", u64::from(h.labour > 0));
    add("employed", h.employed);
    add("employed_households", u64::from(h.employed > 0));
    for (k, v) in ["away", "near_home", "workshop", "welfare_posts", "self_employed"].iter().zip(h.channels) {
        add(k, v);
    }
    add("zero_employment_households", u64::from(h.labour > 0 && h.employed == 0));
    add("trained", h.trained);
    for (k, v) in GROUP_KEYS.iter().zip(h.groups) {
        add(k, v);
    }
    let subsistence = GROUP_KEYS.iter().position(|k| *k == "subsistence_allowance").map_or(0, |i| h.groups[i]);
    add("subsistence_households", u64::from(subsistence > 0));
    add("monitored_households", u64::from(h.monitored));
    add("monitored_people", if h.monitored { h.size } else { 0 });
    add("risk_eliminated_households", u64::from(h.eliminated));
    add("risk_eliminated_people", if h.eliminated { h.size } else { 0 });
    let colour = match h.colour {
        "红" => "risk_red",
        "黄" => "risk_yellow",
        _ => "risk_green",
    };
    add(colour, 1);
    if let Some(v) = h.income {
        // Σ fen × people: the per-capita figure of any node is this over income_people,
        // to the fen (docs/data-format.md).
        add("income_fen", (v * 100.0).round() as u64 * h.size);
        add("income_people", h.size);
        add("low_income_households", u64::from(v < 10_000.0));
    }
    exp.households += 1;
    exp.people += h.size;
}

/// The household as a register row, with made-up identity columns when asked for (their
/// first values are kept in `exp`, so tests can show they never reach the output).
fn register_row(
    rng: &mut ChaCha8Rng,
    spec: &Spec,
    exp: &mut Expected,
    serial: u64,
    p: &str,
    path: &[String; 6],
    h: &Drawn,
) -> Vec<String> {
    let yes = |b: bool| if b { "是" } else { "否" }.to_string();
    let name = format!("{}{}", SURNAMES[rng.random_range(0..SURNAMES.len())], GIVEN[rng.random_range(0..GIVEN.len())]);
    let id_no = format!("52060319{:02}{:08}", 50 + serial % 40, serial);
    let phone = format!("139{:08}", serial);
    if spec.with_identity && exp.identity_values.len() < 200 {
        exp.identity_values.extend([id_no.clone(), phone.clone()]);
        if !exp.identity_values.contains(&name) {
            exp.identity_values.push(name.clone());
        }
    }
    let mut r: Vec<String> = vec![p.to_string()];
    r.extend(path.iter().cloned());
    if spec.with_identity {
        r.push(name);
        r.push(id_no);
    }
    r.push(h.size.to_string());
    r.push(h.labour.to_string());
    r.extend(h.channels.iter().map(|v| v.to_string()));
    r.push(h.income.map(|v| format!("{v:.2}")).unwrap_or_default());
    r.push(h.trained.to_string());
    r.extend(h.groups.iter().map(|v| v.to_string()));
    r.push(h.colour.to_string());
    r.push(yes(h.monitored));
    r.push(yes(h.eliminated));
    if spec.with_identity {
        r.push(phone);
    }
    r
}

/// Writes rows as CSV in UTF-8 (with a BOM, as Excel does) or GBK.
pub struct CsvOut<W: std::io::Write> {
    w: csv::Writer<W>,
    gbk: bool,
}

impl<W: std::io::Write> CsvOut<W> {
    pub fn new(mut inner: W, gbk: bool) -> std::io::Result<Self> {
        if !gbk {
            inner.write_all(b"\xEF\xBB\xBF")?;
        }
        Ok(CsvOut { w: csv::Writer::from_writer(inner), gbk })
    }
    pub fn row(&mut self, cells: &[String]) -> std::io::Result<()> {
        if self.gbk {
            let enc: Vec<Vec<u8>> = cells.iter().map(|c| encoding_rs::GBK.encode(c).0.into_owned()).collect();
            self.w.write_byte_record(&csv::ByteRecord::from(enc)).map_err(std::io::Error::other)
        } else {
            self.w.write_record(cells).map_err(std::io::Error::other)
        }
    }
    pub fn finish(mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// Writes rows to an XLSX file (numbers as numbers, as Excel would hold them).
pub fn write_xlsx(path: &std::path::Path, rows: &[Vec<String>]) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let is_id = r > 0 && (v.len() >= 11 && v.chars().all(|ch| ch.is_ascii_digit()));
            match v.parse::<f64>() {
                Ok(n) if r > 0 && !is_id && !v.is_empty() && c > 0 => ws.write_number(r as u32, c as u16, n)?,
                _ => ws.write_string(r as u32, c as u16, v)?,
            };
        }
    }
    wb.save(path)
}
