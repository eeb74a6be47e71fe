//! The build step as a whole: hostile content in, a site whose every page keeps its shape out.

use super::{Options, write_site};
use crate::content::{self, Input};

/// Markup that would redirect, restyle or script the page if it reached the HTML as markup.
const HOSTILE: &str = r#"</title><meta http-equiv="refresh" content="0;url=https://evil.example/"><style>body{display:none}</style><script>alert(1)</script>"' & x"#;

/// A minimal `index.html` as trunk writes it.
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

fn yaml_string(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn hostile_site() -> Input {
    let hostile = yaml_string(HOSTILE);
    let config = format!("title: {hostile}\nurl: https://example.org\npermalink: pretty\n");
    let words: String = [
        "skipLink",
        "mainNavigation",
        "menu",
        "home",
        "tocTitle",
        "imageCredit",
    ]
    .iter()
    .map(|key| format!("{key}:\n  en: {hostile}\n"))
    .collect();
    let navigation = format!(
        "- text: {hostile}\n  href: /\n- text: {hostile}\n  menu:\n    - text: {hostile}\n      href: /\n"
    );
    let footer = format!(
        "columns:\n  - name: {hostile}\n    description: {hostile}\n    links:\n      - text: {hostile}\n        href: /\n"
    );
    let page = format!(
        "---\ntitle: {hostile}\ndescription: {hostile}\npreTitle: {hostile}\nbackground: https://example.org/a.jpg\nimageLicense: {hostile}\npermalink: /\ntoc: true\ncta:\n  - text: {hostile}\n    href: /\n---\n\n## Text\n"
    );
    let not_found = format!(
        "---\nlayout: pageNotFound\ntitle: {hostile}\ndescription: {hostile}\npermalink: /404\n---\n"
    );
    Input::of(&[
        ("_config.yml", &config),
        ("_data/translations.yml", &words),
        ("_data/navigation.yml", &navigation),
        ("_data/footer.yml", &footer),
        ("index.md", &page),
        ("404.md", &not_found),
    ])
}

/// Builds the site of `input` into a scratch folder named after `name`; the folder, whose
/// `dist/` holds the site.
fn build(name: &str, input: &Input) -> std::path::PathBuf {
    let compiled = content::compile(input, std::sync::Arc::new(super::page_body::markdownify));
    let site = compiled
        .site
        .unwrap_or_else(|| panic!("{:?}", compiled.diagnostics));
    let scratch = std::env::temp_dir().join(format!("scc-{name}-{}", std::process::id()));
    let dist = scratch.join("dist");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), SHELL).unwrap();
    write_site(
        site,
        &Options {
            site_root: scratch.clone(),
            dist,
            public_url: "/".into(),
            shell_public_url: None,
            compress: true,
            shell: super::ShellSource::InOutput,
            build_number: None,
            previous: None,
            adopt_previous: false,
        },
    )
    .unwrap();
    scratch
}

