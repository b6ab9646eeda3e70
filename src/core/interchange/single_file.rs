//! The single-file explorer: the built page with its stylesheet, script, wasm and corpus
//! inlined, so it opens from `file://` with no server and no network.
//!
//! The same steps as `scripts/post-build.mjs` (which writes `dist/steppe.html` at build
//! time), so the app can make one in the browser from its own files and the CLI from a
//! built bundle. Every inlined text is escaped so nothing in it can end its element early:
//! in the corpus JSON each `<` becomes `\u003c`; in the script `</script` and `<!--` are
//! broken up; in the stylesheet `</` becomes `<\/`.
//!
//! The loading worker's code rides along as the text of a `text/plain` script (a browser
//! never runs it): from `file://` no worker script can be fetched, but the page starts one
//! from a blob of that text, so a large file opened there is read off the main thread too.

/// The built files the single file is made of.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a> {
    /// The bundle's `index.html` (after the build moved its boot script into a file).
    pub html: &'a str,
    pub css: &'a str,
    /// wasm-bindgen's JavaScript glue (`steppe-app-*.js`).
    pub glue: &'a str,
    pub wasm: &'a [u8],
    /// The corpus, as Steppe JSON.
    pub corpus: &'a str,
    /// The loading worker's code, if the bundle has it (without it, the page reads every
    /// file itself).
    pub worker: Option<WorkerCode<'a>>,
}

/// The loading worker's built files.
#[derive(Debug, Clone, Copy)]
pub struct WorkerCode<'a> {
    /// wasm-bindgen's glue for the worker (`steppe-worker-*.js`), a classic script.
    pub glue: &'a str,
    pub wasm: &'a [u8],
}

/// Id of the element holding the worker's source (the page looks for it).
pub const WORKER_SOURCE_ID: &str = "steppe-worker-source";

/// The worker's whole source: its glue, then its start with the wasm inlined; if the wasm
/// fails to start, the page is told and reads the file itself (as `public/worker.js` does).
pub fn worker_source(w: WorkerCode) -> String {
    format!(
        "{}\nwasm_bindgen({{ module_or_path: Uint8Array.from(atob('{}'), (c) => c.charCodeAt(0)) }})\n  .catch(() => {{ postMessage('failed'); close(); }});",
        w.glue,
        base64(w.wasm)
    )
}

/// JSON made safe inside `<script type="application/json">`: JSON only has `<` inside
/// strings, where `\u003c` means the same.
pub fn inline_json(text: &str) -> String {
    text.replace('<', "\\u003c")
}

/// JavaScript made safe inside `<script>` (in strings and regular expressions `<\/` and
/// `<\!` mean the same).
pub fn inline_js(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let tail = rest.get(i..).unwrap_or("");
        let lower: String = tail
            .chars()
            .take(8)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.starts_with("</script") {
            out.push_str("<\\/");
            rest = tail.get(2..).unwrap_or("");
        } else if tail.starts_with("<!--") {
            out.push_str("<\\!--");
            rest = tail.get(4..).unwrap_or("");
        } else {
            out.push('<');
            rest = tail.get(1..).unwrap_or("");
        }
    }
    out.push_str(rest);
    out
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let sym = |n: u32| char::from(A.get((n & 63) as usize).copied().unwrap_or(b'A'));
    let mut out = String::with_capacity(bytes.len().div_ceil(3).saturating_mul(4));
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(sym(n >> 18));
        out.push(sym(n >> 12));
        out.push(if chunk.len() > 1 { sym(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { sym(n) } else { '=' });
    }
    out
}

/// The span of the first tag starting with `prefix` (through its `>`).
fn tag(html: &str, prefix: &str) -> Option<(usize, usize)> {
    let start = html.find(prefix)?;
    let len = html.get(start..)?.find('>')?;
    Some((start, start.saturating_add(len).saturating_add(1)))
}

fn replace_tag(html: &str, prefix: &str, with: &str) -> Result<String, String> {
    let (a, b) = tag(html, prefix).ok_or_else(|| format!("{prefix}…> not found in the page"))?;
    Ok(format!(
        "{}{with}{}",
        html.get(..a).unwrap_or(""),
        html.get(b..).unwrap_or("")
    ))
}

