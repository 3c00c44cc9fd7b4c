//! `cargo xtask keys [--bundle FILE] [--facet NAME]`: every value each facet has in a
//! bundle — the key to write in a URL or an embed's `data-facets`, and its English and
//! Chinese labels (which the explorer accepts too).

use ftz_explorer::explore::facets::{Catalog, Facet};
use ftz_explorer::model::Bundle;
use ftz_explorer::search::Index;
use std::path::Path;

pub fn run(bundle: Option<&Path>, only: Option<&str>) -> crate::Result {
    let bundle = match bundle {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Bundle::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => Bundle::from_json(ftz_explorer::seed_bundle_json()).map_err(|e| e.to_string())?,
    };
    if let Some(name) = only {
        if Facet::parse(name).is_none() {
            let keys: Vec<&str> = Facet::ALL.iter().map(|f| f.key()).collect();
            return Err(format!(
                "--facet {name}: not a facet; facets are {}",
                keys.join(", ")
            ));
        }
    }
    let index = Index::build(&bundle);
    let catalog = Catalog::build(&bundle, &index);
    let mut out = String::new();
    for facet in Facet::ALL {
        if only.is_some_and(|o| o != facet.key()) {
            continue;
        }
        let values = catalog.values(facet);
        out += &format!("{} ({} values)\n", facet.key(), values.len());
        for (key, en, zh) in values {
            let labels = match (en == key, zh == key || zh == en) {
                (true, true) => String::new(),
                (true, false) => format!("  {zh}"),
                (false, true) => format!("  {en}"),
                (false, false) => format!("  {en} / {zh}"),
            };
            out += &format!("  {key}{labels}\n");
        }
    }
    out += "\nIn a URL: ?region=KEY&topic=KEY (several values of one facet: repeat it).\n";
    print!("{out}");
    Ok(())
}
