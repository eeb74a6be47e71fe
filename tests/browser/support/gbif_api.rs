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

    /// The requests answered so far whose target contains `part`, in the order asked.
    pub fn requests_matching(&self, part: &str) -> Vec<String> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|target| target.contains(part))
            .cloned()
            .collect()
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
    let (status, kind, body) =
        if target.ends_with(".png") || target.contains(".png?") || target.starts_with("/v1/image/")
        {
            ("200 OK", "image/png", PNG.to_vec())
        } else {
            let (status, body) = response(&target);
            (status, "application/json", body.into_bytes())
        };
    let mut stream = &stream;
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}

/// A map tile (base map, density): one transparent pixel.
const PNG: [u8; 68] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00,
    0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44,
    0xae, 0x42, 0x60, 0x82,
];

/// Answers recorded from the real API (tests/fixtures/gbif/README.md).
fn recorded(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gbif")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the recorded answer {} cannot be read: {e}", path.display()))
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
    } else if target.contains("q=damaged") && target.contains("limit=20") {
        ("200 OK", r#"{"offset":0,"limit":20,"count":"#.into())
    } else if target.starts_with("/v1/occurrence/search") && target.contains("facet=") {
        ("200 OK", facets(target))
    } else if target.starts_with("/v1/occurrence/search")
        && (target.contains("limit=20") || target.contains("limit=24"))
    {
        ("200 OK", occurrence_page(target))
    } else if target.starts_with("/v1/occurrence/search") {
        ("200 OK", search(1_234_567))
    } else if target == "/v1/occurrence/142316497" {
        ("200 OK", recorded("occurrence-142316497.json"))
    } else if target.starts_with("/v1/species/suggest") {
        ("200 OK", recorded("species-suggest-puma-concolor.json"))
    } else if let Some(record) = REGISTRY
        .iter()
        .find(|(path, _)| target == *path)
        .map(|(_, record)| record)
    {
        ("200 OK", (*record).to_owned())
    } else if target.starts_with("/v1/dataset/search") {
        ("200 OK", search(1_690))
    } else {
        ("404 Not Found", "{}".into())
    }
}

/// Records of GBIF's registry and backbone the data pages name things by: the recorded
/// occurrence's dataset, publisher and institution, and the species of the checklist.
const REGISTRY: [(&str, &str); 9] = [
    (
        "/v1/grscicoll/collection/1f5d6f3a-0c0b-4a39-a5b1-6f8d2b1c4e21",
        r#"{"key":"1f5d6f3a-0c0b-4a39-a5b1-6f8d2b1c4e21","name":"Pontaurus collection","code":"PONT","description":"Plants of the Taurus mountains.","institutionKey":"4cf93dd2-06c8-4f49-89bc-a5d0805c6747"}"#,
    ),
    (
        "/v1/grscicoll/institution/49fb6451-91b7-4af2-8cd3-354539a77589",
        r#"{"key":"49fb6451-91b7-4af2-8cd3-354539a77589","name":"Museum of Natural History","code":"MNH"}"#,
    ),
    (
        "/v1/grscicoll/institution/ab8b25c4-f95e-437b-82df-5aed3c9031ec",
        r#"{"key":"ab8b25c4-f95e-437b-82df-5aed3c9031ec","name":"Herbarium of the Network","code":"HN"}"#,
    ),
    (
        "/v1/dataset/8575f23e-f762-11e1-a439-00145eb45e9a",
        r#"{"key":"8575f23e-f762-11e1-a439-00145eb45e9a","title":"Pontaurus","type":"OCCURRENCE","publishingOrganizationKey":"57254bd0-8256-11d8-b7ed-b8a03c50a862","license":"http://creativecommons.org/licenses/by/4.0/legalcode"}"#,
    ),
    (
        "/v1/organization/57254bd0-8256-11d8-b7ed-b8a03c50a862",
        r#"{"key":"57254bd0-8256-11d8-b7ed-b8a03c50a862","title":"Botanic Garden and Botanical Museum Berlin","country":"DE","homepage":["https://www.bgbm.org"]}"#,
    ),
    (
        "/v1/grscicoll/institution/4cf93dd2-06c8-4f49-89bc-a5d0805c6747",
        r#"{"key":"4cf93dd2-06c8-4f49-89bc-a5d0805c6747","name":"Botanischer Garten und Botanisches Museum Berlin","code":"B"}"#,
    ),
    (
        "/v1/species/2435099",
        r#"{"key":2435099,"scientificName":"Puma concolor (Linnaeus, 1771)","canonicalName":"Puma concolor","family":"Felidae","rank":"SPECIES"}"#,
    ),
    (
        "/v1/species/10846508",
        r#"{"key":10846508,"scientificName":"Pseudodictamnus acetabulosus (L.) Salmaki & Siadati","family":"Lamiaceae","rank":"SPECIES"}"#,
    ),
    (
        "/v1/species/5219404",
        r#"{"key":5219404,"scientificName":"Puma yagouaroundi (É. Geoffroy Saint-Hilaire, 1803)","family":"Felidae","rank":"SPECIES"}"#,
    ),
];

