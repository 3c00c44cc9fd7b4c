//! `cargo xtask scale --factor N --out DIR [--seeds DIR]`: a deterministic synthetic corpus
//! about N× the size of the seeds, for search and facet benchmarks (and recall oracles) on
//! realistic text at scale.
//!
//! Each synthetic document comes from one seed (round-robin) and keeps its genre: the
//! seed's head (lines up to the title, plus the meta lines right after it) with
//! " (variant N)" appended to the title line, then an ordered subset of the seed's body
//! lines (so numbered sections and measures still increase; gaps are allowed and show up as
//! ingest warnings), topped up with plain paragraph lines of the same seed or, now and
//! then, of another seed in the same language. Long English paragraphs may have their
//! sentences shuffled. Every line is seed text, copied exactly; nothing is invented but
//! the variant suffix. The same seeds and factor give byte-identical output (splitmix64
//! seeded from the factor and the file index; no clock, no hash-map order).
//!
//! Cost: linear in the output size, which is held in memory once (about N × the seeds:
//! 14 MB at 200× for the shipped seeds).

use ftz_explorer::ingest::boilerplate::is_boilerplate;
use ftz_explorer::ingest::decode::decode;
use ftz_explorer::ingest::document::{detect_lang, is_space};
use ftz_explorer::ingest::fs::read_folder;
use ftz_explorer::ingest::metadata::is_meta_line;
use ftz_explorer::ingest::numbering::marker;
use ftz_explorer::ingest::sentences::sentence_ends;
use ftz_explorer::ingest::Source;
use ftz_explorer::model::Lang;
use std::path::Path;

/// Written into --out; a folder holding it may be overwritten by the next scale run.
/// Hidden, so ingest skips it.
pub const MARKER_FILE: &str = ".scaled";
/// English paragraphs at least this long (bytes) may have their sentences shuffled …
const SHUFFLE_MIN: usize = 400;
/// … with this chance (percent).
const SHUFFLE_PCT: u64 = 70;
/// Chance (percent) that a top-up line comes from another seed of the same language.
const MIX_PCT: u64 = 15;

