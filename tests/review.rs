//! The review page in a real browser: headless Chromium driven through
//! WebDriver (chromedriver), with plain HTTP calls.
//!
//! The entity and claim tables are written here from the texts in `data/`
//! (offsets computed from the text), so the test checks the page, not the
//! quality of extraction.

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

use crate::util::{factspan, root, run};

/// The W3C WebDriver key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

const INSTALL: &str = "the review page test needs Chromium and its \
    WebDriver: install them with `apt-get install -y chromium \
    chromium-driver` (or set CHROME and CHROMEDRIVER to their paths)";

fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

fn tool(var: &str, names: &[&str]) -> PathBuf {
    std::env::var_os(var)
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(|| which(names))
        .unwrap_or_else(|| panic!("{INSTALL}"))
}

/// A chromedriver process and one browser session, ended on drop.
struct Browser {
    driver: Child,
    base: String,
    session: String,
    agent: ureq::Agent,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start(log: &Path) -> Browser {
        let chrome = tool("CHROME", &["chromium", "chromium-browser"]);
        let chromedriver = tool("CHROMEDRIVER", &["chromedriver"]);
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free local port")
            .port();
        let log = std::fs::File::create(log).expect("chromedriver log");
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("{}: {e}; {INSTALL}", chromedriver.display())
            });
        let agent =
            ureq::AgentBuilder::new().timeout(Duration::from_secs(60)).build();
        let base = format!("http://127.0.0.1:{port}");
        let profile = tempfile::tempdir().expect("profile dir");
        let mut browser = Browser {
            driver,
            base,
            session: String::new(),
            agent,
            _profile: profile,
        };
        let ready = Instant::now();
        loop {
            let status =
                browser.agent.get(&format!("{}/status", browser.base));
            match status.call() {
                Ok(r) => {
                    let v: Value = r.into_json().expect("status json");
                    if v["value"]["ready"] == true {
                        break;
                    }
                }
                Err(_) if ready.elapsed() < Duration::from_secs(30) => {}
                Err(e) => panic!("chromedriver did not start: {e}"),
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--disable-dev-shm-usage",
            "--window-size=1400,900",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", browser._profile.path().display()),
        ];
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chrome.display().to_string(),
                "args": args,
            },
        }}});
        let v =
            browser.call("POST", "/session", Some(caps)).unwrap_or_else(|e| {
                panic!("could not start Chromium ({e}); {INSTALL}")
            });
        browser.session = v["sessionId"]
            .as_str()
            .expect("new session returns an id")
            .to_string();
        browser
    }

    /// One WebDriver command; returns its `value` or the error message.
    fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, String> {
        let url = format!("{}{path}", self.base);
        let req = self.agent.request(method, &url);
        let res = match body {
            Some(b) => req.send_json(b),
            None => req.call(),
        };
        match res {
            Ok(r) => {
                let v: Value = r.into_json().map_err(|e| e.to_string())?;
                Ok(v["value"].clone())
            }
            Err(ureq::Error::Status(code, r)) => {
                let v: Value = r.into_json().unwrap_or(Value::Null);
                Err(format!(
                    "{code} {}: {}",
                    v["value"]["error"], v["value"]["message"]
                ))
            }
            Err(e) => Err(e.to_string()),
        }
    }

    fn session_call(&self, method: &str, path: &str, body: Value) -> Value {
        let path = format!("/session/{}{path}", self.session);
        let body = (method == "POST").then_some(body);
        self.call(method, &path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    fn goto(&self, url: &str) {
        self.session_call("POST", "/url", json!({ "url": url }));
    }

    /// Runs `script` (a function body; `arguments` holds `args`).
    fn js(&self, script: &str, args: Value) -> Value {
        self.session_call(
            "POST",
            "/execute/sync",
            json!({ "script": script, "args": args }),
        )
    }

    /// Clicks an element reference returned by [`Browser::js`], as a user
    /// would (the browser hit-tests the element's centre).
    fn click(&self, element: &Value, what: &str) {
        let id = element[ELEMENT].as_str().unwrap_or_else(|| {
            panic!("{what} not found on the page: {element}")
        });
        self.session_call("POST", &format!("/element/{id}/click"), json!({}));
    }

    fn alert_text(&self) -> Option<String> {
        let path = format!("/session/{}/alert/text", self.session);
        self.call("GET", &path, None).ok().map(|v| v.to_string())
    }

    fn screenshot(&self) -> Vec<u8> {
        let v = self.session_call("GET", "/screenshot", Value::Null);
        let b64 = v.as_str().expect("screenshot is base64");
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .expect("screenshot decodes")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = self.call("DELETE", &path, None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Code-point span of the `nth` occurrence of `quote` in `text`.
fn span(text: &str, quote: &str, nth: usize) -> (usize, usize) {
    let (at, _) = text
        .match_indices(quote)
        .nth(nth)
        .unwrap_or_else(|| panic!("{quote:?} #{nth} is not in the text"));
    let start = text.char_indices().take_while(|&(b, _)| b < at).count();
    (start, start + quote.chars().count())
}

/// Rows of entities.csv or claims.csv, written with the real header.
struct Fixture {
    columns: &'static [&'static str],
    rows: Vec<HashMap<&'static str, String>>,
}

impl Fixture {
    fn new(columns: &'static [&'static str]) -> Fixture {
        Fixture { columns, rows: Vec::new() }
    }

    fn push(&mut self, cells: &[(&'static str, String)]) {
        self.rows.push(cells.iter().cloned().collect());
    }

    fn write(&self, path: &Path) {
        let mut w = csv::Writer::from_path(path).expect("fixture table");
        w.write_record(self.columns).expect("header");
        for row in &self.rows {
            let rec: Vec<&str> = self
                .columns
                .iter()
                .map(|c| row.get(c).map_or("", String::as_str))
                .collect();
            w.write_record(rec).expect("row");
        }
        w.flush().expect("flush");
    }
}

fn entity(
    doc: &str,
    text: &str,
    n: usize,
    kind: &str,
    quote: &str,
    nth: usize,
) -> Vec<(&'static str, String)> {
    let (s, e) = span(text, quote, nth);
    vec![
        ("doc_id", doc.to_string()),
        ("entity_id", format!("{doc}#e{n}")),
        ("type", kind.to_string()),
        ("text", quote.to_string()),
        ("start", s.to_string()),
        ("end", e.to_string()),
        ("canonical_name", quote.to_string()),
        ("source", "test:fixture".to_string()),
    ]
}

#[allow(clippy::too_many_arguments)]
fn claim(
    doc: &str,
    text: &str,
    n: usize,
    quote: &str,
    value: &str,
    qualifier: &str,
    counted: &str,
    attribution: &str,
) -> Vec<(&'static str, String)> {
    let (s, e) = span(text, quote, 0);
    vec![
        ("doc_id", doc.to_string()),
        ("claim_id", format!("{doc}#c{n}")),
        ("kind", "COUNT".to_string()),
        ("text", quote.to_string()),
        ("start", s.to_string()),
        ("end", e.to_string()),
        ("value", value.to_string()),
        ("qualifier", qualifier.to_string()),
        ("operator", if qualifier.is_empty() { "=" } else { ">" }.into()),
        ("counted", counted.to_string()),
        ("attribution", attribution.to_string()),
        ("source", "test:fixture".to_string()),
    ]
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn file_url(path: &Path) -> String {
    let abs = path.canonicalize().expect("absolute path");
    format!("file://{}", abs.display())
}

/// Runs `factspan review` from `out`'s parent, so the page's title is the
/// folder's name, as when a user runs it on `out/`.
fn review(out: &Path, sources: &Path, extra: &[&str]) -> PathBuf {
    let name = out.file_name().and_then(|n| n.to_str()).expect("utf-8 name");
    let parent = out.parent().expect("a parent folder");
    let sources = sources.to_str().expect("utf-8 path");
    let mut args = vec!["review", name, "--sources", sources, "--quiet", "-o"];
    let page = format!("{name}/review.html");
    args.push(&page);
    args.extend_from_slice(extra);
    let o = factspan()
        .current_dir(parent)
        .args(&args)
        .output()
        .expect("the binary runs");
    assert!(
        o.status.success(),
        "review failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out.join("review.html")
}

/// Clicks the document named `id` in the list.
fn open_doc(b: &Browser, id: &str) {
    let li = b.js(
        "return [...document.querySelectorAll('#doclist li')]\
         .find(li => li.dataset.doc === arguments[0]) || null;",
        json!([id]),
    );
    if li.is_null() {
        let all = b.js(
            "return [location.href, [...document.querySelectorAll('#doclist li')]\
             .map(li => li.dataset.doc)];",
            json!([]),
        );
        panic!("no document {id:?} in the list: {all}");
    }
    b.click(&li, &format!("document {id}"));
    let title = b.js(
        "return document.getElementById('doctitle').textContent;",
        json!([]),
    );
    assert_eq!(title, id);
}

/// The row of table `table` (`claims` or `entities`) whose quote is `q`.
fn row(b: &Browser, table: &str, q: &str) -> Value {
    b.js(
        "return [...document.querySelectorAll('#' + arguments[0] + \
         ' tbody tr')].find(tr => tr.querySelector('td.quote')\
         .textContent === arguments[1]) || null;",
        json!([table, q]),
    )
}

/// The texts of the highlighted marks in the document text.
fn highlighted(b: &Browser) -> Value {
    b.js(
        "return [...document.querySelectorAll('#text .current')]\
         .map(n => n.textContent);",
        json!([]),
    )
}

/// (table id, quote) of each selected row.
fn selected_rows(b: &Browser) -> Value {
    b.js(
        "return [...document.querySelectorAll('tbody tr.selected')]\
         .map(tr => [tr.closest('table').id, \
         tr.querySelector('td.quote').textContent]);",
        json!([]),
    )
}

/// The mark in the text whose own text is `q` (an entity when `ent`).
fn mark(b: &Browser, q: &str, ent: bool) -> Value {
    b.js(
        "return [...document.querySelectorAll(arguments[1] ? '#text .ent' \
         : '#text .claim')].find(n => n.textContent === arguments[0]) \
         || null;",
        json!([q, ent]),
    )
}

#[test]
fn review_page_in_chromium() {
    let started = Instant::now();
    let artifacts = root().join("target/review-test");
    std::fs::create_dir_all(&artifacts).expect("artifact dir");
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let data = root().join("data");

    // The seed articles: real documents.csv, fixture entities and claims.
    let o = run(&[
        "extract",
        data.to_str().expect("utf-8 path"),
        "-o",
        out.to_str().expect("utf-8 temp path"),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "extract data/");
    let peace = read(&data.join("pakistan-un-peacekeeping.txt"));
    let amnesty = read(&data.join("amnesty-pakistan-deportations.txt"));
    let (p, a) = ("pakistan-un-peacekeeping", "amnesty-pakistan-deportations");
    let mut ents = Fixture::new(factspan::output::ENTITY_COLUMNS);
    let mut claims = Fixture::new(factspan::output::CLAIM_COLUMNS);
    for (n, (kind, q, nth)) in [
        ("LOCATION", "Afghanistan", 0),
        ("ORGANIZATION", "Amnesty International", 0),
        ("DATE", "October 27, 2025", 0),
        ("PERSON", "Shehbaz Sharif", 0),
        ("NATIONALITY", "Afghan", 0),
    ]
    .into_iter()
    .enumerate()
    {
        ents.push(&entity(a, &amnesty, n + 1, kind, q, nth));
    }
    for (n, (kind, q, nth)) in [
        ("LOCATION", "Pakistan", 0),
        ("DATE", "Friday", 0),
        ("ORGANIZATION", "United Nations", 0),
        ("COUNT", "235,000", 0),
        ("ORGANIZATION", "UN Security Council", 0),
        ("PERSON", "Asim Iftikhar Ahmad", 0),
        ("LOCATION", "Pakistan", 5),
    ]
    .into_iter()
    .enumerate()
    {
        ents.push(&entity(p, &peace, n + 1, kind, q, nth));
    }
    claims.push(&claim(
        p,
        &peace,
        1,
        "more than 235,000",
        "235000",
        "more than",
        "peacekeepers",
        "",
    ));
    claims.push(&claim(p, &peace, 2, "182", "182", "", "peacekeepers", ""));
    ents.write(&out.join("entities.csv"));
    claims.write(&out.join("claims.csv"));
    let page = review(&out, &data, &[]);

    let b = Browser::start(&artifacts.join("chromedriver.log"));
    b.goto(&file_url(&page));
    let docs = b.js(
        "return [...document.querySelectorAll('#doclist li')]\
         .map(li => li.dataset.doc);",
        json!([]),
    );
    assert_eq!(docs, json!([a, p]), "the document list");
    open_doc(&b, p);

    // A row click highlights exactly its span and scrolls it into view.
    let quote = "more than 235,000";
    b.click(&row(&b, "claims", quote), "the claim row");
    assert_eq!(highlighted(&b), json!([quote]));
    assert_eq!(selected_rows(&b), json!([["claims", quote]]));
    let visible = b.js(
        "const r = document.querySelector('#text .current')\
         .getBoundingClientRect(); \
         const v = document.getElementById('reader').getBoundingClientRect(); \
         return r.top >= v.top && r.bottom <= v.bottom;",
        json!([]),
    );
    assert_eq!(visible, true, "the span is scrolled into view");
    let png = b.screenshot();
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
    std::fs::write(artifacts.join("review.png"), &png).expect("artifact");
    // The README's screenshot, renewed with the golden tables (BLESS=1):
    // font rendering differs between machines, so a plain run leaves it.
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(root().join("docs")).expect("docs/");
        std::fs::write(root().join("docs/review.png"), &png)
            .expect("docs/review.png");
    }

    // A span click selects its row, and only that row.
    b.click(&mark(&b, "Friday", true), "the Friday span");
    assert_eq!(selected_rows(&b), json!([["entities", "Friday"]]));
    assert_eq!(highlighted(&b), json!(["Friday"]));
    // The figure inside the claim is an entity of its own; clicking it
    // again reaches the claim around it.
    let figure = mark(&b, "235,000", true);
    b.click(&figure, "the 235,000 span");
    assert_eq!(selected_rows(&b), json!([["entities", "235,000"]]));
    b.click(&figure, "the 235,000 span again");
    assert_eq!(selected_rows(&b), json!([["claims", quote]]));

    // Filter by type, then sort by quote both ways.
    let shown = "return [...document.querySelectorAll('#entities tbody tr')]\
                 .map(tr => [tr.children[2].textContent, \
                 tr.querySelector('td.quote').textContent]);";
    b.js(
        "const s = document.querySelector('#ebox select'); \
         s.value = 'LOCATION'; s.dispatchEvent(new Event('change'));",
        json!([]),
    );
    assert_eq!(
        b.js(shown, json!([])),
        json!([["LOCATION", "Pakistan"], ["LOCATION", "Pakistan"]])
    );
    b.js(
        "const s = document.querySelector('#ebox select'); \
         s.value = ''; s.dispatchEvent(new Event('change'));",
        json!([]),
    );
    let quote_header = b.js(
        "return [...document.querySelectorAll('#entities th')]\
         .find(th => th.textContent === 'quote');",
        json!([]),
    );
    b.click(&quote_header, "the quote header");
    let quotes = |b: &Browser| -> Vec<String> {
        let v = b.js(shown, json!([]));
        v.as_array()
            .expect("rows")
            .iter()
            .map(|r| r[1].as_str().expect("quote").to_lowercase())
            .collect()
    };
    let mut want = quotes(&b);
    want.sort();
    assert_eq!(quotes(&b), want, "sorted by quote, ascending");
    b.click(&quote_header, "the quote header again");
    want.reverse();
    assert_eq!(quotes(&b), want, "sorted by quote, descending");
    assert_eq!(want.len(), 7);

    // With an audit report, each row shows its status; failures stand out.
    let audit = tmp.path().join("audit.csv");
    std::fs::write(
        &audit,
        format!(
            "doc_id,claim_id,entity_id,status,detail\n\
             {p},{p}#c1,,value_mismatch,235000 != 240000\n\
             {p},{p}#c2,,ok,\n\
             {p},,{p}#e2,ok,\n\
             {a},,,source_changed,sha256 differs\n"
        ),
    )
    .expect("audit report");
    let page =
        review(&out, &data, &["--audit", audit.to_str().expect("utf-8")]);
    b.goto(&file_url(&page));
    open_doc(&b, p);
    let audit_cells = b.js(
        "return [...document.querySelectorAll('#claims tbody tr')]\
         .map(tr => [tr.querySelector('td.quote').textContent, \
         tr.classList.contains('fail'), \
         tr.querySelector('td.audit').textContent]);",
        json!([]),
    );
    assert_eq!(
        audit_cells,
        json!([
            [quote, true, "value_mismatch: 235000 != 240000"],
            ["182", false, "ok"]
        ])
    );
    let failed_docs = b.js(
        "return [...document.querySelectorAll('#doclist li')]\
         .map(li => li.dataset.fail);",
        json!([]),
    );
    assert_eq!(failed_docs, json!(["1", "1"]));
    assert!(b
        .js(
            "return document.getElementById('summary').textContent;",
            json!([])
        )
        .as_str()
        .is_some_and(|s| s.contains("2 of 4 rows failed")));

    // Injection: markup in a text, a cell and a file name stays text, and
    // characters outside the BMP before a span do not shift it.
    let evil_dir = tmp.path().join("evil");
    let evil_out = tmp.path().join("evil-out");
    std::fs::create_dir_all(&evil_dir).expect("evil dir");
    let evil_id = "x<img src=y onerror=window.__pwned=9>";
    let script = "<script>window.__pwned = 1; alert(1)</script>";
    let evil = format!(
        "\u{1F600}\u{1F389} \u{1D4B3} Officials said 12 people were hurt. \
         {script}\n<img src=x onerror=\"window.__pwned = 2; alert(2)\">\n\
         <a href=\"javascript:window.__pwned=3\">click me</a>\n\
         </script><script>window.__pwned = 4</script>\n\
         <!-- <script>window.__pwned = 5</script> -->\n\
         \u{1F600} Aid reached 40 villages.\n"
    );
    for id in ["inject", evil_id] {
        std::fs::write(evil_dir.join(format!("{id}.txt")), &evil)
            .expect("evil doc");
    }
    let o = run(&[
        "extract",
        evil_dir.to_str().expect("utf-8 path"),
        "-o",
        evil_out.to_str().expect("utf-8 path"),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "extract the injection corpus");
    let mut ents = Fixture::new(factspan::output::ENTITY_COLUMNS);
    let mut claims = Fixture::new(factspan::output::CLAIM_COLUMNS);
    for doc in ["inject", evil_id] {
        ents.push(&entity(doc, &evil, 1, "ORGANIZATION", script, 0));
        // Crosses the end of the claim "12 people": drawn in two pieces.
        ents.push(&entity(doc, &evil, 2, "QUANTITY", "people were hurt", 0));
        claims.push(&claim(
            doc,
            &evil,
            1,
            "12 people",
            "12",
            "",
            "people",
            "<img src=z onerror=\"window.__pwned = 6\">",
        ));
        claims.push(&claim(doc, &evil, 2, "40 villages", "40", "", "", ""));
    }
    ents.write(&evil_out.join("entities.csv"));
    claims.write(&evil_out.join("claims.csv"));
    let page = review(&evil_out, &evil_dir, &[]);
    b.goto(&file_url(&page));
    for doc in [evil_id, "inject"] {
        open_doc(&b, doc);
        b.click(&row(&b, "claims", "12 people"), "the 12 people row");
        assert_eq!(highlighted(&b), json!(["12 people"]));
        b.click(&row(&b, "claims", "40 villages"), "the 40 villages row");
        assert_eq!(highlighted(&b), json!(["40 villages"]));
        b.click(&row(&b, "entities", script), "the script row");
        assert_eq!(highlighted(&b), json!([script]));
        b.click(&row(&b, "entities", "people were hurt"), "crossing row");
        assert_eq!(highlighted(&b), json!(["people", " were hurt"]));
        b.click(&mark(&b, "12 people", false), "the 12 people span");
        assert_eq!(selected_rows(&b), json!([["claims", "12 people"]]));
    }
    std::fs::write(artifacts.join("injection.png"), b.screenshot())
        .expect("artifact");
    let text =
        b.js("return document.getElementById('text').textContent;", json!([]));
    assert_eq!(text.as_str(), Some(evil.as_str()), "the text, verbatim");
    let tags = b.js(
        "return [...new Set([...document.querySelectorAll('#text *, \
         tbody *, #doclist *')].map(n => n.tagName))].sort();",
        json!([]),
    );
    assert_eq!(tags, json!(["LI", "SPAN", "TD", "TR"]), "no injected tags");
    let counts = b.js(
        "return [document.scripts.length, \
         document.querySelectorAll('img, a, iframe').length, \
         typeof window.__pwned];",
        json!([]),
    );
    assert_eq!(counts, json!([2, 0, "undefined"]), "no script ran");
    assert_eq!(b.alert_text(), None, "no alert is open");
    let attribution = b.js(
        "return [...document.querySelectorAll('#claims td')]\
         .some(td => td.textContent === arguments[0]);",
        json!(["<img src=z onerror=\"window.__pwned = 6\">"]),
    );
    assert_eq!(attribution, true, "a cell's markup shows as text");

    // 1,000 documents: one list item each, but only the selected
    // document's text in the page.
    let many_dir = tmp.path().join("many");
    let many_out = tmp.path().join("many-out");
    std::fs::create_dir_all(&many_dir).expect("many dir");
    let mut ents = Fixture::new(factspan::output::ENTITY_COLUMNS);
    let mut claims = Fixture::new(factspan::output::CLAIM_COLUMNS);
    for i in 0..1000 {
        let id = format!("doc{i:04}");
        let text = format!(
            "{peace}\nOn Monday officials in Geneva said {i} families \
             had returned.\n"
        );
        std::fs::write(many_dir.join(format!("{id}.txt")), &text)
            .expect("doc");
        ents.push(&entity(&id, &text, 1, "LOCATION", "Pakistan", 0));
        ents.push(&entity(&id, &text, 2, "LOCATION", "Geneva", 0));
        ents.push(&entity(&id, &text, 3, "DATE", "Monday", 0));
        let families = format!("{i} families");
        claims.push(&claim(
            &id,
            &text,
            1,
            &families,
            "",
            "",
            "families",
            "officials",
        ));
    }
    let o = run(&[
        "extract",
        many_dir.to_str().expect("utf-8 path"),
        "-o",
        many_out.to_str().expect("utf-8 path"),
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "extract 1,000 documents");
    ents.write(&many_out.join("entities.csv"));
    claims.write(&many_out.join("claims.csv"));
    let page = review(&many_out, &many_dir, &[]);
    b.goto(&file_url(&page));
    let loaded = b.js(
        "return performance.getEntriesByType('navigation')[0].loadEventEnd;",
        json!([]),
    );
    open_doc(&b, "doc0999");
    b.click(&row(&b, "claims", "999 families"), "the 999 families row");
    assert_eq!(highlighted(&b), json!(["999 families"]));
    let shape = b.js(
        "return [document.querySelectorAll('#doclist li').length, \
         document.getElementById('text').textContent.length, \
         document.querySelectorAll('#text [data-k]').length, \
         document.querySelectorAll('tbody tr').length];",
        json!([]),
    );
    let one_text = peace.encode_utf16().count()
        + "\nOn Monday officials in Geneva said 999 families had returned.\n"
            .len();
    assert_eq!(shape, json!([1000, one_text, 4, 4]), "one document shown");
    eprintln!(
        "1,000-document page loaded in {:.0} ms",
        loaded.as_f64().unwrap_or(f64::NAN)
    );
    eprintln!("review page browser test: {:.1?}", started.elapsed());
}

/// The JSON data block of a review page.
fn page_data(html: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"data\">";
    let at = html.find(open).expect("a data block") + open.len();
    let len = html[at..].find("</script>").expect("its end");
    serde_json::from_str(&html[at..at + len]).expect("the block is JSON")
}

#[test]
fn review_without_sources_rereads_the_recorded_files() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let out_s = out.to_str().expect("utf-8 temp path");
    // Run from the repository root, so documents.csv records `data/...`.
    let o = run(&["extract", "data/", "-o", out_s, "--quiet"]);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["review", out_s]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let data = page_data(&read(&out.join("review.html")));
    let docs = data["docs"].as_array().expect("docs");
    assert_eq!(docs.len(), 2);
    for doc in docs {
        let id = doc["id"].as_str().expect("id");
        let want = read(&root().join(format!("data/{id}.txt")));
        assert_eq!(doc["text"].as_str(), Some(want.as_str()), "{id}");
        assert_eq!(doc["changed"], false);
    }
    // A changed source is still shown, flagged.
    let copy = tmp.path().join("src");
    std::fs::create_dir_all(&copy).expect("dir");
    std::fs::write(
        copy.join("pakistan-un-peacekeeping.txt"),
        "An edited text.",
    )
    .expect("write");
    let o = run(&[
        "review",
        out_s,
        "--sources",
        copy.to_str().expect("utf-8"),
        "-o",
        "-",
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let data = page_data(&String::from_utf8(o.stdout).expect("utf-8"));
    let changed: Vec<(&str, bool)> = data["docs"]
        .as_array()
        .expect("docs")
        .iter()
        .map(|d| (d["id"].as_str().expect("id"), d["text"].is_string()))
        .collect();
    assert_eq!(
        changed,
        [
            ("amnesty-pakistan-deportations", false),
            ("pakistan-un-peacekeeping", true)
        ]
    );
    assert_eq!(data["docs"][1]["changed"], true);
    assert_eq!(run(&["review", "no/such/out"]).status.code(), Some(2));
}
