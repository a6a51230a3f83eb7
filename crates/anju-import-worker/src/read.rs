//! A picked file read synchronously, a megabyte at a time (`FileReaderSync`, which only
//! workers have): the reader sees a `std::io::Read`, and the page sees bytes go by.

use js_sys::Uint8Array;
use web_sys::{File, FileReaderSync};

/// Bytes read at a time.
const CHUNK: u64 = 1 << 20;

/// A `File` as a `std::io::Read`; `seen` is told the bytes read so far after each chunk.
pub struct FileRead<'a> {
    file: &'a File,
    size: u64,
    pos: u64,
    chunk: Vec<u8>,
    at: usize,
    seen: &'a dyn Fn(u64),
}

impl<'a> FileRead<'a> {
    pub fn new(file: &'a File, seen: &'a dyn Fn(u64)) -> FileRead<'a> {
        FileRead { file, size: file.size() as u64, pos: 0, chunk: Vec::new(), at: 0, seen }
    }
}

/// The bytes of `file` from `start`, at most `CHUNK` of them.
fn chunk(file: &File, start: u64, size: u64) -> std::io::Result<Vec<u8>> {
    let end = (start + CHUNK).min(size);
    let part = file.slice_with_f64_and_f64(start as f64, end as f64).map_err(js_error)?;
    let buf = FileReaderSync::new().map_err(js_error)?.read_as_array_buffer(&part).map_err(js_error)?;
    Ok(Uint8Array::new(&buf).to_vec())
}

fn js_error(e: wasm_bindgen::JsValue) -> std::io::Error {
    // The browser's words for why a file cannot be read (moved, no permission): no
    // content of the file.
    let text = js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string());
    std::io::Error::other(text.unwrap_or_else(|| "文件无法读取 / the file cannot be read".into()))
}

impl std::io::Read for FileRead<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.chunk.len() {
            if self.pos >= self.size {
                return Ok(0);
            }
            self.chunk = chunk(self.file, self.pos, self.size)?;
            self.at = 0;
            self.pos += self.chunk.len() as u64;
            (self.seen)(self.pos);
            if self.chunk.is_empty() {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Whether two files of one size hold the same bytes (compared a chunk at a time).
pub fn same_bytes(a: &File, b: &File) -> bool {
    let size = a.size() as u64;
    if size != b.size() as u64 {
        return false;
    }
    let mut at = 0;
    while at < size {
        match (chunk(a, at, size), chunk(b, at, size)) {
            (Ok(x), Ok(y)) if x == y && !x.is_empty() => at += x.len() as u64,
            _ => return false,
        }
    }
    true
}
