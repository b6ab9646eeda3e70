//! What a blogger pastes to embed the explorer: the `<iframe>` snippet and the optional
//! host-page script that sizes the frame from the explorer's height messages.
//! Corpus text (the title) ends up in HTML here, so everything is escaped.

/// Message type the embedded explorer posts to its host page with its height.
pub const HEIGHT_MESSAGE: &str = "steppe:height";
/// Message type the host script answers with: the host page's address, so the explorer's
/// share dialog can offer a link to the post it sits in.
pub const HOST_MESSAGE: &str = "steppe:host";

/// Escapes text for an HTML attribute value in double quotes.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The iframe snippet for `url`, titled `title`. `allow="clipboard-write"` lets the
/// explorer's Copy buttons work inside the host page.
pub fn iframe_snippet(url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" allow=\"clipboard-write\" loading=\"lazy\" width=\"100%\" height=\"600\" style=\"border:0;max-width:100%\"></iframe>",
        attr(url),
        attr(title)
    )
}

/// The host-page script: resizes the frame showing `origin`, after checking each message's
/// origin and that it comes from that frame, and tells that frame (only) the page's address.
pub fn resize_script(origin: &str) -> String {
    format!(
        r#"<script>
(function () {{
  var origin = "{origin}";
  window.addEventListener("message", function (e) {{
    if (e.origin !== origin || !e.data || e.data.type !== "{HEIGHT_MESSAGE}") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {{
      if (frames[i].contentWindow === e.source) {{
        frames[i].style.height = Math.min(Math.max(Number(e.data.height) || 0, 300), 5000) + "px";
        e.source.postMessage({{ type: "{HOST_MESSAGE}", url: location.href }}, origin);
      }}
    }}
  }});
}})();
</script>"#,
        origin = attr(origin).replace('\\', "")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_is_lazy_titled_and_escaped() {
        let s = iframe_snippet(
            "https://ex.org/steppe/#a=russia&l=zh&embed=1",
            "Steppe: \"Kazakhstan\" <2022> & more",
        );
        assert_eq!(
            s,
            "<iframe src=\"https://ex.org/steppe/#a=russia&amp;l=zh&amp;embed=1\" title=\"Steppe: &quot;Kazakhstan&quot; &lt;2022&gt; &amp; more\" allow=\"clipboard-write\" loading=\"lazy\" width=\"100%\" height=\"600\" style=\"border:0;max-width:100%\"></iframe>"
        );
        let hostile = iframe_snippet("https://ex.org/", "\"><script>alert(1)</script>");
        assert!(!hostile.contains("<script>"));
        assert_eq!(
            hostile.matches('"').count(),
            14,
            "no attribute is broken out of"
        );
    }

    #[test]
    fn resize_script_checks_origin_and_source() {
        let s = resize_script("https://ex.org");
        assert!(s.contains("var origin = \"https://ex.org\";"));
        assert!(s.contains("e.origin !== origin"));
        assert!(s.contains("contentWindow === e.source"));
        assert!(s.contains(HEIGHT_MESSAGE));
        // The page's address goes only to the checked frame, at its own origin.
        assert!(s.contains(
            "e.source.postMessage({ type: \"steppe:host\", url: location.href }, origin);"
        ));
        let hostile = resize_script("https://x\"; alert(1); \"");
        assert!(hostile.contains("var origin = \"https://x&quot;; alert(1); &quot;\";"));
    }
}
