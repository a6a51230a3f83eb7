//! One building and period in two sheets of a workbook (a copied sheet, "Sheet1 (2)") is
//! refused as it is in two files, unless the person says the building really is split
//! (`--allow-split`, the import view's box); then its households are added up.

use anju_import::aggregate::{AggError, Options, Run};
use rust_xlsxwriter::Workbook;

/// A workbook with one sheet per name, each holding the same three households of 1栋
/// (12 people), or of `building` for the sheet named "other".
fn workbook(sheets: &[&str]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for name in sheets {
        let s = wb.add_worksheet();
        s.set_name(*name).unwrap();
        for (c, h) in ["统计期", "市", "县", "安置点", "楼栋", "户人数"].iter().enumerate() {
            s.write(0, c as u16, *h).unwrap();
        }
        let building = if *name == "other" { "2栋" } else { "1栋" };
        for (r, size) in [3, 4, 5].into_iter().enumerate() {
            let row = r as u32 + 1;
            for (c, v) in ["2025-06", "毕节市", "织金县", "平远新城安置点", building].iter().enumerate() {
                s.write(row, c as u16, *v).unwrap();
            }
            s.write(row, 5, size).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

fn run(bytes: &[u8], allow_split: bool) -> Result<anju_import::aggregate::Summary, AggError> {
    let opts = Options { allow_split, ..Default::default() };
    let mut run = Run::new(&opts);
    run.file("台账.xlsx", bytes, &mut |_| {}).unwrap();
    run.finish(&mut |_| {}).map(|(_, s)| s)
}

#[test]
fn a_copied_sheet_is_refused_naming_both_sheets() {
    let bytes = workbook(&["Sheet1", "Sheet1 (2)"]);
    let Err(AggError::Overlap(s)) = run(&bytes, false) else { panic!("a copied sheet must be refused") };
    assert_eq!(s.overlaps.len(), 1);
    let o = &s.overlaps[0];
    assert_eq!(o.building, "毕节市/织金县/平远新城安置点/1栋");
    assert_eq!((o.first.as_str(), o.second.as_str()), ("台账.xlsx [Sheet1]", "台账.xlsx [Sheet1 (2)]"));
}

#[test]
fn split_on_purpose_adds_up() {
    let s = run(&workbook(&["1单元", "2单元"]), true).unwrap();
    assert_eq!((s.households, s.people), (6, 24));
}

#[test]
fn different_buildings_in_sheets_are_not_an_overlap() {
    let s = run(&workbook(&["Sheet1", "other"]), false).unwrap();
    assert_eq!((s.households, s.people), (6, 24));
    assert!(s.overlaps.is_empty());
}
