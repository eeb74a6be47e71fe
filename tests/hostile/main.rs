//! Hostile repositories: what a pull request from a member, a copied snippet or an attacker can
//! put in a hosted-portal repository (Liquid, `_data`, `_config.yml`, images, static files,
//! addresses), one small repository per case ([`cases`]). Each must end, alone, within 10 s and
//! 1 GB of memory, either built (with the warnings it should give) or refused with an error at the
//! file and line that caused it: never a panic, an abort or a build that runs away.
//!
//! `HOSTILE_REPORT=1` prints every case's time and memory; `HOSTILE_ONLY=a,b` runs those cases.

mod cases;
#[path = "../common/measure.rs"]
mod measure;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use cases::{Case, Expect};
use scc_site::content::{self, Compiled};

/// The time and memory every case must stay within.
const SECONDS: f64 = 10.0;
const BYTES: usize = 1 << 30;

/// A minimal `index.html` as trunk writes it, for the cases that run the build step.
const SHELL: &str = r#"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>x</title>
<script type="module">import init, * as bindings from '/scc-site-1.js';
init({ module_or_path: '/scc-site-1_bg.wasm' });</script>
</head>
<body></body>
</html>
"#;

/// Writes the case's repository into a fresh folder.
fn write_repository(case: &Case) -> PathBuf {
    let root =
        std::env::temp_dir().join(format!("scc-hostile-{}-{}", case.name, std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (path, bytes) in (case.files)() {
        let file = root.join("site").join(&path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, bytes).unwrap();
    }
    if let Some(prepare) = case.prepare {
        prepare(&root.join("site"));
    }
    root
}

/// What a case came to: every message, and whether a site came out (and was built, for the
/// cases that run the build step).
struct Outcome {
    messages: Vec<String>,
    built: bool,
    build_error: Option<String>,
}

/// Loads, compiles and (for the cases that ask) builds the repository at `root/site`.
fn run(root: PathBuf, build: bool) -> Outcome {
    let input = match content::load(&root.join("site"), "content") {
        Ok(input) => input,
        Err(error) => {
            return Outcome {
                messages: vec![format!("cannot be read: {error}")],
                built: false,
                build_error: None,
            };
        }
    };
    let Compiled { site, diagnostics } =
        content::compile(&input, Arc::new(scc_site::build::page_body::markdownify));
    let mut messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    let Some(site) = site else {
        return Outcome {
            messages,
            built: false,
            build_error: None,
        };
    };
    let mut build_error = None;
    if build {
        let dist = root.join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), SHELL).unwrap();
        let options = scc_site::build::Options {
            site_root: root.join("site"),
            dist,
            public_url: "/".into(),
            shell_public_url: None,
            compress: false,
            shell: Default::default(),
            previous: None,
            adopt_previous: false,
            build_number: None,
        };
        let sources = site.image_sources.clone();
        match scc_site::build::write_site(site, &options) {
            // As `build_site` reports them: where each image is written.
            Ok(report) => messages.extend(
                report
                    .image_problems
                    .iter()
                    .map(|problem| problem.diagnostic(&sources, "content/").to_string()),
            ),
            Err(error) => build_error = Some(error.to_string()),
        }
    }
    Outcome {
        messages,
        built: true,
        build_error,
    }
}

/// What is wrong with a case's outcome, if anything.
fn judge(case: &Case, outcome: &Outcome) -> Option<String> {
    let said = |at: &str, says: &str| {
        outcome
            .messages
            .iter()
            .any(|m| m.starts_with(at) && m.contains(says))
    };
    match &case.expect {
        Expect::Refused { at, says } => {
            if outcome.built {
                return Some(format!(
                    "built, but should be refused at {at} saying {says:?}"
                ));
            }
            (!said(at, says)).then(|| {
                format!(
                    "refused, but not at {at} saying {says:?}: {:#?}",
                    outcome.messages
                )
            })
        }
        Expect::Builds { saying } => {
            if !outcome.built {
                return Some(format!("refused: {:#?}", outcome.messages));
            }
            if let Some(error) = &outcome.build_error {
                return Some(format!("the build step failed: {error}"));
            }
            saying
                .iter()
                .find(|(at, says)| !said(at, says))
                .map(|(at, says)| {
                    format!(
                        "built, but said nothing at {at} with {says:?}: {:#?}",
                        outcome.messages
                    )
                })
        }
    }
}

#[test]
fn every_hostile_repository_ends_built_or_refused_at_its_line_within_the_limits() {
    let only = std::env::var("HOSTILE_ONLY").ok();
    let report = std::env::var_os("HOSTILE_REPORT").is_some();
    let mut failures = Vec::new();
    if report {
        println!("\n| case | time (s) | peak memory (MB) | outcome |");
        println!("| --- | ---: | ---: | --- |");
    }
    for case in cases::all() {
        if only
            .as_deref()
            .is_some_and(|only| !only.split(',').any(|o| o == case.name))
        {
            continue;
        }
        eprintln!("running {} ({})", case.name, case.about);
        let root = write_repository(&case);
        let build = case.build;
        let work_root = root.clone();
        let Some(measured) = measure::measure(
            case.name,
            Duration::from_secs_f64(SECONDS * 3.0),
            move || run(work_root, build),
        ) else {
            eprintln!(
                "{} ({}) did not finish within {} s",
                case.name,
                case.about,
                SECONDS * 3.0
            );
            std::process::exit(1);
        };
        let _ = std::fs::remove_dir_all(&root);
        let outcome = &measured.result;
        if report {
            let first = outcome
                .messages
                .iter()
                .find(|m| m.contains("error:"))
                .or(outcome.messages.first());
            println!(
                "| {} | {:.2} | {:.0} | {} |",
                case.name,
                measured.seconds,
                measured.peak_bytes as f64 / 1e6,
                first
                    .map_or("built", |m| m.lines().next().unwrap_or(""))
                    .replace('|', "\\|")
            );
        }
        if measured.seconds > SECONDS {
            failures.push(format!(
                "{}: {:.1} s, over {SECONDS} s",
                case.name, measured.seconds
            ));
        }
        if measured.peak_bytes > BYTES {
            failures.push(format!(
                "{}: {} MB, over 1 GB",
                case.name,
                measured.peak_bytes >> 20
            ));
        }
        if let Some(wrong) = judge(&case, outcome) {
            failures.push(format!("{} ({}): {wrong}", case.name, case.about));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
