//! A small static file server for `serve`, the bench and the browser tests. Serves one
//! folder on 127.0.0.1, GET and HEAD only, with the MIME types a static host would send
//! (`application/wasm` matters for streaming compilation) and, as hosts do, gzip for text
//! and wasm when the browser accepts it. Never serves outside the folder.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Serves `root` until the process ends.
pub fn serve_forever(root: &Path, port: u16) -> crate::Result {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    println!(
        "serving {} at http://127.0.0.1:{port}/  (Ctrl-C stops)",
        root.display()
    );
    accept_loop(listener, root.to_path_buf());
    Ok(())
}

/// Serves `root` on a free port from a background thread; returns the address.
pub fn spawn(root: &Path) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", 0))?;
    let addr = listener.local_addr()?;
    let root = root.to_path_buf();
    std::thread::spawn(move || accept_loop(listener, root));
    Ok(addr)
}

fn accept_loop(listener: TcpListener, root: PathBuf) {
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &root);
        });
    }
}

fn handle(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers only Accept-Encoding changes the answer.
    let mut header = String::new();
    let mut gzip = false;
    while reader.read_line(&mut header)? > 2 {
        let lower = header.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("accept-encoding:") {
            gzip = value.split(',').any(|e| e.trim().starts_with("gzip"));
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, 405, "text/plain", b"method not allowed", false);
    }
    match resolve(root, target) {
        Some(path) => match std::fs::read(&path) {
            Ok(body) if gzip && compressible(&path) => {
                let body = compressed(&path, &body);
                respond_with(
                    &mut stream,
                    200,
                    content_type(&path),
                    &body,
                    method == "HEAD",
                    "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n",
                )
            }
            Ok(body) => respond(
                &mut stream,
                200,
                content_type(&path),
                &body,
                method == "HEAD",
            ),
            Err(_) => respond(
                &mut stream,
                404,
                "text/plain",
                b"not found",
                method == "HEAD",
            ),
        },
        None => respond(
            &mut stream,
            404,
            "text/plain",
            b"not found",
            method == "HEAD",
        ),
    }
}

/// Maps a request target to a file under `root`: query and fragment dropped, percent-
/// escapes decoded, `..` refused, folders answered by their index.html.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut full = root.join(relative);
    if full.is_dir() {
        full.push("index.html");
    }
    full.is_file().then_some(full)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// What a static host compresses on the fly: text and wasm (Pagefind's own files come
/// compressed already).
fn compressible(path: &Path) -> bool {
    let kind = content_type(path);
    kind.starts_with("text/")
        || kind.starts_with("application/") && kind != "application/octet-stream"
        || kind == "image/svg+xml"
}

/// The gzip of a file (level 6, as hosts do), kept per path and size so that repeated
/// requests do not pay for it again.
fn compressed(path: &Path, body: &[u8]) -> Vec<u8> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    type Compressed = HashMap<(PathBuf, usize), Vec<u8>>;
    static CACHE: OnceLock<Mutex<Compressed>> = OnceLock::new();
    let key = (path.to_path_buf(), body.len());
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return hit;
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let gz = encoder
        .write_all(body)
        .and_then(|_| encoder.finish())
        .unwrap_or_default();
    if let Ok(mut c) = cache.lock() {
        c.insert(key, gz.clone());
    }
    gz
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    respond_with(stream, status, content_type, body, head_only, "")
}

fn respond_with(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
    extra: &str,
) -> std::io::Result<()> {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Method Not Allowed",
    };
    write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    )?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_inside_the_root_only() {
        let root = crate::root().join("public");
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/?doc=abc#p3"),
            Some(root.join("index.html"))
        );
        assert_eq!(resolve(&root, "/style.css"), Some(root.join("style.css")));
        assert_eq!(resolve(&root, "/%73tyle.css"), Some(root.join("style.css")));
        assert_eq!(resolve(&root, "/../Cargo.toml"), None);
        assert_eq!(resolve(&root, "/%2e%2e/Cargo.toml"), None);
        assert_eq!(resolve(&root, "/missing.js"), None);
        assert_eq!(resolve(&root, "/%zz"), None);
    }

    #[test]
    fn wasm_and_scripts_get_their_mime_types() {
        assert_eq!(content_type(Path::new("a_bg.wasm")), "application/wasm");
        assert!(content_type(Path::new("boot.js")).starts_with("text/javascript"));
    }

    #[test]
    fn serves_files_over_http() {
        use std::io::Read;
        let addr = spawn(&crate::root().join("public")).unwrap();
        let get = |target: &str| {
            let mut s = TcpStream::connect(addr).unwrap();
            write!(s, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
            let mut response = String::new();
            s.read_to_string(&mut response).unwrap();
            response
        };
        let index = get("/");
        assert!(index.starts_with("HTTP/1.1 200 OK"), "{index}");
        assert!(index.contains("text/html") && index.contains("<div id=\"app\""));
        assert!(get("/../Cargo.toml").starts_with("HTTP/1.1 404"));
        // Compressed when asked, and the same bytes once inflated.
        let mut s = TcpStream::connect(addr).unwrap();
        write!(
            s,
            "GET /style.css HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, br\r\n\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        s.read_to_end(&mut response).unwrap();
        let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&response[..split]);
        assert!(head.contains("Content-Encoding: gzip"), "{head}");
        let mut css = String::new();
        flate2::read::GzDecoder::new(&response[split + 4..])
            .read_to_string(&mut css)
            .unwrap();
        assert_eq!(
            css,
            std::fs::read_to_string(crate::root().join("public/style.css")).unwrap()
        );
    }
}
