//! What the name of a unit says about its level of government, for units the lexicon does
//! not list: 省X厅 and 湖北省X局 are provincial, 市X局 and 宜昌市人民政府 municipal, 区X局 and
//! 南沙区人民政府 county-level, a 片区管委会 an FTZ body, 国家X局 and X部 national. The
//! level becomes the agency's `kind`, so an unlisted unit is still counted as what it is.
//!
//! Cost: one lexicon scan of the name (a few dozen chars), once per distinct unit.

use super::lexicon::{lexicon, EntryKind};

pub const NATIONAL: &str = "national";
pub const PROVINCIAL: &str = "provincial";
pub const MUNICIPAL: &str = "municipal";
pub const COUNTY: &str = "county";
pub const FTZ: &str = "ftz";

/// The level a unit's name states, or `None` when it states none (an abbreviation such as
/// 交通委, or a company).
pub fn level(name: &str) -> Option<&'static str> {
    let name = name.trim();
    let name = name.strip_prefix("中共").unwrap_or(name);
    let base = name.split(['（', '(']).next().unwrap_or(name);
    if base.is_empty() || !ends_like_organ(base) {
        return None;
    }
    // A bare level word first: 省商务厅, 市交通委, 区政府, 县人民政府 — not where the
    // character begins a word (市场监管局, 区域合作办).
    let word = ["市场", "区域", "县域"].iter().any(|w| base.starts_with(w));
    for (lead, level) in [
        ("省", PROVINCIAL),
        ("自治区", PROVINCIAL),
        ("市", MUNICIPAL),
        ("州", MUNICIPAL),
        ("区", COUNTY),
        ("县", COUNTY),
    ] {
        if base.starts_with(lead) && !word {
            return Some(level);
        }
    }
    if is_ftz_body(base) {
        return Some(FTZ);
    }
    if let Some(level) = by_places(base) {
        return Some(level);
    }
    const NATIONAL_STARTS: &[&str] = &[
        "国家",
        "国务院",
        "中央",
        "全国",
        "中国",
        "中华人民共和国",
        "最高人民",
    ];
    const NATIONAL_ENDS: &[&str] = &["部", "总局", "总署"];
    if NATIONAL_STARTS.iter().any(|s| base.starts_with(s))
        || NATIONAL_ENDS.iter().any(|s| base.ends_with(s))
    {
        return Some(NATIONAL);
    }
    None
}

/// The last character of an organ's name: 部, 委, 局, 署, 办, 厅, 府 (人民政府), 会 …
pub(crate) fn ends_like_organ(name: &str) -> bool {
    const ENDINGS: &str = "部委局署办行会院厅府室关组司处团联社台所站队军心位门构";
    name.chars().last().is_some_and(|c| ENDINGS.contains(c))
}

/// The administrative committee or office of a free trade zone or one of its areas.
fn is_ftz_body(base: &str) -> bool {
    const ZONES: &[&str] = &[
        "自贸试验区",
        "自由贸易试验区",
        "片区",
        "自贸港",
        "自由贸易港",
        "综合保税区",
    ];
    const BODIES: &[&str] = &["管委会", "管理委员会", "管理局", "管理办公室"];
    ZONES.iter().any(|z| base.contains(z)) && BODIES.iter().any(|b| base.ends_with(b))
}

/// A name that starts with a place: the finest place before the organ decides. 湖北省商务厅 is
/// provincial; 上海市商务委员会 too (上海 is a province-level city); 武汉市商务局 municipal;
/// 浦东新区人民政府 or 江夏区X局 county-level. Places the lexicon does not list count when
/// their level word (X市, X区, X县, X州) follows a short name.
fn by_places(base: &str) -> Option<&'static str> {
    let mut level = None;
    let mut end = 0;
    for mention in lexicon().mentions(base) {
        if mention.span.0 != end {
            break;
        }
        level = match lexicon().entries[mention.entry].kind {
            EntryKind::Province => Some(PROVINCIAL),
            EntryKind::City => Some(MUNICIPAL),
            EntryKind::Ftz | EntryKind::Area => level,
            EntryKind::Agency => break,
        };
        end = mention.span.1;
    }
    let level_word = |c: char| match c {
        '省' => Some(PROVINCIAL),
        '市' | '州' => Some(MUNICIPAL),
        '区' | '县' => Some(COUNTY),
        _ => None,
    };
    let rest = &base[end..];
    // 南沙 + 区人民政府: the level word right after a listed place.
    if end > 0 {
        if let Some(finer) = rest.chars().next().and_then(level_word) {
            return Some(finer);
        }
    }
    // 十堰 + 市商务局: an unlisted place of one to five chars, then its level word, then
    // an organ (not 市场…, where 市 is part of a word).
    let unlisted = rest.char_indices().skip(1).take(5).find_map(|(i, c)| {
        let after = &rest[i + c.len_utf8()..];
        level_word(c).filter(|_| !after.is_empty() && !after.starts_with('场'))
    });
    unlisted.or(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_from_names() {
        for (name, want) in [
            ("省自然资源厅", Some(PROVINCIAL)),
            ("湖北省商务厅", Some(PROVINCIAL)),
            ("上海市商务委员会", Some(PROVINCIAL)),
            ("市交通委（市道运局）", Some(MUNICIPAL)),
            ("宜昌市人民政府", Some(MUNICIPAL)),
            ("十堰市商务局", Some(MUNICIPAL)),
            ("武汉市江夏区人民政府", Some(COUNTY)),
            ("区政府", Some(COUNTY)),
            ("南沙区市场监管局", Some(COUNTY)),
            ("武汉片区管委会", Some(FTZ)),
            ("国家邮政局", Some(NATIONAL)),
            ("应急管理部", Some(NATIONAL)),
            ("交通委", None),
            ("市场监管局", None),
        ] {
            assert_eq!(level(name), want, "{name}");
        }
    }
}
