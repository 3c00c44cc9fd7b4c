//! Interface text in English and Chinese. Document text is never translated; entity names
//! come from the bundle in both languages.
//!
//! Cost: a linear lookup in a table of about a hundred entries.

use super::state::UiLang;

/// (key, English, Chinese)
const TEXT: &[(&str, &str, &str)] = &[
    ("app", "FTZ Explorer", "自贸试验区政策浏览"),
    (
        "tagline",
        "Documents on China's pilot free trade zones",
        "中国自由贸易试验区政策文件",
    ),
    (
        "search",
        "Search measures, cases, figures…",
        "搜索措施、案例、数据…",
    ),
    ("search_label", "Search the documents", "搜索文件"),
    ("shard_loading", "Loading the search index…", "正在加载检索索引…"),
    (
        "shard_failed",
        "Part of the data could not be loaded, so results or texts may be incomplete:",
        "部分数据无法加载，结果或正文可能不完整：",
    ),
    ("text_loading", "Loading the text…", "正在加载正文…"),
    (
        "text_failed_short",
        "The text could not be loaded.",
        "正文无法加载。",
    ),
    ("offline_make", "Make available offline", "离线保存"),
    ("offline_files", "files stored", "个文件已保存"),
    ("offline_storing", "Storing for offline use…", "正在离线保存…"),
    (
        "offline_done",
        "The whole corpus is available offline.",
        "全部文件已可离线使用。",
    ),
    (
        "offline_failed",
        "Some files could not be stored; missing:",
        "部分文件无法保存，缺少：",
    ),
    ("results", "results", "条结果"),
    ("result", "result", "条结果"),
    ("of", "of", "/"),
    ("also_matched", "Also matched", "同时匹配"),
    ("sort", "Sort", "排序"),
    ("sort_relevance", "Relevance", "相关度"),
    ("sort_date", "Newest", "最新"),
    ("sort_document", "Document order", "文件顺序"),
    ("view_results", "Results", "结果"),
    ("view_figures", "Figures", "数据"),
    ("view_charts", "Charts", "图表"),
    ("chart_percent", "Largest percentages; click for the sentence", "最大百分比；点击查看原句"),
    ("chart_counts", "Largest counts; click for the sentence", "最大数量；点击查看原句"),
    ("chart_topics", "Items by topic", "按领域统计"),
    (
        "chart_regions",
        "Items by region / FTZ area",
        "按地区 / 片区统计",
    ),
    ("chart_kinds", "Items by kind", "按类型统计"),
    ("chart_headings", "Items by heading", "按一级标题统计"),
    ("chart_leads", "Lead units (top 10)", "牵头单位（前 10）"),
    (
        "chart_timeline",
        "Documents and items over time",
        "文件与条目时间分布",
    ),
    (
        "chart_network",
        "Lead and supporting units named together",
        "共同出现的牵头与责任单位",
    ),
    ("chart_matrix", "Regions × topics", "地区 × 领域"),
    (
        "chart_money",
        "Largest amounts (million yuan); click for the sentence",
        "最大金额（百万元）；点击查看原句",
    ),
    (
        "chart_hint",
        "Click a bar, node or cell to filter by it; drag across the timeline to set the date range.",
        "点击柱、节点或格子即可按其筛选；在时间轴上拖动可设定日期范围。",
    ),
    ("show_data", "Show data", "显示数据"),
    ("other", "Other", "其他"),
    ("items", "Items", "条目"),
    (
        "chart_error",
        "The charts could not be drawn:",
        "图表无法绘制：",
    ),
    ("view_documents", "Documents", "文件"),
    ("filters", "Filters", "筛选"),
    ("close", "Close", "关闭"),
    ("clear_all", "Clear all", "全部清除"),
    ("show_more", "Show more", "显示更多"),
    ("show_less", "Show less", "收起"),
    ("facet_doc_id", "Document", "文件"),
    ("facet_heading", "Heading", "标题层级"),
    ("facet_subject", "Subject category", "主题分类"),
    ("unknown_value", "unknown", "不存在"),
    (
        "not_a_date",
        "is not a date, so it does not filter: write YYYY, YYYY-MM or YYYY-MM-DD",
        "不是有效日期，未用于筛选：请写成 YYYY、YYYY-MM 或 YYYY-MM-DD",
    ),
    (
        "unknown_value_hint",
        "This corpus has no such value: check the spelling, or pick one from the list of this facet",
        "本库没有这个值：请检查拼写，或从该筛选项的列表中选择",
    ),
    ("facet_kind", "Kind", "类型"),
    ("facet_region", "Region / FTZ area", "地区 / 片区"),
    ("facet_topic", "Topic", "领域"),
    ("facet_lead", "Lead unit", "牵头单位"),
    ("facet_support", "Supporting unit", "责任单位"),
    ("facet_language", "Language", "语言"),
    ("facet_year", "Year", "年份"),
    ("facet_saved", "Saved", "收藏"),
    ("date_range", "Date", "日期"),
    ("from", "From", "起"),
    ("to", "To", "止"),
    ("export_csv", "Export CSV", "导出 CSV"),
    ("export_json", "Export JSON", "导出 JSON"),
    ("save", "Save", "收藏"),
    ("saved", "Saved", "已收藏"),
    (
        "no_results",
        "Nothing matches. Try fewer or other words.",
        "没有匹配结果。请减少或更换关键词。",
    ),
    (
        "no_results_filtered",
        "Nothing matches with these filters.",
        "在当前筛选条件下没有匹配结果。",
    ),
    ("without_filters", "Search without the filters", "取消筛选条件再搜索"),
    (
        "no_results_partial",
        "Nothing found in the part of the index that loaded; reload the page to try the rest again.",
        "在已加载的索引中没有找到结果；请刷新页面以重新加载其余部分。",
    ),
    ("did_you_mean", "Did you mean", "您是不是要找"),
    ("previous", "Previous", "上一页"),
    ("next", "Next", "下一页"),
    ("page", "Page", "第"),
    ("open", "Open in document", "在文件中打开"),
    ("permalink", "Link", "链接"),
    ("measures_count", "measures", "项措施"),
    ("points_count", "points", "个要点"),
    ("cites", "Cites", "引用"),
    ("page_issuer", "Issued by", "发文机关"),
    ("page_published", "Published", "发布日期"),
    ("page_subject", "Subject", "主题分类"),
    ("page_keywords", "Keywords", "主题词"),
    ("page_index", "Index no.", "索引号"),
    ("page_number", "Number", "发文字号"),
    ("page_url", "Original page", "原文链接"),
    ("item_details", "Item details", "条目详情"),
    ("app_name", "FTZ Explorer", "自贸试验区政策浏览"),
    ("active_filters", "Active filters", "已选筛选条件"),
    ("views", "Views", "视图"),
    ("pages", "Pages", "分页"),
    ("through_glossary", "Found through the glossary (another name or language)", "通过词表找到（其他名称或语言）"),
    ("skip_to_content", "Skip to content", "跳到正文"),
    ("date_hint", "YYYY · YYYY-MM · YYYY-MM-DD", "年 · 年-月 · 年-月-日（如 2021-03）"),
    ("lead", "Lead", "牵头"),
    ("support", "Support", "责任"),
    ("regions", "Regions", "地区"),
    ("topics", "Topics", "领域"),
    ("figures_here", "Figures", "数据"),
    ("all_documents", "All documents", "全部文件"),
    ("back", "Back to results", "返回结果"),
    ("value", "Value", "数值"),
    ("unit", "Unit", "单位"),
    ("kind", "Kind", "类型"),
    ("direction", "Change", "变化"),
    ("sentence", "Sentence", "原句"),
    ("document", "Document", "文件"),
    ("figure_money", "Money", "金额"),
    ("figure_percent", "Percent", "百分比"),
    ("figure_rate_of_change", "Change", "变化率"),
    ("figure_count", "Count", "数量"),
    ("figure_duration", "Duration", "时长"),
    ("figure_quantity", "Quantity", "数量单位"),
    ("previous_item", "← Previous", "← 上一条"),
    ("next_item", "Next →", "下一条 →"),
    ("copy_link", "Copy link", "复制链接"),
    ("link_copied", "Link copied", "链接已复制"),
    ("link_not_copied", "The browser did not allow copying", "浏览器不允许复制"),
    ("as_written", "As written", "原文"),
    ("figure_kind", "Figure kind", "数据类型"),
    ("sort_value_desc", "Largest value first", "数值从大到小"),
    ("sort_value_asc", "Smallest value first", "数值从小到大"),
    ("showing_first", "showing the first", "显示前"),
    (
        "value_hint",
        "Value: the figure with its scale applied (2.13亿 → 213,000,000), so that figures compare and sort.",
        "数值：按单位换算后的数字（2.13亿 → 213,000,000），便于比较和排序。",
    ),
    ("show_more_text", "More", "展开"),
    ("text_less", "Less", "收起"),
    ("q_about", "about", "约"),
    ("q_nearly", "nearly", "近"),
    ("q_over", "more than", "超过"),
    ("q_at_least", "at least", "不少于"),
    ("q_under", "less than", "不足"),
    ("q_at_most", "up to", "不超过"),
    ("up", "up", "增加"),
    ("down", "down", "减少"),
    ("all_kinds", "All kinds", "全部类型"),
    ("theme", "Theme", "主题"),
    ("theme_light", "Light", "浅色"),
    ("theme_dark", "Dark", "深色"),
    ("theme_system", "System", "跟随系统"),
    ("language_toggle", "中文", "English"),
    ("language_toggle_label", "Switch to Chinese", "切换到英文"),
    ("undated", "undated", "无日期"),
    ("inferred_mark", "(inferred)", "（推断）"),
    ("date_signed", "signed", "成文"),
    ("date_published", "published", "发布"),
    ("date_why", "How this date was found", "日期的来源"),
    ("date_read_from", "Read from", "依据"),
    ("documents", "documents", "份文件"),
    ("measures", "measures", "项措施"),
    ("cases", "cases", "个案例"),
    ("sections", "sections", "个章节"),
    ("characters", "characters", "字"),
    (
        "no_document",
        "No document with this id in the bundle:",
        "数据包中没有此文件：",
    ),
    ("loading", "Loading…", "加载中…"),
    (
        "keyboard_hint",
        "Press / to search, ↑ ↓ to move, Enter to open",
        "按 / 搜索，↑ ↓ 移动，回车打开",
    ),
];

/// The interface text for `key` in `lang`; the key itself if the table lacks it.
pub fn t(lang: UiLang, key: &'static str) -> &'static str {
    TEXT.iter()
        .find(|(k, _, _)| *k == key)
        .map_or(key, |(_, en, zh)| if lang == UiLang::Zh { zh } else { en })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages_and_a_unique_key() {
        let mut keys = std::collections::BTreeSet::new();
        for (k, en, zh) in TEXT {
            assert!(keys.insert(k), "{k} twice");
            assert!(!en.is_empty() && !zh.is_empty(), "{k}");
        }
        assert_eq!(t(UiLang::Zh, "filters"), "筛选");
        assert_eq!(t(UiLang::En, "missing-key"), "missing-key");
    }
}
