//! Register columns: Chinese headers with English aliases (docs/registers.md). Identity
//! columns (names, ID numbers, phones, addresses) are recognised from the header alone
//! and never read.

use anju_data::Metric;

/// A column the aggregator uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Period,
    City,
    County,
    Site,
    Community,
    Grid,
    Building,
    Size,
    Labour,
    Away,
    NearHome,
    Workshop,
    WelfarePost,
    SelfEmployed,
    Income,
    Trained,
    LeftBehindChildren,
    EmptyNestElderly,
    Disabled,
    SeverelyDisabled,
    SubsistenceAllowance,
    Elderly75Plus,
    PartyMembers,
    RiskColour,
    Monitored,
    RiskEliminated,
}

/// How many fields there are (`Field as usize` indexes per-field arrays).
pub const N_FIELDS: usize = COLUMNS.len();
const _: () = assert!(Field::RiskEliminated as usize + 1 == N_FIELDS, "one COLUMNS row per Field");

/// (field, Chinese header, other accepted headers, required)
pub const COLUMNS: &[(Field, &str, &[&str], bool)] = &[
    (Field::Period, "统计期", &["period", "统计月份", "月份"], true),
    (Field::City, "市", &["city", "市州", "市(州)"], true),
    (Field::County, "县", &["county", "县区", "县(区)", "区县"], true),
    (Field::Site, "安置点", &["site", "安置区"], true),
    (Field::Community, "社区", &["community"], false),
    (Field::Grid, "网格", &["grid"], false),
    (Field::Building, "楼栋", &["building", "楼号"], true),
    (
        Field::Size,
        "户人数",
        &["household_size", "家庭人口", "家庭人口数", "家庭人数", "家庭成员数", "家庭成员人数"],
        true,
    ),
    (Field::Labour, "劳动力", &["labour", "劳动力人数"], false),
    (Field::Away, "外出务工", &["away"], false),
    (Field::NearHome, "就近就业", &["near_home"], false),
    (Field::Workshop, "车间就业", &["workshop", "就业车间"], false),
    (Field::WelfarePost, "公益性岗位", &["welfare_posts", "welfare_post"], false),
    (Field::SelfEmployed, "自主创业", &["self_employed"], false),
    (Field::Income, "人均纯收入", &["income_per_capita", "人均纯收入(元)"], false),
    (Field::Trained, "培训人数", &["trained"], false),
    (Field::LeftBehindChildren, "留守儿童", &["left_behind_children"], false),
    (Field::EmptyNestElderly, "空巢老人", &["empty_nest_elderly"], false),
    (Field::Disabled, "残疾人", &["disabled"], false),
    (Field::SeverelyDisabled, "重度残疾人", &["severely_disabled", "重残"], false),
    (Field::SubsistenceAllowance, "低保人数", &["subsistence_allowance", "低保"], false),
    (Field::Elderly75Plus, "75岁以上老人", &["elderly_75_plus"], false),
    (Field::PartyMembers, "党员", &["party_members"], false),
    (Field::RiskColour, "风险等级", &["risk_colour", "risk", "风险颜色"], false),
    (Field::Monitored, "监测户", &["monitored", "是否监测户"], false),
    (Field::RiskEliminated, "风险已消除", &["risk_eliminated", "是否消除风险"], false),
];

