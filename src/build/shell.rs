//! The page shell trunk produces (`index.html` with hashed asset names), taken apart so that
//! every prerendered page can be assembled around it.

use std::fs;
use std::path::Path;

use super::options::ShellSource;
use super::{BuildError, output};
use crate::urls::BaseUrl;

/// What every page's `<head>` shares, and the app's two files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shell {
    /// trunk's `<head>` content without its `<title>` and its inline loader script: meta tags,
    /// the inlined stylesheets, the preload links for the app.
    pub head: String,
    /// Site path of the app's JavaScript glue (`/scc-site-1a2b.js`).
    pub js: String,
    /// Site path of the app's WebAssembly (`/scc-site-1a2b_bg.wasm`).
    pub wasm: String,
    /// Site paths of the stylesheets now inlined in `head`, which no page links to any more.
    pub inlined_stylesheets: Vec<String>,
    /// trunk's live-reload script, which `trunk serve` puts in the body: pages built by
    /// `trunk serve` carry it so that saving a file reloads the open page.
    pub dev_reload: Option<String>,
}

impl Shell {
    /// Takes trunk's `index.html` apart, replacing each stylesheet link by the stylesheet itself
    /// (read with `read_file`, given the link's site path): a page then needs no request before
    /// it can be painted.
    pub fn parse(html: &str, read_file: impl Fn(&str) -> Option<String>) -> Result<Self, String> {
        let head_start = html
            .find("<head>")
            .ok_or("trunk's index.html has no <head>")?
            + "<head>".len();
        let head_end = html
            .find("</head>")
            .ok_or("trunk's index.html has no </head>")?;
        let dev_reload = html[head_end..]
            .find(".well-known/trunk/ws")
            .and_then(|at| {
                let at = head_end + at;
                let start = html[..at].rfind("<script")?;
                let end = html[at..].find("</script>")? + at + "</script>".len();
                Some(html[start..end].to_owned())
            });
        let mut head = html[head_start..head_end].to_owned();
        remove_between(&mut head, "<title>", "</title>");
        let loader_start = head
            .find("<script type=\"module\">")
            .ok_or("trunk's index.html has no loader script; is the rust link missing?")?;
        let loader_end = head[loader_start..]
            .find("</script>")
            .ok_or("trunk's loader script is not closed")?
            + loader_start
            + "</script>".len();
        let loader = head[loader_start..loader_end].to_owned();
        head.replace_range(loader_start..loader_end, "");
        let js = quoted_after(&loader, "from '").ok_or("no module import in trunk's loader")?;
        let wasm =
            quoted_after(&loader, "module_or_path: '").ok_or("no wasm path in trunk's loader")?;
        // The app's files are not preloaded: the loader asks for them once the page is painted
        // (see `loader_script`).
        for preload in [
            format!("<link rel=\"preload\" href=\"{wasm}\""),
            format!("<link rel=\"modulepreload\" href=\"{js}\""),
        ] {
            if let Some(start) = head.find(&preload)
                && let Some(end) = head[start..].find('>')
            {
                head.replace_range(start..start + end + 1, "");
            }
        }
        let mut styles = String::new();
        let mut inlined_stylesheets = Vec::new();
        let mut lines = Vec::new();
        for line in head.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match quoted_attribute(line, "href")
                .filter(|_| line.starts_with("<link rel=\"stylesheet\""))
            {
                Some(href) => {
                    let css = read_file(&href)
                        .ok_or_else(|| format!("cannot read the stylesheet {href}"))?;
                    styles.push_str(css.trim());
                    styles.push('\n');
                    inlined_stylesheets.push(href);
                }
                None => lines.push(line),
            }
        }
        if !styles.is_empty() {
            lines.push(&styles);
        }
        let mut head = lines.join("\n");
        if !styles.is_empty() {
            head = head.replacen(
                styles.as_str(),
                &format!("<style>{}</style>", styles.trim_end()),
                1,
            );
        }
        Ok(Self {
            head,
            js,
            wasm,
            inlined_stylesheets,
            dev_reload,
        })
    }

    /// Moves the app's addresses from under `from` (where trunk wrote them) to under `to`.
    fn move_under(&mut self, from: &BaseUrl, to: &BaseUrl) {
        let moved = |path: &str| to.href(from.strip(path));
        self.js = moved(&self.js);
        self.wasm = moved(&self.wasm);
        for quote in ['"', '\'', '('] {
            self.head = self.head.replace(
                &format!("{quote}{}", from.href("/_app/")),
                &format!("{quote}{}", to.href("/_app/")),
            );
        }
    }

    /// The module that starts the app, which [`Shell::loader_script`] inserts: its address (in
    /// the app's folder, named after what it holds, so it is cached like the app's other
    /// files) and its text. The loader cannot import the app itself: the policy trusts scripts
    /// by `'strict-dynamic'`, which passes trust to a script another trusted script inserts but
    /// not to an `import()` made by an inline script (Chromium refuses it), and a module so
    /// inserted may import. If the app cannot start, it tells the loader (`scc-app-failed`).
    pub fn starter(&self) -> Starter {
        let text = format!(
            "import('{js}').then((app)=>app.default({{module_or_path:'{wasm}'}}))\
             .catch((error)=>dispatchEvent(new CustomEvent('{failed}',{{detail:error}})));\n",
            js = self.js,
            wasm = self.wasm,
            failed = APP_FAILED,
        );
        app_module(self.app_folder(), "start", text)
    }

    /// The live counts' module (`super::live_counts`), which the loader inserts when a page
    /// has counts.
    pub fn live_counts(&self) -> Starter {
        app_module(
            self.app_folder(),
            "live-counts",
            super::live_counts::SCRIPT.to_owned(),
        )
    }

    /// The app's folder, as a site path under the deployment's sub-path (`/_app/`).
    pub fn app_folder(&self) -> &str {
        &self.js[..self.js.rfind('/').map_or(0, |slash| slash + 1)]
    }

    /// The inline module that starts the app once the page has loaded and its hero image been
    /// decoded and painted (two frames later), by inserting the [`Shell::starter`]: the
    /// prerendered page is complete without the app, so the app's files should not compete
    /// with the page's own on a slow link, nor its start-up delay the page's largest paint
    /// (Lighthouse counted the app's download in the largest paint of one run in fifteen when
    /// the image was painted after it began). If starting fails (the page's HTML was altered
    /// on the way and no longer matches what the app draws, say, or the app's files cannot be
    /// loaded), it reloads the page once, asking the app to draw it afresh instead of taking
    /// over the HTML; a second failure leaves the page as the plain HTML it already is. The
    /// globals are the ones Leptos's hydration reads.
    pub fn loader_script(
        &self,
        live_counts: Option<&Starter>,
        data: Option<&Starter>,
        search: Option<&Starter>,
    ) -> String {
        let mut loader = format!(
            "window.__RESOLVED_RESOURCES=[];window.__SERIALIZED_ERRORS=[];window.__INCOMPLETE_CHUNKS=[];\n\
             const failed=(error)=>{{\
             const key='{key}';\
             if(sessionStorage.getItem(key)!==location.pathname){{sessionStorage.setItem(key,location.pathname);location.reload();}}\
             else{{console.warn('The page script stopped; the page keeps working as plain HTML.',error);}}\
             }};\n\
             addEventListener('{failed}',(event)=>failed(event.detail));\n\
             const start=()=>{{const script=document.createElement('script');script.type='module';script.src='{starter}';script.onerror=failed;document.head.append(script);}};\n\
             const hero=()=>{{const image=document.querySelector('img[fetchpriority=high]');return image?image.decode().catch(()=>{{}}):Promise.resolve();}};\n\
             const later=()=>hero().then(()=>requestAnimationFrame(()=>requestAnimationFrame(()=>setTimeout(start,0))));\n\
             if(document.readyState==='complete'){{later();}}else{{addEventListener('load',later,{{once:true}});}}",
            starter = self.starter().href,
            failed = APP_FAILED,
            key = crate::model::site_data::CLEAN_RENDER_KEY,
        );
        if let Some(module) = live_counts {
            loader.push_str(&insert_when("counts", "[data-ajax-url]", &module.href));
        }
        if let Some(module) = data {
            loader.push_str(&insert_when("data", "[data-gbif-search]", &module.href));
        }
        if let Some(module) = search {
            loader.push_str(&search_opener(&module.href));
        }
        loader
    }
}

