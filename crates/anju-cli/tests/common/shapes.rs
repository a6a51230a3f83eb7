//! Registers laid out the way offices keep them, from the generator's households: title
//! and unit rows, one- or two-row headers with group cells, units and line breaks in the
//! headers, shuffled columns, place columns merged down the table, 序号, 小计 rows per
//! building and a 合计 per sheet (both adding up), blank rows, notes with a name and a
//! phone, numbers as text in the forms offices write (full-width, units, separators, "/"
//! or nothing for 0, √ for yes), periods in any form or only in the title, several sheets,
//! an empty sheet and a hidden data dictionary. Invented identities only.
//!
//! The households are the generator's, so aggregating any shape must give exactly the
//! generator's sums.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// How a workbook is laid out.
#[derive(Clone, Debug)]
pub struct Shape {
    pub title_rows: bool,
    /// No 统计期 column: the period stands in the title row (or, without title rows, in
    /// the sheet's name); sheets are split by period.
    pub period_in_title: bool,
    pub two_row_header: bool,
    pub units_in_headers: bool,
    /// Columns in a random order (one-row headers only: group cells span neighbours).
    pub shuffled: bool,
    pub merged_places: bool,
    pub subtotals: bool,
    pub total_and_notes: bool,
    pub blank_rows: bool,
    /// The header written again halfway down, as after a page break.
    pub repeated_header: bool,
    /// Numbers as text, in the forms offices write.
    pub text_numbers: bool,
    /// 0: one sheet; 1: a sheet per county; 2: a sheet per site.
    pub split: u8,
    pub extra_sheets: bool,
    pub seed: u64,
}

/// A sheet's (place, period) key and its rows.
type Sheet<'a> = ((String, String), Vec<&'a Vec<String>>);

/// A cell as written.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A real date with a Chinese custom format.
    Date(u16, u8),
}

const GROUPS: [(&str, &[&str]); 3] = [
    ("劳动力情况", &["劳动力", "外出务工", "就近就业", "车间就业", "公益性岗位", "自主创业"]),
    ("特殊群体", &["留守儿童", "空巢老人", "残疾人", "重度残疾人", "低保人数", "75岁以上老人", "党员"]),
    ("防返贫监测", &["风险等级", "监测户", "风险已消除"]),
];
const PLACES: [&str; 6] = ["市", "县", "安置点", "社区", "网格", "楼栋"];
const IDENTITY: [&str; 3] = ["户主姓名", "身份证号", "手机号"];

fn header_text(h: &str, units: bool) -> String {
    if !units {
        return h.to_string();
    }
    match h {
        "户人数" | "劳动力" => format!("{h}（人）"),
        "外出务工" | "就近就业" => format!("{h}(人)"),
        "培训人数" => "培训人数（人次）".into(),
        "人均纯收入" => "人均纯收入\n（元）".into(),
        "风险等级" => "风险等级\n（红/黄/绿）".into(),
        _ => h.to_string(),
    }
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap() } else { c })
        .collect()
}

/// A value of column `h` as an office might write it.
fn cell(h: &str, v: &str, text: bool, rng: &mut ChaCha8Rng) -> Cell {
    if IDENTITY.contains(&h) || PLACES.contains(&h) {
        return if v.is_empty() { Cell::Empty } else { Cell::Text(v.into()) };
    }
    match h {
        "统计期" => {
            let (y, m) = (v[..4].parse::<u16>().unwrap(), v[5..].parse::<u8>().unwrap());
            match rng.random_range(0..5) {
                0 => Cell::Text(v.into()),
                1 => Cell::Text(format!("{y}年{m}月")),
                2 => Cell::Text(format!("{y}{m:02}")),
                3 => Cell::Text(format!("{y}.{m:02}")),
                _ => Cell::Date(y, m),
            }
        }
        "风险等级" => match (v, rng.random_range(0..3)) {
            ("绿", 0) => Cell::Empty,
            (c, 1) => Cell::Text(format!("{c}色")),
            (c, _) => Cell::Text(c.into()),
        },
        "监测户" | "风险已消除" => {
            let forms: &[&str] = if v == "是" { &["是", "√", "有", "1"] } else { &["否", "", "×", "0"] };
            match forms[rng.random_range(0..forms.len())] {
                "" => Cell::Empty,
                f => Cell::Text(f.into()),
            }
        }
        "人均纯收入" if v.is_empty() => {
            if rng.random_bool(0.5) {
                Cell::Empty
            } else {
                Cell::Text("/".into())
            }
        }
        "人均纯收入" => {
            let x: f64 = v.parse().unwrap();
            if !text {
                return Cell::Number(x);
            }
            match rng.random_range(0..3) {
                0 => Cell::Text(v.into()),
                1 => Cell::Text(format!("{}元", v)),
                _ => {
                    let (whole, frac) = v.split_once('.').unwrap_or((v, "00"));
                    let mut with = String::new();
                    for (i, c) in whole.chars().enumerate() {
                        if i > 0 && (whole.len() - i) % 3 == 0 {
                            with.push(',');
                        }
                        with.push(c);
                    }
                    Cell::Text(format!("{with}.{frac}"))
                }
            }
        }
        _ => {
            let n: u64 = v.parse().unwrap();
            if !text {
                return Cell::Number(n as f64);
            }
            if n == 0 && h != "户人数" {
                return match rng.random_range(0..5) {
                    0 => Cell::Empty,
                    1 => Cell::Text("/".into()),
                    2 => Cell::Text("无".into()),
                    3 => Cell::Text("—".into()),
                    _ => Cell::Text("0".into()),
                };
            }
            match rng.random_range(0..4) {
                0 => Cell::Text(full_width(v)),
                1 if h == "户人数" || h == "劳动力" => Cell::Text(format!("{v}人")),
                _ => Cell::Text(v.into()),
            }
        }
    }
}

