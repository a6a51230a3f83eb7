//! Sorting through one compiled copy of the sort. Each call of `slice::sort_by` with its
//! own comparison compiles its own copy of the standard library's stable sort (3–4 KB of
//! wasm each, six of them in the app, issue 18); sorting positions with the comparison
//! passed by reference compiles the sort once, whatever is sorted.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (equal items keep their order), exactly as
/// `slice::sort_by` would.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    positions(&mut order, &|a, b| cmp(&v[a], &v[b]));
    let mut items: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    // `order` is a permutation of the positions, so each is taken once.
    v.extend(order.into_iter().filter_map(|i| items[i].take()));
}

/// The one copy of the sort: positions, by a comparison of the items at them.
#[inline(never)]
fn positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn as_the_standard_stable_sort(v in prop::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut expected = v.clone();
            expected.sort_by_key(|a| a.0);
            let mut got = v;
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(got, expected);
        }
    }
}
