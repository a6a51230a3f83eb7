//! Registers in the shapes offices keep them, written here with rust_xlsxwriter (merged
//! cells, number formats, several sheets, a hidden one) and as CSV: each read to exact
//! totals, or refused with a located message. Invented identities only.

use anju_data::Metric;
use anju_import::table::RowKind;
use anju_import::values::Norm;
use anju_import::{read, Item, Options, Origin, Report, Skip};
use rust_xlsxwriter::{Format, Workbook};

struct Got {
    m: [u64; anju_data::metric::N_METRICS],
    periods: Vec<String>,
    buildings: Vec<String>,
    problems: Vec<String>,
    report: Report,
}

fn read_bytes(name: &str, bytes: &[u8], opts: &Options) -> Result<Got, anju_import::FileError> {
    let mut m = [0u64; anju_data::metric::N_METRICS];
    let (mut periods, mut buildings, mut problems) = (Vec::new(), Vec::new(), Vec::new());
    let report = read(name, bytes, opts, &mut |item| match item {
        Item::Household(h) => {
            for (s, v) in m.iter_mut().zip(h.metrics()) {
                *s += v;
            }
            periods.push(h.period.to_string());
            buildings.push(h.path.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join("/"));
        }
        Item::Rejected(ps) => problems.extend(ps.iter().map(|p| p.to_string())),
    })?;
    periods.sort();
    periods.dedup();
    buildings.sort();
    buildings.dedup();
    Ok(Got { m, periods, buildings, problems, report })
}

fn get(g: &Got, k: Metric) -> u64 {
    g.m[k.index()]
}

