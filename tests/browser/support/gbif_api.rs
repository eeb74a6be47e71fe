//! A stand-in for GBIF's API (`https://api.gbif.org/v1`) on a fixed local port, which the
//! fixture portal is built to ask (`SCC_GBIF_API`, set by scripts/test.sh). It answers searches
//! as the real API does (`count` beside the results; the fields the site reads are in the README)
//! after a short delay, so that the page is seen before its counts; any address with `failing`
//! in it (a publisher, a search's text) gets a 503. Every request is logged, so that a test can count them.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::Duration;

/// Where scripts/test.sh builds the fixture portal to find the API.
pub const ADDRESS: &str = "127.0.0.1:8731";

/// How long each answer takes: long enough that the page shows first, as on a real network.
const DELAY: Duration = Duration::from_millis(400);

/// The stand-in, started once per test binary.
pub struct StandInApi {
    requests: Arc<Mutex<Vec<String>>>,
}

impl StandInApi {
    /// The stand-in, started on first use.
    pub fn get() -> &'static StandInApi {
        static API: OnceLock<StandInApi> = OnceLock::new();
        API.get_or_init(|| {
            let listener = TcpListener::bind(ADDRESS).unwrap_or_else(|e| {
                panic!("the stand-in GBIF API cannot listen on {ADDRESS}: {e}")
            });
            let requests = Arc::new(Mutex::new(Vec::new()));
            let log = requests.clone();
            thread::spawn(move || {
                for stream in listener.incoming().flatten() {
                    let log = log.clone();
                    thread::spawn(move || answer(stream, &log));
                }
            });
            StandInApi { requests }
        })
    }

    /// The requests answered so far whose target contains `part`.
    pub fn requests_for(&self, part: &str) -> usize {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|target| target.contains(part))
            .count()
    }
}

fn answer(stream: std::net::TcpStream, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The headers, up to the empty line.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let target = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    log.lock().unwrap().push(target.clone());
    thread::sleep(DELAY);
    // A slow search (`q=slow`): answered long after any other.
    if target.contains("q=slow") {
        thread::sleep(DELAY * 6);
    }
    let (status, body) = response(&target);
    let mut stream = &stream;
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// What the real API answers: a search with `limit=0`, its paging and `count`, no results; a
/// page of occurrences (`limit=20`).
fn response(target: &str) -> (&'static str, String) {
    let search = |count: u64| {
        format!(
            r#"{{"offset":0,"limit":0,"endOfRecords":false,"count":{count},"results":[],"facets":[]}}"#
        )
    };
    if target.contains("failing") {
        (
            "503 Service Unavailable",
            r#"{"error":"unavailable"}"#.into(),
        )
    } else if target.starts_with("/v1/occurrence/search") && target.contains("limit=20") {
        ("200 OK", occurrence_page(target))
    } else if target.starts_with("/v1/occurrence/search") {
        ("200 OK", search(1_234_567))
    } else if target.starts_with("/v1/dataset/search") {
        ("200 OK", search(1_690))
    } else {
        ("404 Not Found", "{}".into())
    }
}

/// A page of an occurrence search (`limit=20`), in the shape of GBIF's answers (the fields the
/// data pages read): two records of *Puma concolor*, or none for `q=nothing`.
fn occurrence_page(target: &str) -> String {
    if target.contains("q=nothing") {
        return r#"{"offset":0,"limit":20,"endOfRecords":true,"count":0,"results":[],"facets":[]}"#
            .into();
    }
    if target.contains("q=slow") {
        return r#"{"offset":0,"limit":20,"endOfRecords":true,"count":7,"results":[],"facets":[]}"#
            .into();
    }
    let offset = if target.contains("offset=20") { 20 } else { 0 };
    format!(
        r#"{{"offset":{offset},"limit":20,"endOfRecords":false,"count":42,"results":[{{"key":1258202889,"datasetKey":"50c9509d-22c7-4a22-a47d-8c48425ef4a7","scientificName":"Puma concolor (Linnaeus, 1771)","decimalLatitude":-23.5,"country":"Brazil","countryCode":"BR","year":2015,"basisOfRecord":"HUMAN_OBSERVATION","datasetName":"iNaturalist research-grade observations"}},{{"key":1990565007,"scientificName":"Puma concolor (Linnaeus, 1771)","country":"United States of America","year":2018,"basisOfRecord":"PRESERVED_SPECIMEN","datasetName":"Mammal collection"}}],"facets":[]}}"#
    )
}