/// The header's rows as text, copied below a page break (merges not repeated: the group
/// name stands over its first member).
fn header_again(cols: &[usize], header: &[String], shape: &Shape) -> Vec<Vec<Cell>> {
    let label = |i: usize| Cell::Text(header_text(&header[i], shape.units_in_headers));
    let mut top = vec![Cell::Text("序号".into())];
    if !shape.two_row_header {
        top.extend(cols.iter().map(|&i| label(i)));
        return vec![top];
    }
    let mut under = vec![Cell::Empty];
    let mut c = 0;
    while c < cols.len() {
        let h = &header[cols[c]];
        match GROUPS.iter().find(|(_, members)| members.first() == Some(&h.as_str())) {
            Some((group, members)) => {
                top.push(Cell::Text(group.to_string()));
                top.extend(std::iter::repeat_n(Cell::Empty, members.len() - 1));
                under.extend(cols[c..c + members.len()].iter().map(|&i| label(i)));
                c += members.len();
            }
            None => {
                top.push(label(cols[c]));
                under.push(Cell::Empty);
                c += 1;
            }
        }
    }
    vec![top, under]
}

/// A register laid out in `shape`: the workbook's bytes, and the texts (names, phones in
/// notes) that must never come out.
pub fn workbook(rows: &[Vec<String>], shape: &Shape) -> (Vec<u8>, Vec<String>) {
    let mut rng = ChaCha8Rng::seed_from_u64(shape.seed);
    let header = &rows[0];
    let col = |h: &str| header.iter().position(|x| x == h);
    // The columns written, in order: 序号 first, then the register's (less 统计期 when the
    // period stands in the title), shuffled or not.
    let mut cols: Vec<usize> =
        (0..header.len()).filter(|&i| !(shape.period_in_title && header[i] == "统计期")).collect();
    if shape.shuffled && !shape.two_row_header {
        for i in (1..cols.len()).rev() {
            cols.swap(i, rng.random_range(0..=i));
        }
    }
    // Sheets: the rows of each, in order.
    let key = |r: &Vec<String>| {
        let place = match shape.split {
            0 => String::new(),
            1 => r[col("县").unwrap()].clone(),
            _ => format!("{}{}", r[col("县").unwrap()], r[col("安置点").unwrap()]),
        };
        let period = if shape.period_in_title { r[col("统计期").unwrap()].clone() } else { String::new() };
        (place, period)
    };
    let mut sheets: Vec<Sheet> = Vec::new();
    for r in &rows[1..] {
        let k = key(r);
        match sheets.iter_mut().find(|(s, _)| *s == k) {
            Some((_, v)) => v.push(r),
            None => sheets.push((k, vec![r])),
        }
    }
    let mut secrets = Vec::new();
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy\"年\"m\"月\"");
    let width = cols.len() as u16 + 1;
    for (n, ((place, period), body)) in sheets.iter().enumerate() {
        let ws = wb.add_worksheet();
        let (y, m) =
            if period.is_empty() { (2025, 6) } else { (period[..4].parse().unwrap(), period[5..].parse().unwrap()) };
        let mut name = if place.is_empty() { format!("台账{}", n + 1) } else { place.clone() };
        // Sheets split by month are named by it too (the title row, when there is one,
        // is read first).
        if shape.period_in_title {
            name = format!("{name} {y}年{m}月");
        }
        ws.set_name(&name).unwrap();
        let mut r = 0u32;
        if shape.title_rows {
            ws.merge_range(0, 0, 0, width - 1, &format!("{place}搬迁群众基本信息台账"), &bold).unwrap();
            ws.write(1, 0, "填报单位：社区服务中心").unwrap();
            if shape.period_in_title {
                ws.write(1, width - 3, format!("统计时间：{y}年{m}月30日")).unwrap();
            }
            r = 2;
        }
        // The header.
        let label = |i: usize| header_text(&header[i], shape.units_in_headers);
        if shape.two_row_header {
            ws.merge_range(r, 0, r + 1, 0, "序号", &bold).unwrap();
            let mut c = 0;
            while c < cols.len() {
                let h = &header[cols[c]];
                match GROUPS.iter().find(|(_, members)| members.first() == Some(&h.as_str())) {
                    Some((group, members)) => {
                        let span = members.len() as u16;
                        ws.merge_range(r, c as u16 + 1, r, c as u16 + span, group, &bold).unwrap();
                        for k in 0..members.len() {
                            ws.write_with_format(r + 1, (c + k) as u16 + 1, label(cols[c + k]), &bold).unwrap();
                        }
                        c += members.len();
                    }
                    None => {
                        ws.merge_range(r, c as u16 + 1, r + 1, c as u16 + 1, &label(cols[c]), &bold).unwrap();
                        c += 1;
                    }
                }
            }
            r += 2;
        } else {
            ws.write_with_format(r, 0, "序号", &bold).unwrap();
            for (c, &i) in cols.iter().enumerate() {
                ws.write_with_format(r, c as u16 + 1, label(i), &bold).unwrap();
            }
            r += 1;
        }
        // The body: households, 小计 after each building's month, blank rows; cells kept
        // to merge the place columns afterwards.
        let mut grid: Vec<Vec<Cell>> = Vec::new();
        let (mut sub, mut total) = ([0u64; 2], [0u64; 2]);
        let sums = [col("户人数").unwrap(), col("劳动力").unwrap()];
        let building = |row: &Vec<String>| {
            (
                PLACES.iter().map(|p| row[col(p).unwrap()].clone()).collect::<Vec<_>>(),
                row[col("统计期").unwrap()].clone(),
            )
        };
        for (k, row) in body.iter().enumerate() {
            if shape.repeated_header && k == body.len() / 2 && k > 0 {
                grid.extend(header_again(&cols, header, shape));
            }
            let mut line = vec![Cell::Number((k + 1) as f64)];
            line.extend(cols.iter().map(|&i| cell(&header[i], &row[i], shape.text_numbers, &mut rng)));
            grid.push(line);
            for (s, &i) in sub.iter_mut().zip(&sums) {
                *s += row[i].parse::<u64>().unwrap();
            }
            let last = body.get(k + 1).is_none_or(|next| building(next) != building(row));
            if shape.subtotals && last {
                let mut line = vec![Cell::Text("小计".into())];
                let copy = rng.random_bool(0.5);
                line.extend(cols.iter().map(|&i| match header[i].as_str() {
                    "户人数" => Cell::Number(sub[0] as f64),
                    "劳动力" => Cell::Number(sub[1] as f64),
                    h if copy && PLACES.contains(&h) => cell(h, &row[i], false, &mut rng),
                    _ => Cell::Empty,
                }));
                grid.push(line);
            }
            if last {
                total[0] += sub[0];
                total[1] += sub[1];
                sub = [0, 0];
            }
            if shape.blank_rows && rng.random_bool(0.05) {
                grid.push(vec![Cell::Empty; cols.len() + 1]);
            }
        }
        let top = r;
        for line in &grid {
            for (c, v) in line.iter().enumerate() {
                let c = c as u16;
                match v {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    Cell::Number(x) => {
                        ws.write_number(r, c, *x).unwrap();
                    }
                    Cell::Date(y, m) => {
                        let d = ExcelDateTime::from_ymd(*y, *m, 1).unwrap();
                        ws.write_datetime_with_format(r, c, &d, &date).unwrap();
                    }
                }
            }
            r += 1;
        }
        if shape.merged_places {
            for (c, &i) in cols.iter().enumerate() {
                if !PLACES.contains(&header[i].as_str()) && header[i] != "统计期" {
                    continue;
                }
                let c = c + 1;
                let mut start = 0;
                while start < grid.len() {
                    let mut end = start;
                    while end + 1 < grid.len() && grid[end + 1][c] == grid[start][c] {
                        end += 1;
                    }
                    if end > start && grid[start][c] != Cell::Empty {
                        if let Cell::Text(t) = &grid[start][c] {
                            let (a, b) = (top + start as u32, top + end as u32);
                            ws.merge_range(a, c as u16, b, c as u16, t, &Format::new()).unwrap();
                        }
                    }
                    start = end + 1;
                }
            }
        }
        if shape.total_and_notes {
            ws.write(r, 0, "合计").unwrap();
            for (c, &i) in cols.iter().enumerate() {
                if let Some(k) = sums.iter().position(|&s| s == i) {
                    ws.write_number(r, c as u16 + 1, total[k] as f64).unwrap();
                }
            }
            let (who, phone) = (format!("韦测{}", n + 1), format!("1890000{:04}", n + 1));
            ws.write(r + 2, 0, format!("填表人：{who}    联系电话：{phone}")).unwrap();
            ws.write(r + 3, 0, "审核人：覃测审").unwrap();
            secrets.extend([who, phone, "覃测审".to_string()]);
        }
    }
    if shape.extra_sheets {
        wb.add_worksheet().set_name("空表").unwrap();
        let d = wb.add_worksheet();
        d.set_name("数据字典").unwrap();
        d.write(0, 0, "风险等级").unwrap();
        d.write(1, 0, "红").unwrap();
        d.set_hidden(true);
    }
    (wb.save_to_buffer().unwrap(), secrets)
}