/// A title row, a unit/date row with the period, a two-row header with merged groups,
/// 市/县/安置点 merged down the table, 楼栋 merged per building, no 统计期 column, numbers as
/// text with units and full-width digits, a 小计 row per building, a blank row, notes with
/// a name and a phone, and a hidden data-dictionary sheet.
fn office_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let s = wb.add_worksheet();
    s.set_name("惠泽社区").unwrap();
    s.merge_range(0, 0, 0, 12, "平远新城安置点搬迁群众基本信息台账", &bold).unwrap();
    s.write(1, 0, "填报单位：惠泽社区").unwrap();
    s.write(1, 8, "统计时间：2025年6月30日").unwrap();
    // Header rows 3–4 (0-based 2–3).
    for (c, h) in ["序号", "市", "县", "安置点", "楼栋", "户主\n姓名", "户人数"].iter().enumerate() {
        s.merge_range(2, c as u16, 3, c as u16, h, &bold).unwrap();
    }
    s.merge_range(2, 7, 2, 9, "劳动力情况", &bold).unwrap();
    for (c, h) in ["劳动力（人）", "外出务工（人）", "公益性岗位（人）"].iter().enumerate() {
        s.write_with_format(3, 7 + c as u16, *h, &bold).unwrap();
    }
    s.merge_range(2, 10, 2, 12, "防返贫监测", &bold).unwrap();
    for (c, h) in ["风险等级\n（红/黄/绿）", "监测户", "风险已消除"].iter().enumerate() {
        s.write_with_format(3, 10 + c as u16, *h, &bold).unwrap();
    }
    // Households: (no, name, size, labour, away, welfare, colour, monitored, eliminated).
    let rows: [[&str; 9]; 5] = [
        ["1", "王测甲", "4人", "2", "1", "/", "红", "是", "否"],
        ["2", "李测乙", "３", "１", "", "1", "绿", "√", "√"],
        ["3", "张测丙", "5", "3", "2", "无", "黄", "", ""],
        ["4", "刘测丁", "2", "1", "—", "0", "", "否", "否"],
        ["5", "陈测戊", "6", "2", "2", "", "绿", "否", "否"],
    ];
    let mut r = 4u32;
    // 市/县/安置点 merged down all five households; 楼栋 per building (3 and 2).
    s.merge_range(r, 1, r + 5, 1, "毕节市", &Format::new()).unwrap();
    s.merge_range(r, 2, r + 5, 2, "织金县", &Format::new()).unwrap();
    s.merge_range(r, 3, r + 5, 3, "平远新城安置点", &Format::new()).unwrap();
    s.merge_range(r, 4, r + 2, 4, "5栋", &Format::new()).unwrap();
    s.merge_range(r + 4, 4, r + 5, 4, "6栋", &Format::new()).unwrap();
    for (k, h) in rows.iter().enumerate() {
        if k == 3 {
            // The 小计 of 5栋 between the buildings.
            s.write(r, 0, "小计").unwrap();
            s.write(r, 6, "12").unwrap();
            s.write(r, 7, "6").unwrap();
            r += 1;
        }
        for (c, v) in h.iter().enumerate() {
            let col = [0u16, 5, 6, 7, 8, 9, 10, 11, 12][c];
            s.write(r, col, *v).unwrap();
        }
        r += 1;
    }
    r += 1; // a blank row
    s.write(r, 0, "合计").unwrap();
    s.write(r, 6, 20).unwrap();
    s.write(r, 7, 9).unwrap();
    s.write(r + 1, 0, "填表人：王测甲  联系电话：13800000001").unwrap();
    s.write(r + 2, 0, "审核人：李测乙").unwrap();
    let d = wb.add_worksheet();
    d.set_name("数据字典").unwrap();
    d.write(0, 0, "风险等级").unwrap();
    d.write(1, 0, "红").unwrap();
    d.set_hidden(true);
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_office_register_reads_to_exact_totals() {
    let g = read_bytes("惠泽社区台账.xlsx", &office_workbook(), &Options::default()).unwrap();
    assert_eq!(g.problems, Vec::<String>::new(), "{:?}", g.problems);
    assert_eq!(g.periods, ["2025-06"], "the period from the title's 统计时间");
    assert_eq!(g.buildings, ["毕节市/织金县/平远新城安置点/5栋", "毕节市/织金县/平远新城安置点/6栋"]);
    use Metric::*;
    assert_eq!((get(&g, Households), get(&g, People), get(&g, Labour)), (5, 20, 9));
    assert_eq!((get(&g, Away), get(&g, WelfarePosts), get(&g, Employed)), (5, 1, 6));
    assert_eq!((get(&g, RiskRed), get(&g, RiskYellow), get(&g, RiskGreen)), (1, 1, 3));
    assert_eq!((get(&g, MonitoredHouseholds), get(&g, RiskEliminatedHouseholds)), (2, 1));
    assert_eq!(get(&g, ZeroEmploymentHouseholds), 1, "刘测丁: labour 1, away —, welfare 0");
    let s = &g.report.sheets[0];
    assert_eq!(s.header, Some((3, 4)));
    assert_eq!(s.given, vec![(anju_import::columns::Field::Period, "2025-06".to_string(), Origin::TitleRow(2))]);
    assert_eq!((s.kinds[&RowKind::Household], s.kinds[&RowKind::Subtotal], s.kinds[&RowKind::Total]), (5, 1, 1));
    assert_eq!((s.kinds[&RowKind::Blank], s.kinds[&RowKind::Note]), (1, 2));
    assert_eq!(s.total_checks, vec![], "the office's 小计 and 合计 add up");
    assert_eq!((s.norms.get(Norm::FullWidth), s.norms.get(Norm::Unit)), (2, 1));
    assert_eq!(s.norms.get(Norm::DashAsZero), 3, "/, 无, —");
    assert_eq!(g.report.sheets[1].skipped, Some(Skip::Hidden));
}

/// A 合计 that does not add up is reported (row, column, both figures); the households
/// stand as read.
#[test]
fn a_total_that_does_not_add_up_is_reported() {
    let csv = "统计期,市,县,安置点,楼栋,户人数,劳动力\n2025-06,甲市,乙县,丙安置点,1栋,4,2\n2025-06,甲市,乙县,丙安置点,1栋,3,1\n合计,,,,,8,3\n";
    let g = read_bytes("r.csv", csv.as_bytes(), &Options::default()).unwrap();
    let c = &g.report.sheets[0].total_checks;
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!((c[0].row, c[0].column, c[0].stated, c[0].summed), (4, "户人数", 8, 7));
}

