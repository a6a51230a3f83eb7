//! CSV export: UTF-8 with a byte-order mark so that Excel opens Chinese correctly; the
//! csv crate does the quoting; [`crate::model::sheet`] gives the cells (numbers plain,
//! text guarded against formulas).

use crate::model::sheet::Sheet;

/// The file's bytes: BOM, header, rows.
pub fn csv_bytes(sheet: &Sheet) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut out);
        // Writing to memory cannot fail; a record of the wrong length would, and none is.
        for r in sheet.records() {
            let _ = w.write_record(&r);
        }
        let _ = w.flush();
    }
    out
}

/// Offers `bytes` as a CSV download named `filename`.
pub fn download(filename: &str, bytes: &[u8]) {
    download_as(filename, bytes, "text/csv;charset=utf-8");
}

/// A download name built from a place's name: the stem made safe, the extension kept.
pub fn safe_filename(filename: &str) -> String {
    match filename.rsplit_once('.') {
        Some((stem, ext)) if ext.len() <= 4 => format!("{}.{ext}", anju_data::text::file_stem(stem)),
        _ => anju_data::text::file_stem(filename),
    }
}

/// Offers `bytes` of type `mime` as a download named `filename`.
pub fn download_as(filename: &str, bytes: &[u8], mime: &str) {
    offer(filename, &js_sys::Uint8Array::from(bytes), mime);
}

/// Offers `bytes` (already in a JavaScript buffer) of type `mime` as a download named
/// `filename`.
pub fn offer(filename: &str, bytes: &js_sys::Uint8Array, mime: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(bytes);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = doc.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(&safe_filename(filename));
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sheet::Cell;

    #[test]
    fn bom_header_and_quoting() {
        let sheet = Sheet {
            header: vec!["名称".into(), "人口（人）".into()],
            rows: vec![vec![Cell::Text("a,\"b\"".into()), Cell::Int(1234)]],
        };
        let b = csv_bytes(&sheet);
        assert_eq!(&b[..3], &[0xEF, 0xBB, 0xBF]);
        assert_eq!(std::str::from_utf8(&b[3..]).unwrap(), "名称,人口（人）\n\"a,\"\"b\"\"\",1234\n");
    }

    #[test]
    fn only_text_is_guarded_against_formulas() {
        let rows = vec![
            vec![Cell::Text("=HYPERLINK(\"http://x\")".into())],
            vec![Cell::Text("-5%".into())],
            vec![Cell::Fixed(-3.5, 2)],
            vec![Cell::Hidden],
            vec![Cell::Empty],
        ];
        let b = csv_bytes(&Sheet { header: vec!["名称".into()], rows });
        assert_eq!(
            std::str::from_utf8(&b[3..]).unwrap(),
            "名称\n\"'=HYPERLINK(\"\"http://x\"\")\"\n'-5%\n-3.50\n*\n\"\"\n"
        );
    }
}
