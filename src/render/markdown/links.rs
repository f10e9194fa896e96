//! Rewrites links and images from the author's terms to the reader's.
//!
//! Authors link to source files (`../care-plans/crisis-plans.md#who-to-call`)
//! so that links also work in their editor and on GitHub; readers get a
//! relative URL to the built page. Links to files that do not exist are
//! errors with their line. External links are announced to screen readers
//! and print their address. Images need alt text, or an explicit
//! `"decorative"` title saying they carry no meaning.

use crate::text::escape::escape_html;
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::{LinkRef, LinkTarget, PageState, Spanned, plain_text};
use crate::diagnostics::did_you_mean;
use crate::site::urls::{normalize, relative};

/// The title that marks an image as decorative: `![](swirl.svg "decorative")`.
pub const DECORATIVE: &str = "decorative";

pub fn rewrite<'a>(
    events: Vec<Spanned<'a>>,
    state: &mut PageState,
) -> (Vec<Spanned<'a>>, Vec<LinkRef>) {
    let mut out: Vec<Spanned<'a>> = Vec::with_capacity(events.len());
    let mut refs = Vec::new();
    // Index in `out` of the open link's start event, with its target.
    let mut open_link: Option<(usize, LinkTarget)> = None;
    // Inside a link to a page the edition hides: its words stay, the link goes.
    let mut hidden_open = false;
    let mut image: Option<(
        Vec<Spanned<'a>>,
        CowStr<'a>,
        CowStr<'a>,
        std::ops::Range<usize>,
    )> = None;

    // A captioned image just pushed, with its `<figure>` form: used when
    // the image turns out to be alone in its paragraph.
    let mut figure: Option<(usize, String)> = None;

    for (event, range) in events {
        if let Some((inner, _, _, _)) = image.as_mut() {
            if matches!(event, Event::End(TagEnd::Image)) {
                if let Some((inner, dest, title, start)) = image.take() {
                    let html = render_image(&inner, &dest, &title, start.clone(), state);
                    out.push((Event::Html(html.inline.into()), start));
                    figure = html.figure.map(|f| (out.len() - 1, f));
                }
            } else {
                inner.push((event, range));
            }
            continue;
        }
        if let Some(pending) = figure.take()
            && matches!(event, Event::End(TagEnd::Paragraph))
            && replace_paragraph_with_figure(&mut out, pending)
        {
            continue;
        }
        match event {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                image = Some((Vec::new(), dest_url, title, range));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Some((rel, by)) = super::hidden_links::target(&dest_url, state) {
                    super::hidden_links::report(&dest_url, &rel, &by, range, state);
                    hidden_open = true;
                    continue;
                }
                let (target, href) = resolve(&dest_url, link_type, &range, state);
                let start = link_start(&target, href, link_type, title, id);
                open_link = Some((out.len(), target));
                out.push((start, range));
            }
            Event::End(TagEnd::Link) if hidden_open => hidden_open = false,
            Event::End(TagEnd::Link) => {
                let end = match open_link.take() {
                    Some((start_idx, target)) => {
                        close_link(&out, start_idx, target, state, &mut refs)
                    }
                    None => Event::End(TagEnd::Link),
                };
                out.push((end, range));
            }
            other => out.push((other, range)),
        }
    }
    (out, refs)
}

/// When the paragraph just closing holds only the captioned image at
/// `at`, replaces the paragraph with the image's `<figure>` (a figure
/// cannot sit inside `<p>`). Returns whether it did.
fn replace_paragraph_with_figure(out: &mut Vec<Spanned>, (at, html): (usize, String)) -> bool {
    let alone =
        at + 1 == out.len() && at > 0 && matches!(out[at - 1].0, Event::Start(Tag::Paragraph));
    if alone {
        let (_, start) = out[at - 1].clone();
        out.truncate(at - 1);
        out.push((Event::Html(html.into()), start));
    }
    alone
}

