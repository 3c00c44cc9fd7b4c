//! Reading `lexicon.tsv` into the lexicon: entries, ids, and the folded trie of every alias
//! (stop phrases included), with the checks that keep the data file honest (unknown kinds,
//! duplicate ids, dangling parents, one alias for two entries).
//!
//! Cost: linear in the data file; done once.

use super::*;

impl Lexicon {
    pub(super) fn parse(data: &'static str) -> Result<Lexicon, String> {
        let mut lex = Lexicon {
            entries: Vec::new(),
            by_id: HashMap::new(),
            edges: HashMap::new(),
            terminals: vec![None],
            agencies: HashMap::new(),
            province_prefixes: Vec::new(),
        };
        let mut stops: Vec<&'static str> = Vec::new();
        for (n, line) in data.lines().enumerate() {
            let line_no = n + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let cols: Vec<&'static str> = line
                .split('\t')
                .map(str::trim)
                .take_while(|c| !c.starts_with('#'))
                .collect();
            if cols.len() != 5 {
                return Err(format!(
                    "line {line_no}: expected 5 columns, found {}",
                    cols.len()
                ));
            }
            if cols[0] == "stop" {
                stops.extend(split_names(cols[3]));
                stops.extend(split_names(cols[4]));
                continue;
            }
            let kind = EntryKind::parse(cols[0])
                .ok_or_else(|| format!("line {line_no}: unknown kind {:?}", cols[0]))?;
            let id = cols[1];
            if id.is_empty() || id == "-" {
                return Err(format!("line {line_no}: missing id"));
            }
            if lex.by_id.insert(id, lex.entries.len()).is_some() {
                return Err(format!("line {line_no}: duplicate id {id}"));
            }
            let parent = (cols[2] != "-").then_some(cols[2]);
            let zh = split_names(cols[3]);
            let en = split_names(cols[4]);
            if zh.is_empty() || en.is_empty() {
                return Err(format!(
                    "line {line_no}: {id} needs a Chinese and an English name"
                ));
            }
            lex.entries.push(Entry {
                kind,
                id,
                parent,
                zh: zh[0],
                en: en[0],
                zh_aliases: zh[1..].to_vec(),
                en_aliases: en[1..].to_vec(),
            });
        }
        for entry in &lex.entries {
            if let Some(p) = entry.parent {
                if !lex.by_id.contains_key(p) {
                    return Err(format!("{}: parent {p} does not exist", entry.id));
                }
            }
        }
        // Index every name.
        let mut names: Vec<(&'static str, Target)> = Vec::new();
        for (i, entry) in lex.entries.iter().enumerate() {
            for name in entry.names() {
                names.push((name, Target::Entry(i as u32)));
            }
        }
        names.extend(stops.iter().map(|&s| (s, Target::Stop)));
        for (name, target) in names {
            lex.insert(name, target)?;
        }
        for (i, entry) in lex.entries.iter().enumerate() {
            match entry.kind {
                EntryKind::Agency => {
                    for name in entry.names() {
                        lex.agencies.insert(fold_str(name), i);
                    }
                }
                EntryKind::Province => {
                    lex.province_prefixes.extend(entry.names().map(fold_str));
                }
                _ => {}
            }
        }
        lex.province_prefixes
            .sort_by_key(|p| std::cmp::Reverse(p.len()));
        Ok(lex)
    }

    fn insert(&mut self, alias: &'static str, target: Target) -> Result<(), String> {
        let folded = fold_str(alias);
        let (Some(first), Some(last)) = (folded.chars().next(), folded.chars().last()) else {
            return Err(format!("empty alias for {target:?}"));
        };
        let mut node = 0u32;
        for c in folded.chars() {
            node = match self.edges.get(&(node, c)) {
                Some(&next) => next,
                None => {
                    let next = self.terminals.len() as u32;
                    self.terminals.push(None);
                    self.edges.insert((node, c), next);
                    next
                }
            };
        }
        let exact = is_acronym(alias).then_some(alias);
        let slot = &mut self.terminals[node as usize];
        if let Some(existing) = slot {
            if existing.target != target && existing.exact.is_none() && exact.is_none() {
                let describe = |t: Target| match t {
                    Target::Entry(i) => self.entries[i as usize].id,
                    Target::Stop => "stop",
                };
                return Err(format!(
                    "alias {alias:?} names both {} and {}",
                    describe(existing.target),
                    describe(target)
                ));
            }
            // Same entry twice (e.g. a name that folds like another): keep the first.
            return Ok(());
        }
        *slot = Some(Terminal {
            target,
            start_word: is_word_char(first),
            end_word: is_word_char(last),
            exact,
        });
        Ok(())
    }
}
