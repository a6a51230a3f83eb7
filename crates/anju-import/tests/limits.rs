//! Oversized and hostile files are refused with their location before they can exhaust
//! memory: a sheet whose used range spans the whole grid, a cell over Excel's text limit,
//! an ODS whose repeated rows expand to billions of cells, a CSV row of megabytes, a
//! workbook of thousands of sheets. Each message names the file (and the sheet or row)
//! and what to change.

use anju_import::{limits, read, FileError, Options};
use rust_xlsxwriter::Workbook;
use std::io::{Read, Write};

fn refuse(name: &str, bytes: &[u8]) -> String {
    match read(name, bytes, &Options::default(), &mut |_| {}) {
        Err(e @ FileError::TooLarge { .. }) => e.to_string(),
        other => panic!("{name}: expected a refusal, got {other:?}"),
    }
}

/// A register's header and one household, on a sheet named 一栋.
fn book(extra: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("一栋").unwrap();
    for (c, h) in ["统计期", "市", "县", "安置点", "楼栋", "户人数"].iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["2025-06", "毕节市", "织金县", "平远新城", "1栋", "3"].iter().enumerate() {
        ws.write(1, c as u16, *v).unwrap();
    }
    extra(ws);
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_used_range_over_the_whole_grid_is_refused_by_its_corners() {
    let bytes = book(|ws| {
        ws.write(1_048_575, 16_383, "x").unwrap();
    });
    let msg = refuse("远处.xlsx", &bytes);
    assert!(msg.starts_with("远处.xlsx [一栋]: "), "{msg}");
    assert!(msg.contains("A1:XFD1048576") && msg.contains("请删去表格以外远处的内容"), "{msg}");
}

/// Rewrites one part of a zip (a placeholder in the shared strings, say).
fn patch(bytes: &[u8], part: &str, from: &str, to: &str) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut body = String::new();
        f.read_to_string(&mut body).unwrap();
        if name == part {
            body = body.replace(from, to);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(body.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_cell_over_excels_text_limit_is_refused_by_its_address() {
    let bytes = book(|ws| {
        ws.write(1, 6, "@@BIG@@").unwrap();
    });
    let big = "x".repeat(limits::MAX_TEXT + 1);
    let bytes = patch(&bytes, "xl/sharedStrings.xml", "@@BIG@@", &big);
    let msg = refuse("长文字.xlsx", &bytes);
    assert!(msg.contains("[一栋]") && msg.contains("单元格 G2") && msg.contains("32767"), "{msg}");
    assert!(!msg.contains("xxxxxxxxxx"), "the text itself is never echoed: {msg}");
}

#[test]
fn an_ods_whose_repeats_expand_past_the_limit_is_refused_before_it_is_expanded() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>
<table:table table:name="炸弹"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"#;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    z.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(content.as_bytes()).unwrap();
    let bytes = z.finish().unwrap().into_inner();
    let msg = refuse("重复.ods", &bytes);
    assert!(msg.starts_with("重复.ods [炸弹]: 重复的行和格展开后有"), "{msg}");
}

#[test]
fn a_csv_row_of_megabytes_is_refused_by_its_row() {
    let mut csv = "统计期,市,县,安置点,楼栋,户人数\n2025-06,毕节市,织金县,平远新城,1栋,3\n".to_string();
    csv.push_str(&",".repeat(limits::MAX_COLUMNS + 1));
    csv.push('\n');
    let msg = refuse("宽.csv", csv.as_bytes());
    assert!(msg.starts_with("宽.csv: 第3行有"), "{msg}");
}

#[test]
fn a_workbook_of_too_many_sheets_is_refused() {
    let mut wb = Workbook::new();
    for _ in 0..=limits::MAX_SHEETS {
        wb.add_worksheet();
    }
    let msg = refuse("多表.xlsx", &wb.save_to_buffer().unwrap());
    assert!(msg.contains("1001 张工作表"), "{msg}");
}

/// Within the limits, the same workbook reads: the checks do not refuse real registers.
#[test]
fn a_register_within_the_limits_reads() {
    let bytes = book(|ws| {
        ws.write(5_000, 40, "备注").unwrap();
    });
    let mut people = 0;
    read("正常.xlsx", &bytes, &Options::default(), &mut |item| {
        if let anju_import::Item::Household(h) = item {
            people += h.size;
        }
    })
    .unwrap();
    assert_eq!(people, 3);
}

fn format_error(name: &str, bytes: &[u8]) -> String {
    match read(name, bytes, &Options::default(), &mut |_| {}) {
        Err(e @ FileError::Format { .. }) => e.to_string(),
        other => panic!("{name}: expected a format error, got {other:?}"),
    }
}

/// Found by the fuzz target: an XLS whose sector chain loops back. calamine 0.38 follows
/// it until memory runs out; the structure is checked first and the file refused.
#[test]
fn an_xls_whose_sector_chain_loops_is_refused() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile/ole_chain_loop.xls")).unwrap();
    let msg = format_error("循环.xls", &bytes);
    assert!(msg.starts_with("循环.xls: 不是可读的表格"), "{msg}");
}

/// A workbook with a password to open says so, and what to do.
#[test]
fn a_password_protected_workbook_says_so() {
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="900">
  <manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"/>
 </manifest:file-entry>
</manifest:manifest>"#;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    z.start_file("META-INF/manifest.xml", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(manifest.as_bytes()).unwrap();
    z.start_file("content.xml", stored).unwrap();
    z.write_all(&[0x8f; 900]).unwrap();
    let msg = format_error("加密.ods", &z.finish().unwrap().into_inner());
    assert!(msg.contains("文件设置了打开密码：请在 Excel 中取消密码后另存"), "{msg}");
}

/// An XLS whose cell record claims row and column 65,535 (found by the fuzz target as a
/// mutation of a real workbook): calamine 0.38 would allocate 4 billion cells as the
/// workbook opens. The cell records are scanned first and the file refused.
#[test]
fn an_xls_cell_far_outside_the_grid_is_refused_before_the_workbook_opens() {
    let mut bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/formats/two_row_header.xls")).unwrap();
    // The first LABELSST record (type 0x00FD, 10 bytes): its row and column.
    let at = bytes.windows(4).position(|w| w == [0xFD, 0x00, 0x0A, 0x00]).unwrap();
    bytes[at + 4..at + 8].copy_from_slice(&[0xFF; 4]);
    let msg = refuse("远格.xls", &bytes);
    assert!(msg.starts_with("远格.xls: 各工作表用到的区域合计") && msg.contains("另存为 .xlsx"), "{msg}");
}

/// A sheet is read from A1, so its rectangle is measured from A1: one far cell alone
/// (which a first-to-last measure would call one cell) is refused.
#[test]
fn a_single_far_cell_is_measured_from_a1() {
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("一栋").unwrap().write(1_048_575, 16_383, "x").unwrap();
    let msg = refuse("远处.xlsx", &wb.save_to_buffer().unwrap());
    assert!(msg.contains("A1:XFD1048576"), "{msg}");
}

/// A cell the reader cannot read (an error value it does not know, here holding a name)
/// refuses the whole file, naming the sheet and what to do, and never quoting the cell.
#[test]
fn a_sheet_the_reader_cannot_read_refuses_the_file_without_quoting_it() {
    let bytes = book(|ws| {
        ws.write_boolean(1, 6, true).unwrap();
    });
    let bytes = patch(&bytes, "xl/worksheets/sheet1.xml", r#"t="b"><v>1</v>"#, r#"t="e"><v>张测三</v>"#);
    let msg = format_error("坏格.xlsx", &bytes);
    assert!(msg.contains("工作表“一栋”无法读取") && msg.contains("整个文件未计入"), "{msg}");
    assert!(!msg.contains("张测三"), "{msg}");
}
