//! The names of the canonical unit codes figures carry ("working_day", "km2", "pp" …) in
//! both interface languages, for tables, charts and exports: a code is a key, never text to
//! show. Every code the figure reader can produce has a name (tested where the codes are
//! defined).
//!
//! Cost: a linear look-up in a table of about 60 rows.

/// `(code, English, 中文)`; English in the plural, as a column of values reads.
const NAMES: &[(&str, &str, &str)] = &[
    // a bare number ("reached 31,559", "18个")
    ("", "", ""),
    ("yuan", "yuan", "元"),
    ("usd", "US dollars", "美元"),
    ("eur", "euros", "欧元"),
    ("hkd", "HK dollars", "港元"),
    ("fen", "fen", "分"),
    ("%", "%", "%"),
    ("pp", "percentage points", "个百分点"),
    ("working_day", "working days", "个工作日"),
    ("day", "days", "天"),
    ("hour", "hours", "小时"),
    ("minute", "minutes", "分钟"),
    ("week", "weeks", "周"),
    ("month", "months", "个月"),
    ("year", "years", "年"),
    ("age", "years of age", "岁"),
    ("teu", "TEU", "标箱"),
    ("ton", "tons", "吨"),
    ("kg", "kg", "千克"),
    ("km2", "km²", "平方公里"),
    ("km", "km", "公里"),
    ("m", "m", "米"),
    ("cm", "cm", "厘米"),
    ("mm", "mm", "毫米"),
    ("m2", "m²", "平方米"),
    ("m3", "m³", "立方米"),
    ("hectare", "hectares", "公顷"),
    ("mu", "mu", "亩"),
    ("kw", "kW", "千瓦"),
    ("kwh", "kWh", "千瓦时"),
    ("enterprise", "enterprises", "家企业"),
    ("city", "cities", "个城市"),
    ("province", "provinces", "个省"),
    ("county", "counties", "个县"),
    ("department", "departments", "个部门"),
    ("indicator", "indicators", "个指标"),
    ("aspect", "aspects", "个方面"),
    ("item", "items", "项"),
    ("project", "projects", "个项目"),
    ("case", "cases", "件"),
    ("incident", "incidents", "起"),
    ("train", "trains", "列"),
    ("policy", "policies", "项政策"),
    ("measure", "measures", "项措施"),
    ("task", "tasks", "项任务"),
    ("experience", "experiences", "项经验"),
    ("achievement", "achievements", "项成果"),
    ("result", "results", "项成果"),
    ("kind", "kinds", "种"),
    ("type", "types", "类"),
    ("place", "places", "处"),
    ("team", "teams", "个团队"),
    ("institution", "institutions", "所"),
    ("service", "services", "项服务"),
    ("country", "countries", "个国家"),
    ("person", "people", "人"),
    ("person_time", "person-times", "人次"),
    ("time", "times", "次"),
    ("batch", "batches", "批"),
    ("vehicle", "vehicles", "辆"),
    ("flight", "flights", "架次"),
    ("machine", "machines", "台"),
    ("set", "sets", "套"),
    ("piece", "pieces", "根"),
];

/// The name of a unit code in the interface language, if the code is known.
pub fn known_unit_name(code: &str, zh: bool) -> Option<&'static str> {
    NAMES
        .iter()
        .find(|n| n.0 == code)
        .map(|&(_, en, cn)| if zh { cn } else { en })
}

/// The name of a unit code; an unknown code (from a newer build) as it is.
pub fn unit_name(code: &str, zh: bool) -> String {
    known_unit_name(code, zh).unwrap_or(code).to_string()
}

/// A unit with the period a rate is per: "yuan per day", "元/天"; the period alone when the
/// unit is empty ("per day", "每天").
pub fn unit_with_period(code: &str, per: Option<&str>, zh: bool) -> String {
    let unit = unit_name(code, zh);
    let Some(per) = per else { return unit };
    let period = match (per, zh) {
        ("day", false) => "day",
        ("week", false) => "week",
        ("month", false) => "month",
        ("year", false) => "year",
        ("hour", false) => "hour",
        ("day", true) => "天",
        ("week", true) => "周",
        ("month", true) => "月",
        ("year", true) => "年",
        ("hour", true) => "小时",
        (other, _) => other,
    };
    match (unit.is_empty(), zh) {
        (true, false) => format!("per {period}"),
        (true, true) => format!("每{period}"),
        (false, false) => format!("{unit} per {period}"),
        (false, true) => format!("{unit}/{period}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_periods() {
        assert_eq!(unit_name("working_day", false), "working days");
        assert_eq!(unit_name("working_day", true), "个工作日");
        assert_eq!(unit_name("new_code", false), "new_code");
        assert_eq!(unit_with_period("yuan", Some("day"), false), "yuan per day");
        assert_eq!(unit_with_period("yuan", Some("day"), true), "元/天");
        assert_eq!(unit_with_period("", Some("year"), false), "per year");
    }
}
