//! Defects found in the reader, each as a kind: personal values echoed in problems,
//! commas and exponents read as other numbers, float noise refused, impossible periods
//! accepted, two columns of one field, empty files, encoding advice that ignored the
//! choice, and household counts merged down over one row per family member. Each is
//! read to the right value or refused with its location. Invented identities only.

use anju_import::row::{Kind, RowProblem};
use anju_import::{flags, read, EncodingChoice, FileError, Item, Options, Report};
use rust_xlsxwriter::{Format, Workbook};

/// Households (size, labour, income) and problems of one file.
struct Got {
    sizes: Vec<u64>,
    labour: Vec<u64>,
    incomes: Vec<Option<f64>>,
    problems: Vec<RowProblem>,
    report: Report,
}

fn read_with(name: &str, bytes: &[u8], opts: &Options) -> Result<Got, FileError> {
    let (mut sizes, mut labour, mut incomes, mut problems) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let report = read(name, bytes, opts, &mut |item| match item {
        Item::Household(h) => {
            sizes.push(h.size);
            labour.push(h.labour);
            incomes.push(h.income);
        }
        Item::Rejected(ps) => problems.extend(ps),
    })?;
    Ok(Got { sizes, labour, incomes, problems, report })
}

fn csv(text: &str) -> Got {
    read_with("台账.csv", text.as_bytes(), &Options::default()).unwrap()
}

/// Every way a problem is said: both languages at once, and each alone.
fn said(ps: &[RowProblem]) -> String {
    ps.iter().map(|p| format!("{p}\n{}\n{}\n", p.said().zh, p.said().en)).collect()
}

const HEAD: &str = "统计期,市,县,安置点,楼栋,户人数,劳动力,人均纯收入,风险等级\n";

fn row(period: &str, size: &str, labour: &str, income: &str, colour: &str) -> String {
    format!("{period},毕节市,织金县,平远新城安置点,1栋,{size},{labour},{income},{colour}\n")
}

#[test]
fn personal_values_in_data_columns_are_described_never_shown() {
    let text = [
        HEAD.to_string(),
        row("2025-06", "13712345678", "1", "", ""),
        row("52000019970101147X", "3", "1", "", ""),
        row("2025-06", "3", "1", "", "张翠兰"),
        row("2025-06", "3", "1", "520000199801011488", ""),
        row("2025-06", "138-1234-5678", "1", "", ""),
        // A note under the table whose phone lands in the 户人数 column.
        ",,,,,13900001111,,,\n".into(),
        // A note in the first column: not a household, not shown.
        "填表人：王测甲 电话：13800002222,,,,,,,,\n".into(),
    ]
    .concat();
    let g = csv(&text);
    let out = said(&g.problems);
    for secret in ["1371234", "5200001", "张翠兰", "1381234", "1234-5678", "1390000", "1380000", "王测甲"] {
        assert!(!out.contains(secret), "{secret} shown:\n{out}");
        assert!(!format!("{:?}", g.problems).contains(secret), "{secret} kept in a problem");
    }
    let at = |r: u64| g.problems.iter().find(|p| p.row == r).unwrap_or_else(|| panic!("row {r}:\n{out}"));
    assert_eq!((at(2).column.as_str(), at(2).kind), ("户人数", Kind::TooLarge));
    assert!(at(2).to_string().contains("[户人数] （11 位数字）") && at(2).to_string().contains("an 11-digit number"));
    assert_eq!((at(3).column.as_str(), at(3).kind), ("统计期", Kind::BadPeriod));
    assert!(at(3).to_string().contains("18 个字符：数字、字母"), "{}", at(3));
    assert_eq!((at(4).column.as_str(), at(4).kind), ("风险等级", Kind::BadRisk));
    assert!(at(4).to_string().contains("3 个汉字") && at(4).to_string().contains("3 Chinese characters"));
    assert_eq!((at(5).column.as_str(), at(5).kind), ("人均纯收入", Kind::TooLarge));
    assert!(at(5).to_string().contains("18 位数字"));
    let phone = g.problems.iter().find(|p| p.row == 7 && p.column == "户人数").unwrap();
    assert!(phone.shape.is_some() && phone.value.is_empty(), "{phone}");
    assert!(g.problems.iter().all(|p| p.row != 8), "the note row is not a household: {out}");
}