#[test]
fn hostile_text_in_every_head_field_stays_text() {
    let scratch = build("hostile", &hostile_site());
    let dist = scratch.join("dist");
    for page in ["index.html", "404.html"] {
        let html = std::fs::read_to_string(dist.join(page)).unwrap();
        assert_eq!(html.matches("<title>").count(), 1, "{page}: {html}");
        assert!(!html.contains("<meta http-equiv=\"refresh\""), "{page}");
        assert!(!html.contains("<style>body{display:none}"), "{page}");
        assert!(!html.contains("<script>alert(1)"), "{page}");
        // The text is there, escaped.
        assert!(html.contains("&lt;/title&gt;"), "{page}");
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

/// What a feed reader sees in an element of `type="html"`: its text with XML's escapes read
/// once. HTML in it is drawn, so markup from a post's text must still be escaped there.
fn as_a_feed_reader_reads(element: &str) -> String {
    element
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn markup_in_a_posts_title_and_excerpt_draws_no_element_in_feed_readers() {
    let input = Input::of(&[
        (
            "_config.yml",
            "title: <b>Site</b>\nurl: https://example.org\npermalink: pretty\n",
        ),
        (
            "_posts/2024-01-01-x.md",
            "---\ntitle: Hello <img src=x onerror=alert(1)>\n---\nSee &lt;img src=y onerror=alert(2)&gt; here.\n",
        ),
    ]);
    let scratch = build("feed-markup", &input);
    let feed = std::fs::read_to_string(scratch.join("dist/feed.xml")).unwrap();
    for (open, close) in [
        ("<title type=\"html\">", "</title>"),
        ("<summary type=\"html\">", "</summary>"),
    ] {
        for element in feed.split(open).skip(1) {
            let text = as_a_feed_reader_reads(&element[..element.find(close).unwrap()]);
            assert!(
                !text.contains("<img") && !text.contains("<b>"),
                "{open}: {text}"
            );
        }
    }
    // The title's elements are taken out, as jekyll-feed does; the excerpt's text stays text.
    assert!(
        feed.contains("<title type=\"html\">Hello</title>"),
        "{feed}"
    );
    assert!(
        feed.contains("See &amp;lt;img src=y onerror=alert(2)&amp;gt; here."),
        "{feed}"
    );
    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn a_baseurl_puts_the_whole_site_under_its_sub_path() {
    let input = Input::of(&[
        (
            "_config.yml",
            "title: S\nurl: https://example.org\nbaseurl: /sub\npermalink: pretty\n",
        ),
        (
            "index.md",
            "---\ntitle: Home\npermalink: /\n---\n[One]({{ '/about/' | relative_url }}) [Two](/about/) [Three]({{ site.baseurl }}/about/) [Four]({{ '/about/' | absolute_url }})\n",
        ),
        ("about.md", "---\ntitle: About\n---\nText.\n"),
    ]);
    let compiled = content::compile(&input, std::sync::Arc::new(super::page_body::markdownify));
    // The links are the site's pages: none is reported as missing.
    assert!(
        compiled.warnings().next().is_none(),
        "{:?}",
        compiled.diagnostics
    );
    let site = compiled.site.unwrap();
    assert_eq!(site.base, "/sub");
    let (public_url, shell_public_url) = super::deployment(&site.base, "/");
    assert_eq!(
        (public_url.as_str(), shell_public_url.as_deref()),
        ("/sub/", Some("/"))
    );
    // A build given its own sub-path keeps it.
    assert_eq!(
        super::deployment(&site.base, "/scc/"),
        ("/scc/".to_owned(), None)
    );
    let scratch = scratch("baseurl");
    let dist = scratch.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), SHELL).unwrap();
    write_site(
        site,
        &Options {
            site_root: scratch.clone(),
            dist: dist.clone(),
            public_url,
            shell_public_url,
            compress: false,
            shell: Default::default(),
            build_number: None,
            previous: None,
            adopt_previous: false,
        },
    )
    .unwrap();
    let home = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert_eq!(home.matches("href=\"/sub/about/\"").count(), 3, "{home}");
    assert!(
        home.contains("href=\"https://example.org/sub/about/\""),
        "{home}"
    );
    // The app starts from under the sub-path, and its starter is written where it is asked for.
    let starter = home
        .split("script.src='")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("the loader inserts the starter");
    let starter = starter.strip_prefix("/sub/").expect("under the sub-path");
    let starter = std::fs::read_to_string(dist.join(starter)).unwrap();
    assert!(
        starter.contains("import('/sub/scc-site-1.js')"),
        "{starter}"
    );
    assert!(!home.contains("/sub/sub/"), "{home}");
    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn each_language_with_posts_has_a_feed_of_its_ten_newest() {
    let mut files = vec![
        ("_config.yml".to_owned(), "title: News & more\ndescription: A site\nurl: https://example.org\npermalink: pretty\ndefaults:\n  - scope:\n      path: _posts/es\n    values:\n      lang: es\n".to_owned()),
        ("_data/languages.yml".to_owned(), "en:\n  label: English\nes:\n  label: Español\n".to_owned()),
        ("_posts/es/2021-01-01-uno.md".to_owned(), "---\ntitle: Uno\n---\nTexto.\n".to_owned()),
    ];
    for day in 1..=12 {
        files.push((
            format!("_posts/2021-01-{day:02}-post-{day}.md"),
            format!("---\ntitle: Post <{day}>\ncategories: [Events]\n---\nText of *post* {day}.\n"),
        ));
    }
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let scratch = build("feeds", &Input::of(&files));
    let dist = scratch.join("dist");
    let feed = std::fs::read_to_string(dist.join("feed.xml")).unwrap();
    assert_eq!(feed.matches("<entry xml:lang=\"en\">").count(), 10);
    // Plain text inside `type="html"`: escaped as HTML, then as XML.
    assert!(feed.contains("<title type=\"html\">News &amp;amp; more</title>"));
    assert!(feed.contains("<updated>2021-01-12T00:00:00+00:00</updated>"));
    let first = feed.find("Post &lt;12&gt;").unwrap();
    let second = feed.find("Post &lt;11&gt;").unwrap();
    assert!(first < second, "newest first");
    assert!(!feed.contains("Post &lt;2&gt;"), "only the ten newest");
    assert!(feed.contains("<link href=\"https://example.org/events/2021/01/12/post-12/\""));
    assert!(
        feed.contains("&lt;em&gt;post&lt;/em&gt;"),
        "the text as escaped HTML"
    );
    assert!(feed.contains("<category term=\"Events\"/>"));
    let spanish = std::fs::read_to_string(dist.join("es/feed.xml")).unwrap();
    assert_eq!(spanish.matches("<entry xml:lang=\"es\">").count(), 1);
    let page = std::fs::read_to_string(dist.join("events/2021/01/12/post-12/index.html")).unwrap();
    assert!(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"News &amp; more\" href=\"https://example.org/feed.xml\">"));
    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn configured_statistics_are_in_every_page_and_exactly_their_hosts_in_the_policy() {
    let input = Input::of(&[
        (
            "_config.yml",
            "title: A\nurl: https://example.org\nplausible:\n  enabled: true\n  dataDomain: example.org\n",
        ),
        ("index.md", "---\ntitle: Home\npermalink: /\n---\nText.\n"),
        (
            "about.md",
            "---\ntitle: About\npermalink: /about/\n---\nText.\n",
        ),
    ]);
    let dist = build("plausible", &input).join("dist");
    for page in ["index.html", "about/index.html"] {
        let html = std::fs::read_to_string(dist.join(page)).unwrap();
        assert!(
            html.contains(r#"s.setAttribute("data-domain","example.org");s.src="https://plausible.io/js/script.js";"#),
            "{page}"
        );
        assert!(
            html.contains("connect-src 'self' https://plausible.io;"),
            "{page}"
        );
    }
    let headers = std::fs::read_to_string(dist.join("_headers")).unwrap();
    assert!(headers.contains("https://plausible.io;"));
    assert_eq!(
        headers.matches("plausible.io").count(),
        1,
        "connect-src only: scripts are trusted by the hash of the one that inserts them"
    );

    // Without the setting, no page mentions a provider.
    let plain = Input::of(&[
        ("_config.yml", "title: A\nurl: https://example.org\n"),
        ("index.md", "---\ntitle: Home\npermalink: /\n---\nText.\n"),
    ]);
    let html = std::fs::read_to_string(build("no-stats", &plain).join("dist/index.html")).unwrap();
    assert!(!html.contains("plausible") && !html.contains("googletagmanager"));
}

/// Writes the site folder `site` with `files` (and nothing else).
fn write_files(site: &std::path::Path, files: &[(String, String)]) {
    let _ = std::fs::remove_dir_all(site);
    for (path, text) in files {
        let file = site.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
}

/// Builds the site folder `site` as trunk does: into a fresh staging folder inside `dist`, then
/// published there in place of the previous build. `adopt` as in release builds.
fn publish(site: &std::path::Path, dist: &std::path::Path, adopt: bool) {
    let input = content::load(site, "site").unwrap();
    let compiled = content::compile(&input, std::sync::Arc::new(super::page_body::markdownify));
    let built = compiled.site.expect("the site compiles");
    let staging = dist.join(".stage");
    std::fs::create_dir_all(&staging).unwrap();
    std::fs::write(staging.join("index.html"), SHELL).unwrap();
    write_site(
        built,
        &Options {
            site_root: site.to_path_buf(),
            dist: staging.clone(),
            public_url: "/".into(),
            shell_public_url: None,
            compress: true,
            shell: super::ShellSource::InOutput,
            build_number: None,
            previous: Some(dist.to_path_buf()),
            adopt_previous: adopt,
        },
    )
    .unwrap();
    for entry in std::fs::read_dir(dist).unwrap().flatten() {
        if entry.file_name() != ".stage" {
            let path = entry.path();
            if path.is_dir() {
                std::fs::remove_dir_all(path).unwrap();
            } else {
                std::fs::remove_file(path).unwrap();
            }
        }
    }
    for entry in std::fs::read_dir(&staging).unwrap().flatten() {
        std::fs::rename(entry.path(), dist.join(entry.file_name())).unwrap();
    }
    std::fs::remove_dir(staging).unwrap();
}

/// Rewrites a published file in place with text of the same length and gives it back its
/// modification time: only a build that reuses the file without drawing it again keeps it.
fn tamper(file: &std::path::Path) {
    let modified = std::fs::metadata(file).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(file).unwrap();
    let tampered = text.replacen("<title>", "<TITLE>", 1);
    assert_ne!(text, tampered);
    let mut handle = std::fs::OpenOptions::new().write(true).open(file).unwrap();
    std::io::Write::write_all(&mut handle, tampered.as_bytes()).unwrap();
    handle.set_modified(modified).unwrap();
}

/// A small site: three pages besides the home page, a picture and a note among its files.
fn small_site(title: &str, about: &str) -> Vec<(String, String)> {
    [
        (
            "_config.yml",
            format!("title: {title}\nurl: https://example.org\n"),
        ),
        (
            "index.md",
            "---\ntitle: Home\npermalink: /\n---\nHome.\n".into(),
        ),
        (
            "about.md",
            format!("---\ntitle: About\npermalink: /about/\n---\n{about}\n"),
        ),
        (
            "team.md",
            "---\ntitle: Team\npermalink: /team/\n---\nTeam.\n".into(),
        ),
        (
            "news.md",
            "---\ntitle: News\npermalink: /news/\n---\nNews.\n".into(),
        ),
        ("assets/notes.txt", "Notes.\n".into()),
        (
            "assets/plan.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".into(),
        ),
    ]
    .into_iter()
    .map(|(path, text)| (path.to_owned(), text))
    .collect()
}

fn scratch(name: &str) -> std::path::PathBuf {
    let scratch = std::env::temp_dir().join(format!("scc-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    scratch
}

#[test]
fn a_rebuild_draws_only_the_pages_whose_page_or_site_changed() {
    for adopt in [false, true] {
        let scratch = scratch(&format!("reuse-{adopt}"));
        let (site, dist) = (scratch.join("site"), scratch.join("dist"));
        let read = |page: &str| std::fs::read_to_string(dist.join(page)).unwrap();
        write_files(&site, &small_site("Site", "First text."));
        publish(&site, &dist, adopt);
        tamper(&dist.join("team/index.html"));
        tamper(&dist.join("news/index.html"));
        // A file changed since (here by hand) is not the one the record speaks of: drawn again.
        let news = std::fs::OpenOptions::new()
            .write(true)
            .open(dist.join("news/index.html"));
        news.unwrap()
            .set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000))
            .unwrap();

        write_files(&site, &small_site("Site", "Second text."));
        publish(&site, &dist, adopt);
        assert!(
            read("about/index.html").contains("Second text."),
            "the edited page is drawn"
        );
        assert!(
            read("team/index.html").contains("<TITLE>"),
            "an unchanged page is reused as it was"
        );
        assert!(
            !read("news/index.html").contains("<TITLE>"),
            "a file changed since is drawn again"
        );
        assert!(
            read("sitemap.xml").contains("https://example.org/team/"),
            "reused pages are in the sitemap"
        );

        // The site's title is in every page: each is drawn again.
        write_files(&site, &small_site("Another site", "Second text."));
        publish(&site, &dist, adopt);
        assert!(!read("team/index.html").contains("<TITLE>"));
        assert!(read("team/index.html").contains("Another site"));
        let _ = std::fs::remove_dir_all(super::kept_for(&dist));
        let _ = std::fs::remove_dir_all(&scratch);
    }
}

/// Every file under `dist` (`.br` included) and its bytes.
fn files_of(dist: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dist)
        .into_iter()
        .flatten()
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry
                .path()
                .strip_prefix(dist)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (relative, std::fs::read(entry.path()).unwrap())
        })
        .collect()
}

#[test]
fn a_rebuild_over_the_previous_site_publishes_what_a_first_build_would() {
    let scratch = scratch("rebuild-equals-build");
    let (site, dist) = (scratch.join("site"), scratch.join("dist"));
    let mut first = small_site("Site", "First text.");
    first.push((
        "old.md".into(),
        "---\ntitle: Old\npermalink: /old/page/\n---\nOld.\n".into(),
    ));
    first.push(("assets/gone.txt".into(), "Gone.\n".into()));
    // A page's folder where the next build has a file, and a file where it has a page's folder.
    first.push((
        "notes.md".into(),
        "---\ntitle: Notes\npermalink: /notes/\n---\nNotes.\n".into(),
    ));
    first.push(("assets/plan".into(), "A plan.\n".into()));
    write_files(&site, &first);
    publish(&site, &dist, true);
    assert!(dist.join("old/page/index.html").is_file() && dist.join("assets/gone.txt").is_file());
    // A page edited, one removed, one added, a file removed and a file changed.
    let mut second = small_site("Site", "Second text.");
    second.push((
        "new.md".into(),
        "---\ntitle: New\npermalink: /new/\n---\nNew.\n".into(),
    ));
    second.retain(|(path, _)| path != "assets/notes.txt");
    second.push(("assets/notes.txt".into(), "Other notes, longer.\n".into()));
    second.push(("notes".into(), "Notes, now a file.\n".into()));
    second.push((
        "plan.md".into(),
        "---\ntitle: Plan\npermalink: /assets/plan/\n---\nPlan.\n".into(),
    ));
    write_files(&site, &second);
    publish(&site, &dist, true);

    let fresh = scratch.join("fresh");
    publish(&site, &fresh, true);
    let (rebuilt, built) = (files_of(&dist), files_of(&fresh));
    assert_eq!(
        rebuilt.keys().collect::<Vec<_>>(),
        built.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &built {
        assert!(rebuilt[path] == *bytes, "{path} differs");
    }
    assert!(
        !dist.join("old").exists(),
        "the removed page's folder is gone"
    );
    assert!(dist.join("notes").is_file() && dist.join("assets/plan/index.html").is_file());
    assert_eq!(
        std::fs::read_to_string(dist.join("assets/notes.txt")).unwrap(),
        "Other notes, longer.\n"
    );
    for folder in [&dist, &fresh] {
        let _ = std::fs::remove_dir_all(super::kept_for(folder));
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
