//! A small static file server that answers like the static hosts the site is deployed to:
//! `/x/` serves `x/index.html`, `/x` serves `x.html` if there is one, `/x` redirects to `/x/` when that is a folder, unknown paths get
//! `404.html` with status 404, the headers in `_headers` are applied (as Netlify and Cloudflare
//! Pages do), the rewrites of `_redirects` (status 200, applied even where a file exists, the
//! first matching rule winning, as on Cloudflare Pages, the stricter of the two hosts), and
//! `file.br` / `file.gz` are served when the browser accepts them. Enough HTTP/1.1
//! for a browser; one thread per connection.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// Changes a page's HTML (given its path) before it is sent.
pub type HtmlRewrite = Arc<dyn Fn(&str, String) -> String + Send + Sync>;

/// What goes wrong with requests for page data (`/_data/pages/...`), to test how the app copes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Fault {
    #[default]
    None,
    /// Answer with this error status.
    Status(u16),
    /// Answer 200 with something that is not JSON.
    Garbage,
    /// Answer 200 with the first half of the file.
    Truncated,
    /// Close the connection without answering, as a network failure would.
    Drop,
    /// Answer correctly, after this long.
    Delay(Duration),
    /// Answer 200 with the home page's HTML, as hosts that answer every address with their
    /// single page do.
    Page,
}

/// How the server behaves.
#[derive(Clone, Default)]
pub struct Options {
    /// Switchable while a test runs.
    pub data_fault: Arc<Mutex<Fault>>,
    /// The sub-path the site is served under (`/scc`), or `""`.
    pub prefix: String,
    /// Answer unknown addresses with `index.html` and status 200, as single-page-app hosts do.
    pub spa_fallback: bool,
    /// Changes the HTML of a page before it is sent, as a misbehaving proxy might.
    pub rewrite_html: Option<HtmlRewrite>,
    /// Leaves `_redirects` unread, as GitHub Pages does.
    pub no_rewrites: bool,
}

pub struct StaticServer {
    pub addr: SocketAddr,
    prefix: String,
}

impl StaticServer {
    pub fn start(root: PathBuf, options: Options) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().unwrap();
        let prefix = options.prefix.clone();
        let site = Arc::new(Site {
            headers: HeaderRules::read(&root.join("_headers")),
            rewrites: if options.no_rewrites {
                Vec::new()
            } else {
                read_rewrites(&root.join("_redirects"))
            },
            root,
            options,
        });
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = site.clone();
                thread::spawn(move || {
                    let _ = serve_connection(stream, &site);
                });
            }
        });
        Self { addr, prefix }
    }

    /// The full address of a path of the site (under the server's sub-path).
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}{path}", self.addr, self.prefix)
    }

    /// Fetches `path` without a browser: status, headers (lower-case names), body.
    pub fn get(&self, path: &str) -> Response {
        let mut stream = TcpStream::connect(self.addr).expect("connect to the test server");
        write!(
            stream,
            "GET {}{path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n",
            self.prefix
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        Response {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }
}

/// The status, headers and body of a response.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

struct Site {
    root: PathBuf,
    options: Options,
    headers: HeaderRules,
    rewrites: Vec<(String, String)>,
}

fn serve_connection(stream: TcpStream, site: &Site) -> std::io::Result<()> {
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
        let (mut content_length, mut accept_encoding, mut close) = (0usize, String::new(), false);
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                match name.to_ascii_lowercase().as_str() {
                    "content-length" => content_length = value.trim().parse().unwrap_or(0),
                    "accept-encoding" => accept_encoding = value.to_ascii_lowercase(),
                    "connection" => close = value.trim().eq_ignore_ascii_case("close"),
                    _ => {}
                }
            }
        }
        let mut body = vec![0; content_length];
        reader.read_exact(&mut body)?;

        let fault = if target.contains("/_data/pages/") {
            *site.options.data_fault.lock().unwrap()
        } else {
            Fault::None
        };
        match fault {
            Fault::Drop => return Ok(()),
            Fault::Delay(delay) => thread::sleep(delay),
            _ => {}
        }
        let mut response = site.respond(
            &target,
            if fault == Fault::None {
                &accept_encoding
            } else {
                ""
            },
        );
        match fault {
            Fault::Status(status) => {
                response = Response {
                    status,
                    headers: vec![("Content-Type".into(), "text/plain".into())],
                    body: b"unavailable".to_vec(),
                }
            }
            Fault::Garbage => response.body = b"<html>not the data".to_vec(),
            Fault::Truncated => response.body.truncate(response.body.len() / 2),
            Fault::Page => response = site.respond(&format!("{}/", site.options.prefix), ""),
            _ => {}
        }
        let reason = match response.status {
            200 => "OK",
            301 => "Moved Permanently",
            404 => "Not Found",
            503 => "Service Unavailable",
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
        if close {
            return Ok(());
        }
    }
}