/// splitmix64: tiny, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(factor: usize, index: usize) -> Rng {
        Rng((factor as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (index as u64) << 32)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// One seed, cut into what the generator recombines.
struct Seed {
    name: String,
    lang: Lang,
    /// Lines up to the title and the meta lines after it, verbatim.
    head: Vec<String>,
    /// Index of the title line in `head`, if the seed has one.
    title: Option<usize>,
    /// The remaining non-blank lines, verbatim, each with "is a plain paragraph".
    body: Vec<(String, bool)>,
    /// The plain paragraphs of `body`: what top-ups draw from.
    plain: Vec<String>,
    /// Percent of body lines kept in the ordered subset.
    keep_pct: u64,
    /// Lines separated by a blank line in the seed.
    blank_sep: bool,
    bytes: usize,
}

/// Like ingest's title rule: not chrome, more letters than digits.
fn heading(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let digits = line.chars().filter(|c| c.is_ascii_digit()).count();
    !is_boilerplate(line) && letters >= 6 && letters > digits
}

/// Text that can start a paragraph without ingest reading structure into it: no list
/// marker, not a case heading, not a "Label:" line.
fn starts_freely(text: &str) -> bool {
    let label_like = text
        .find([':', '：'])
        .is_some_and(|i| text[..i].chars().count() <= 24);
    marker(text).is_none() && !label_like && !text.starts_with("Case ") && !text.starts_with("案例")
}

/// A paragraph line that can move freely: starts freely, is not meta or chrome, and is too
/// long to read as a heading.
fn is_plain(line: &str) -> bool {
    starts_freely(line)
        && !is_meta_line(line)
        && !is_boilerplate(line)
        && line.chars().count() >= 40
}

fn cut(name: &str, text: &str) -> Seed {
    let lines: Vec<&str> = text
        .split('\n')
        .filter(|l| !l.trim_matches(is_space).is_empty())
        .collect();
    let blanks = text.split('\n').count() - lines.len();
    let title = lines
        .iter()
        .take(8)
        .position(|l| heading(l.trim_matches(is_space)));
    let mut head_len = title.map_or(0, |t| t + 1);
    while head_len < lines.len() && head_len < 12 {
        let t = lines[head_len].trim_matches(is_space);
        if !(is_meta_line(t) || is_boilerplate(t)) {
            break;
        }
        head_len += 1;
    }
    let body: Vec<(String, bool)> = lines[head_len..]
        .iter()
        .map(|l| (l.to_string(), is_plain(l.trim_matches(is_space))))
        .collect();
    let all: usize = body.iter().map(|(l, _)| l.len()).sum();
    let plain: usize = body.iter().filter(|(_, p)| *p).map(|(l, _)| l.len()).sum();
    // Seeds that are mostly numbered measures keep more of them, so that the top-up
    // (plain lines only) does not repeat the few paragraphs they have.
    let plain_pct = (plain * 100).checked_div(all).unwrap_or(0) as u64;
    Seed {
        name: name.to_string(),
        lang: detect_lang(text),
        head: lines[..head_len].iter().map(|l| l.to_string()).collect(),
        title,
        plain: body
            .iter()
            .filter(|(_, p)| *p)
            .map(|(l, _)| l.clone())
            .collect(),
        body,
        keep_pct: (100 - plain_pct / 2).clamp(80, 95),
        blank_sep: blanks * 2 >= lines.len(),
        bytes: text.len(),
    }
}

/// The sentences of a line, trimmed (the pieces the shuffle moves).
pub fn sentences(line: &str) -> Vec<&str> {
    let ends = sentence_ends(line);
    let starts = [0].into_iter().chain(ends.iter().copied());
    (starts.zip(ends.iter().copied().chain([line.len()])))
        .map(|(start, end)| line[start..end].trim_matches(is_space))
        .filter(|piece| !piece.is_empty())
        .collect()
}

/// A body line as it goes out: verbatim, or (long English paragraphs, sometimes) with its
/// sentences shuffled and joined by single spaces. The first sentence must not read as a
/// list marker or label, or ingest would see a different structure.
fn render(line: &str, lang: Lang, plain: bool, rng: &mut Rng) -> String {
    let trimmed = line.trim_matches(is_space);
    if lang != Lang::En || !plain || trimmed.len() < SHUFFLE_MIN || !rng.chance(SHUFFLE_PCT) {
        return line.to_string();
    }
    let mut pieces = sentences(trimmed);
    if pieces.len() < 3 {
        return line.to_string();
    }
    for i in (1..pieces.len()).rev() {
        pieces.swap(i, rng.below(i + 1));
    }
    let Some(first) = pieces
        .iter()
        .position(|p| p.starts_with(|c: char| c.is_uppercase()) && starts_freely(p))
    else {
        return line.to_string();
    };
    pieces.swap(0, first);
    let indent = &line[..line.len() - line.trim_start_matches(is_space).len()];
    format!("{indent}{}", pieces.join(" "))
}

/// One synthetic document: seed `seeds[index % len]`, variant `index / len + 1`.
fn document(seeds: &[Seed], factor: usize, index: usize) -> String {
    let seed = &seeds[index % seeds.len()];
    let variant = index / seeds.len() + 1;
    let mut rng = Rng::new(factor, index);
    let sep = if seed.blank_sep { "\n\n" } else { "\n" };
    let mut head = seed.head.clone();
    if let Some(t) = seed.title {
        head[t] = format!(
            "{}{}",
            head[t].trim_end_matches(is_space),
            variant_suffix(variant)
        );
    }
    let mut size: usize = head.iter().map(|l| l.len() + sep.len()).sum();
    // The ordered subset: numbering only ever increases.
    let mut body: Vec<(String, bool)> = Vec::new();
    for (line, plain) in &seed.body {
        if rng.chance(seed.keep_pct) {
            let out = render(line, seed.lang, *plain, &mut rng);
            size += out.len() + sep.len();
            body.push((out, *plain));
        }
    }
    // Top up to the seed's size with plain lines, each right after a plain line (or at the
    // end), from this seed or now and then from another seed of the same language.
    let kin: Vec<&Seed> = seeds
        .iter()
        .filter(|s| s.lang == seed.lang && s.name != seed.name && !s.plain.is_empty())
        .collect();
    while size < seed.bytes && !(seed.plain.is_empty() && kin.is_empty()) {
        let mix = !kin.is_empty() && (seed.plain.is_empty() || rng.chance(MIX_PCT));
        let from = if mix { kin[rng.below(kin.len())] } else { seed };
        // Prefer a line the document does not hold yet.
        let mut line = &from.plain[rng.below(from.plain.len())];
        for _ in 0..4 {
            if !body.iter().any(|(l, _)| l == line) {
                break;
            }
            line = &from.plain[rng.below(from.plain.len())];
        }
        let out = render(line, from.lang, true, &mut rng);
        if size + out.len() / 2 > seed.bytes {
            break;
        }
        size += out.len() + sep.len();
        let slots: Vec<usize> = (0..body.len()).filter(|&i| body[i].1).collect();
        let at = if slots.is_empty() {
            body.len()
        } else {
            slots[rng.below(slots.len())] + 1
        };
        body.insert(at, (out, true));
    }
    let mut text = head
        .into_iter()
        .chain(body.into_iter().map(|(l, _)| l))
        .collect::<Vec<_>>()
        .join(sep);
    text.push('\n');
    text
}

pub fn variant_suffix(variant: usize) -> String {
    format!(" (variant {variant})")
}

/// The synthetic corpus for `factor` (≥ 1): `factor` variants of every seed, as (file name,
/// text) in name order, about `factor` × the seeds' size. Sources that do not decode as
/// text are left out (the command refuses them before calling this).
pub fn scale(sources: &[Source], factor: usize) -> Vec<(String, String)> {
    let mut sorted: Vec<&Source> = sources.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let seeds: Vec<Seed> = sorted
        .iter()
        .filter_map(|s| decode(&s.bytes).ok().map(|d| cut(&s.name, &d.text)))
        .collect();
    if seeds.is_empty() {
        return Vec::new();
    }
    let width = factor.to_string().len().max(4);
    (0..factor * seeds.len())
        .map(|i| {
            let variant = i / seeds.len() + 1;
            let name = format!("s{variant:0width$}_{}", seeds[i % seeds.len()].name);
            (name, document(&seeds, factor, i))
        })
        .collect()
}

/// Makes `out` ready: creates it, or empties a previous scale output (the files its marker
/// lists); refuses a folder holding anything else.
fn prepare(out: &Path) -> crate::Result {
    let fail = |e: std::io::Error| format!("{}: {e}", out.display());
    std::fs::create_dir_all(out).map_err(fail)?;
    let previous = std::fs::read_to_string(out.join(MARKER_FILE)).unwrap_or_default();
    let ours: Vec<&str> = previous.lines().skip(1).collect();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(out).map_err(fail)? {
        names.push(
            entry
                .map_err(fail)?
                .file_name()
                .to_string_lossy()
                .into_owned(),
        );
    }
    let foreign: Vec<&String> = names
        .iter()
        .filter(|n| *n != MARKER_FILE && !ours.contains(&n.as_str()))
        .collect();
    if !foreign.is_empty() {
        return Err(format!(
            "{} holds {} entries that no scale run wrote (first {:?}); refusing to write \
             into it: use a new or empty folder",
            out.display(),
            foreign.len(),
            foreign[0]
        ));
    }
    for name in names.iter().filter(|n| *n != MARKER_FILE) {
        std::fs::remove_file(out.join(name)).map_err(fail)?;
    }
    Ok(())
}

/// The command: read the seeds, write the corpus and the marker, print a one-line summary.
pub fn run(seeds_dir: &Path, factor: usize, out: &Path) -> crate::Result {
    let folder = read_folder(seeds_dir).map_err(|e| e.to_string())?;
    if folder.sources.is_empty() {
        return Err(format!("{}: no seed files", seeds_dir.display()));
    }
    for source in &folder.sources {
        decode(&source.bytes).map_err(|e| format!("{}: {e}", source.name))?;
    }
    prepare(out)?;
    let files = scale(&folder.sources, factor);
    let mut marker = format!("ftz-explorer scale output: factor {factor}\n");
    for (name, _) in &files {
        marker += &format!("{name}\n");
    }
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    // The marker first: an interrupted run still leaves a folder the next run may reuse.
    write(&out.join(MARKER_FILE), &marker)?;
    for (name, text) in &files {
        write(&out.join(name), text)?;
    }
    let seed_bytes: usize = folder.sources.iter().map(|s| s.bytes.len()).sum();
    let total: usize = files.iter().map(|(_, t)| t.len()).sum();
    println!(
        "scale: {} files, {total} bytes in {} (factor {:.2} of {seed_bytes} seed bytes)",
        files.len(),
        out.display(),
        total as f64 / seed_bytes as f64
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn seeds() -> Vec<Source> {
        read_folder(&crate::root().join("seeds")).unwrap().sources
    }

    #[test]
    fn scaled_seeds_ingest_at_the_right_size_and_deterministically() {
        let seeds = seeds();
        let files = scale(&seeds, 3);
        assert_eq!(files.len(), 3 * seeds.len());
        let names: Vec<&String> = files.iter().map(|(n, _)| n).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
        assert!(names[0].starts_with("s0001_000_"), "{}", names[0]);
        let source = |(name, text): &(String, String)| Source {
            name: name.clone(),
            bytes: text.clone().into_bytes(),
        };
        let sources: Vec<Source> = files.iter().map(source).collect();
        let bundle = ftz_explorer::ingest::ingest(&sources).unwrap();
        assert_eq!(bundle.documents.len(), files.len());
        let seed_bytes: usize = seeds.iter().map(|s| s.bytes.len()).sum();
        let total: usize = files.iter().map(|(_, t)| t.len()).sum();
        let ratio = total as f64 / (3 * seed_bytes) as f64;
        assert!((0.9..=1.1).contains(&ratio), "{total} bytes: {ratio:.3}");
        assert_eq!(files, scale(&seeds, 3), "same seeds and factor, same bytes");
        assert_ne!(files[0].1, files[seeds.len()].1, "variants differ");
    }

    #[test]
    fn every_output_line_is_seed_text() {
        let seeds = seeds();
        let mut lines = BTreeSet::new();
        let mut pieces = BTreeSet::new();
        for seed in &seeds {
            for line in decode(&seed.bytes).unwrap().text.split('\n') {
                let line = line.trim_matches(is_space);
                lines.insert(line.to_string());
                pieces.extend(sentences(line).into_iter().map(str::to_string));
            }
        }
        // A line made of seed sentences joined by single spaces.
        let composed = |line: &str| {
            let mut reach = vec![false; line.len() + 1];
            reach[0] = true;
            for at in 0..line.len() {
                if !reach[at] {
                    continue;
                }
                for p in &pieces {
                    let end = at + p.len();
                    if line[at..].starts_with(p.as_str())
                        && (end == line.len() || line[end..].starts_with(' '))
                    {
                        reach[(end + 1).min(line.len())] = true;
                    }
                }
            }
            reach[line.len()]
        };
        let mut shuffled = 0;
        for (name, text) in &scale(&seeds, 3) {
            let variant: usize = name[1..5].parse().unwrap();
            let suffix = variant_suffix(variant);
            let mut suffixed = 0;
            for line in text.split('\n').map(|l| l.trim_matches(is_space)) {
                let stripped = line.strip_suffix(suffix.as_str());
                suffixed += stripped.is_some() as usize;
                let line = stripped.unwrap_or(line);
                let verbatim = lines.contains(line);
                shuffled += !verbatim as usize;
                assert!(verbatim || composed(line), "{name}: invented {line:?}");
            }
            assert_eq!(suffixed, 1, "{name}: one title line carries the suffix");
        }
        assert!(
            shuffled > 0,
            "some paragraphs have their sentences shuffled"
        );
    }

    #[test]
    fn numbered_lines_keep_their_seed_order() {
        let seeds = seeds();
        for (name, text) in scale(&seeds, 2) {
            let seed = seeds.iter().find(|s| name.ends_with(&s.name)).unwrap();
            let seed_text = decode(&seed.bytes).unwrap().text;
            let seed_lines: Vec<&str> = seed_text.split('\n').collect();
            let numbered = text.split('\n').filter(|l| marker(l.trim()).is_some());
            let mut last = None;
            for line in numbered {
                let at = seed_lines.iter().position(|l| *l == line);
                assert!(at > last, "{name}: {line:?} out of order");
                last = at;
            }
        }
    }
}
