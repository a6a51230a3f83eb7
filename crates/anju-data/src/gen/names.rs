//! Plausible names for synthesised places, in Chinese with English (pinyin) beside.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

const WORDS: &[(&str, &str)] = &[
    ("幸福", "Xingfu"),
    ("阳光", "Yangguang"),
    ("和谐", "Hexie"),
    ("安居", "Anju"),
    ("锦绣", "Jinxiu"),
    ("康宁", "Kangning"),
    ("兴隆", "Xinglong"),
    ("丰收", "Fengshou"),
    ("乐业", "Leye"),
    ("福泽", "Fuze"),
    ("振兴", "Zhenxing"),
    ("安康", "Ankang"),
    ("金秋", "Jinqiu"),
    ("聚福", "Jufu"),
    ("明珠", "Mingzhu"),
    ("同心", "Tongxin"),
    ("惠民", "Huimin"),
    ("新桥", "Xinqiao"),
    ("南山", "Nanshan"),
    ("东城", "Dongcheng"),
    ("西苑", "Xiyuan"),
    ("北湖", "Beihu"),
    ("龙井", "Longjing"),
    ("梨园", "Liyuan"),
    ("桃源", "Taoyuan"),
    ("竹林", "Zhulin"),
    ("石桥", "Shiqiao"),
    ("青山", "Qingshan"),
    ("碧水", "Bishui"),
    ("枫香", "Fengxiang"),
];

const SITE_SUFFIX: &[(&str, &str)] = &[
    ("安置点", "Site"),
    ("安置区", "Resettlement Area"),
    ("新区", "New District"),
    ("家园", "Homes"),
    ("新苑", "Garden"),
];

fn word(rng: &mut ChaCha8Rng) -> (&'static str, &'static str) {
    WORDS[rng.random_range(0..WORDS.len())]
}

/// A site name not yet in `used` (names repeat only once every combination is taken, and
/// then carry a number).
pub fn site(rng: &mut ChaCha8Rng, used: &mut HashSet<String>) -> (String, String) {
    fresh(rng, used, |rng| {
        let (zh, en) = word(rng);
        let (sz, se) = SITE_SUFFIX[rng.random_range(0..SITE_SUFFIX.len())];
        (format!("{zh}{sz}"), format!("{en} {se}"))
    })
}

pub fn community(rng: &mut ChaCha8Rng, used: &mut HashSet<String>) -> (String, String) {
    fresh(rng, used, |rng| {
        let (zh, en) = word(rng);
        (format!("{zh}社区"), format!("{en} Community"))
    })
}

fn fresh(
    rng: &mut ChaCha8Rng,
    used: &mut HashSet<String>,
    make: impl Fn(&mut ChaCha8Rng) -> (String, String),
) -> (String, String) {
    for _ in 0..64 {
        let (zh, en) = make(rng);
        if used.insert(zh.clone()) {
            return (zh, en);
        }
    }
    let (zh, en) = make(rng);
    let n = used.len() + 1;
    used.insert(format!("{zh}{n}"));
    (format!("{zh}{n}"), format!("{en} {n}"))
}

pub fn grid(n: usize) -> (String, String) {
    (format!("第{n}网格"), format!("Grid {n}"))
}

pub fn building(n: usize) -> (String, String) {
    (format!("{n}栋"), format!("Building {n}"))
}