impl Field {
    pub fn header(self) -> &'static str {
        COLUMNS.iter().find(|c| c.0 == self).map(|c| c.1).unwrap_or("?")
    }

    /// The English header (the first alias: `period`, `labour`).
    pub fn en(self) -> &'static str {
        COLUMNS.iter().find(|c| c.0 == self).and_then(|c| c.2.first().copied()).unwrap_or("?")
    }

    /// The count a column holds for one household, by name (never by position).
    pub fn metric(self) -> Option<Metric> {
        use Metric as M;
        Some(match self {
            Field::Size => M::People,
            Field::Labour => M::Labour,
            Field::Away => M::Away,
            Field::NearHome => M::NearHome,
            Field::Workshop => M::Workshop,
            Field::WelfarePost => M::WelfarePosts,
            Field::SelfEmployed => M::SelfEmployed,
            Field::Trained => M::Trained,
            Field::LeftBehindChildren => M::LeftBehindChildren,
            Field::EmptyNestElderly => M::EmptyNestElderly,
            Field::Disabled => M::Disabled,
            Field::SeverelyDisabled => M::SeverelyDisabled,
            Field::SubsistenceAllowance => M::SubsistenceAllowance,
            Field::Elderly75Plus => M::Elderly75Plus,
            Field::PartyMembers => M::PartyMembers,
            Field::Monitored => M::MonitoredHouseholds,
            Field::RiskEliminated => M::RiskEliminatedHouseholds,
            _ => return None,
        })
    }

    /// The column a problem with metric `m` of one household is shown in: its own, or the
    /// column it is derived from (households and people from 户人数, employed from the
    /// employment channels, starting with 外出务工).
    pub fn of_metric(m: Metric) -> Option<Field> {
        use Metric as M;
        match m {
            M::Households | M::People | M::IncomePeople => Some(Field::Size),
            M::LabourHouseholds => Some(Field::Labour),
            M::Employed | M::EmployedHouseholds | M::ZeroEmploymentHouseholds => Some(Field::Away),
            M::SubsistenceHouseholds => Some(Field::SubsistenceAllowance),
            M::MonitoredPeople => Some(Field::Monitored),
            M::RiskEliminatedPeople => Some(Field::RiskEliminated),
            M::RiskRed | M::RiskYellow | M::RiskGreen => Some(Field::RiskColour),
            M::LowIncomeHouseholds => Some(Field::Income),
            _ => COLUMNS.iter().map(|c| c.0).find(|f| f.metric() == Some(m)),
        }
    }
}

/// Words that mark a column as identity data. Matching is on the header only.
const IDENTITY: &[&str] = &[
    "姓名",
    "名字",
    "户主",
    "身份证",
    // 公民身份号码, 身份号码: the ID number by its official name.
    "身份",
    "证件",
    "手机",
    "电话",
    "联系方式",
    "联系人",
    // 家庭成员, 成员姓名: a household's members by name (one row per person).
    "家庭成员",
    "成员姓名",
    "住址",
    "地址",
    "门牌",
    "银行",
    "账号",
    "name",
    "id_number",
    "idcard",
    "id_card",
    "phone",
    "mobile",
    "tel",
    "address",
    "contact",
];

/// Identity headers too short to be matched inside other words ("id" is in "grid"):
/// matched as the whole header, with or without its bracketed note (ID, ID number, ID No.).
const IDENTITY_WHOLE: &[&str] = &["id", "idno", "idno.", "id_no", "idnumber", "id#", "no.id"];

