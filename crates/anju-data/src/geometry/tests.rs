//! Geometry files read back as written; a hostile one is refused, located.

use super::*;
use crate::columns::code;
use crate::problem::Check;

/// Arc strings from grid points.
fn arc(points: &[[i64; 2]]) -> String {
    encode_arc(points)
}

/// A ring's arc references, or a label point, as a series string.
fn refs(v: &[i64]) -> String {
    let mut s = String::new();
    code::write(v.iter().map(|&x| i128::from(x)), &mut s);
    s
}

/// Two squares sharing the edge x = 4, as `anju geo` writes them: the edge is one arc,
/// walked forwards by one square and backwards by the other.
fn two_squares() -> serde_json::Value {
    let arcs = [arc(&[[4, 0], [4, 4]]), arc(&[[4, 4], [0, 4], [0, 0], [4, 0]]), arc(&[[4, 0], [8, 0], [8, 4], [4, 4]])];
    serde_json::json!({
        "format": "anju-geo", "version": 1, "node": "p",
        "transform": {"scale": [0.5, 0.5], "translate": [100.0, 20.0]},
        "arcs": arcs,
        "outline": [refs(&[1, 2])],
        "shapes": [{"id": "a", "rings": [refs(&[1, 0])], "label": refs(&[2, 2])}, {"id": "b", "rings": [refs(&[2, -1])], "label": refs(&[6, 2])}]
    })
}

fn problems(doc: &serde_json::Value) -> Vec<(Check, String, Option<String>)> {
    match parse_geo("g.json", doc.to_string().as_bytes()) {
        Ok(_) => Vec::new(),
        Err(ps) => ps.list.into_iter().map(|p| (p.check, p.at.path, p.at.node)).collect(),
    }
}

#[test]
fn a_shared_border_reads_back_the_same_on_both_sides() {
    let g = parse_geo("g.json", two_squares().to_string().as_bytes()).unwrap();
    assert_eq!(g.node, "p");
    let a = &g.shape("a").unwrap().rings[0];
    assert_eq!(a, &vec![[102.0, 22.0], [100.0, 22.0], [100.0, 20.0], [102.0, 20.0], [102.0, 22.0]]);
    let b = &g.shape("b").unwrap().rings[0];
    assert_eq!(b, &vec![[102.0, 20.0], [104.0, 20.0], [104.0, 22.0], [102.0, 22.0], [102.0, 20.0]]);
    assert_eq!(g.outline[0].len(), 7, "the outline goes round both");
    assert_eq!(g.shape("b").unwrap().label, [103.0, 21.0]);
    assert_eq!(g.bounds(), Some([100.0, 20.0, 104.0, 22.0]));
    let ring = std::slice::from_ref(a);
    assert!(contains(ring, [101.0, 21.0]) && !contains(ring, [103.0, 21.0]));
}

#[test]
fn each_fault_is_refused_where_it_is() {
    let geo = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut d = two_squares();
        f(&mut d);
        problems(&d)
    };
    let at = |c: Check, path: &str, node: Option<&str>| vec![(c, path.to_string(), node.map(String::from))];
    assert_eq!(
        geo(&|d| d["shapes"][0]["rings"][0] = refs(&[1, 7]).into()),
        at(Check::Geometry, "$.shapes[0].rings[0] (reference 1)", Some("a"))
    );
    assert_eq!(
        geo(&|d| d["shapes"][0]["rings"][0] = refs(&[1, -8]).into()),
        at(Check::Geometry, "$.shapes[0].rings[0] (reference 1)", Some("a"))
    );
    // Arc 1 ends at (4, 0) and starts at (4, 4): it cannot follow itself.
    assert_eq!(
        geo(&|d| d["shapes"][0]["rings"][0] = refs(&[1, 1]).into()),
        at(Check::Geometry, "$.shapes[0].rings[0] (reference 1)", Some("a"))
    );
    assert_eq!(
        geo(&|d| d["shapes"][0]["rings"][0] = refs(&[1]).into()),
        at(Check::Geometry, "$.shapes[0].rings[0]", Some("a"))
    );
    assert_eq!(
        geo(&|d| d["shapes"][0]["rings"][0] = refs(&[0, -1]).into()),
        at(Check::Geometry, "$.shapes[0].rings[0]", Some("a"))
    );
    assert_eq!(
        geo(&|d| d["shapes"][1]["label"] = refs(&[2, 2]).into()),
        at(Check::Geometry, "$.shapes[1].label", Some("b"))
    );
    assert_eq!(geo(&|d| d["shapes"][1]["id"] = "a".into()), at(Check::Geometry, "$.shapes[1].id", Some("a")));
    assert_eq!(
        geo(&|d| d["shapes"][1]["rings"] = serde_json::json!([])),
        at(Check::Geometry, "$.shapes[1].rings", Some("b"))
    );
    assert_eq!(geo(&|d| d["arcs"][0] = "A!".into()), at(Check::Geometry, "$.arcs[0]", None));
    assert_eq!(geo(&|d| d["arcs"][0] = "AAA".into()), at(Check::Geometry, "$.arcs[0]", None));
    assert_eq!(geo(&|d| d["arcs"][0] = arc(&[[1 << 50, 0]]).into()), at(Check::Geometry, "$.arcs[0]", None));
    assert_eq!(geo(&|d| d["outline"][0] = refs(&[1]).into()), at(Check::Geometry, "$.outline[0]", None));
    assert_eq!(
        geo(&|d| d["shapes"][1]["label"] = refs(&[6]).into()),
        at(Check::Geometry, "$.shapes[1].label", Some("b"))
    );
    assert_eq!(
        geo(&|d| d["shapes"][1]["rings"][0] = "!".into()),
        at(Check::Geometry, "$.shapes[1].rings[0]", Some("b"))
    );
    assert_eq!(geo(&|d| d["transform"]["scale"][0] = 0.into()), at(Check::Geometry, "$.transform", None));
    assert_eq!(geo(&|d| d["format"] = "anju-dataset".into()), at(Check::Format, "$.format", None));
    assert_eq!(geo(&|d| d["version"] = 2.into()), at(Check::Version, "$.version", None));
    assert_eq!(geo(&|d| d["extra"] = 1.into())[0].0, Check::FieldType);
    let syntax = problems_of(b"{\"format\": ");
    assert_eq!(syntax, at(Check::Syntax, "line 1, column 11", None));
}

