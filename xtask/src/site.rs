//! Builds the static site: the release wasm, its JS glue (wasm-bindgen as a library, so no
//! CLI download is needed), everything in public/, and the bundle as the explorer reads it
//! (`data/`: manifest.json plus content-named shards, written by `store::write`). The output uses relative URLs only,
//! so it can be served from any path of any static host.

use crate::root;
use crate::setup::{self, cargo, WASM_TARGET};
use std::io::Write;
use std::path::Path;

/// Files this build writes besides public/'s; a folder holding them is a previous build.
const GENERATED: &[&str] = &["ftz_explorer.js", "ftz_explorer_bg.wasm", "data"];

/// Where the site keeps the bundle's manifest and shards.
pub const DATA: &str = "data";

/// The wasm binaries: (cargo bin, output name). The first is the app; the second, the chart
/// module, is loaded only when a chart is shown.
const BINARIES: [(&str, &str); 2] = [
    ("ftz-explorer", "ftz_explorer"),
    ("ftz-charts", "ftz_charts"),
];

/// Builds the site into `out`; returns the whole bundle it was made from (build.rs's
/// `bundle.json`, texts and all).
pub fn build(seeds: Option<&Path>, out: &Path) -> crate::Result<std::path::PathBuf> {
    setup::wasm_target()?;
    let mut cmd = cargo();
    cmd.args(["build", "--release", "--target", WASM_TARGET])
        .args(["--package", "ftz-explorer"])
        .current_dir(root());
    for (bin, _) in BINARIES {
        cmd.args(["--bin", bin]);
    }
    if let Some(seeds) = seeds {
        if !seeds.is_dir() {
            return Err(format!("--seeds {}: not a folder", seeds.display()));
        }
        cmd.env("FTZ_SEEDS_DIR", seeds);
    }
    // build.rs makes the bundle; its folder is named in cargo's JSON messages.
    cmd.arg("--message-format=json-render-diagnostics")
        .stdout(std::process::Stdio::piped());
    eprintln!("$ {}", setup::describe(&cmd));
    let output = cmd
        .spawn()
        .and_then(|child| child.wait_with_output())
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!("the wasm build failed ({})", output.status));
    }
    let bundle = build_script_out_dir(&output.stdout)?.join("bundle.json");
    prepare_out_dir(out)?;
    for (bin, name) in BINARIES {
        bindgen(bin, name, out)?;
    }
    copy_dir(&root().join("public"), out)?;
    write_data(&bundle, &out.join(DATA))?;
    build_echarts(out)?;
    write_service_worker(out)?;
    report_sizes(out)?;
    Ok(bundle)
}

/// wasm-bindgen (as a library) over one release wasm binary, writing `<name>.js` and
/// `<name>_bg.wasm` into `out`.
fn bindgen(bin: &str, name: &str, out: &Path) -> crate::Result {
    let wasm = root().join(format!("target/{WASM_TARGET}/release/{bin}.wasm"));
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(&wasm)
        .out_name(name)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?
        // The library's default differs from the CLI's; without this init() cannot find
        // the .wasm next to the JS.
        .omit_default_module_path(false)
        .remove_name_section(true)
        .remove_producers_section(true)
        .typescript(false)
        .debug(false);
    bindgen
        .generate(out)
        .map_err(|e| format!("wasm-bindgen {bin}: {e:#}"))
}

/// build.rs's bundle, written as manifest + shards into `dir`.
fn write_data(bundle: &Path, dir: &Path) -> crate::Result {
    let text = std::fs::read_to_string(bundle).map_err(|e| format!("{}: {e}", bundle.display()))?;
    let mut bundle = ftz_explorer::model::Bundle::from_json(&text)
        .map_err(|e| format!("{}: {e}", bundle.display()))?;
    // The link stage runs here, after build.rs's ingest, so that build.rs needs no search code.
    ftz_explorer::link::link(&mut bundle)?;
    ftz_explorer::store::write::write_dir(&bundle, dir, ftz_explorer::store::write::SHARD_BYTES)
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(())
}

