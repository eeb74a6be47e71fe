//! Headless Chromium through chromedriver, one pair per test, torn down even when a test fails.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// Chromium's flags for running headless as root on a machine without general internet.
const CHROME_ARGS: [&str; 9] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--window-size=1280,800",
];

pub struct Browser {
    pub client: Client,
    driver: Driver,
}

/// The chromedriver process; dropping it kills chromedriver and the Chromium it started (they
/// share a process group), so a failed test leaves no browser behind.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &group])
            .status();
        let _ = self.0.wait();
    }
}

impl Browser {
    /// Starts chromedriver and a Chromium session with a 1280 x 800 window.
    pub async fn start() -> Self {
        Self::start_with_size(1280, 800).await
    }

    pub async fn start_with_size(width: u32, height: u32) -> Self {
        Self::launch(width, height, true).await
    }

    /// A browser that runs no JavaScript (and so no WebAssembly).
    pub async fn start_without_javascript() -> Self {
        Self::launch(1280, 800, false).await
    }

    async fn launch(width: u32, height: u32, javascript: bool) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Driver(
            Command::new(&chromedriver)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .unwrap_or_else(|e| {
                    panic!("cannot start {chromedriver}: {e}; scripts/setup.sh installs it")
                }),
        );
        let mut args: Vec<String> = CHROME_ARGS.iter().map(|a| a.to_string()).collect();
        args.retain(|a| !a.starts_with("--window-size"));
        args.push(format!("--window-size={width},{height}"));
        let mut capabilities = serde_json::Map::new();
        let prefs = if javascript {
            json!({})
        } else {
            json!({ "profile.managed_default_content_settings.javascript": 2 })
        };
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({ "args": args, "binary": chrome_binary(), "prefs": prefs }),
        );
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let webdriver = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..50 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&webdriver)
                .await
            {
                Ok(client) => return Self { client, driver },
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not start a session: {last_error:?}");
    }

    /// Loads `url` and waits until the app has drawn a page heading.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
        if !self
            .becomes_true("document.documentElement.dataset.app")
            .await
        {
            // What stopped the app is in the console (a refused script, a failed load).
            let errors = self.console_errors().await;
            panic!("the app did not start on {url} within 10 s; the console: {errors:#?}");
        }
    }

    /// Loads `url` without waiting for the app (for pages without JavaScript).
    pub async fn load(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
        self.wait_for("h1").await;
    }

    /// Waits up to 10 s for an element matching `css`.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.wait_for_within(css, Duration::from_secs(10)).await
    }

    /// Waits at most `patience` for an element matching `css`.
    pub async fn wait_for_within(
        &self,
        css: &str,
        patience: Duration,
    ) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(patience)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element `{css}` appeared: {e}"))
    }

    /// Runs `script` (a function body that `return`s) in the page.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs `script` (a function body that calls `done(value)` when it has its answer).
    pub async fn eval_async(&self, script: &str) -> Value {
        let script = format!("const done = arguments[arguments.length - 1];\n{script}");
        self.client
            .execute_async(&script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// The rules axe-core finds broken on the page (axe's default rules: WCAG 2.x A and AA and
    /// its best practices), each with the elements that break it. axe-core is installed by
    /// scripts/setup.sh; a WebDriver script is not subject to the page's policy.
    pub async fn axe_violations(&self) -> Vec<String> {
        let tools = std::env::var("SCC_TOOLS_DIR").unwrap_or_else(|_| {
            format!(
                "{}/.local/share/scc-site",
                std::env::var("HOME").unwrap_or_default()
            )
        });
        let file = format!("{tools}/node_modules/axe-core/axe.min.js");
        let axe = std::fs::read_to_string(&file).unwrap_or_else(|e| {
            panic!("no axe-core at {file} (scripts/setup.sh installs it): {e}")
        });
        self.eval(&format!("{axe}\nreturn true;")).await;
        let found = self
            .eval_async(
                "axe.run(document).then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.html).join(' | '))), e => done(['axe failed: ' + e]));",
            )
            .await;
        serde_json::from_value(found).expect("axe's violations")
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.unwrap()
    }

    /// Polls `condition` (a JS expression) until it is true, for up to 10 s.
    pub async fn wait_until(&self, condition: &str) {
        if !self.becomes_true(condition).await {
            panic!("timed out waiting for `{condition}`");
        }
    }

    /// Whether `condition` (a JS expression) becomes true within 10 s.
    async fn becomes_true(&self, condition: &str) -> bool {
        for _ in 0..100 {
            if self.eval(&format!("return !!({condition});")).await == Value::Bool(true) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
    }

    /// The console messages of level SEVERE (errors, uncaught exceptions, failed loads) so far.
    pub async fn console_errors(&self) -> Vec<String> {
        let log = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .expect("read the browser log");
        log.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Checks that the page logged no error, then ends the session.
    pub async fn finish(self) {
        let errors = self.console_errors().await;
        self.close().await;
        assert!(
            errors.is_empty(),
            "the browser console has errors: {errors:#?}"
        );
    }

    /// Like [`Browser::finish`], but tolerates console errors that contain one of `expected` (the
    /// browser logs every failed request, including those a test provokes on purpose).
    pub async fn finish_expecting(self, expected: &[&str]) {
        let errors = self.console_errors().await;
        self.close().await;
        let unexpected: Vec<&String> = errors
            .iter()
            .filter(|e| !expected.iter().any(|x| e.contains(x)))
            .collect();
        assert!(
            unexpected.is_empty(),
            "the browser console has errors: {unexpected:#?}"
        );
    }

    /// Ends the session and stops the browser.
    pub async fn close(self) {
        let Browser { client, driver } = self;
        let _ = client.close().await;
        drop(driver);
    }
}

fn chrome_binary() -> String {
    std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

use std::os::unix::process::CommandExt;

/// chromedriver's command for the browser console log, which WebDriver itself does not define.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}