fn problems_of(bytes: &[u8]) -> Vec<(Check, String, Option<String>)> {
    parse_geo("g.json", bytes).err().unwrap().list.into_iter().map(|p| (p.check, p.at.path, p.at.node)).collect()
}

/// One small arc walked over and over cannot take the page's memory.
#[test]
fn a_ring_past_the_point_cap_is_refused() {
    let mut d = two_squares();
    d["arcs"] = serde_json::json!([arc(&[[0, 0], [4, 0], [4, 4], [0, 0]])]);
    d["outline"] = serde_json::json!([]);
    let walks = MAX_POINTS / 4 + 1;
    d["shapes"] = serde_json::json!([{"id": "a", "rings": [refs(&vec![0; walks])], "label": refs(&[3, 1])}]);
    let ps = problems(&d);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].0, Check::Geometry);
    assert!(ps[0].1.starts_with("$.shapes[0].rings[0] (reference "), "{}", ps[0].1);
}

#[test]
fn points_read_back_in_degrees() {
    let mut d = two_squares();
    d["points"] =
        serde_json::json!([{"id": "s1", "at": refs(&[7, 2]), "synthesised": true}, {"id": "s2", "at": refs(&[1, 1])}]);
    let g = parse_geo("g.json", d.to_string().as_bytes()).unwrap();
    assert_eq!(g.point("s1"), Some(&Point { id: "s1".into(), at: [103.5, 21.0], synthesised: true }));
    assert!(!g.point("s2").unwrap().synthesised, "surveyed unless marked");
}

#[test]
fn a_faulty_point_is_refused_where_it_is() {
    let with = |points: serde_json::Value| {
        let mut d = two_squares();
        d["points"] = points;
        problems(&d).into_iter().map(|(c, path, _)| (c, path)).collect::<Vec<_>>()
    };
    let at = refs(&[1, 1]);
    let geo = |path: &str| vec![(Check::Geometry, path.to_string())];
    assert_eq!(with(serde_json::json!([{"id": "", "at": at}])), geo("$.points[0].id"));
    assert_eq!(with(serde_json::json!([{"id": "s", "at": at}, {"id": "s", "at": at}])), geo("$.points[1].id"));
    assert_eq!(with(serde_json::json!([{"id": "a", "at": at}])), geo("$.points[0].id"), "a shape's id");
    assert_eq!(with(serde_json::json!([{"id": "s", "at": refs(&[1, 1, 1])}])), geo("$.points[0].at"));
    assert_eq!(with(serde_json::json!([{"id": "s", "at": "!"}])), geo("$.points[0].at"));
    assert_eq!(with(serde_json::json!([{"id": "s", "at": at, "lon": 1}]))[0].0, Check::FieldType);
    // Outside the outline (two squares, 0..8 by 0..4): a step past its border is allowed
    // (1 % of its extent, 8 units: 0.08), a place of elsewhere is not.
    assert_eq!(with(serde_json::json!([{"id": "s", "at": refs(&[8, 2])}])), vec![]);
    assert_eq!(with(serde_json::json!([{"id": "s", "at": refs(&[2, 8])}])), geo("$.points[0].at"));
}

/// A file that cannot be read is said in Chinese in the Chinese message, as a dataset's is.
#[test]
fn an_unreadable_file_is_said_in_both_languages() {
    let said = |bytes: &[u8]| {
        let p = parse_geo("g.json", bytes).err().unwrap().list.remove(0);
        (p.message("zh").to_string(), p.message("en").to_string())
    };
    let (zh, en) = said(br#"{"format":"anju-geo"}"#);
    assert!(zh.contains("缺少必填字段") && !zh.contains("missing field"), "{zh}");
    assert!(en.contains("missing field"), "{en}");
    let (zh, en) = said(br#"{"not":"a map"}"#);
    assert!(zh.contains("未知字段 `not`（可用的字段：`format`, `version`") && !zh.contains("unknown"), "{zh}");
    assert!(en.contains("unknown field `not`"), "{en}");
    let (zh, en) = said(br#"{"format": "#);
    assert!(zh.contains("JSON 语法错误") && zh.contains("截断"), "{zh}");
    assert!(en.contains("JSON syntax error"), "{en}");
}
