//! Registers in random real-world shapes (tests/common/shapes.rs: title rows, two-row
//! headers with group cells, units in headers, shuffled columns, merged place cells, 序号,
//! 小计 and 合计 rows, notes, blank rows, the header repeated after a page break, numbers as text in office forms, periods in any
//! form or only in the title or sheet name, several sheets, hidden and empty sheets)
//! aggregate to exactly the generator's sums, with no row refused, every 小计/合计 adding
//! up, and no name or phone from the notes or identity columns in the output.

mod common;

use anju_cli::registers::{generate, Spec};
use anju_import::EncodingChoice;
use common::shapes::{workbook, Shape};
use common::{aggregate, all_bytes, check_round_trip, load};
use proptest::prelude::*;

fn shape() -> impl Strategy<Value = Shape> {
    (any::<[bool; 12]>(), 0u8..3, any::<u64>()).prop_map(|(b, split, seed)| Shape {
        title_rows: b[0],
        period_in_title: b[1],
        two_row_header: b[2],
        units_in_headers: b[3],
        shuffled: b[4],
        merged_places: b[5],
        subtotals: b[6],
        total_and_notes: b[7],
        blank_rows: b[8],
        repeated_header: b[11],
        text_numbers: b[9],
        split,
        extra_sheets: b[10],
        seed,
    })
}

fn check(shape: &Shape, seed: u64, periods: usize) -> Result<(), TestCaseError> {
    let spec = Spec {
        cities: 1,
        counties_per_city: 2,
        sites_per_county: 2,
        buildings_per_site: 2,
        households_per_building: 6,
        periods,
        seed,
        with_identity: true,
    };
    let mut rows = Vec::new();
    let exp = generate(&spec, &mut |r| rows.push(r.to_vec()));
    let (bytes, secrets) = workbook(&rows, shape);
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("台账.xlsx");
    std::fs::write(&f, bytes).unwrap();
    let out = dir.path().join("out");
    let s = aggregate(vec![f], &out, EncodingChoice::Auto, false).map_err(|e| TestCaseError::fail(format!("{e}")))?;
    prop_assert_eq!(s.bad_rows, 0, "{:?}", s.problems.first().map(|p| p.to_string()));
    prop_assert_eq!((s.households, s.people), (exp.households, exp.people));
    prop_assert!(s.total_checks.is_empty(), "{:?}", s.total_checks);
    prop_assert!(s.refused.is_empty(), "{:?}", s.refused);
    check_round_trip(&load(&out), &exp);
    let mut written = Vec::new();
    all_bytes(&out, &mut written);
    let written = String::from_utf8(written).unwrap();
    for v in exp.identity_values.iter().chain(&secrets) {
        prop_assert!(!written.contains(v.as_str()), "{v} in the output");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_office_shape_aggregates_to_the_generators_sums(shape in shape(), seed in any::<u64>(), periods in 1usize..3) {
        check(&shape, seed, periods)?;
    }
}

/// Every option at once, and none: the two corners.
#[test]
fn the_corners() {
    let all = Shape {
        title_rows: true,
        period_in_title: true,
        two_row_header: true,
        units_in_headers: true,
        shuffled: true,
        merged_places: true,
        subtotals: true,
        total_and_notes: true,
        blank_rows: true,
        repeated_header: true,
        text_numbers: true,
        split: 2,
        extra_sheets: true,
        seed: 7,
    };
    check(&all, 1, 2).unwrap();
    let none = Shape {
        title_rows: false,
        period_in_title: false,
        two_row_header: false,
        units_in_headers: false,
        shuffled: false,
        merged_places: false,
        subtotals: false,
        total_and_notes: false,
        blank_rows: false,
        repeated_header: false,
        text_numbers: false,
        split: 0,
        extra_sheets: false,
        seed: 7,
    };
    check(&none, 1, 2).unwrap();
}