#[test]
fn values_that_cannot_be_personal_are_still_quoted() {
    let g = csv(&[HEAD.to_string(), row("2025/13", "3", "1", "", ""), row("2025-06", "-1", "0", "", "")].concat());
    let out = said(&g.problems);
    assert!(out.contains("[统计期] \"2025/13\"") && out.contains("[户人数] \"-1\""), "{out}");
}

#[test]
fn identity_headers_are_never_read() {
    let text = "统计期,市,县,安置点,楼栋,户人数,公民身份号码,联系人,家庭成员,成员姓名,ID,ID number,Contact,Phone,Name\n\
                2025-06,毕节市,织金县,平远新城安置点,1栋,3,520000199801011488,王测甲,李测乙,张测丙,X1,X2,X3,13800002222,Wang\n";
    let g = csv(text);
    assert_eq!(g.sizes, [3]);
    let cols = &g.report.sheets[0].columns;
    assert_eq!(
        cols.identity,
        ["公民身份号码", "联系人", "家庭成员", "成员姓名", "ID", "ID number", "Contact", "Phone", "Name"]
    );
    assert!(cols.ignored.is_empty(), "{:?}", cols.ignored);
}

#[test]
fn a_comma_is_read_only_as_a_thousands_separator() {
    let text = [
        HEAD.to_string(),
        row("2025-06", "\"1,2\"", "1", "", ""),
        row("2025-06", "\"12,34\"", "1", "", ""),
        row("2025-06", "3", "1", "\"1.234,5\"", ""),
        row("2025-06", "3", "1", "\"12,34\"", ""),
        row("2025-06", "3", "1", "\"12,345.5\"", ""),
    ]
    .concat();
    let g = csv(&text);
    let at = |r: u64| g.problems.iter().find(|p| p.row == r).map(|p| (p.column.as_str(), p.value.as_str(), p.kind));
    assert_eq!(at(2), Some(("户人数", "1,2", Kind::Separator)));
    assert_eq!(at(3), Some(("户人数", "12,34", Kind::Separator)));
    assert_eq!(at(4), Some(("人均纯收入", "1.234,5", Kind::Separator)));
    assert_eq!(at(5), Some(("人均纯收入", "12,34", Kind::Separator)));
    assert_eq!(g.incomes, [Some(12_345.5)]);
    assert!(g.problems[0].to_string().contains("逗号只能作千分位"), "{}", g.problems[0]);
}

#[test]
fn scientific_notation_typed_as_text_is_refused() {
    let g = csv(&[HEAD.to_string(), row("2025-06", "1e1", "1", "", ""), row("2025-06", "3", "1", "2E4", "")].concat());
    let kinds: Vec<(u64, &str, Kind)> = g.problems.iter().map(|p| (p.row, p.column.as_str(), p.kind)).collect();
    assert_eq!(kinds, [(2, "户人数", Kind::Scientific), (3, "人均纯收入", Kind::Scientific)]);
    assert!(g.sizes.is_empty());
}

#[test]
fn a_household_of_more_people_than_plausible_is_refused_naming_the_bound() {
    let max = anju_import::values::MAX_HOUSEHOLD_PEOPLE;
    assert_eq!(max, 30);
    let text = [
        HEAD.to_string(),
        row("2025-06", "\"1,000\"", "1", "", ""),
        row("2025-06", "\"1,234\"", "1", "", ""),
        row("2025-06", "31", "1", "", ""),
        row("2025-06", "30", "31", "", ""),
        row("2025-06", "30", "30", "", ""),
    ]
    .concat();
    let g = csv(&text);
    assert_eq!(g.sizes, [30], "only the household within the bound");
    let at = |r: u64| g.problems.iter().find(|p| p.row == r).map(|p| (p.column.as_str(), p.kind)).unwrap();
    assert_eq!(at(2), ("户人数", Kind::Implausible));
    assert_eq!(at(3), ("户人数", Kind::Implausible));
    assert_eq!(at(4), ("户人数", Kind::Implausible));
    assert_eq!(at(5), ("劳动力", Kind::Implausible));
    let p = g.problems.iter().find(|p| p.row == 2).unwrap();
    assert!(p.to_string().contains("一户最多计 30 人") && p.to_string().contains("at most 30 people"), "{p}");
}