/// A module of ours in the app's `folder`, named `{stem}-{hash of its text}.js` (so that it is
/// cached like the app's other files).
pub fn app_module(folder: &str, stem: &str, text: String) -> Starter {
    let name = super::cache::hex(&crate::content::digest::key_of(&text)[..5]);
    Starter {
        href: format!("{folder}{stem}-{name}.js"),
        text,
    }
}

/// What the loader runs to insert the module at `href` once an element matching `selector` is
/// on screen (on arrival, or on a page the app draws later), for the modules only some pages
/// need (live counts, data views); `name` names its function. A script another trusted script
/// inserts is trusted by the policy's `'strict-dynamic'`.
fn insert_when(name: &str, selector: &str, href: &str) -> String {
    format!(
        "\nconst {name}=()=>{{if(document.querySelector('{selector}')){{{name}Watch.disconnect();\
         const script=document.createElement('script');script.type='module';script.src='{href}';\
         document.head.append(script);}}}};\n\
         const {name}Watch=new MutationObserver({name});\
         {name}Watch.observe(document.body,{{childList:true,subtree:true}});{name}();"
    )
}

/// What the loader runs to open the search dialog: a click on the header's search link (which
/// leads to the site index without JavaScript), `/` outside a field, or Ctrl+K (⌘K) insert the
/// search module, which opens the dialog once loaded (the page's `data-search-open` tells it)
/// and on every later `scc-search-open` event; focusing the link inserts the module ahead of
/// the click. Nothing of the search is fetched before.
fn search_opener(href: &str) -> String {
    format!(
        "\nlet searching=false;const link=(e)=>e.target.closest&&e.target.closest('.site-header a[href$=\"/search/\"]');\
         const search=(open)=>{{if(open){{document.documentElement.dataset.searchOpen=1;dispatchEvent(new Event('scc-search-open'));}}\
         if(!searching){{searching=true;const script=document.createElement('script');script.type='module';script.src='{href}';document.head.append(script);}}}};\
         addEventListener('click',(e)=>{{if(link(e)&&!e.ctrlKey&&!e.metaKey&&!e.shiftKey){{e.preventDefault();e.stopImmediatePropagation();search(true);}}}},true);\
         addEventListener('focusin',(e)=>{{if(link(e))search(false);}});\
         addEventListener('keydown',(e)=>{{const t=e.target;const typing=/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)||t.isContentEditable;\
         if((e.key==='/'&&!typing)||(e.key==='k'&&(e.ctrlKey||e.metaKey))){{e.preventDefault();search(true);}}}});"
    )
}