impl Site {
    fn respond(&self, target: &str, accept_encoding: &str) -> Response {
        let mut path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
        if let Some((_, destination)) = self
            .rewrites
            .iter()
            .find(|(source, _)| glob_match(source, &path))
        {
            path = destination.clone();
        }
        let Some(path) = path
            .strip_prefix(&self.options.prefix)
            .filter(|p| p.starts_with('/'))
        else {
            return self.not_found("/");
        };
        if path.contains("..") {
            return self.not_found(path);
        }
        let candidate = self.root.join(path.trim_start_matches('/'));
        let file = if path.ends_with('/') {
            candidate.join("index.html")
        } else if candidate.is_dir() {
            let location = format!("{}{path}/", self.options.prefix);
            return Response {
                status: 301,
                headers: vec![("Location".into(), location)],
                body: Vec::new(),
            };
        } else if !candidate.is_file()
            && PathBuf::from(format!("{}.html", candidate.display())).is_file()
        {
            // `/privacy` is `privacy.html`, as every static host serves it.
            PathBuf::from(format!("{}.html", candidate.display()))
        } else {
            candidate
        };
        if !file.is_file() {
            if self.options.spa_fallback && !path.rsplit('/').next().unwrap_or("").contains('.') {
                return self.file_response(
                    200,
                    path,
                    &self.root.join("index.html"),
                    accept_encoding,
                );
            }
            return self.not_found(path);
        }
        self.file_response(200, path, &file, accept_encoding)
    }

    fn not_found(&self, path: &str) -> Response {
        self.file_response(404, path, &self.root.join("404.html"), "")
    }

    fn file_response(
        &self,
        status: u16,
        path: &str,
        file: &Path,
        accept_encoding: &str,
    ) -> Response {
        let mut headers = vec![("Content-Type".to_owned(), content_type(file).to_owned())];
        headers.extend(
            self.headers
                .for_path(&format!("{}{path}", self.options.prefix)),
        );
        let rewrite = self
            .options
            .rewrite_html
            .as_ref()
            .filter(|_| content_type(file).starts_with("text/html"));
        if rewrite.is_none() {
            for (encoding, suffix) in [("br", "br"), ("gzip", "gz")] {
                let compressed = PathBuf::from(format!("{}.{suffix}", file.display()));
                if accept_encoding.contains(encoding) && compressed.is_file() {
                    headers.push(("Content-Encoding".into(), encoding.into()));
                    headers.push(("Vary".into(), "Accept-Encoding".into()));
                    return Response {
                        status,
                        headers,
                        body: std::fs::read(compressed).unwrap_or_default(),
                    };
                }
            }
        }
        let mut body = std::fs::read(file).unwrap_or_else(|_| b"not found".to_vec());
        if let Some(rewrite) = rewrite {
            body = rewrite(path, String::from_utf8_lossy(&body).into_owned()).into_bytes();
        }
        Response {
            status,
            headers,
            body,
        }
    }
}

/// The rewrites (status 200) of a `_redirects` file: source and destination, in order.
fn read_rewrites(file: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(
            |line| match line.split_whitespace().collect::<Vec<_>>()[..] {
                [source, destination, "200"] => Some((source.to_owned(), destination.to_owned())),
                _ => None,
            },
        )
        .collect()
}

/// The rules of a `_headers` file: a path (`/*` ends in a wildcard) followed by indented
/// `Name: value` lines.
#[derive(Default)]
struct HeaderRules(Vec<(String, Vec<(String, String)>)>);

impl HeaderRules {
    fn read(file: &Path) -> Self {
        let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for line in std::fs::read_to_string(file).unwrap_or_default().lines() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if !line.starts_with(char::is_whitespace) {
                rules.push((line.trim().to_owned(), Vec::new()));
            } else if let (Some(rule), Some((name, value))) =
                (rules.last_mut(), line.split_once(':'))
            {
                rule.1
                    .push((name.trim().to_owned(), value.trim().to_owned()));
            }
        }
        Self(rules)
    }

    /// The headers for `path`: every matching rule applies, and where two set one header the
    /// later rule wins, as on Netlify. `*` matches any run of characters, `/` included.
    fn for_path(&self, path: &str) -> Vec<(String, String)> {
        let mut headers: Vec<(String, String)> = Vec::new();
        for (_, rule) in self
            .0
            .iter()
            .filter(|(pattern, _)| glob_match(pattern, path))
        {
            for (name, value) in rule {
                headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
                headers.push((name.clone(), value.clone()));
            }
        }
        headers
    }
}

fn glob_match(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, tail)) => {
            text.starts_with(head)
                && (head.len()..=text.len())
                    .any(|i| text.is_char_boundary(i) && glob_match(tail, &text[i..]))
        }
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
