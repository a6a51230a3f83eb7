//! A row's problems, and the one rule for what of a cell's value a message may show.
//! A register's cells hold names, ID numbers and phones; a value that lands in a data
//! column (a phone typed into 户人数, an ID number into 统计期, a name into 风险等级) must
//! not come out in a message. So a problem never keeps the raw value: [`seen`] decides,
//! and what cannot be shown is described by its shape ("11 位数字" / "an 11-digit number").

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Missing,
    NotANumber,
    Negative,
    NotWhole,
    TooLarge,
    BadPeriod,
    AmbiguousPeriod,
    BadRisk,
    BadYesNo,
    Inconsistent,
    FieldCount,
    Encoding,
    /// A comma that is not a thousands separator (1,2 or 12,34; 1.234,5 written the
    /// European way): which number was meant cannot be known.
    Separator,
    /// Scientific notation typed as text (1e1): no office writes a count so; it is a
    /// number that Excel turned into text, or a typing slip.
    Scientific,
    /// More people of one household than [`crate::values::MAX_HOUSEHOLD_PEOPLE`].
    Implausible,
    /// A place's name holding a number that could be a person's ([`personal_number`]):
    /// names are published as they are, so it is refused, never written out.
    PersonalNumber,
}

impl Kind {
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Missing => "必填项为空（或只写了“/”“无”）",
            Kind::NotANumber => "不是数字",
            Kind::Negative => "不能为负数",
            Kind::NotWhole => "应为整数",
            Kind::TooLarge => "数值过大",
            Kind::BadPeriod => "统计期无效",
            Kind::AmbiguousPeriod => {
                "统计期可能是1月也可能是10月（Excel 把 2025.10 存成 2025.1）：请写作 2025-01 或 2025-10"
            }
            Kind::BadRisk => "风险等级应为红、黄或绿",
            Kind::BadYesNo => "应为“是”或“否”",
            Kind::Inconsistent => "与同一行其他数字矛盾",
            Kind::FieldCount => "列数与表头不符",
            Kind::Encoding => "文字编码无效",
            Kind::Separator => "逗号只能作千分位（如 12,345 或 1,234.5）：请删去逗号写出完整数字，小数点用“.”",
            Kind::Scientific => "不能用科学计数法（如 1e1）：请写出完整数字",
            Kind::Implausible => "超过一户的合理人数",
            Kind::PersonalNumber => "地名中有像电话或身份证号的长串数字（地名会公开显示）：请在此列写地名",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Kind::Missing => "a required value is empty (or only \"/\", \"无\")",
            Kind::NotANumber => "not a number",
            Kind::Negative => "must not be negative",
            Kind::NotWhole => "must be a whole number",
            Kind::TooLarge => "too large",
            Kind::BadPeriod => "invalid period",
            Kind::AmbiguousPeriod => {
                "the period may be January or October (Excel stores 2025.10 as 2025.1): write 2025-01 or 2025-10"
            }
            Kind::BadRisk => "risk colour must be red, yellow or green",
            Kind::BadYesNo => "must be yes or no",
            Kind::Inconsistent => "contradicts other numbers in the row",
            Kind::FieldCount => "the number of cells differs from the header",
            Kind::Encoding => "invalid text encoding",
            Kind::Separator => {
                "a comma may only separate thousands (12,345 or 1,234.5): write the number without commas, with \".\" for the decimal point"
            }
            Kind::Scientific => "scientific notation (such as 1e1) is not read: write the number out",
            Kind::Implausible => "more people than one household plausibly has",
            Kind::PersonalNumber => {
                "a place name holding a long number, like a phone or an ID number (place names are published): write the place's name in this column"
            }
        }
    }
}

/// What a message may show of a cell's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seen {
    /// The value itself: it cannot be personal.
    Text(String),
    /// Only its shape, in Chinese and English.
    Shape { zh: String, en: String },
}

/// The most characters a shown value has.
const SHOWN_CHARS: usize = 12;
/// The most digits in one run, and in all, of a shown value: a phone number has 11, an ID
/// number 18, a bank card 16–19, a landline 7–8; a count, an amount or a date
/// (2025-06-31) has fewer.
const SHOWN_DIGIT_RUN: usize = 6;
const SHOWN_DIGITS: usize = 8;
/// The most Latin letters in a shown value ("1e1", "abc"): a name in pinyin has more.
const SHOWN_LETTERS: usize = 3;