/// A workbook of one sheet: the header in row 1, then `rows` (numbers as numbers).
fn book(rows: &[[f64; 2]], merges: &[(u32, u32, u16)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("一栋").unwrap();
    for (c, h) in ["统计期", "市", "县", "安置点", "楼栋", "姓名", "户人数", "劳动力"].iter().enumerate()
    {
        ws.write(0, c as u16, *h).unwrap();
    }
    for &(r0, r1, c) in merges {
        ws.merge_range(r0, c, r1, c, "", &Format::new()).unwrap();
    }
    // Only a merged region's top-left cell holds its value, as in Excel.
    let hidden = |r: u32, c: u16| merges.iter().any(|&(r0, r1, mc)| mc == c && r > r0 && r <= r1);
    for (r, [size, labour]) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        let texts = ["2025-06", "毕节市", "织金县", "平远新城安置点", "1栋", "王测"];
        for (c, v) in texts.iter().enumerate().filter(|(c, _)| !hidden(r, *c as u16)) {
            ws.write(r, c as u16, *v).unwrap();
        }
        for (c, v) in [(6u16, size), (7, labour)].into_iter().filter(|(c, _)| !hidden(r, *c)) {
            ws.write(r, c, *v).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn float_noise_from_a_formula_is_the_whole_number_excel_shows() {
    let g = read_with(
        "公式.xlsx",
        &book(&[[2.9999999999999996, 1.0000000000000002], [3.0, 2.5]], &[]),
        &Options::default(),
    )
    .unwrap();
    assert_eq!((g.sizes.as_slice(), g.labour.as_slice()), ([3u64].as_slice(), [1u64].as_slice()));
    let p = &g.problems[0];
    assert_eq!((p.row, p.column.as_str(), p.value.as_str(), p.kind), (3, "劳动力", "2.5", Kind::NotWhole));
}

#[test]
fn impossible_dates_and_months_out_of_range_are_refused() {
    let text = [
        HEAD.to_string(),
        row("9999-12", "3", "1", "", ""),
        row("1900-01", "3", "1", "", ""),
        row("2025-06-31", "3", "1", "", ""),
        row("2025-02-29", "3", "1", "", ""),
        row("2000-01", "3", "1", "", ""),
        row("2100-12", "3", "1", "", ""),
    ]
    .concat();
    let g = csv(&text);
    assert_eq!(g.sizes.len(), 2);
    let rows: Vec<(u64, &str, Kind)> = g.problems.iter().map(|p| (p.row, p.value.as_str(), p.kind)).collect();
    assert_eq!(
        rows,
        [
            (2, "9999-12", Kind::BadPeriod),
            (3, "1900-01", Kind::BadPeriod),
            (4, "2025-06-31", Kind::BadPeriod),
            (5, "2025-02-29", Kind::BadPeriod)
        ]
    );
    assert!(g.problems[0].to_string().contains("应在 2000-01 至 2100-12 之间"), "{}", g.problems[0]);
    assert!(g.problems[2].to_string().contains("这个月没有这一天"), "{}", g.problems[2]);
    // As the period chosen for a sheet without one.
    for bad in ["9999-12", "1900-01", "2025-06-31"] {
        assert!(flags::period(bad).is_err(), "{bad}");
        assert!(flags::options(EncodingChoice::Auto, Some(bad), None).is_err(), "{bad}");
    }
    // In a title row: not taken as the period, so the sheet says it has none.
    let titled = "统计时间：1900年1月\n市,县,安置点,楼栋,户人数\n毕节市,织金县,平远新城安置点,1栋,3\n";
    assert!(read_with("a.csv", titled.as_bytes(), &Options::default()).unwrap().sizes.is_empty());
}

fn refused(name: &str, bytes: &[u8]) -> String {
    match read_with(name, bytes, &Options::default()) {
        Err(e @ FileError::Refused { .. }) => e.to_string(),
        Err(e) => panic!("{name}: another error: {e}"),
        Ok(g) => panic!("{name}: read {:?}, {} problems", g.sizes, g.problems.len()),
    }
}

#[test]
fn two_columns_read_as_one_field_refuse_the_sheet() {
    let msg = refused(
        "a.csv",
        "统计期,市,县,安置点,楼栋,户人数,户人数\n2025-06,毕节市,织金县,平远新城安置点,1栋,3,4\n".as_bytes(),
    );
    assert!(msg.contains("F 列（户人数）和 G 列（户人数）") && msg.contains("请删去其中一列"), "{msg}");
    assert!(msg.contains("column F (户人数) and column G (户人数)") && msg.contains("delete one"), "{msg}");
    let msg = refused(
        "b.csv",
        "统计期,市,县,安置点,楼栋,户人数,家庭人口\n2025-06,毕节市,织金县,平远新城安置点,1栋,3,4\n".as_bytes(),
    );
    assert!(msg.contains("G 列（家庭人口）"), "{msg}");
    let msg = refused(
        "c.csv",
        "统计期,市,县,安置点,楼栋,户人数,风险等级,风险颜色\n2025-06,毕节市,织金县,平远新城安置点,1栋,3,红,绿\n"
            .as_bytes(),
    );
    assert!(msg.contains("G 列（风险等级）和 H 列（风险颜色）"), "{msg}");
    // In a workbook, naming the sheet.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("惠泽").unwrap();
    for (c, h) in ["统计期", "市", "县", "安置点", "楼栋", "劳动力", "劳动力人数", "户人数"].iter().enumerate()
    {
        ws.write(0, c as u16, *h).unwrap();
    }
    let msg = refused("d.xlsx", &wb.save_to_buffer().unwrap());
    assert!(msg.starts_with("d.xlsx [惠泽]: ") && msg.contains("F 列（劳动力）和 G 列（劳动力人数）"), "{msg}");
}

fn file_error(name: &str, bytes: &[u8], encoding: EncodingChoice) -> String {
    match read_with(name, bytes, &Options { encoding, ..Options::default() }) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("{name}: read"),
    }
}

#[test]
fn an_empty_file_is_said_to_be_empty() {
    for name in ["空.csv", "空.xlsx"] {
        let msg = file_error(name, b"", EncodingChoice::Auto);
        assert!(msg.contains("文件是空的（0 字节") && msg.contains("the file is empty (0 bytes"), "{msg}");
        assert!(!msg.contains("表头"), "{msg}");
    }
    let msg = file_error("bom.csv", b"\xEF\xBB\xBF", EncodingChoice::Auto);
    assert!(msg.contains("文件是空的（3 字节"), "{msg}");
}

#[test]
fn encoding_advice_follows_the_choice() {
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "统计期,市,县,安置点,楼栋,户人数\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    for choice in [EncodingChoice::Auto, EncodingChoice::Utf8, EncodingChoice::Gbk] {
        let msg = file_error("u16.csv", &utf16, choice);
        assert!(msg.contains("UTF-16") && msg.contains("CSV UTF-8"), "{msg}");
        assert!(!msg.contains("所选编码（gbk）"), "{msg}");
    }
    // Neither UTF-8 nor GBK, under auto: save as UTF-8, no other choice to try.
    let garbled = b"\xFF\xFF,\xFF\xFE,\x80\xFF\n1,2,3\n";
    let msg = file_error("x.csv", garbled, EncodingChoice::Auto);
    assert!(msg.contains("既不是 UTF-8 也不是 GBK") && msg.contains("neither UTF-8 nor GBK"), "{msg}");
    assert!(msg.contains("另存为“CSV UTF-8（逗号分隔）") && !msg.contains("--encoding"), "{msg}");
    // GBK read as UTF-8: GBK or auto; UTF-8 read as GBK... the other way round.
    let (gbk, _, _) =
        encoding_rs::GBK.encode("统计期,市,县,安置点,楼栋,户人数\n2025-06,毕节市,织金县,平远新城,1栋,3\n");
    let msg = file_error("g.csv", &gbk, EncodingChoice::Utf8);
    assert!(msg.contains("不是所选的 UTF-8 编码") && msg.contains("--encoding gbk 或 auto"), "{msg}");
    let msg = file_error("x.csv", garbled, EncodingChoice::Gbk);
    assert!(msg.contains("不是所选的 GBK 编码") && msg.contains("--encoding utf-8 或 auto"), "{msg}");
}

#[test]
fn household_counts_merged_over_one_row_per_member_refuse_the_sheet() {
    // Two households of 3 and 2 people, one row per member; 户人数 and 劳动力 merged over
    // each household's rows (rows 2–4 and 5–6): read cell by cell, 5 households and 13
    // people instead of 2 and 5.
    let rows = [[3.0, 2.0], [3.0, 2.0], [3.0, 2.0], [2.0, 1.0], [2.0, 1.0]];
    let bytes = book(&rows, &[(1, 3, 6), (1, 3, 7), (4, 5, 6), (4, 5, 7)]);
    let msg = refused("成员.xlsx", &bytes);
    assert!(msg.starts_with("成员.xlsx [一栋]: 第2–4行的G 列（户人数）合并成了一格"), "{msg}");
    assert!(msg.contains("一人一行") && msg.contains("请改为一户一行"), "{msg}");
    assert!(msg.contains("rows 2–4 of column G (户人数)") && msg.contains("one row per household"), "{msg}");
    // Place columns merged down the table are filled, as they should be.
    let rows = [[3.0, 2.0], [2.0, 1.0], [4.0, 1.0]];
    let g = read_with("楼.xlsx", &book(&rows, &[(1, 3, 1), (1, 3, 4), (1, 2, 0)]), &Options::default()).unwrap();
    assert_eq!((g.sizes.as_slice(), g.problems.len()), ([3u64, 2, 4].as_slice(), 0));
}

/// A phone or an ID number typed into a place's column is refused at its cell and never
/// written out (place names are published as they are); names with a few digits are read.
#[test]
fn a_personal_number_in_a_place_column_is_refused_never_published() {
    const HEAD: &str = "统计期,市,县,安置点,社区,网格,楼栋,户人数,劳动力\n";
    let line = |community: &str, grid: &str, building: &str| {
        format!("2025-06,毕节市,织金县,平远新城安置点,{community},{grid},{building},3,1\n")
    };
    let text = [
        HEAD.to_string(),
        line("520524199001011234", "第1网格", "1栋"),
        line("惠泽社区", "第1网格", "13800138000"),
        line("惠泽社区", "第1网格", "\"138 0013 8000\""),
        line("惠泽社区", "１３８００１３８０００", "1栋"),
        line("惠泽社区", "0857-8123456", "1栋"),
        // Names with a few digits, as offices write them.
        line("惠泽社区", "第12网格", "2号楼1单元"),
        line("惠泽社区", "第1网格", "A3-1201"),
        line("2020年新建社区", "第1网格", "12栋"),
    ]
    .concat();
    let g = csv(&text);
    assert_eq!(g.sizes, [3, 3, 3], "the three rows whose names hold no personal number");
    let at = |r: u64| g.problems.iter().find(|p| p.row == r).map(|p| (p.column.as_str(), p.kind)).unwrap();
    assert_eq!(at(2), ("社区", Kind::PersonalNumber));
    assert_eq!(at(3), ("楼栋", Kind::PersonalNumber));
    assert_eq!(at(4), ("楼栋", Kind::PersonalNumber));
    assert_eq!(at(5), ("网格", Kind::PersonalNumber));
    assert_eq!(at(6), ("网格", Kind::PersonalNumber));
    assert_eq!(g.problems.len(), 5, "{:#?}", g.problems);
    let words = said(&g.problems);
    for value in ["520524199001011234", "13800138000", "138 0013 8000", "１３８００１３８０００", "8123456"]
    {
        assert!(!words.contains(value), "{value} in {words}");
    }
    assert!(words.contains("18 位数字") && words.contains("像电话或身份证号"), "{words}");
}