/// The event by which the starter tells the loader that the app did not start.
const APP_FAILED: &str = "scc-app-failed";

/// The module that starts the app (see [`Shell::starter`]).
pub struct Starter {
    /// Its address, under the deployment's sub-path.
    pub href: String,
    pub text: String,
}

fn remove_between(text: &mut String, open: &str, close: &str) {
    if let Some(start) = text.find(open)
        && let Some(end) = text[start..].find(close)
    {
        text.replace_range(start..start + end + close.len(), "");
    }
}

fn quoted_attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_owned())
}

fn quoted_after(text: &str, marker: &str) -> Option<String> {
    let start = text.find(marker)? + marker.len();
    let end = text[start..].find('\'')? + start;
    Some(text[start..end].to_owned())
}

/// trunk's page shell, from where `source` says (see [`ShellSource`]).
///
/// trunk wrote the shell's addresses under `shell_base`; when the site is deployed elsewhere
/// (`base`, from the site's `baseurl`), they are moved there.
pub fn read_shell(
    dist: &Path,
    (base, shell_base): (&BaseUrl, &BaseUrl),
    source: &ShellSource,
) -> Result<Shell, BuildError> {
    let folder = match source {
        ShellSource::Kept { folder, .. } => folder.as_path(),
        _ => dist,
    };
    let shell_path = folder.join("index.html");
    let shell_html = fs::read_to_string(&shell_path).map_err(BuildError::io(&shell_path))?;
    let mut shell = Shell::parse(&shell_html, |href| {
        let path = shell_base.strip(href);
        let file = match source {
            // `/base-1a2b3c.css` is `style/base.css`.
            ShellSource::Kept { styles, .. } => styles.join(unhashed(path)),
            _ => output::file_in(dist, path).ok()?,
        };
        fs::read_to_string(file).ok()
    })
    .map_err(BuildError::Shell)?;
    if let ShellSource::InOutputKeepingACopy(keep) = source {
        fs::create_dir_all(keep).map_err(BuildError::io(keep))?;
        let copy = keep.join("index.html");
        fs::write(&copy, &shell_html).map_err(BuildError::io(&copy))?;
    }
    if !matches!(source, ShellSource::Kept { .. }) {
        for stylesheet in &shell.inlined_stylesheets {
            if let Ok(file) = output::file_in(dist, shell_base.strip(stylesheet)) {
                let _ = fs::remove_file(file);
            }
        }
    }
    if base != shell_base {
        shell.move_under(shell_base, base);
    }
    Ok(shell)
}

