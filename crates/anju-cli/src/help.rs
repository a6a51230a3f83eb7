//! `anju --help` in Chinese (the default) or English (`--en`): one table of help texts
//! applied to the command, and the column list read from the columns table itself
//! (`anju_import::columns::COLUMNS`), so the help can never list a column the reader does
//! not know.

use anju_import::columns::COLUMNS;
use clap::Command;

/// (subcommand, argument; "" for the subcommand itself, Chinese, English)
const TEXTS: &[(&str, &str, &str, &str)] = &[
    ("", "", "安居：把户级台账汇总为数据大屏所用的数据", "Anju: household registers (台账) to dashboard data"),
    (
        "aggregate",
        "",
        "汇总台账（CSV：UTF-8 或 GBK；XLSX、XLS、XLSB、ODS、ET）为安居数据，只输出统计数字，身份信息列从不读取",
        "Aggregate registers (CSV in UTF-8 or GBK; XLSX, XLS, XLSB, ODS, ET) into Anju's data; counts only, identity columns never read",
    ),
    (
        "aggregate",
        "input",
        "台账文件，或装有台账的文件夹（含子文件夹）",
        "Register files, or folders of them (sub-folders too)",
    ),
    ("aggregate", "out", "要写入的数据文件夹（整体替换，中途失败不留半份数据）", "The dataset folder to write (replaced atomically)"),
    ("aggregate", "encoding", "CSV 的文字编码；auto：是 UTF-8 就按 UTF-8，否则按 GBK", "CSV text encoding; auto: UTF-8 when valid, else GBK"),
    (
        "aggregate",
        "period",
        "没有“统计期”列、标题行/工作表名/文件名中也没有统计期时所用的月份，如 2025-06",
        "The month for sheets with no 统计期 column and none in a title row, the sheet's or the file's name (2025-06)",
    ),
    (
        "aggregate",
        "place",
        "没有地点列时所用的地点，从市写起：毕节市/织金县/平远新城安置点[/惠泽社区[/第3网格]]；在其余台账中只有一处时，也可只写安置点（或 县/安置点）",
        "The place for sheets with no place columns, from the city down: 毕节市/织金县/平远新城安置点[/惠泽社区[/第3网格]]; or the site alone (or county/site) when the other registers name only one such place",
    ),
    ("aggregate", "strict", "遇到第一个有问题的行或文件即停止，不写入", "Stop at the first bad row or file; write nothing"),
    (
        "aggregate",
        "aliases",
        "地名合并表（CSV，每行“别名,标准名”，如 平远新城,平远新城安置点）",
        "A CSV of place names to merge, one variant,canonical per line (平远新城,平远新城安置点)",
    ),
    (
        "aggregate",
        "allow_split",
        "同一楼栋同一月份出现在两个文件（或一个工作簿的两个工作表）中时相加（该楼分几处登记），而不是当作副本拒绝",
        "Sum a building and month found in two files, or two sheets of a workbook (registered in parts), instead of refusing them as a copy",
    ),
    ("aggregate", "title", "数据集标题", "The dataset's title"),
    ("aggregate", "en", "只用英文输出", "Print messages in English only"),
    (
        "inspect",
        "",
        "逐个工作表显示台账是如何被理解的（表头行、列的对应、各类行数、统计期和地点的来源、前几个问题），不汇总",
        "Show how each sheet is understood (header rows, columns, rows by kind, where period and place came from, the first problems), without aggregating",
    ),
    ("inspect", "files", "台账文件", "Register files"),
    ("inspect", "period", "同 aggregate", "As for aggregate"),
    ("inspect", "place", "同 aggregate", "As for aggregate"),
    ("inspect", "encoding", "同 aggregate", "As for aggregate"),
    ("inspect", "en", "只用英文输出", "Print messages in English only"),
    ("gen-registers", "", "生成测试和基准用的合成台账", "Generate synthetic registers for tests and benchmarks"),
    (
        "geo",
        "",
        "为地图准备边界：按名称把 GeoJSON 边界对应到数据集的县（含改名对照），相邻区域共用边线后再简化，写入数据旁的地图文件",
        "Prepare the map's boundaries: GeoJSON matched to the dataset's counties by name (renamings included), simplified with shared borders kept shared, written as map files beside the data",
    ),
    ("geo", "boundaries", "GeoJSON 边界文件，每个文件为一个市的各县", "GeoJSON boundary files, one city's counties each"),
    ("geo", "dataset", "数据文件夹（含 index.json）", "The dataset folder (holding index.json)"),
    ("geo", "alias", "改名对照：旧名=新名，如 盘县=盘州市（可多次给出；常见改名已内置）", "A renaming, old=new, as 盘县=盘州市 (repeatable; common ones are built in)"),
    ("geo", "source_title", "边界数据的来源（随地图注明）", "Where the boundaries come from (cited with the map)"),
    ("geo", "licence", "边界数据的许可，如 MIT", "The boundaries' licence, as MIT"),
    ("geo", "source_publisher", "来源的发布者", "The source's publisher"),
    ("geo", "source_date", "来源的发布日期", "The source's date"),
    ("geo", "source_id", "来源在 dataset.sources 中的编号", "The source's id in dataset.sources"),
    ("geo", "tolerance", "简化容差，单位为网格（每个文件横向 10000 格）", "Simplification tolerance in grid units (10,000 across a file)"),
    ("geo", "en", "只用英文输出", "Print messages in English only"),
    ("geo", "site_locations", "安置点位置表（CSV：编号、经度、纬度三列；UTF-8 或 GBK），画在所在县的地图上", "A table of site locations (CSV: id, longitude, latitude; UTF-8 or GBK), drawn on their county's map"),
    ("geo", "synthesise_sites", "为演示数据在各县边界内生成示意位置（地图上注明为合成）", "For demo data: make up site locations inside each county (marked synthesised on the map)"),
];

