//! A small static file server that answers like a typical static host: `/x/` serves
//! `x/index.html`, `/x` redirects to `/x/` when that is a folder, unknown paths get `404.html` with
//! status 404. Enough HTTP/1.1 for a browser; one thread per connection.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;

pub struct StaticServer {
    pub addr: SocketAddr,
}

impl StaticServer {
    pub fn start(root: PathBuf) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().unwrap();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = root.clone();
                thread::spawn(move || {
                    let _ = serve_connection(stream, &root);
                });
            }
        });
        Self { addr }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

/// The status, headers and body a request for `path` gets.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

fn serve_connection(stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut stream = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("").to_owned();
        let target = parts.next().unwrap_or("/").to_owned();
        let mut content_length = 0usize;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                content_length = value.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; content_length];
        reader.read_exact(&mut body)?;

        let response = respond(root, &target);
        let reason = match response.status {
            200 => "OK",
            301 => "Moved Permanently",
            404 => "Not Found",
            _ => "Error",
        };
        let mut head = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Length: {}\r\n",
            response.status,
            response.body.len()
        );
        for (name, value) in &response.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if method != "HEAD" {
            stream.write_all(&response.body)?;
        }
        stream.flush()?;
    }
}

/// How the server answers a request for `target` (a path with an optional query).
pub fn respond(root: &Path, target: &str) -> Response {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path);
    if path.contains("..") {
        return not_found(root);
    }
    let relative = path.trim_start_matches('/');
    let candidate = root.join(relative);
    let file = if path.ends_with('/') {
        candidate.join("index.html")
    } else if candidate.is_dir() {
        return Response {
            status: 301,
            headers: vec![("Location".into(), format!("{path}/"))],
            body: Vec::new(),
        };
    } else {
        candidate
    };
    match std::fs::read(&file) {
        Ok(body) => Response {
            status: 200,
            headers: vec![
                ("Content-Type".into(), content_type(&file).into()),
                ("Cache-Control".into(), "no-cache".into()),
            ],
            body,
        },
        Err(_) => not_found(root),
    }
}

fn not_found(root: &Path) -> Response {
    let page = root.join("404.html");
    Response {
        status: 404,
        headers: vec![("Content-Type".into(), content_type(&page).into())],
        body: std::fs::read(&page).unwrap_or_else(|_| b"not found".to_vec()),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let escaped = s
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let (b'%', Some(b)) = (bytes[i], escaped) {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
