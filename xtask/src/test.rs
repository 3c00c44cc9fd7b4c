//! `cargo xtask test`: every test, in order of cost — native unit and integration tests,
//! build-failure checks on bad seed folders, the release site, wasm-bindgen tests in
//! headless Chromium, then end-to-end tests driving the built site in headless Chromium.
//! Ends with one `N passed, N failed` line over all of them; exits non-zero on any failure.

use crate::setup::{self, cargo, describe, WASM_TARGET};
use crate::{root, server, site};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// How much larger than the seeds the corpus of the scaled recall test is.
const SCALED_FACTOR: usize = 20;

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    failures: Vec<String>,
}

impl Tally {
    /// Runs a test command, streaming its output and counting the results it reports
    /// (cargo's `test result:` lines, node's `# pass N` / `# fail N`).
    fn command(&mut self, label: &str, cmd: &mut Command) {
        eprintln!("\n== {label}\n$ {}", describe(cmd));
        let failed = self.failed;
        let status = cmd.stdout(Stdio::piped()).spawn().and_then(|mut child| {
            let stdout = child.stdout.take().expect("piped stdout");
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                println!("{line}");
                self.count(&line);
            }
            child.wait()
        });
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => self.fail(format!("{label}: {s}"), failed),
            Err(e) => self.fail(format!("{label}: cannot start: {e}"), failed),
        }
    }

    /// A failing command that reported no failing test still counts as one failure.
    fn fail(&mut self, why: String, failed_before: usize) {
        if self.failed == failed_before {
            self.failed += 1;
        }
        self.failures.push(why);
    }

    fn count(&mut self, line: &str) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("test result: ") {
            for part in rest.split([';', '.']) {
                let mut words = part.split_whitespace();
                if let (Some(n), Some(what)) = (words.next(), words.next()) {
                    match (n.parse::<usize>(), what) {
                        (Ok(n), "passed") => self.passed += n,
                        (Ok(n), "failed") => self.failed += n,
                        _ => {}
                    }
                }
            }
        } else if let Some(rest) = line
            .strip_prefix("# pass ")
            .or(line.strip_prefix("ℹ pass "))
        {
            self.passed += rest.trim().parse::<usize>().unwrap_or(0);
        } else if let Some(rest) = line
            .strip_prefix("# fail ")
            .or(line.strip_prefix("ℹ fail "))
        {
            self.failed += rest.trim().parse::<usize>().unwrap_or(0);
        }
    }

    fn check(&mut self, label: &str, result: crate::Result) {
        match result {
            Ok(()) => {
                println!("ok: {label}");
                self.passed += 1;
            }
            Err(why) => {
                println!("FAILED: {label}: {why}");
                self.failed += 1;
                self.failures.push(format!("{label}: {why}"));
            }
        }
    }
}

pub fn run() -> crate::Result {
    // Set-up failures are not test failures: stop at once with the reason.
    setup::wasm_target()?;
    setup::npm_packages()?;
    let (_chromium, chromedriver) = setup::chromium()?;
    let runner = setup::test_runner()?;

    let mut tally = Tally::default();
    // The recall oracle also runs on a scaled corpus (deterministic; rebuilt each time).
    let scaled = root().join("target/scaled-corpus");
    crate::scale::run(&root().join("seeds"), SCALED_FACTOR, &scaled)?;
    tally.command(
        "native tests",
        cargo()
            .args(["test", "--workspace"])
            .env("FTZ_SCALED_CORPUS", &scaled)
            .current_dir(root()),
    );
    bad_seed_checks(&mut tally);

    let dist = root().join("dist");
    if let Err(why) = site::build(None, &dist) {
        tally.check("release site builds", Err(why));
    } else {
        tally.command(
            "wasm-bindgen tests (headless Chromium)",
            cargo()
                .args(["test", "--target", WASM_TARGET, "--package", "ftz-explorer"])
                .args(["--test", "wasm_mount"])
                .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", &runner)
                .env("CHROMEDRIVER", &chromedriver)
                .current_dir(root()),
        );
        browser_tests(&mut tally, &dist);
    }

    println!();
    for failure in &tally.failures {
        println!("failed: {failure}");
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 && tally.failures.is_empty() {
        Ok(())
    } else {
        Err(format!("{} test(s) failed", tally.failed))
    }
}

/// A seed folder holding a file that cannot be read must stop the build, naming the file.
fn bad_seed_checks(tally: &mut Tally) {
    // More bad files are tested natively, through the same functions, in tests/bad_seeds.rs.
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty.txt", b"", "the file is empty"),
        (
            "broken.txt",
            &[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00],
            "not valid text",
        ),
        (
            "picture.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6",
            "looks binary",
        ),
    ];
    for (name, bytes, reason) in cases {
        let label = format!("a seed folder with {name} stops the build naming it");
        let result = (|| {
            let dir = root().join("target/bad-seeds").join(name);
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            std::fs::copy(first_seed()?, dir.join("good.txt")).map_err(|e| e.to_string())?;
            std::fs::write(dir.join(name), bytes).map_err(|e| e.to_string())?;
            let out = cargo()
                .args(["check", "--package", "ftz-explorer", "--lib"])
                .env("FTZ_SEEDS_DIR", &dir)
                .env("CARGO_TARGET_DIR", root().join("target/bad-seeds-build"))
                .current_dir(root())
                .output()
                .map_err(|e| e.to_string())?;
            let stderr = String::from_utf8_lossy(&out.stderr);
            let named = stderr.contains(&format!("{name}: ")) && stderr.contains(reason);
            match (out.status.success(), named) {
                (false, true) => Ok(()),
                (true, _) => Err("the build succeeded".into()),
                (false, false) => Err(format!(
                    "the message does not name {name} and why:\n{stderr}"
                )),
            }
        })();
        tally.check(&label, result);
    }
}

