//! Installs what a fresh machine lacks, each step only when it is missing: the wasm32
//! target, npm packages, the wasm-bindgen test runner, Debian's Chromium and ChromeDriver
//! (plus a CJK font, so that screenshots of Chinese text are legible).

use crate::root;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The wasm-bindgen version pinned in ../Cargo.toml and ../xtask/Cargo.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Runs a command, echoing it; fails with its exit status.
pub fn run(cmd: &mut Command) -> crate::Result {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

pub fn describe(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

fn output_of(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

pub fn wasm_target() -> crate::Result {
    let installed = output_of(Command::new("rustup").args(["target", "list", "--installed"]));
    if installed.is_some_and(|list| list.lines().any(|l| l.trim() == WASM_TARGET)) {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// `npm ci` when node_modules is missing or older than the lock file.
pub fn npm_packages() -> crate::Result {
    let root = root();
    let lock = root.join("package-lock.json");
    let stamp = root.join("node_modules/.package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if matches!((modified(&stamp), modified(&lock)), (Some(s), Some(l)) if s >= l) {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))
}

/// The Pagefind version `cargo xtask bench` compares against.
pub const PAGEFIND_VERSION: &str = "1.6.0";

/// Pagefind's CLI (the npm package, which fetches its binary), installed under
/// target/tools/pagefind for the bench only: the tests never need it.
pub fn pagefind() -> crate::Result<PathBuf> {
    let dir = root().join("target/tools/pagefind");
    let bin = dir.join("node_modules/.bin/pagefind");
    let version = output_of(Command::new(&bin).arg("--version"));
    if version.is_some_and(|v| v.contains(PAGEFIND_VERSION)) {
        return Ok(bin);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    run(Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--prefix",
        ])
        .arg(&dir)
        .arg(format!("pagefind@{PAGEFIND_VERSION}")))?;
    Ok(bin)
}

/// The wasm-bindgen test runner of the pinned version, installed under target/tools.
pub fn test_runner() -> crate::Result<PathBuf> {
    let tools = root().join("target/tools");
    let runner = tools.join("bin/wasm-bindgen-test-runner");
    let version = output_of(Command::new(tools.join("bin/wasm-bindgen")).arg("--version"));
    if runner.exists() && version.is_some_and(|v| v.contains(WASM_BINDGEN_VERSION)) {
        return Ok(runner);
    }
    // Not --locked: a dependency version locked upstream is missing from the registry.
    run(cargo()
        .args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN_VERSION,
            "--force",
        ])
        .arg("--root")
        .arg(&tools))?;
    Ok(runner)
}

/// Paths of Chromium and ChromeDriver, installed from Debian's packages when missing.
pub fn chromium() -> crate::Result<(PathBuf, PathBuf)> {
    let find = |names: &[&str]| {
        names
            .iter()
            .map(PathBuf::from)
            .find(|p| p.exists())
            .or_else(|| {
                names.iter().find_map(|n| {
                    let name = Path::new(n).file_name()?;
                    output_of(Command::new("which").arg(name)).map(|p| PathBuf::from(p.trim()))
                })
            })
    };
    let browser = || find(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]);
    let driver = || find(&["/usr/bin/chromedriver"]);
    let has_cjk_font =
        || output_of(Command::new("fc-list").arg(":lang=zh")).is_some_and(|l| !l.trim().is_empty());
    let is_root = output_of(Command::new("id").arg("-u")).is_some_and(|id| id.trim() == "0");
    if let (Some(b), Some(d)) = (browser(), driver()) {
        // Screenshots of Chinese text need a CJK font; users' systems have one.
        if is_root && !has_cjk_font() {
            run(Command::new("apt-get")
                .args(["install", "-y", "-qq", "fonts-wqy-zenhei"])
                .env("DEBIAN_FRONTEND", "noninteractive"))?;
        }
        return Ok((b, d));
    }
    if !is_root {
        return Err(
            "Chromium and ChromeDriver are needed: install Debian's `chromium` and \
                    `chromium-driver` packages (as root: apt-get install chromium chromium-driver)"
                .into(),
        );
    }
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "-qq",
            "chromium",
            "chromium-driver",
            "fonts-wqy-zenhei",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    match (browser(), driver()) {
        (Some(b), Some(d)) => Ok((b, d)),
        _ => {
            Err("apt-get installed chromium, but chromium/chromedriver are still not found".into())
        }
    }
}
