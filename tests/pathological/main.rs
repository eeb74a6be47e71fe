//! Hostile inputs never hang, crash or exhaust the build: each case of [`cases`] is compiled and
//! its body drawn as the build draws it, and must finish within ten times the goal of issue 9:
//! `0.05 s + 1 s per MB` of time and `100 MB + 50 x its size` of memory. The ten-fold margin only
//! catches hangs and blow-ups on a busy machine; `scripts/bench_pathological.sh` measures the goal
//! itself (`PATHOLOGICAL_REPORT=1` prints every case's figures, `PATHOLOGICAL_SIZE` sets the size,
//! `PATHOLOGICAL_ONLY` picks cases by name, `PATHOLOGICAL_LIMIT` sets the
//! seconds after which a case counts as hung).
//!
//! Memory is measured by counting what the process allocates (peak bytes live during the case,
//! `tests/common/measure.rs`), so the figure is exact and does not depend on the allocator's
//! caching.

mod cases;
#[path = "../common/measure.rs"]
mod measure;

use std::time::Duration;

use scc_site::content::diagnostics::Diagnostic;

const MB: f64 = 1_000_000.0;

/// The goal for an input of `bytes`: seconds and bytes of memory.
fn goal(bytes: usize) -> (f64, f64) {
    let mb = bytes as f64 / MB;
    (0.05 + mb, 100.0 * MB + 50.0 * bytes as f64)
}

/// Compiles and draws `text`: the first error, which names the file and line, if the page was
/// refused.
fn run(text: String) -> Option<String> {
    support::compile_and_render(text)
        .err()
        .map(|d: Diagnostic| d.to_string().lines().next().unwrap_or_default().to_owned())
}

mod support;

#[test]
fn hostile_inputs_finish_within_ten_times_the_goal() {
    let size: usize = std::env::var("PATHOLOGICAL_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let only = std::env::var("PATHOLOGICAL_ONLY").ok();
    let report = std::env::var_os("PATHOLOGICAL_REPORT").is_some();
    let mut failures = Vec::new();
    if report {
        // On a line of its own, after the test harness's "test ... " prefix.
        println!(
            "\n| case | bytes | time (s) | goal (s) | peak memory (MB) | goal (MB) | outcome |"
        );
        println!("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    }
    for case in cases::all() {
        if only
            .as_deref()
            .is_some_and(|only| !only.split(',').any(|o| o == case.name))
        {
            continue;
        }
        let text = (case.make)(case.fixed_size.unwrap_or(size));
        let bytes = text.len();
        let (goal_seconds, goal_bytes) = goal(bytes);
        eprintln!("running {} ({bytes} bytes)", case.name);
        let limit = std::env::var("PATHOLOGICAL_LIMIT")
            .ok()
            .and_then(|s| s.parse().ok())
            .map_or(
                Duration::from_secs_f64(goal_seconds * 10.0),
                Duration::from_secs_f64,
            );
        // A case that hangs is reported by name instead of holding up the whole run.
        let Some(measured) = measure::measure(case.name, limit, move || run(text)) else {
            eprintln!(
                "{} ({}) did not finish within {:.2} s",
                case.name,
                case.about,
                limit.as_secs_f64()
            );
            std::process::exit(1);
        };
        let outcome = measured
            .result
            .clone()
            .unwrap_or_else(|| "built".to_owned());
        if report {
            println!(
                "| {} | {bytes} | {:.3} | {goal_seconds:.3} | {:.1} | {:.0} | {} |",
                case.name,
                measured.seconds,
                measured.peak_bytes as f64 / MB,
                goal_bytes / MB,
                outcome.replace('|', "\\|"),
            );
        }
        if measured.seconds > goal_seconds * 10.0 {
            failures.push(format!(
                "{}: {:.2} s, over ten times the goal ({goal_seconds:.2} s)",
                case.name, measured.seconds
            ));
        }
        if measured.peak_bytes as f64 > goal_bytes * 10.0 {
            failures.push(format!(
                "{}: {:.0} MB, over ten times the goal ({:.0} MB)",
                case.name,
                measured.peak_bytes as f64 / MB,
                goal_bytes / MB
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
