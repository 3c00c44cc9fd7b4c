//! `cargo xtask`: the project's build tool. Builds the static site, serves it, builds
//! bundles from any folder, scales the seeds into benchmark corpora, and runs every test
//! (installing what a fresh machine lacks).

mod alloc;
mod bench;
mod bundle;
mod fuzz;
mod keys;
mod links;
mod pagefind;
mod query;
mod scale;
mod server;
mod setup;
mod site;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <command> [options]

  serve [--port 8080] [--seeds DIR]    build the release site into dist/ and serve it on 127.0.0.1
  dist  [--seeds DIR] [--out DIR]      build the static site only (default dist/)
  bundle DIR [--out FILE] [--shards DIR]
                                       build a bundle from any folder and print a summary;
                                       --shards writes it as the explorer reads it: manifest.json
                                       plus content-named shards
  audit DIR                            what ingest read in every document of a folder: items by
                                       kind and level, annotations, units, numbers, warnings
  links DIR                            what the link stage found in a folder: every related pair
                                       with both texts, every citation and what it resolved to
  query [--bundle FILE | --manifest DIR] QUERY [--json] [--limit N]
                                       search a bundle (default: the seeds') from the terminal;
                                       --manifest reads a sharded one and says what it fetched
  keys [--bundle FILE] [--facet NAME]  every facet's values: the keys for URLs and embeds, with
                                       their labels
  scale --factor N --out DIR [--seeds DIR]
                                       write a deterministic synthetic corpus ~N× the seeds
                                       (recombined seed lines, for benchmarks)
  test                                 install what is missing, then run every test

  A folder may hold .txt, .md, .html/.htm, .docx and .pdf files; other files are skipped with
  a warning.
  --skip-unreadable (serve, dist, bundle, audit, links) turns a file that cannot be read into a
  warning instead of stopping the build (build.rs: FTZ_SKIP_UNREADABLE=1).
  bench [--factor 200,2000] [--out FILE]
                                       measure ingest, index and search, natively and in
                                       Chromium, against Pagefind on the same corpora
  fuzz [--cases 100000]                the fuzz suites (tests/fuzz_*.rs), optimised, with N inputs
                                       each (every `cargo test` runs 500)
";

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (where Cargo.toml, seeds/ and public/ live).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Options that take no value.
const FLAGS: &[&str] = &["json", "skip-unreadable"];

/// Command-line options: positional arguments plus `--name value` pairs.
struct Args {
    positional: Vec<String>,
    options: Vec<(String, String)>,
}

impl Args {
    fn parse(raw: &[String]) -> Result<Args> {
        let mut args = Args {
            positional: Vec::new(),
            options: Vec::new(),
        };
        let mut iter = raw.iter();
        while let Some(arg) = iter.next() {
            if let Some(name) = arg.strip_prefix("--") {
                let (name, value) = match name.split_once('=') {
                    Some((n, v)) => (n.to_string(), v.to_string()),
                    None if FLAGS.contains(&name) => (name.to_string(), String::new()),
                    None => {
                        let value = iter.next().ok_or(format!("--{name} needs a value"))?;
                        (name.to_string(), value.clone())
                    }
                };
                args.options.push((name, value));
            } else {
                args.positional.push(arg.clone());
            }
        }
        Ok(args)
    }

    fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn path(&self, name: &str) -> Option<PathBuf> {
        self.option(name).map(absolute)
    }

    fn allow_only(&self, names: &[&str], positional: usize) -> Result {
        if let Some((bad, _)) = self
            .options
            .iter()
            .find(|(n, _)| !names.contains(&n.as_str()))
        {
            return Err(format!("unknown option --{bad}\n\n{HELP}"));
        }
        if self.positional.len() > positional {
            return Err(format!(
                "unexpected argument {:?}\n\n{HELP}",
                self.positional[positional]
            ));
        }
        Ok(())
    }
}

/// Paths on the command line are relative to where the user ran cargo.
fn absolute(path: &str) -> PathBuf {
    let path = PathBuf::from(path);
    if path.is_absolute() {
        path
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| root())
            .join(path)
    }
}

/// `--skip-unreadable`: a file that cannot be read is a warning, not the end of the build.
fn ingest_options(args: &Args) -> ftz_explorer::ingest::Options {
    ftz_explorer::ingest::Options {
        skip_unreadable: args.option("skip-unreadable").is_some(),
    }
}

/// The same for the site's build: build.rs reads `FTZ_SKIP_UNREADABLE`.
fn skip_unreadable_in_build(args: &Args) {
    if args.option("skip-unreadable").is_some() {
        std::env::set_var("FTZ_SKIP_UNREADABLE", "1");
    }
}