/// The OUT_DIR of this package's build script, from `cargo build --message-format=json`.
fn build_script_out_dir(messages: &[u8]) -> crate::Result<std::path::PathBuf> {
    String::from_utf8_lossy(messages)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "build-script-executed")
        .filter(|m| {
            m["package_id"]
                .as_str()
                .is_some_and(|id| id.contains("ftz-explorer"))
        })
        .find_map(|m| m["out_dir"].as_str().map(std::path::PathBuf::from))
        .ok_or_else(|| "cargo did not report where build.rs wrote the bundle".to_string())
}

/// The custom ECharts build (only what the charts use), loaded by the page when a chart is
/// first shown — never on the search path.
fn build_echarts(out: &Path) -> crate::Result {
    setup::npm_packages()?;
    setup::run(
        std::process::Command::new(root().join("node_modules/.bin/esbuild"))
            .arg(root().join("xtask/echarts-entry.js"))
            .args([
                "--bundle",
                "--minify",
                "--format=iife",
                "--global-name=echarts",
                "--log-level=warning",
            ])
            .arg("--define:process.env.NODE_ENV=\"production\"")
            .arg(format!("--outfile={}", out.join("echarts.js").display()))
            .current_dir(root()),
    )
}

/// Every file under `dir`, as sorted relative paths with `/` separators.
fn site_files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> crate::Result {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            site_files(&entry.path(), &format!("{name}/"), out)?;
        } else {
            out.push(name);
        }
    }
    out.sort();
    Ok(())
}

/// sw.js: precaches this build's shell — every file but the data, which is cached as it is
/// used — under a cache named after their contents (FNV-1a over names and bytes, the data
/// included — a version stamp, not a security measure).
fn write_service_worker(out: &Path) -> crate::Result {
    let mut files = Vec::new();
    site_files(out, "", &mut files)?;
    files.retain(|f| f != "sw.js" && !f.starts_with("bench-"));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let bytes = std::fs::read(out.join(file)).map_err(|e| e.to_string())?;
        for &b in file.as_bytes().iter().chain(&bytes) {
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    let mut precache = vec!["./".to_string()];
    let data = format!("{DATA}/");
    precache.extend(
        files
            .iter()
            .filter(|f| f.as_str() != "index.html" && !f.starts_with(&data))
            .cloned(),
    );
    let list = serde_json::to_string(&precache).map_err(|e| e.to_string())?;
    let sw = include_str!("../sw-template.js")
        .replace("__HASH__", &format!("{hash:016x}"))
        .replace("__FILES__", &list);
    std::fs::write(out.join("sw.js"), sw).map_err(|e| e.to_string())
}

/// Empties `out` if it is a previous build (or empty); refuses to wipe anything else.
fn prepare_out_dir(out: &Path) -> crate::Result {
    if out.exists() {
        let is_empty = out.read_dir().map_err(|e| e.to_string())?.next().is_none();
        let is_previous = GENERATED.iter().any(|f| out.join(f).exists());
        if !is_empty && !is_previous {
            return Err(format!(
                "{} exists and is not a previous build; choose another --out",
                out.display()
            ));
        }
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))
}

fn copy_dir(from: &Path, to: &Path) -> crate::Result {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst).map_err(|e| format!("{}: {e}", src.display()))?;
        }
    }
    Ok(())
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

fn report_sizes(out: &Path) -> crate::Result {
    let mut entries: Vec<_> = std::fs::read_dir(out)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    let (mut raw_total, mut gz_total) = (0, 0);
    println!("site in {}:", out.display());
    for entry in entries {
        let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
        let gz = gzip_len(&bytes);
        raw_total += bytes.len();
        gz_total += gz;
        println!(
            "  {:<24} {:>9} bytes {:>9} gzip",
            entry.file_name().to_string_lossy(),
            bytes.len(),
            gz
        );
    }
    println!(
        "  {:<24} {:>9} bytes {:>9} gzip",
        "total", raw_total, gz_total
    );
    Ok(())
}
