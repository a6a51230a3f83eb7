//! The import library's entry point must never panic, hang or exhaust memory, whatever
//! the bytes (CSV in any encoding, XLSX, XLS, XLSB, ODS: the kind is sniffed from the
//! bytes): it reads them, or refuses with a located error. Run with libFuzzer's memory
//! limit (`-rss_limit_mb`), so an allocation past the limits in `limits.rs` is a crash.
//!
//! A panic inside the workbook reader (calamine) is contained by the library and the file
//! refused; it is counted and let through here. Any other panic aborts, as libFuzzer's
//! own hook does.
#![no_main]

use anju_import::{read, Item, Options};
use libfuzzer_sys::fuzz_target;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Once;

static CONTAINED: AtomicU64 = AtomicU64::new(0);

fn hook() {
    let fuzzer = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.location().is_some_and(|l| l.file().contains("/calamine-")) {
            if CONTAINED.fetch_add(1, Ordering::Relaxed) % 1000 == 0 {
                eprintln!("contained a panic in the workbook reader at {:?}", info.location());
            }
            return;
        }
        fuzzer(info);
    }));
}

fuzz_target!(|data: &[u8]| {
    static ONCE: Once = Once::new();
    ONCE.call_once(hook);
    let mut households = 0usize;
    let result = read("fuzz.xlsx", data, &Options::default(), &mut |item| {
        if let Item::Household(_) = item {
            households += 1;
        }
    });
    std::hint::black_box(households);
    if let Err(e) = result {
        // Every refusal names the file.
        assert!(e.to_string().starts_with("fuzz.xlsx"), "{e}");
    }
});