/// The columns the reader knows, for `aggregate --help`.
fn columns(en: bool) -> String {
    let mut s = String::from(if en {
        "Columns (* required; any order):\n"
    } else {
        "可识别的列（* 为必需；顺序不限）：\n"
    });
    for (_, zh, aliases, required) in COLUMNS {
        let mark = if *required { "*" } else { " " };
        s.push_str(&format!("  {mark} {zh}（{}）\n", aliases.join("、")));
    }
    s
}

fn after_help(en: bool) -> String {
    let (lead, example, more, exit) = if en {
        (
            "Other columns are listed and ignored; identity columns (姓名, 身份证号, 电话 …) are never read.",
            "Example:\n  anju aggregate --input 台账/ --out public/data",
            "Template: docs/templates/register-template.csv; details: docs/registers.md",
            "Exit codes: 0 all read; 2 written, but rows or files refused (listed); 1 nothing written",
        )
    } else {
        (
            "其他列会列出并忽略；身份信息列（姓名、身份证号、电话等）从不读取。",
            "示例：\n  anju aggregate --input 台账/ --out public/data",
            "模板：docs/templates/register-template.csv；说明：docs/registers.md",
            "退出码：0 全部读取；2 已写入，但有行或文件被拒绝（已列出）；1 未写入任何数据",
        )
    };
    format!("{}{lead}\n\n{example}\n\n{more}\n{exit}", columns(en))
}

/// The command with its help in one language.
pub fn localise(cmd: Command, en: bool) -> Command {
    let pick = |zh: &'static str, e: &'static str| if en { e } else { zh };
    let mut cmd = cmd;
    for &(sub, arg, zh, e) in TEXTS {
        let text = pick(zh, e);
        cmd = match (sub, arg) {
            ("", _) => cmd.about(text),
            (sub, "") => cmd.mut_subcommand(sub, |c| c.about(text)),
            (sub, arg) => cmd.mut_subcommand(sub, |c| c.mut_arg(arg, |a| a.help(text))),
        };
    }
    cmd.mut_subcommand("aggregate", |c| c.after_help(after_help(en)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_text_per_argument_in_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for (sub, arg, zh, en) in super::TEXTS {
            assert!(seen.insert((sub, arg)), "{sub} {arg} twice");
            assert!(!zh.is_empty() && !en.is_empty());
        }
    }
}
