//! CSV export: UTF-8 with a byte-order mark so that Excel opens Chinese correctly; the
//! csv crate does the quoting, `text::csv_cell` keeps names from being run as formulas.

use anju_data::text::csv_cell;

/// The file's bytes: BOM, header, rows.
pub fn csv_bytes(header: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut out);
        // Writing to memory cannot fail; a record of the wrong length would, and none is.
        let _ = w.write_record(header.iter().map(|c| csv_cell(c).into_owned()));
        for r in rows {
            let _ = w.write_record(r.iter().map(|c| csv_cell(c).into_owned()));
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
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
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

    #[test]
    fn bom_header_and_quoting() {
        let b = csv_bytes(&["名称".into(), "人口".into()], &[vec!["a,\"b\"".into(), "1,234".into()]]);
        assert_eq!(&b[..3], &[0xEF, 0xBB, 0xBF]);
        assert_eq!(std::str::from_utf8(&b[3..]).unwrap(), "名称,人口\n\"a,\"\"b\"\"\",\"1,234\"\n");
    }

    #[test]
    fn a_hostile_name_is_not_a_formula() {
        let b = csv_bytes(&["名称".into()], &[vec!["=HYPERLINK(\"http://x\")".into()], vec!["-5%".into()]]);
        assert_eq!(std::str::from_utf8(&b[3..]).unwrap(), "名称\n\"'=HYPERLINK(\"\"http://x\"\")\"\n-5%\n");
    }
}