/// The single HTML file, or what part of the page was not as expected.
pub fn assemble(p: Parts) -> Result<String, String> {
    let mut html = replace_tag(
        p.html,
        "<link rel=\"icon\"",
        "<link rel=\"icon\" href=\"data:,\">",
    )?;
    let css = p.css.replace("</", "<\\/");
    html = replace_tag(
        &html,
        "<link rel=\"stylesheet\"",
        &format!("<style>{css}</style>"),
    )?;
    for preload in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        while tag(&html, preload).is_some() {
            html = replace_tag(&html, preload, "")?;
        }
    }
    // The glue is an ES module; its export line would be a syntax error inline.
    let glue: Vec<&str> = p
        .glue
        .lines()
        .filter(|l| !(l.starts_with("export {") && l.trim_end().ends_with(['}', ';'])))
        .collect();
    let boot = format!(
        "{}\n  const wasmBytes = Uint8Array.from(atob('{}'), (c) => c.charCodeAt(0));\n  await __wbg_init({{ module_or_path: wasmBytes }});",
        glue.join("\n"),
        base64(p.wasm)
    );
    let start = html
        .find("<script type=\"module\" src=\"")
        .ok_or("the page has no boot script")?;
    let end = html
        .get(start..)
        .and_then(|t| t.find("</script>"))
        .map(|e| start.saturating_add(e).saturating_add("</script>".len()))
        .ok_or("the boot script is not closed")?;
    let worker = p.worker.map_or_else(String::new, |w| {
        format!(
            "\n<script type=\"text/plain\" id=\"{WORKER_SOURCE_ID}\">{}</script>",
            inline_js(&worker_source(w))
        )
    });
    Ok(format!(
        "{}<script type=\"application/json\" id=\"steppe-corpus\">{}</script>{worker}\n<script type=\"module\">\n{}\n</script>{}",
        html.get(..start).unwrap_or(""),
        inline_json(p.corpus),
        inline_js(&boot),
        html.get(end..).unwrap_or("")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><link rel="icon" href="favicon.ico"><link rel="stylesheet" href="./main.css"/>
<script type="module" src="./boot.js"></script>
<link rel="modulepreload" href="./app.js"><link rel="preload" href="./app_bg.wasm" as="fetch"></head><body></body></html>"#;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn everything_is_inlined_and_nothing_can_close_its_element() {
        let corpus = r#"{"t":"</script><script>alert(1)</script><!--"}"#;
        let out = assemble(Parts {
            html: PAGE,
            css: "a::after{content:'</style>'}",
            glue: "let x = '</script>';\nasync function __wbg_init(){}\nexport { __wbg_init as default };",
            wasm: b"\0asm",
            corpus,
            worker: None,
        })
        .unwrap();
        assert!(
            !out.contains("favicon.ico")
                && !out.contains("preload")
                && !out.contains("src=\"./boot.js\"")
        );
        assert!(out.contains("<style>a::after{content:'<\\/style>'}</style>"));
        assert!(
            out.contains(r#"{"t":"\u003c/script>\u003cscript>alert(1)\u003c/script>\u003c!--"}"#)
        );
        assert!(out.contains("let x = '<\\/script>';"));
        assert!(!out.contains("export {"));
        assert!(out.contains("atob('AGFzbQ==')"));
        // Exactly the two script elements close.
        assert_eq!(out.matches("</script>").count(), 2);
        assert_eq!(out.matches("</style>").count(), 1);
    }

    #[test]
    fn the_worker_rides_along_as_text_that_cannot_close_its_element() {
        let out = assemble(Parts {
            html: PAGE,
            css: "",
            glue: "async function __wbg_init(){}",
            wasm: b"\0asm",
            corpus: "{}",
            worker: Some(WorkerCode {
                glue: "let wasm_bindgen = (m) => '</script><script>alert(1)</script>';",
                wasm: b"wk",
            }),
        })
        .unwrap();
        // Corpus, worker, boot: three elements close, the worker's text before the boot
        // script that starts it.
        assert_eq!(out.matches("</script>").count(), 3);
        let source = out
            .find("<script type=\"text/plain\" id=\"steppe-worker-source\">")
            .unwrap();
        assert!(source < out.find("<script type=\"module\">").unwrap());
        assert!(out.contains("let wasm_bindgen = (m) => '<\\/script><script>alert(1)<\\/script>';"));
        assert!(out.contains("wasm_bindgen({ module_or_path: Uint8Array.from(atob('d2s='),"));
        assert!(out.contains("postMessage('failed')"));
    }

    #[test]
    fn a_page_not_as_built_is_named() {
        let err = assemble(Parts {
            html: "<html></html>",
            css: "",
            glue: "",
            wasm: &[],
            corpus: "{}",
            worker: None,
        })
        .unwrap_err();
        assert!(err.contains("rel=\"icon\""), "{err}");
    }
}
