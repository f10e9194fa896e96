//! The small pages written at a page's old addresses (front matter
//! `aliases`), and `_redirects` for hosts that read one.
//!
//! A redirect page works from disk and on any host: `<meta http-equiv=
//! "refresh">` sends the browser on at once, a visible link serves anyone
//! whose browser does not follow it, and `rel=canonical` tells search
//! engines where the page lives now. No script is needed.

use crate::site::aliases::Alias;
use crate::site::model::Site;
use crate::site::urls::relative;
use crate::text::escape::escape_html;

/// Every alias page, and `_redirects` when `output.redirects` asks for it,
/// as (path in the output, bytes).
pub fn files(
    site: &Site,
    aliases: &[Alias],
    words: &crate::render::i18n::I18n,
) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = aliases
        .iter()
        .map(|alias| (alias.output.clone(), page(site, alias, words).into_bytes()))
        .collect();
    if site.config.output.redirects == crate::source::config::RedirectsFile::Netlify
        && !aliases.is_empty()
    {
        files.push(("_redirects".to_owned(), netlify(site, aliases).into_bytes()));
    }
    files
}

/// The page at one old address, in the language of the page it sends
/// readers to.
fn page(site: &Site, alias: &Alias, words: &crate::render::i18n::I18n) -> String {
    let target = &site.pages[alias.page];
    let pretty = site.config.output.pretty_urls;
    let href = relative(&alias.output_dir, &target.dir, pretty);
    let canonical = match site.config.base_url() {
        Some(base) => format!("{base}{}", target.dir),
        None => href.clone(),
    };
    let lang = target.lang.as_str();
    let words = words.words(lang);
    let title = escape_html(target.title());
    let href = escape_html(&href);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} | {site_title}</title>\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n<body>\n<main>\n\
         <h1>{moved}</h1>\n<p><a href=\"{href}\">{go}: {title}</a></p>\n\
         </main>\n</body>\n</html>\n",
        lang = escape_html(lang),
        dir = crate::render::templates::text_direction(lang),
        site_title = escape_html(&site.config.title),
        canonical = escape_html(&canonical),
        moved = escape_html(words.get("redirect.title")),
        go = escape_html(words.get("redirect.go")),
    )
}

/// Netlify's (and Cloudflare Pages') `_redirects`: `old new 301`, one a
/// line, with paths from the root of the site's address.
fn netlify(site: &Site, aliases: &[Alias]) -> String {
    let root = site
        .config
        .base_url()
        .and_then(|base| base.split_once("://").map(|(_, rest)| rest.to_owned()))
        .and_then(|rest| rest.split_once('/').map(|(_, path)| format!("/{path}")))
        .unwrap_or_else(|| "/".to_owned());
    let mut text = String::new();
    for alias in aliases {
        let from = alias
            .output
            .strip_suffix("index.html")
            .unwrap_or(&alias.output);
        let to = &site.pages[alias.page].dir;
        text.push_str(&format!("{root}{from} {root}{to} 301\n"));
    }
    text
}