/// The event that opens a link. An external link is written as HTML, so
/// it can carry the `external` class that prints its address; any other
/// keeps its Markdown start with the rewritten `href`.
fn link_start<'a>(
    target: &LinkTarget,
    href: String,
    link_type: LinkType,
    title: CowStr<'a>,
    id: CowStr<'a>,
) -> Event<'a> {
    if let LinkTarget::External(url) = target {
        let title_attr = if title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", escape_html(&title))
        };
        Event::Html(
            format!(
                "<a class=\"external\" href=\"{}\"{title_attr}>",
                escape_html(url)
            )
            .into(),
        )
    } else {
        Event::Start(Tag::Link {
            link_type,
            dest_url: href.into(),
            title,
            id,
        })
    }
}

/// Records the link opened at `out[start_idx]` in `refs`, with its text and
/// position, for the link checks, and returns the event that closes it:
/// an external link ends with words telling screen-reader users that it
/// leaves the site.
fn close_link<'a>(
    out: &[Spanned<'a>],
    start_idx: usize,
    target: LinkTarget,
    state: &PageState,
    refs: &mut Vec<LinkRef>,
) -> Event<'a> {
    let text = plain_text(&out[start_idx + 1..]).trim().to_owned();
    let (line, column) = state.position(&out[start_idx].1);
    let external = matches!(target, LinkTarget::External(_));
    refs.push(LinkRef {
        target,
        text,
        line,
        column,
    });
    if external {
        Event::Html(
            format!(
                "<span class=\"visually-hidden\"> {}</span></a>",
                escape_html(state.words.get("link.external"))
            )
            .into(),
        )
    } else {
        Event::End(TagEnd::Link)
    }
}

/// Works out where a link goes and the href to write.
fn resolve(
    dest: &str,
    link_type: LinkType,
    range: &std::ops::Range<usize>,
    state: &mut PageState,
) -> (LinkTarget, String) {
    let dest = dest.trim();
    if matches!(link_type, LinkType::Email) {
        return (LinkTarget::Mail(dest.to_owned()), format!("mailto:{dest}"));
    }
    if let Some(resolved) = resolve_scheme(dest, range, state) {
        return resolved;
    }
    if let Some(fragment) = dest.strip_prefix('#') {
        let href = match state.chapter() {
            Some(chapter) => format!("#{chapter}--{fragment}"),
            None => dest.to_owned(),
        };
        return (LinkTarget::SamePage(fragment.to_owned()), href);
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment.to_owned())),
        None => (dest, None),
    };
    let path = percent_decode(path);
    match resolve_path(&path, state) {
        Ok(Resolved::Page(page)) => {
            // A link from a translation goes to the page's version in the
            // same language when there is one (an anchor names a heading of
            // the page linked to, so it keeps that page).
            let page = if fragment.is_none() {
                state.ctx.site.in_language(page, &state.page.lang)
            } else {
                page
            };
            let href = page_href(state, page, fragment.as_deref());
            (LinkTarget::Page { page, fragment }, href)
        }
        Ok(Resolved::Asset(rel)) => {
            let href = state.relative_url(&rel, false);
            (LinkTarget::Asset(rel), href)
        }
        // The target's own problem is reported at the target; repeating it
        // here as "does not exist" would send the author the wrong way.
        Ok(Resolved::Unreadable) => (LinkTarget::Broken, "#".to_owned()),
        Err((rule, message, help)) => {
            state.error(rule, message, range.clone(), &help);
            (LinkTarget::Broken, dest.to_owned())
        }
    }
}

/// Links by URL scheme, through the one URL gate (`safe_url`): web, mail
/// and phone links are final as written, and a refused URL is reported
/// and becomes a dead `#`. `None` for a relative link, which names a page,
/// an anchor or a file of the site.
fn resolve_scheme(
    dest: &str,
    range: &std::ops::Range<usize>,
    state: &mut PageState,
) -> Option<(LinkTarget, String)> {
    match crate::gates::safe_url::check(dest) {
        Ok(crate::gates::safe_url::UrlKind::Web) => {
            Some((LinkTarget::External(dest.to_owned()), dest.to_owned()))
        }
        Ok(crate::gates::safe_url::UrlKind::Mail) => {
            let address = dest.split_once(':').map_or(dest, |(_, a)| a);
            Some((LinkTarget::Mail(address.to_owned()), dest.to_owned()))
        }
        Ok(crate::gates::safe_url::UrlKind::Phone) => {
            let number = dest.split_once(':').map_or(dest, |(_, n)| n);
            Some((LinkTarget::Phone(number.to_owned()), dest.to_owned()))
        }
        Ok(crate::gates::safe_url::UrlKind::Relative) => None,
        Err(refused) => {
            state.error(
                "unsafe-link",
                refused.message(dest),
                range.clone(),
                crate::gates::safe_url::HELP,
            );
            Some((LinkTarget::Broken, "#".to_owned()))
        }
    }
}