/// A search's facets (`limit=0&facet=...`): for each facet asked, its counts, the most records
/// first, as GBIF names them (`field` in constant case, `name` the value or key).
fn facets(target: &str) -> String {
    let counts = |field: &str| -> &str {
        match field {
            "basisOfRecord" => {
                r#"[{"name":"PRESERVED_SPECIMEN","count":30},{"name":"HUMAN_OBSERVATION","count":12}]"#
            }
            "country" => r#"[{"name":"US","count":22},{"name":"BR","count":20}]"#,
            "datasetKey" => r#"[{"name":"8575f23e-f762-11e1-a439-00145eb45e9a","count":42}]"#,
            "institutionCode" => r#"[{"name":"BGBM","count":42}]"#,
            "speciesKey" => {
                r#"[{"name":"2435099","count":40},{"name":"5219404","count":7},{"name":"10846508","count":2}]"#
            }
            "publishingOrg" => r#"[{"name":"57254bd0-8256-11d8-b7ed-b8a03c50a862","count":42}]"#,
            "institutionKey" => r#"[{"name":"4cf93dd2-06c8-4f49-89bc-a5d0805c6747","count":42}]"#,
            _ => "[]",
        }
    };
    let facets: Vec<String> = target
        .split(['?', '&'])
        .filter_map(|pair| pair.strip_prefix("facet="))
        .map(|field| {
            let constant: String = field
                .chars()
                .flat_map(|c| {
                    let upper = c.to_ascii_uppercase();
                    if c.is_ascii_uppercase() {
                        vec!['_', upper]
                    } else {
                        vec![upper]
                    }
                })
                .collect();
            format!(r#"{{"field":"{constant}","counts":{}}}"#, counts(field))
        })
        .collect();
    format!(
        r#"{{"offset":0,"limit":0,"endOfRecords":false,"count":42,"results":[],"facets":[{}]}}"#,
        facets.join(",")
    )
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
        r#"{{"offset":{offset},"limit":20,"endOfRecords":false,"count":42,"results":[{{"key":1258202889,"datasetKey":"50c9509d-22c7-4a22-a47d-8c48425ef4a7","scientificName":"Puma concolor (Linnaeus, 1771)","decimalLatitude":-23.5,"country":"Brazil","countryCode":"BR","year":2015,"basisOfRecord":"HUMAN_OBSERVATION","datasetName":"iNaturalist research-grade observations","media":[{{"type":"StillImage","identifier":"https://inaturalist-open-data.s3.amazonaws.com/photos/1/medium.jpg"}}]}},{{"key":1990565007,"scientificName":"Puma concolor (Linnaeus, 1771)","country":"United States of America","year":2018,"basisOfRecord":"PRESERVED_SPECIMEN","institutionCode":"MVZ","catalogNumber":"Mamm 1234","datasetName":"Mammal collection"}}],"facets":[]}}"#
    )
}
