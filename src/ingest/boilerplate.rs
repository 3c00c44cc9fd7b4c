//! Recognises the site chrome that web-scraped policy texts carry around their content:
//! navigation bars, breadcrumbs, print/close links, share buttons and QR-code captions, footers with organiser, address,
//! telephone, ICP and public-security registration numbers.
//!
//! Boilerplate is never dropped: ingest keeps every line and only marks these, so that the
//! reader can still show them and nothing is silently lost.
//!
//! Cost: one pass over a line with a handful of substring searches.

/// Markers that only occur in site chrome, compared case-insensitively (Latin) and after
/// folding full-width colons to ASCII.
const MARKERS: &[&str] = &[
    // navigation and page tools
    "current location:",
    "您的位置",
    "当前位置",
    "home page >",
    "首页 >",
    "首页>",
    "[close window]",
    "【关闭窗口】",
    "[print]",
    "【打印】",
    "font display:",
    "字体:",
    "sitemap",
    "网站地图",
    "is accessible",
    "无障碍",
    // share buttons and QR codes
    "扫一扫在手机",
    "用手机扫描二维码",
    "手机扫描二维码",
    "分享到:",
    "【打印本页】",
    "打印本页",
    "【关闭】",
    "关闭窗口",
    "scan the qr code",
    "share to:",
    // footers
    "icp no.",
    "icp备",
    "public network security",
    "公网安备",
    "website id:",
    "网站标识码",
    "copyright",
    "版权所有",
    "organizer:",
    "主办单位:",
    "承办单位:",
    "zip code:",
    "邮编:",
    "联系电话:",
    "联系人:",
    "电子邮箱:",
];

/// Site chrome comes in short lines (real footers run to about a hundred chars). A longer
/// line that contains a marker is content that mentions one — a paragraph about copyright,
/// or a whole page scraped onto one line — and must not vanish from search as chrome.
const MAX_CHROME_CHARS: usize = 300;

/// True when a (trimmed) line is site chrome rather than document content.
pub fn is_boilerplate(line: &str) -> bool {
    if line.chars().nth(MAX_CHROME_CHARS).is_some() {
        return false;
    }
    let folded = fold(line);
    if MARKERS.iter().any(|m| folded.contains(m)) {
        return true;
    }
    is_nav_bar(&folded) || folded.starts_with("add:") || folded.starts_with("地址:")
}

/// "English | Chinese | Home": several short segments separated by bars.
fn is_nav_bar(line: &str) -> bool {
    let segments: Vec<&str> = line.split('|').map(str::trim).collect();
    segments.len() >= 3 && segments.iter().all(|s| s.chars().count() <= 24)
}

fn fold(line: &str) -> String {
    line.chars()
        .map(|c| match c {
            '\u{ff1a}' => ':',
            '\u{ff1e}' => '>',
            '\u{ff5c}' => '|',
            '\u{a0}' | '\u{3000}' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_boilerplate;

    #[test]
    fn recognises_chrome_in_both_languages() {
        for line in [
            "English | Chinese | is accessible",
            "Current Location:Home page\u{a0}>\u{a0}Policy interpretation",
            "Font display:big In the small [print]  [Close window]",
            "Organizer: Jilin Provincial Department of Commerce Tel: 0431-85677437 |sitemap",
            "Add: No. 3855 Renmin Street, Changchun, Jilin Province Zip Code: 130021",
            "ICP No. 05001602 -1",
            "Website ID: 2200000050",
            "Ji public network security number 22000002000032",
            "主办单位:鄂州葛店经济技术开发区管理委员会 地址:湖北省鄂州市",
            "联系人:管委会办公室 联系电话:027-53080000",
            "备案号:鄂ICP备2022014517号-2   鄂公网安备 42070302000097号",
            "首页 | 政务公开 | 政策解读 | 互动交流",
            "版权所有:湖北省人民政府办公厅",
            "Copyright © 2022 Department of Commerce",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn leaves_content_alone() {
        for line in [
            "1.聚焦自贸试验区新一代信息技术、生物医药、新能源汽车和智能网联汽车等重点产业。",
            "Case 1: Implementing the closure registration system for commercial subjects",
            "The \"Implementation Opinions\" are divided into 23 specific measures in 6 aspects.",
            "信息来源:湖北省政府网 日期:2021-02-08",
            "Reform approach:",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
        let long = "Strengthen copyright protection and the enforcement of patents. ".repeat(8);
        assert!(
            !is_boilerplate(&long),
            "a long paragraph that mentions a marker"
        );
        let page = format!("{long}首页 | 政务公开 | 政策解读 | 互动交流 版权所有:某某省人民政府");
        assert!(!is_boilerplate(&page), "a whole page on one line");
    }
}