fn factor(args: &Args, default: usize) -> Result<usize> {
    match args.option("factor") {
        Some(n) => n
            .parse()
            .ok()
            .filter(|&n| n >= 1)
            .ok_or(format!("--factor {n}: not a whole number ≥ 1")),
        None => Ok(default),
    }
}

fn run(raw: &[String]) -> Result {
    let command = raw.first().map(String::as_str).unwrap_or("help");
    let args = Args::parse(raw.get(1..).unwrap_or_default())?;
    match command {
        "serve" => {
            args.allow_only(&["port", "seeds", "skip-unreadable"], 0)?;
            skip_unreadable_in_build(&args);
            let port = match args.option("port") {
                Some(p) => p
                    .parse()
                    .map_err(|_| format!("--port {p}: not a port number"))?,
                None => 8080,
            };
            let out = root().join("dist");
            site::build(args.path("seeds").as_deref(), &out)?;
            server::serve_forever(&out, port)
        }
        "dist" => {
            args.allow_only(&["seeds", "out", "skip-unreadable"], 0)?;
            skip_unreadable_in_build(&args);
            let out = args.path("out").unwrap_or_else(|| root().join("dist"));
            site::build(args.path("seeds").as_deref(), &out).map(|_| ())
        }
        "bundle" => {
            args.allow_only(&["out", "shards", "skip-unreadable"], 1)?;
            let dir = args
                .positional
                .first()
                .ok_or(format!("bundle needs a folder\n\n{HELP}"))?;
            bundle::run(
                &absolute(dir),
                args.path("out").as_deref(),
                args.path("shards").as_deref(),
                ingest_options(&args),
            )
        }
        "audit" => {
            args.allow_only(&["skip-unreadable"], 1)?;
            let dir = args
                .positional
                .first()
                .ok_or(format!("audit needs a folder\n\n{HELP}"))?;
            bundle::audit(&absolute(dir), ingest_options(&args))
        }
        "links" => {
            args.allow_only(&["skip-unreadable"], 1)?;
            let dir = args
                .positional
                .first()
                .ok_or(format!("links needs a folder\n\n{HELP}"))?;
            links::run(&absolute(dir), ingest_options(&args))
        }
        "query" => {
            args.allow_only(&["bundle", "manifest", "limit", "json"], 1)?;
            let json = args.option("json").is_some();
            let query = args
                .positional
                .first()
                .ok_or(format!("query needs a query\n\n{HELP}"))?
                .clone();
            let limit = match args.option("limit") {
                Some(n) => n
                    .parse()
                    .map_err(|_| format!("--limit {n}: not a number"))?,
                None => 10,
            };
            let from = match (args.path("bundle"), args.path("manifest")) {
                (Some(_), Some(_)) => {
                    return Err("query reads --bundle or --manifest, not both".into())
                }
                (Some(file), None) => query::From::Bundle(file),
                (None, Some(dir)) => query::From::Manifest(dir),
                (None, None) => query::From::Seeds,
            };
            query::run(from, &query, json, limit)
        }
        "keys" => {
            args.allow_only(&["bundle", "facet"], 0)?;
            keys::run(args.path("bundle").as_deref(), args.option("facet"))
        }
        "bench" => {
            args.allow_only(&["factor", "out"], 0)?;
            let factors = bench::factors(args.option("factor").unwrap_or("200,2000"))?;
            bench::run(&factors, args.path("out"))
        }
        "bench-native" => {
            args.allow_only(&["factor"], 0)?;
            bench::native(&bench::factors(args.option("factor").unwrap_or("200"))?)
        }
        "scale" => {
            args.allow_only(&["factor", "out", "seeds"], 0)?;
            if args.option("factor").is_none() {
                return Err(format!("scale needs --factor N\n\n{HELP}"));
            }
            let out = args
                .path("out")
                .ok_or(format!("scale needs --out DIR\n\n{HELP}"))?;
            let seeds = args.path("seeds").unwrap_or_else(|| root().join("seeds"));
            scale::run(&seeds, factor(&args, 1)?, &out)
        }
        "fuzz" => {
            args.allow_only(&["cases"], 0)?;
            let cases = match args.option("cases") {
                Some(n) => n
                    .parse()
                    .ok()
                    .filter(|&n| n >= 1)
                    .ok_or(format!("--cases {n}: not a whole number ≥ 1"))?,
                None => fuzz::DEFAULT_CASES,
            };
            fuzz::run(cases)
        }
        "test" => {
            args.allow_only(&[], 0)?;
            test::run()
        }
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n\n{HELP}")),
    }
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    match run(&raw) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