/// The href of a link to `page`: inside a booklet, where the page is a
/// chapter, a jump to the chapter's (or its anchor's) id; elsewhere the
/// page's relative URL.
fn page_href(state: &PageState, page: usize, fragment: Option<&str>) -> String {
    let chapter = state
        .ctx
        .booklet
        .as_ref()
        .and_then(|b| b.chapters.get(&page))
        .map(|(id, _)| id);
    match (chapter, fragment) {
        (Some(chapter), Some(fragment)) => format!("#{chapter}--{fragment}"),
        (Some(chapter), None) => format!("#{chapter}"),
        (None, fragment) => {
            let target_dir = &state.ctx.site.pages[page].dir;
            let mut href = state.relative_url(target_dir, state.ctx.pretty_urls);
            if let Some(fragment) = fragment {
                href.push('#');
                href.push_str(fragment);
            }
            href
        }
    }
}

enum Resolved {
    Page(usize),
    Asset(String),
    /// A Markdown file that exists but whose front matter could not be read.
    Unreadable,
}

/// Finds the page or asset a relative path names, from the current page's folder.
fn resolve_path(path: &str, state: &PageState) -> Result<Resolved, (&'static str, String, String)> {
    let site = state.ctx.site;
    let folder = state
        .page
        .rel
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder);
    let Some(target) = normalize(folder, path) else {
        return Err((
            "path-escape",
            format!("the link `{path}` points outside the content folder"),
            "link only to files inside content/".to_owned(),
        ));
    };
    let as_folder = target.trim_end_matches('/');
    if path.ends_with('/') || target.is_empty() {
        for index in ["_index.md", "index.md"] {
            let rel = if as_folder.is_empty() {
                index.to_owned()
            } else {
                format!("{as_folder}/{index}")
            };
            if let Some(page) = site.page_by_rel(&rel) {
                return Ok(Resolved::Page(page));
            }
            if site.unreadable.contains(&rel) {
                return Ok(Resolved::Unreadable);
            }
        }
    }
    if site.unreadable.contains(&target) {
        return Ok(Resolved::Unreadable);
    }
    if target.ends_with(".md") {
        if let Some(page) = site.page_by_rel(&target) {
            return Ok(Resolved::Page(page));
        }
        // `folder/index.md` may be written for a section whose file is `_index.md`.
        if let Some(folder) = target.strip_suffix("/index.md")
            && let Some(page) = site.page_by_rel(&format!("{folder}/_index.md"))
        {
            return Ok(Resolved::Page(page));
        }
        // Section pages all share a name, so they are never a likely typo.
        let candidates = site
            .pages
            .iter()
            .map(|p| p.rel.as_str())
            .filter(|rel| !crate::site::urls::is_section_index(rel));
        let suggestion = did_you_mean(&target, candidates)
            .map(|near| format!("did you mean `{}`? ", relative_source(folder, near)))
            .unwrap_or_default();
        return Err((
            "broken-link",
            format!("the link `{path}` goes to content/{target}, which does not exist"),
            format!("{suggestion}check the file name; links are relative to this page's folder"),
        ));
    }
    if site.assets.iter().any(|a| a.rel == target) {
        return Ok(Resolved::Asset(target));
    }
    if let Some(rel) = page_for_web_address(site, &target) {
        return Err((
            "broken-link",
            format!("the link `{path}` is a web address, and links here name the page's file"),
            format!(
                "link to `{}` instead: Signpost turns links to .md files into working addresses",
                relative_source(folder, rel)
            ),
        ));
    }
    Err((
        "broken-link",
        format!("the link `{path}` goes to content/{target}, which does not exist"),
        "link to pages by their .md file, and put other files inside content/".to_owned(),
    ))
}