/// Decides what of a cell's value a message may show: the value when it cannot be
/// personal (short ASCII such as "1,2", "3.5", "-1", "2025/13", an Excel error such as
/// "#DIV/0!"), else its shape. Every located problem that names a value goes through
/// here; no Chinese text, no space and no long run of digits is ever shown.
pub fn seen(raw: &str) -> Seen {
    let t = raw.trim();
    let signs = |c: char| matches!(c, '.' | ',' | '-' | '+' | '/' | '#' | '%' | ':' | '(' | ')' | '!' | '?' | '_');
    let excel_error = t.starts_with('#') && t.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || signs(c));
    let letters = t.chars().filter(char::is_ascii_alphabetic).count();
    let (longest, digits) = digit_runs(t);
    let safe = t.chars().count() <= SHOWN_CHARS
        && t.chars().all(|c| c.is_ascii_alphanumeric() || signs(c))
        && (letters <= SHOWN_LETTERS || excel_error)
        && longest <= SHOWN_DIGIT_RUN
        && digits <= SHOWN_DIGITS;
    if safe {
        Seen::Text(t.to_string())
    } else {
        shape(t)
    }
}

/// The longest run of digits in `t` and the digits in all; full-width digits (１３８…)
/// count, as a person reads them.
fn digit_runs(t: &str) -> (usize, usize) {
    let (mut run, mut longest, mut digits) = (0usize, 0usize, 0usize);
    for c in t.chars() {
        let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
        run = if digit { run + 1 } else { 0 };
        digits += usize::from(digit);
        longest = longest.max(run);
    }
    (longest, digits)
}

/// The most digits a place's name may have in all: a phone written with dashes or spaces
/// (138-0013-8000) has 11.
const PLACE_DIGITS: usize = 10;

/// Whether a place's name holds a number that could be a person's: more digits in one run
/// than a message may show (a landline has 7–8, a phone 11, an ID number 15 or 18, a bank
/// card 16–19), or more than [`PLACE_DIGITS`] in all. Building and grid names (12栋,
/// 第3网格, 2号楼1单元) have a few.
pub fn personal_number(name: &str) -> bool {
    let (longest, digits) = digit_runs(name);
    longest > SHOWN_DIGIT_RUN || digits > PLACE_DIGITS
}

fn han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

/// A value's shape: how many characters, and of which kinds.
fn shape(t: &str) -> Seen {
    let n = t.chars().count();
    let all = |p: fn(char) -> bool| t.chars().all(p);
    if all(|c| c.is_ascii_digit()) {
        let article = if n == 8 || n == 11 || n == 18 || (80..90).contains(&n) { "an" } else { "a" };
        return Seen::Shape { zh: format!("{n} 位数字"), en: format!("{article} {n}-digit number") };
    }
    let plural = if n == 1 { "" } else { "s" };
    if all(han) {
        return Seen::Shape { zh: format!("{n} 个汉字"), en: format!("{n} Chinese character{plural}") };
    }
    let kinds: [(bool, &str, &str); 5] = [
        (t.chars().any(|c| c.is_ascii_digit()), "数字", "digits"),
        (t.chars().any(han), "汉字", "Chinese characters"),
        (t.chars().any(|c| c.is_alphabetic() && !han(c)), "字母", "letters"),
        (t.chars().any(char::is_whitespace), "空格", "spaces"),
        (t.chars().any(|c| !c.is_alphanumeric() && !c.is_whitespace()), "符号", "signs"),
    ];
    let zh: Vec<&str> = kinds.iter().filter(|k| k.0).map(|k| k.1).collect();
    let en: Vec<&str> = kinds.iter().filter(|k| k.0).map(|k| k.2).collect();
    Seen::Shape {
        zh: format!("{n} 个字符：{}", zh.join("、")),
        en: format!("{n} character{plural}: {}", en.join(", ")),
    }
}

/// A located problem with a row. It keeps what [`seen`] lets it show of the cell's
/// value, never the value itself when that could be personal.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub file: String,
    pub row: u64,
    pub column: String,
    /// The cell's value, when it may be shown; empty when only its shape may be.
    pub value: String,
    /// The value's shape (Chinese, English), when the value itself may not be shown.
    pub shape: Option<(String, String)>,
    pub kind: Kind,
    /// What exactly, when the kind alone does not say (for Inconsistent).
    pub detail_zh: String,
    pub detail_en: String,
}

