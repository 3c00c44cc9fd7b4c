//! Small pages for each rule; the 50 real gov.cn pages are in tests/govcn_html.rs.

use super::*;

fn page(html: &str) -> Extracted {
    extract(html.as_bytes()).unwrap()
}

const PROVINCIAL: &str = r##"<!DOCTYPE html><html><head>
<meta charset="utf-8"><title>关于印发若干措施的通知_广东省人民政府门户网站</title>
<meta name="ArticleTitle" content="广东省人民政府关于印发若干措施的通知">
<meta name="PubDate" content="2022-05-12 09:30">
<meta name="ContentSource" content="广东省人民政府办公厅">
<link rel="canonical" href="https://www.gd.gov.cn/zwgk/content/post_1.html">
<style>.x{color:red}</style><script>var a = "一、不是正文";</script>
</head><body>
<div class="top-nav"><a href="/">首页</a> <a href="/zw">政务公开</a> <a href="/fw">服务</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zw">文件</a></div>
<ul class="meta-list"><li><span>索引号：</span>006939748/2022-00123</li>
<li><span>发文字号：</span>粤府〔2022〕35号</li><li><span>成文日期：</span>2022-05-10</li>
<li><span>发布机构：</span>广东省人民政府</li><li><span>分类：</span>综合政务\其他</li></ul>
<div class="article">
<h1>广东省人民政府关于印发若干措施的通知</h1>
<p>粤府〔2022〕35号</p>
<p>各地级以上市人民政府：</p>
<p>现将若干措施印发给你们，<b>请认真</b>贯彻执行。</p>
<p>一、主要任务<br>（一）深化投资领域改革。（牵头单位：省商务厅）</p>
<table border="1"><tr><th>指标</th><th>2025年目标</th></tr>
<tr><td>通关时间</td><td>压缩30%</td></tr><tr><td>企业开办</td><td>1个工作日</td></tr></table>
<p style="display: none">隐藏的文字</p>
<!-- 注释里的文字 -->
</div>
<div class="share-box">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div id="print-close"><a href="javascript:window.print()">打印本页</a> <a href="#">关闭窗口</a></div>
<div class="footer">版权所有：广东省人民政府办公厅 备案号：粤ICP备05070829号</div>
</body></html>"##;

#[test]
fn a_provincial_page_keeps_its_content_and_reads_its_metadata() {
    let got = page(PROVINCIAL);
    let lines: Vec<&str> = got.text.lines().collect();
    assert_eq!(
        lines,
        [
            "广东省人民政府关于印发若干措施的通知",
            "粤府〔2022〕35号",
            "各地级以上市人民政府：",
            "现将若干措施印发给你们，请认真贯彻执行。",
            "一、主要任务",
            "（一）深化投资领域改革。（牵头单位：省商务厅）",
            "指标\t2025年目标",
            "通关时间\t压缩30%",
            "企业开办\t1个工作日",
        ]
    );
    let m = &got.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("广东省人民政府关于印发若干措施的通知")
    );
    assert_eq!(m.number.as_deref(), Some("粤府〔2022〕35号"));
    assert_eq!(m.written.as_deref(), Some("2022-05-10"));
    assert_eq!(m.published.as_deref(), Some("2022-05-12 09:30"));
    assert_eq!(m.issuer.as_deref(), Some("广东省人民政府"));
    assert_eq!(m.source.as_deref(), Some("广东省人民政府办公厅"));
    assert_eq!(m.subjects, ["综合政务", "其他"]);
    assert_eq!(m.index_no.as_deref(), Some("006939748/2022-00123"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://www.gd.gov.cn/zwgk/content/post_1.html")
    );
}

#[test]
fn a_gbk_page_is_decoded_by_its_declared_charset() {
    let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>国务院关于推进自由贸易试验区贸易投资便利化改革创新的若干措施</p><p>一、支持自贸试验区开展首创性探索。</p></body></html>";
    let (bytes, _, _) = encoding_rs::GBK.encode(html);
    let got = extract(&bytes).unwrap();
    assert_eq!(got.encoding, "gb18030");
    assert!(
        got.text.contains("一、支持自贸试验区开展首创性探索。"),
        "{}",
        got.text
    );
}

#[test]
fn a_fragment_without_a_title_in_its_content_gets_the_title_once() {
    let html = "<title>关于深化改革的意见 - 某省政府</title><div><p>一、总体要求。</p><p>二、主要任务。</p></div>";
    let got = page(html);
    assert_eq!(
        got.text,
        "关于深化改革的意见\n一、总体要求。\n二、主要任务。"
    );
    // The title already in the content is not repeated.
    let html = "<title>关于深化改革的意见</title><p>关于深化改革的意见</p><p>一、总体要求。</p>";
    assert_eq!(page(html).text, "关于深化改革的意见\n一、总体要求。");
}

#[test]
fn layout_tables_are_blocks_and_a_one_column_table_is_lines() {
    let html = "<table><tr><td><table><tr><td>关于某事的通知</td></tr></table></td></tr><tr><td><p>正文第一段。</p><p>正文第二段。</p></td></tr></table>";
    assert_eq!(
        page(html).text,
        "关于某事的通知\n正文第一段。\n正文第二段。"
    );
}

#[test]
fn a_page_of_only_chrome_is_blank() {
    let html = "<nav><a href='/'>首页</a></nav><script>x()</script><footer>版权所有</footer>";
    assert!(matches!(extract(html.as_bytes()), Err(DecodeError::Blank)));
}