/// A header as compared: no spaces, line breaks or BOM, half-width brackets, lower case.
fn normalise(h: &str) -> String {
    h.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// The header without bracketed units or notes: 劳动力（人） → 劳动力, 风险等级⏎（红/黄/绿） → 风险等级.
fn without_brackets(h: &str) -> String {
    let mut out = String::with_capacity(h.len());
    let mut depth = 0usize;
    for c in h.chars() {
        match c {
            '(' | '[' | '【' => depth += 1,
            ')' | ']' | '】' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// What a header names: a field, an identity column, or nothing known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Field(Field),
    Identity,
}

/// Recognises one header cell, as written (县(区)) or without its units (劳动力（人）).
pub fn recognise(header: &str) -> Option<Named> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    let bare = without_brackets(&h);
    let find = |h: &str| {
        COLUMNS.iter().find(|(_, zh, aliases, _)| normalise(zh) == h || aliases.iter().any(|a| normalise(a) == h))
    };
    // A field's own name first: 家庭成员数 is the household's size, not its members' names.
    if let Some(c) = find(&h) {
        return Some(Named::Field(c.0));
    }
    if IDENTITY.iter().any(|w| h.contains(w)) || IDENTITY_WHOLE.iter().any(|w| h == *w || bare == *w) {
        return Some(Named::Identity);
    }
    find(&bare).map(|c| Named::Field(c.0))
}

/// How a sheet's header maps to fields.
#[derive(Debug, Default)]
pub struct Header {
    /// Column index per field.
    pub fields: Vec<(Field, usize)>,
    /// Identity columns found (their headers, which are not personal data).
    pub identity: Vec<String>,
    /// Columns neither used nor identity, ignored (their headers, group / column).
    pub ignored: Vec<String>,
    /// Required columns missing.
    pub missing: Vec<Field>,
    /// Headers that appear twice.
    pub duplicate: Vec<String>,
    /// Columns read as a field another column is already read as: (field, the first
    /// column's index, this column's index). Which one holds the figure cannot be known,
    /// so the sheet is refused (see `sheet.rs`), never read from the first.
    pub twice: Vec<(Field, usize, usize)>,
    /// Each column's header as shown in summaries (group / column for multi-row headers).
    pub labels: Vec<String>,
}

pub fn is_identity(header: &str) -> bool {
    recognise(header) == Some(Named::Identity)
}

/// Maps a one-row header.
pub fn map_header(cells: &[String]) -> Header {
    let columns: Vec<Vec<String>> = cells.iter().map(|c| vec![c.clone()]).collect();
    map_columns(&columns)
}

/// Maps a header of one or more rows: per column, its header cells from the bottom row
/// up (a group cell such as 劳动力情况 above 劳动力). The lowest cell that names something
/// decides; identity is decided first, so 户主姓名 is identity though it contains 户.
pub fn map_columns(columns: &[Vec<String>]) -> Header {
    let mut out = Header::default();
    for (i, cands) in columns.iter().enumerate() {
        let cands: Vec<&str> = cands.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        let mut label: Vec<&str> = cands.iter().rev().copied().collect();
        label.dedup();
        let label = label.join(" / ");
        out.labels.push(label.clone());
        if cands.is_empty() {
            continue;
        }
        let named = cands.iter().find_map(|c| recognise(c));
        match named {
            Some(Named::Identity) => out.identity.push(label),
            Some(Named::Field(f)) if out.fields.iter().any(|(g, _)| *g == f) => {
                let first = out.fields.iter().find(|(g, _)| *g == f).map_or(0, |&(_, j)| j);
                out.twice.push((f, first, i));
                out.duplicate.push(label)
            }
            Some(Named::Field(f)) => out.fields.push((f, i)),
            None => out.ignored.push(label),
        }
    }
    out.missing = COLUMNS.iter().filter(|c| c.3 && !out.fields.iter().any(|(f, _)| *f == c.0)).map(|c| c.0).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Header {
        map_header(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn chinese_english_and_identity() {
        let m = h(&[
            "\u{feff}统计期",
            "city",
            "县（区）",
            "安置点",
            "楼栋",
            "户主姓名",
            "身份证号",
            "手机号",
            "户人数",
            "备注",
        ]);
        assert_eq!(
            m.fields.iter().map(|f| f.0).collect::<Vec<_>>(),
            [Field::Period, Field::City, Field::County, Field::Site, Field::Building, Field::Size]
        );
        assert_eq!(m.identity, ["户主姓名", "身份证号", "手机号"]);
        assert_eq!(m.ignored, ["备注"]);
        assert!(m.missing.is_empty());
    }

    #[test]
    fn units_line_breaks_and_groups() {
        let m = map_columns(&[
            vec!["劳动力\n（人）".into()],
            vec!["外出务工(人)".into(), "劳动力情况".into()],
            vec!["风险等级\n（红/黄/绿）".into(), "防返贫监测".into()],
            vec!["户主\n姓名".into()],
            vec!["县（区）".into()],
            vec!["人数".into(), "劳动力".into()],
            vec!["备注".into()],
        ]);
        assert_eq!(
            m.fields,
            [(Field::Labour, 0), (Field::Away, 1), (Field::RiskColour, 2), (Field::County, 4)],
            "a group cell that names a field counts only when the column has no name of its own"
        );
        assert_eq!(m.duplicate, ["劳动力 / 人数"]);
        assert_eq!(m.identity, ["户主\n姓名"]);
        assert_eq!(m.ignored, ["备注"]);
    }

    #[test]
    fn missing_and_duplicate_columns() {
        let m = h(&["统计期", "市", "市", "楼栋"]);
        assert_eq!(m.duplicate, ["市"]);
        assert_eq!(m.twice, [(Field::City, 1, 2)]);
        assert_eq!(m.missing, [Field::County, Field::Site, Field::Size]);
        let m = h(&["户人数", "楼栋", "家庭人口"]);
        assert_eq!(m.twice, [(Field::Size, 0, 2)], "synonyms are one field");
    }

    #[test]
    fn identity_headers_by_their_header_only() {
        for x in [
            "公民身份号码",
            "联系人",
            "家庭成员",
            "成员姓名",
            "ID",
            "ID number",
            "ID No.",
            "id（18位）",
            "Contact",
            "Contact phone",
            "Phone",
            "Name",
            "Member name",
        ] {
            assert_eq!(recognise(x), Some(Named::Identity), "{x}");
        }
        for (x, f) in [
            ("grid", Field::Grid),
            ("网格", Field::Grid),
            ("household_size", Field::Size),
            ("家庭成员数", Field::Size),
            ("家庭成员人数", Field::Size),
        ] {
            assert_eq!(recognise(x), Some(Named::Field(f)), "{x}");
        }
        assert_eq!(recognise("序号"), None);
    }
}
