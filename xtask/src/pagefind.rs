//! The bench's yardstick: the same corpus as the explorer's, written as one HTML page per
//! document and indexed by Pagefind (the npm package's CLI), with a page running
//! Pagefind's Default UI on the query in its URL — what a site would deploy with Pagefind.
//!
//! The index is one language for the whole mixed corpus (`--force-language zh`): Pagefind
//! otherwise keeps one index per page language and a search page would see only one of them.

use crate::setup;
use ftz_explorer::model::Bundle;
use std::path::Path;
use std::process::Command;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The search page: Pagefind's Default UI, searching `?q=` as soon as it is ready.
const SEARCH_PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind Default UI</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link href="pagefind/pagefind-ui.css" rel="stylesheet">
<script src="pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script src="search.js"></script></body></html>
"#;

const SEARCH_JS: &str = r#"const ui = new PagefindUI({ element: '#search', showSubResults: false, showImages: false });
const q = new URLSearchParams(location.search).get('q');
if (q) ui.triggerSearch(q);
"#;

/// Writes `bundle` (texts and all) as a Pagefind site in `out` and indexes it.
pub fn site(bundle: &Path, out: &Path) -> crate::Result {
    let bin = setup::pagefind()?;
    let text = std::fs::read_to_string(bundle).map_err(|e| format!("{}: {e}", bundle.display()))?;
    let bundle = Bundle::from_json(&text).map_err(|e| format!("{}: {e}", bundle.display()))?;
    let _ = std::fs::remove_dir_all(out);
    let docs = out.join("docs");
    std::fs::create_dir_all(&docs).map_err(|e| format!("{}: {e}", docs.display()))?;
    for doc in &bundle.documents {
        let mut page = format!(
            "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\n<body><main data-pagefind-body>\n<h1>{}</h1>\n",
            doc.lang.code(),
            escape(&doc.title),
            escape(&doc.title)
        );
        for line in doc.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            page += &format!("<p>{}</p>\n", escape(line));
        }
        page += "</main></body></html>\n";
        let path = docs.join(format!("{}.html", doc.id));
        std::fs::write(&path, page).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    for (name, body) in [("index.html", SEARCH_PAGE), ("search.js", SEARCH_JS)] {
        std::fs::write(out.join(name), body).map_err(|e| e.to_string())?;
    }
    setup::run(
        Command::new(bin)
            .arg("--site")
            .arg(out)
            .args(["--force-language", "zh", "--quiet"]),
    )
}