/// No period anywhere: refused, naming the missing column; with `--period` or a period in
/// the file's name, read. No place columns: refused, read with `--place`.
#[test]
fn period_and_place_from_names_and_options() {
    let csv = "楼栋,户人数\n1栋,4\n2栋,3\n";
    let err = read_bytes("r.csv", csv.as_bytes(), &Options::default()).unwrap();
    assert!(
        matches!(&err.report.sheets[0].skipped, Some(Skip::MissingColumns(c)) if c.len() == 4),
        "{:?}",
        err.report.sheets[0].skipped
    );
    let place: Vec<String> = ["毕节市", "织金县", "平远新城安置点", "惠泽社区"].iter().map(|s| s.to_string()).collect();
    let opts = Options { place: place.clone(), ..Default::default() };
    let g = read_bytes("惠泽社区202510.csv", csv.as_bytes(), &opts).unwrap();
    assert_eq!(g.periods, ["2025-10"], "from the file's name");
    assert_eq!(g.buildings, ["毕节市/织金县/平远新城安置点/惠泽社区/1栋", "毕节市/织金县/平远新城安置点/惠泽社区/2栋"]);
    assert!(g.report.sheets[0].given.iter().any(|(_, v, o)| v == "2025-10" && *o == Origin::FileName));
    let opts = Options { place, period: anju_data::model::Period::parse("2025-06"), ..Default::default() };
    let g = read_bytes("r.csv", csv.as_bytes(), &opts).unwrap();
    assert_eq!(g.periods, ["2025-06"], "from --period");
    assert_eq!(get(&g, Metric::People), 7);
}

/// A sheet per building with no 楼栋 column: the sheet's name is the building.
#[test]
fn a_sheet_per_building() {
    let mut wb = Workbook::new();
    for (name, size) in [("8栋", 4), ("9栋", 3)] {
        let s = wb.add_worksheet();
        s.set_name(name).unwrap();
        for (c, h) in ["统计期", "市", "县", "安置点", "户人数"].iter().enumerate() {
            s.write(0, c as u16, *h).unwrap();
        }
        for (c, v) in ["2025-06", "甲市", "乙县", "丙安置点"].iter().enumerate() {
            s.write(1, c as u16, *v).unwrap();
        }
        s.write(1, 4, size).unwrap();
    }
    let g = read_bytes("r.xlsx", &wb.save_to_buffer().unwrap(), &Options::default()).unwrap();
    assert_eq!(g.buildings, ["甲市/乙县/丙安置点/8栋", "甲市/乙县/丙安置点/9栋"]);
    assert_eq!(get(&g, Metric::People), 7);
}

/// A size of "/" is a gap, not a household of none; columns the sheet lacks are not
/// counted as empty cells read as 0.
#[test]
fn a_size_of_none_is_refused_and_absent_columns_are_not_blanks() {
    let csv = "统计期,市,县,安置点,楼栋,户人数,劳动力\n2025-06,甲市,乙县,丙安置点,1栋,/,1\n2025-06,甲市,乙县,丙安置点,1栋,3,\n";
    let g = read_bytes("r.csv", csv.as_bytes(), &Options::default()).unwrap();
    assert_eq!(g.problems.len(), 1, "{:?}", g.problems);
    assert!(g.problems[0].contains("第2行") && g.problems[0].contains("户人数"), "{}", g.problems[0]);
    assert_eq!(get(&g, Metric::People), 3);
    let s = &g.report.sheets[0];
    assert_eq!(s.norms.get(Norm::EmptyAsZero), 1, "the one empty 劳动力 cell, not the 14 absent columns");
}