fn first_seed() -> crate::Result<std::path::PathBuf> {
    let mut seeds: Vec<_> = std::fs::read_dir(root().join("seeds"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    seeds.sort();
    seeds.into_iter().next().ok_or("seeds/ is empty".into())
}

/// The links corpus: the files of the seeds, the gov.cn text copies and the related-items
/// fixtures in one folder.
pub fn links_corpus(dir: &Path) -> crate::Result {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for from in [
        "seeds",
        "tests/fixtures/govcn-2019",
        "tests/fixtures/related/docs",
    ] {
        let from = root().join(from);
        let entries = std::fs::read_dir(&from).map_err(|e| format!("{}: {e}", from.display()))?;
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "txt") {
                std::fs::copy(&path, dir.join(entry.file_name()))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }
    Ok(())
}

/// End-to-end tests (tests/e2e/*.test.mjs, playwright-core + Debian's Chromium) against
/// the built site served over HTTP. The oracle bundle comes from `cargo xtask bundle`.
fn browser_tests(tally: &mut Tally, dist: &Path) {
    let oracle = root().join("target/e2e/seeds-bundle.json");
    if let Err(why) = crate::bundle::run(
        &root().join("seeds"),
        Some(&oracle),
        None,
        Default::default(),
    ) {
        tally.check("seed bundle for the browser tests", Err(why));
        return;
    }
    // Documents full of markup and script, for the security tests to load with ?bundle=.
    let hostile = root().join("target/e2e/hostile-bundle.json");
    let hostile_seeds = root().join("tests/e2e/fixtures/hostile-seeds");
    if let Err(why) = crate::bundle::run(&hostile_seeds, Some(&hostile), None, Default::default()) {
        tally.check("hostile bundle for the browser tests", Err(why));
        return;
    }
    // The 50 saved gov.cn pages, for the tests of what a page's metadata and tables show.
    let pages = root().join("target/e2e/pages-bundle.json");
    let pages_dir = root().join("tests/fixtures/govcn-2019/html");
    if let Err(why) = crate::bundle::run(&pages_dir, Some(&pages), None, Default::default()) {
        tally.check("gov.cn pages bundle for the browser tests", Err(why));
        return;
    }
    // The seeds, the gov.cn pages' text copies and the related-items fixtures together: a
    // corpus whose documents cite each other, for the tests of links.
    let links = root().join("target/e2e/links-bundle.json");
    let corpus = root().join("target/e2e/links-corpus");
    let built = links_corpus(&corpus)
        .and_then(|()| crate::bundle::run(&corpus, Some(&links), None, Default::default()));
    if let Err(why) = built {
        tally.check("links bundle for the browser tests", Err(why));
        return;
    }
    let addr = match server::spawn(dist) {
        Ok(addr) => addr,
        Err(e) => return tally.check("start the test server", Err(e.to_string())),
    };
    let mut files: Vec<_> = std::fs::read_dir(root().join("tests/e2e"))
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.to_string_lossy().ends_with(".test.mjs"));
    files.sort();
    tally.command(
        "browser end-to-end tests (headless Chromium)",
        Command::new("node")
            .args([
                "--test",
                "--test-reporter=tap",
                "--test-concurrency=1",
                "--test-timeout=180000",
            ])
            .args(&files)
            .env("FTZ_BASE_URL", format!("http://{addr}/"))
            .env("FTZ_SEEDS_BUNDLE", &oracle)
            .env("FTZ_HOSTILE_BUNDLE", &hostile)
            .env("FTZ_PAGES_BUNDLE", &pages)
            .env("FTZ_LINKS_BUNDLE", &links)
            .env("FTZ_SCREENSHOTS", root().join("target/screenshots"))
            .current_dir(root()),
    );
}