/// The page a web address of another generator means (`section/page/`,
/// `section/page.html`, `page.html`): the `.md` file at that path, or else
/// the only page in the site with that name.
fn page_for_web_address<'a>(site: &'a crate::site::model::Site, target: &str) -> Option<&'a str> {
    let bare = target.trim_end_matches('/');
    let stem = bare
        .strip_suffix("/index.html")
        .or_else(|| bare.strip_suffix(".html"))
        .or_else(|| bare.strip_suffix(".htm"))
        .or_else(|| (target.ends_with('/') || !bare.contains('.')).then_some(bare))?;
    // `index` names its folder's page: `../index.html` is the home page.
    let stem = if stem == "index" {
        ""
    } else {
        stem.strip_suffix("/index").unwrap_or(stem)
    };
    if stem.is_empty() {
        return site
            .page_by_rel("_index.md")
            .map(|page| site.pages[page].rel.as_str());
    }
    for rel in [
        format!("{stem}.md"),
        format!("{stem}/_index.md"),
        format!("{stem}/index.md"),
    ] {
        if let Some(page) = site.page_by_rel(&rel) {
            return Some(site.pages[page].rel.as_str());
        }
    }
    let name = stem.rsplit('/').next().unwrap_or(stem);
    let mut same_name = site.pages.iter().map(|p| p.rel.as_str()).filter(|rel| {
        rel.strip_suffix(".md")
            .is_some_and(|r| r == name || r.ends_with(&format!("/{name}")))
    });
    match (same_name.next(), same_name.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// How an author would write a link from `folder` to `rel`.
fn relative_source(folder: &str, rel: &str) -> String {
    let dir = if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    };
    relative(&dir, rel, true)
}

/// An image as HTML: inline, and as a `<figure>` when its title is a
/// caption (`![A ward garden](garden.jpg "The garden at Oak House")`),
/// used when the image stands alone in its paragraph.
struct ImageHtml {
    inline: String,
    figure: Option<String>,
}

fn render_image(
    inner: &[Spanned],
    dest: &str,
    title: &str,
    range: std::ops::Range<usize>,
    state: &mut PageState,
) -> ImageHtml {
    let raw_alt = plain_text(inner);
    let alt = raw_alt.trim().to_owned();
    let decorative = title.trim().eq_ignore_ascii_case(DECORATIVE);
    if alt.is_empty() && !decorative {
        let how = "describe what the image shows between the brackets: ![A nurse talking with a patient](nurse.jpg); if it is only decoration, write ![](file \"decorative\")";
        if raw_alt.is_empty() && state.page.kind == crate::site::model::PageKind::EasyRead {
            state.finding(
                "easy-picture-alt",
                format!("the picture `{dest}` has no alt text"),
                range.clone(),
                how,
            );
        } else if raw_alt.is_empty() {
            state.error(
                "image-alt-missing",
                format!("the image `{dest}` has no alt text"),
                range.clone(),
                how,
            );
        } else {
            state.finding(
                "image-alt-empty",
                format!("the image `{dest}` has alt text of only spaces"),
                range.clone(),
                how,
            );
        }
    } else if looks_like_file_name(&alt, dest) {
        state.finding(
            "image-alt-filename",
            format!("the alt text \"{alt}\" repeats the file name instead of describing the image"),
            range.clone(),
            "describe what the image shows, as you would to someone on the phone",
        );
    }
    let pictogram = dest.strip_prefix(PICTOGRAM_SCHEME);
    let (src, asset) = if let Some(name) = pictogram {
        (pictogram_src(name, &range, state), None)
    } else {
        image_src(dest, &range, state)
    };
    let alt = if decorative { String::new() } else { alt };
    let title_attr = if !decorative && !title.is_empty() {
        format!(" title=\"{}\"", escape_html(title))
    } else {
        String::new()
    };
    let img = super::images::Img::new(&src, &alt, pictogram.is_some(), asset.as_deref(), state);
    let inline = img.html(&title_attr);
    let figure = figure_html(
        &img.html(""),
        &alt,
        title,
        decorative || pictogram.is_some(),
        dest,
        &range,
        state,
    );
    ImageHtml { inline, figure }
}

