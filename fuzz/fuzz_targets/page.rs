//! One page's bytes → load, render, check, template, minify, publish.
//!
//! Fails on any panic or abort, on a finding that points past the end of
//! the page, and on a published page that could run a script.
#![no_main]

use libfuzzer_sys::fuzz_target;
use signpost::single_page::{RawHtml, build_page};

fuzz_target!(|bytes: &[u8]| {
    for raw_html in [RawHtml::Deny, RawHtml::Sanitize] {
        let result = build_page(bytes, raw_html);
        let lines = bytes.split(|&b| b == b'\n').count();
        for d in &result.diagnostics {
            if d.file.as_deref() == Some("content/care/page.md") {
                assert!(d.line <= lines + 1, "line {} of {lines}: {d:?}", d.line);
            }
            assert_ne!(d.rule, "unsafe-output", "Markdown made the theme write active content");
        }
        if let Some(html) = &result.html {
            let html = String::from_utf8_lossy(html);
            let found = signpost::gates::active_content::in_html(&html);
            assert!(found.is_empty(), "{found:?}");
        }
    }
});
