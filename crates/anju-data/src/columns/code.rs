//! The text form of a series in version 2: whole numbers as zigzag varints, five bits a
//! character, in the base64url alphabet (no character needs escaping in JSON). A count
//! series is its first value then the change from each period to the next; an income
//! series (in fen) its first value, its first change, then the change of the change.
//! Month-to-month changes are small, so most take one or two characters (measured in
//! `docs/data-format.md`: with columns, a file is about half its version 1 size).

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// What is wrong with a series string, in words for the validator's message.
pub const MALFORMED: &str = "a malformed series string";

fn zigzag(v: i128) -> u128 {
    ((v << 1) ^ (v >> 127)) as u128
}

fn unzigzag(z: u128) -> i128 {
    ((z >> 1) as i128) ^ -((z & 1) as i128)
}

fn digit(c: u8) -> Option<u128> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    } as u128)
}

/// Appends `values` to `out`.
pub fn write(values: impl IntoIterator<Item = i128>, out: &mut String) {
    for v in values {
        let mut z = zigzag(v);
        loop {
            let low = (z & 31) as usize;
            z >>= 5;
            out.push(DIGITS[low + if z > 0 { 32 } else { 0 }] as char);
            if z == 0 {
                break;
            }
        }
    }
}

/// The numbers in `s`; [`MALFORMED`] for a character outside the alphabet, a number cut
/// short at the end, or one past 125 bits.
pub fn read(s: &str) -> Result<Vec<i128>, &'static str> {
    let mut out = Vec::with_capacity(len(s));
    each(s, |v| {
        out.push(v);
        Ok(())
    })?;
    Ok(out)
}

/// How many numbers a well-formed `s` holds (each ends at a character of the alphabet's
/// first half), so that a reader can take exactly the room they need.
pub fn len(s: &str) -> usize {
    s.bytes().filter(|&c| digit(c).is_some_and(|d| d < 32)).count()
}

/// Hands each number of `s` to `f` in order, without collecting them; stops at the first
/// error, [`read`]'s or `f`'s.
pub fn each(s: &str, mut f: impl FnMut(i128) -> Result<(), &'static str>) -> Result<(), &'static str> {
    let (mut z, mut shift) = (0u128, 0u32);
    for &c in s.as_bytes() {
        let d = digit(c).ok_or(MALFORMED)?;
        if shift > 120 {
            return Err(MALFORMED);
        }
        z |= (d & 31) << shift;
        if d < 32 {
            f(unzigzag(z))?;
            (z, shift) = (0, 0);
        } else {
            shift += 5;
        }
    }
    if shift > 0 {
        return Err(MALFORMED);
    }
    Ok(())
}

/// Counts as their first value and the changes between periods.
pub fn write_counts(values: impl Iterator<Item = u64>) -> String {
    let mut out = String::new();
    let mut prev = 0i128;
    write(
        values.map(|v| {
            let d = v as i128 - prev;
            prev = v as i128;
            d
        }),
        &mut out,
    );
    out
}

/// The running sums of [`read`]'s numbers: the counts of [`write_counts`], each a whole
/// number that may be out of a count's range (the caller says so, at its period).
pub fn read_counts(s: &str) -> Result<Vec<i128>, &'static str> {
    let mut out = Vec::with_capacity(len(s));
    each_count(s, |v| out.push(v))?;
    Ok(out)
}

/// Hands each count of a count series string to `f` in order (the running sum of its
/// changes); [`MALFORMED`] as [`read`], or for a sum past 127 bits.
pub fn each_count(s: &str, mut f: impl FnMut(i128)) -> Result<(), &'static str> {
    let mut sum = 0i128;
    each(s, |d| {
        sum = sum.checked_add(d).ok_or(MALFORMED)?;
        f(sum);
        Ok(())
    })
}

/// Fen as first value, first change, then the change of the change.
pub fn write_fen(fen: &[i64]) -> String {
    let mut out = String::new();
    let at = |t: usize| fen[t] as i128;
    write(
        (0..fen.len()).map(|t| match t {
            0 => at(0),
            1 => at(1) - at(0),
            _ => at(t) - 2 * at(t - 1) + at(t - 2),
        }),
        &mut out,
    );
    out
}

/// The fen of [`write_fen`]; out-of-range arithmetic is [`MALFORMED`].
pub fn read_fen(s: &str) -> Result<Vec<i128>, &'static str> {
    let e = read(s)?;
    let mut out: Vec<i128> = Vec::with_capacity(e.len());
    for (t, &d) in e.iter().enumerate() {
        let v = match t {
            0 => Some(d),
            1 => out[0].checked_add(d),
            _ => out[t - 1].checked_mul(2).and_then(|x| x.checked_sub(out[t - 2])).and_then(|x| x.checked_add(d)),
        };
        out.push(v.ok_or(MALFORMED)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn small_changes_take_one_character() {
        // 4058, then -6, +2, 0: zigzag 8116 is "09H", -6 is 11 ("L"), +2 is 4 ("E"), 0 is "A".
        assert_eq!(write_counts([4058u64, 4052, 4054, 4054].into_iter()), "09HLEA");
        assert_eq!(read_counts("09HLEA").unwrap(), vec![4058, 4052, 4054, 4054]);
        assert_eq!(write_counts(std::iter::empty()), "");
        assert_eq!(read("").unwrap(), Vec::<i128>::new());
    }

    #[test]
    fn malformed_strings_are_refused() {
        for bad in ["=", "A A", "g", "__", "中", &"_".repeat(30)] {
            assert_eq!(read(bad), Err(MALFORMED), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn counts_round_trip(v in proptest::collection::vec(any::<u64>(), 0..30)) {
            let back = read_counts(&write_counts(v.iter().copied())).unwrap();
            prop_assert_eq!(back, v.iter().map(|&x| x as i128).collect::<Vec<_>>());
        }

        #[test]
        fn fen_round_trips(v in proptest::collection::vec(0i64..100_000_000_000_000, 0..30)) {
            let back = read_fen(&write_fen(&v)).unwrap();
            prop_assert_eq!(back, v.iter().map(|&x| x as i128).collect::<Vec<_>>());
        }

        #[test]
        fn any_string_reads_without_panic(s in "[A-Za-z0-9_=-]{0,60}") {
            let _ = read_counts(&s);
            let _ = read_fen(&s);
        }
    }
}
