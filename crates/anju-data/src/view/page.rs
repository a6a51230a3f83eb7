//! Paging a long table (a grid of a thousand buildings): which rows a page holds.

/// Rows per page of the children table.
pub const PAGE_SIZE: usize = 100;

/// One page of `total` rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// The page shown, from 1: the one asked for, or the last when that is past the end.
    pub number: usize,
    pub pages: usize,
    /// The rows shown: `start..end`.
    pub start: usize,
    pub end: usize,
}

/// The page `asked` (from 1; `None` is the first) of `total` rows, `size` to a page.
pub fn page(total: usize, asked: Option<u32>, size: usize) -> Page {
    let size = size.max(1);
    let pages = total.div_ceil(size).max(1);
    let number = (asked.unwrap_or(1).max(1) as usize).min(pages);
    let start = (number - 1) * size;
    Page { number, pages, start, end: (start + size).min(total) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pages_of_a_thousand() {
        assert_eq!(page(1000, None, 100), Page { number: 1, pages: 10, start: 0, end: 100 });
        assert_eq!(page(1000, Some(10), 100), Page { number: 10, pages: 10, start: 900, end: 1000 });
        assert_eq!(page(1001, Some(11), 100), Page { number: 11, pages: 11, start: 1000, end: 1001 });
        // Past the end (the filter left fewer rows): the last page.
        assert_eq!(page(150, Some(9), 100), Page { number: 2, pages: 2, start: 100, end: 150 });
        assert_eq!(page(0, Some(3), 100), Page { number: 1, pages: 1, start: 0, end: 0 });
    }

    proptest! {
        #[test]
        fn every_row_is_on_exactly_one_page(total in 0usize..5000, size in 1usize..300) {
            let mut next = 0;
            let pages = page(total, None, size).pages;
            for n in 1..=pages {
                let p = page(total, Some(n as u32), size);
                prop_assert_eq!(p.start, next);
                prop_assert!(p.end <= total && p.end - p.start <= size);
                next = p.end;
            }
            prop_assert_eq!(next, total);
        }
    }
}