impl RowProblem {
    /// A problem with the cell `raw` (trimmed, shown only as [`seen`] allows).
    pub fn new(file: &str, row: u64, column: &str, raw: &str, kind: Kind) -> RowProblem {
        let (value, shape) = match seen(raw) {
            Seen::Text(t) => (t, None),
            Seen::Shape { zh, en } => (String::new(), Some((zh, en))),
        };
        RowProblem {
            file: file.to_string(),
            row,
            column: column.to_string(),
            value,
            shape,
            kind,
            detail_zh: String::new(),
            detail_en: String::new(),
        }
    }

    /// With what exactly is wrong, in each language.
    pub fn detail(self, zh: impl Into<String>, en: impl Into<String>) -> RowProblem {
        RowProblem { detail_zh: zh.into(), detail_en: en.into(), ..self }
    }

    /// The value as a message shows it: quoted, or its shape in brackets.
    fn value_zh(&self) -> String {
        match &self.shape {
            Some((zh, _)) => format!("（{zh}）"),
            None => format!("\"{}\"", self.value),
        }
    }
    fn value_en(&self) -> String {
        match &self.shape {
            Some((_, en)) => format!("({en})"),
            None => format!("\"{}\"", self.value),
        }
    }

    /// The problem in each language, each naming the file (as `Display` does in both at
    /// once): the row, the column, the value as [`seen`] allows, and what is wrong.
    pub fn said(&self) -> anju_data::import::Said {
        anju_data::import::Said::new(
            format!(
                "{} 第{}行 [{}] {}: {}{}",
                self.file,
                self.row,
                self.column,
                self.value_zh(),
                self.kind.zh(),
                self.detail_zh
            ),
            format!(
                "{}: row {} column {} value {}: {}{}",
                self.file,
                self.row,
                self.column,
                self.value_en(),
                self.kind.en(),
                self.detail_en
            ),
        )
    }
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} 第{}行 [{}] {}: {}{} / row {} column {} value {}: {}{}",
            self.file,
            self.row,
            self.column,
            self.value_zh(),
            self.kind.zh(),
            self.detail_zh,
            self.row,
            self.column,
            self.value_en(),
            self.kind.en(),
            self.detail_en
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(s: &str) -> (String, String) {
        match seen(s) {
            Seen::Shape { zh, en } => (zh, en),
            Seen::Text(t) => panic!("shown: {t}"),
        }
    }

    #[test]
    fn only_values_that_cannot_be_personal_are_shown() {
        for s in ["1,2", "3.5", "-1", "#ERROR", "#DIV/0!", "2025/13", "2025-06-31", "1e1", "abc", "999999", ""] {
            assert_eq!(seen(s), Seen::Text(s.to_string()), "{s}");
        }
        assert_eq!(shape("13712345678"), ("11 位数字".into(), "an 11-digit number".into()));
        assert_eq!(shape("张翠兰"), ("3 个汉字".into(), "3 Chinese characters".into()));
        assert_eq!(
            shape("52000019970101147X"),
            ("18 个字符：数字、字母".into(), "18 characters: digits, letters".into())
        );
        assert_eq!(shape("520000199801011488").0, "18 位数字");
        for s in ["138-1234-5678", "138 1234 5678", "88123456", "ZhangWei", "Li Na", "红", "张三13800000000"] {
            assert!(matches!(seen(s), Seen::Shape { .. }), "{s}");
        }
    }

    #[test]
    fn a_problem_keeps_no_personal_value() {
        let p = RowProblem::new("a.csv", 2, "户人数", " 13712345678 ", Kind::TooLarge);
        assert_eq!((p.value.as_str(), p.shape.is_some()), ("", true));
        let text = format!("{p} {} {}", p.said().zh, p.said().en);
        assert!(!text.contains("1371234"), "{text}");
        assert!(text.contains("11 位数字") && text.contains("an 11-digit number"), "{text}");
        let p = RowProblem::new("a.csv", 2, "户人数", "1,2", Kind::Separator);
        assert!(p.to_string().contains("[户人数] \"1,2\""), "{p}");
    }
}
