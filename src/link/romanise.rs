//! Document numbers across languages: 国发〔2020〕7号 is "Guofa (2020) No. 7" and 吉政发〔2021〕16号
//! "Ji Zhengfa (2021) No. 16" — the issuer's abbreviation in pinyin, run together. Both
//! forms reduce to one key: the issuer in toneless pinyin without spaces, the year, the
//! number.
//!
//! The table holds the characters issuers' abbreviations are made of (organs, the
//! provinces' one-char names, document types); a number with any other character has no
//! key, and is then matched in its own language only. Two provinces that share a syllable
//! (吉 Jilin and 冀 Hebei are both "ji") share keys; the year and the number keep such
//! collisions rare, and a number is only matched this way when it is not matched as
//! written.
//!
//! Cost: one table look-up per character.

/// Char → toneless pinyin, for the characters of issuers' abbreviations.
#[rustfmt::skip]
const PINYIN: &[(char, &str)] = &[
    // organs and document types
    ('国', "guo"), ('办', "ban"), ('发', "fa"), ('函', "han"), ('政', "zheng"), ('令', "ling"),
    ('字', "zi"), ('电', "dian"), ('明', "ming"), ('厅', "ting"), ('部', "bu"), ('委', "wei"),
    ('商', "shang"), ('资', "zi"), ('财', "cai"), ('税', "shui"), ('署', "shu"), ('规', "gui"),
    ('综', "zong"), ('外', "wai"), ('贸', "mao"), ('管', "guan"), ('监', "jian"), ('银', "yin"),
    ('保', "bao"), ('证', "zheng"), ('人', "ren"), ('社', "she"), ('教', "jiao"), ('科', "ke"),
    ('技', "ji"), ('农', "nong"), ('工', "gong"), ('信', "xin"), ('交', "jiao"), ('通', "tong"),
    ('建', "jian"), ('卫', "wei"), ('生', "sheng"), ('环', "huan"), ('文', "wen"), ('旅', "lv"),
    ('海', "hai"), ('关', "guan"), ('检', "jian"), ('质', "zhi"), ('市', "shi"), ('场', "chang"),
    ('改', "gai"), ('革', "ge"), ('能', "neng"), ('源', "yuan"), ('统', "tong"), ('计', "ji"),
    ('审', "shen"), ('法', "fa"), ('司', "si"), ('公', "gong"), ('安', "an"), ('民', "min"),
    ('自', "zi"), ('然', "ran"), ('知', "zhi"), ('产', "chan"), ('区', "qu"), ('开', "kai"),
    ('试', "shi"), ('验', "yan"), ('易', "yi"), ('总', "zong"), ('局', "ju"), ('会', "hui"),
    ('经', "jing"), ('济', "ji"), ('金', "jin"), ('融', "rong"), ('价', "jia"), ('格', "ge"),
    ('运', "yun"), ('行', "xing"), ('业', "ye"), ('中', "zhong"), ('央', "yang"), ('党', "dang"),
    // provinces, regions and their cities' one-char names
    ('京', "jing"), ('津', "jin"), ('冀', "ji"), ('晋', "jin"), ('蒙', "meng"), ('辽', "liao"),
    ('吉', "ji"), ('黑', "hei"), ('沪', "hu"), ('苏', "su"), ('浙', "zhe"), ('皖', "wan"),
    ('闽', "min"), ('赣', "gan"), ('鲁', "lu"), ('豫', "yu"), ('鄂', "e"), ('湘', "xiang"),
    ('粤', "yue"), ('桂', "gui"), ('琼', "qiong"), ('渝', "yu"), ('川', "chuan"), ('蜀', "shu"),
    ('贵', "gui"), ('黔', "qian"), ('云', "yun"), ('滇', "dian"), ('藏', "zang"), ('陕', "shan"),
    ('甘', "gan"), ('陇', "long"), ('青', "qing"), ('宁', "ning"), ('新', "xin"), ('港', "gang"),
    ('澳', "ao"), ('台', "tai"), ('深', "shen"), ('穗', "sui"), ('厦', "xia"), ('汉', "han"),
    ('兵', "bing"), ('团', "tuan"),
];

fn pinyin(c: char) -> Option<&'static str> {
    PINYIN.iter().find(|(h, _)| *h == c).map(|(_, p)| *p)
}

/// The key of a normalised document number (`model::DocNumber::text`): `guofa/2020/7`.
/// `None` for numbers of another shape or with an issuer character the table lacks.
pub(super) fn key(number: &str) -> Option<String> {
    if let Some((issuer, rest)) = number.split_once('〔') {
        let (year, rest) = rest.split_once('〕')?;
        let num = rest.strip_suffix('号')?;
        let mut letters = String::new();
        for c in issuer.chars() {
            letters.push_str(pinyin(c)?);
        }
        return Some(format!("{letters}/{year}/{}", num.trim_start_matches('0')));
    }
    // "Ji Zhengfa (2021) No. 16"
    let (issuer, rest) = number.split_once(" (")?;
    let (year, rest) = rest.split_once(") No. ")?;
    let letters: String = issuer
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if letters.is_empty() || year.len() != 4 {
        return None;
    }
    Some(format!("{letters}/{year}/{}", rest.trim_start_matches('0')))
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn both_forms_of_a_number_have_one_key() {
        assert_eq!(key("国发〔2020〕7号"), key("Guofa (2020) No. 7"));
        assert_eq!(key("吉政发〔2021〕16号"), key("Ji Zhengfa (2021) No. 16"));
        assert_eq!(
            key("国办发〔2019〕38号").as_deref(),
            Some("guobanfa/2019/38")
        );
        assert_ne!(key("国发〔2020〕7号"), key("国函〔2020〕7号"));
        assert_eq!(key("国务院令第707号"), None);
    }
}