/// A file name without the hash trunk puts in it (`base-1a2b3c4d.css` is `base.css`).
fn unhashed(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, extension)) => match stem.rsplit_once('-') {
            Some((plain, hash)) if hash.chars().all(|c| c.is_ascii_hexdigit()) => {
                format!("{plain}.{extension}")
            }
            _ => name.to_owned(),
        },
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_OUTPUT: &str = r#"<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <title>Specify Collections Consortium</title>
  <link rel="stylesheet" href="/base-0123456789abcdef.css" integrity="sha384-x"/>
<script type="module">
import init, * as bindings from '/scc-site-1a2b.js';
const wasm = await init({ module_or_path: '/scc-site-1a2b_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="/scc-site-1a2b.js"><link rel="preload" href="/scc-site-1a2b_bg.wasm" as="fetch" type="application/wasm"></head>
<body>
</body>
</html>"#;

    #[test]
    fn finds_the_app_files_and_keeps_the_rest_of_the_head() {
        let shell = Shell::parse(TRUNK_OUTPUT, |href| {
            (href == "/base-0123456789abcdef.css").then(|| "body{margin:0}\n".to_owned())
        })
        .unwrap();
        assert_eq!(shell.js, "/scc-site-1a2b.js");
        assert_eq!(shell.wasm, "/scc-site-1a2b_bg.wasm");
        assert_eq!(shell.inlined_stylesheets, ["/base-0123456789abcdef.css"]);
        assert_eq!(
            shell.head,
            "<meta charset=\"utf-8\">\n<style>body{margin:0}</style>"
        );
        let starter = shell.starter();
        assert!(starter.text.contains("import('/scc-site-1a2b.js')"));
        assert!(
            starter
                .text
                .contains("module_or_path:'/scc-site-1a2b_bg.wasm'")
        );
        assert!(starter.href.starts_with("/start-") && starter.href.ends_with(".js"));
        // The inline loader imports nothing itself (see `Shell::starter`).
        let loader = shell.loader_script(None, None, None);
        assert!(loader.contains(&format!("script.src='{}'", starter.href)));
        assert!(!loader.contains("import("));
    }

    #[test]
    fn the_starter_is_named_after_what_it_starts() {
        let shell = Shell::parse(TRUNK_OUTPUT, |_| Some(String::new())).unwrap();
        let other = Shell::parse(&TRUNK_OUTPUT.replace("1a2b", "3c4d"), |_| {
            Some(String::new())
        })
        .unwrap();
        assert_ne!(shell.starter().href, other.starter().href);
        assert_eq!(shell.starter().href, shell.starter().href);
    }

    #[test]
    fn keeps_the_live_reload_script_of_trunk_serve() {
        let served = TRUNK_OUTPUT.replace(
            "<body>\n",
            "<body>\n<script>const url = base + '.well-known/trunk/ws';</script>",
        );
        let shell = Shell::parse(&served, |_| Some(String::new())).unwrap();
        assert_eq!(
            shell.dev_reload.as_deref(),
            Some("<script>const url = base + '.well-known/trunk/ws';</script>")
        );
        let built = Shell::parse(TRUNK_OUTPUT, |_| Some(String::new())).unwrap();
        assert_eq!(built.dev_reload, None);
    }

    #[test]
    fn a_shell_without_the_app_is_an_error() {
        assert!(Shell::parse("<html><head></head><body></body></html>", |_| None).is_err());
    }
}