/// The `<figure>` form of a captioned image (its title is the caption),
/// or `None` for an image without a caption, a decorative one or a
/// pictogram. A caption that only repeats the alt text is a finding: a
/// screen reader would read the same words twice.
fn figure_html(
    picture: &str,
    alt: &str,
    title: &str,
    no_caption: bool,
    dest: &str,
    range: &std::ops::Range<usize>,
    state: &mut PageState,
) -> Option<String> {
    let caption = title.trim();
    if no_caption || caption.is_empty() {
        return None;
    }
    let same = |a: &str, b: &str| {
        a.trim_end_matches('.').to_lowercase() == b.trim_end_matches('.').to_lowercase()
    };
    if !alt.is_empty() && same(caption, alt) {
        state.finding(
            "caption-repeats-alt",
            format!("the caption of `{dest}` repeats its alt text: \"{caption}\""),
            range.clone(),
            "let the alt text say what the picture shows and the caption add something (who, where, when); or leave the caption out",
        );
    }
    Some(format!(
        "<figure>{picture}<figcaption>{}</figcaption></figure>",
        escape_html(caption)
    ))
}

/// `![A meeting](picto:meeting)` names a pictogram of the theme.
pub const PICTOGRAM_SCHEME: &str = "picto:";

fn pictogram_src(name: &str, range: &std::ops::Range<usize>, state: &mut PageState) -> String {
    if let Some(names) = &state.ctx.pictograms
        && !names.contains(name)
    {
        let near = did_you_mean(name, names.iter().map(String::as_str))
            .map(|n| format!("did you mean `picto:{n}`? "))
            .unwrap_or_default();
        let message = format!("there is no pictogram called `{name}` in the theme");
        let help =
            format!("{near}the pictograms are listed in the theme's static/pictograms/README.md");
        state.error("unknown-pictogram", message, range.clone(), &help);
    }
    let path = format!("static/{}{name}.svg", crate::render::theme::PICTOGRAM_DIR);
    state.relative_url(&path, false)
}

/// The `src` of an image, and the file under `content/` it names (none
/// for an external or broken one).
fn image_src(
    dest: &str,
    range: &std::ops::Range<usize>,
    state: &mut PageState,
) -> (String, Option<String>) {
    match resolve(dest, LinkType::Inline, range, state) {
        (LinkTarget::Asset(rel), href) => (href, Some(rel)),
        (LinkTarget::External(url), _) => {
            state.error(
                "external-image",
                format!("the image `{dest}` is on another website"),
                range.clone(),
                "save the image inside content/ and link to it there: readers must not be tracked by other sites",
            );
            (url, None)
        }
        (_, href) => (href, None),
    }
}

/// Alt text such as "IMG_0123.jpg", "IMG 0123" or the file's own name.
fn looks_like_file_name(alt: &str, dest: &str) -> bool {
    let lower = alt.to_lowercase();
    const EXTENSIONS: &[&str] = &[
        ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".avif", ".bmp", ".tif", ".tiff",
    ];
    if EXTENSIONS.iter().any(|e| lower.ends_with(e)) {
        return true;
    }
    let simplify = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    let file = dest.rsplit('/').next().unwrap_or(dest);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let camera = ["img", "dsc", "dscn", "pxl", "image", "photo", "screenshot"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.chars().any(|c| c.is_ascii_digit()));
    camera
        || (!stem.is_empty()
            && simplify(alt) == simplify(stem)
            && stem
                .chars()
                .any(|c| c == '_' || c == '-' || c.is_ascii_digit()))
}

/// Authors sometimes paste `my%20file.md`; files on disk have real spaces.
fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            let hex = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
            out.push(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| path.to_owned())
}
