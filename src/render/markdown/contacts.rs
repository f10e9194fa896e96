//! ```` ```contacts ```` blocks: helplines from `data/contacts.yaml`.
//!
//! Authors list contact ids, one a line (or `all`). Each entry renders with
//! a `tel:` link, its hours and the date someone last checked it, so a
//! reader can judge how far to trust a number. An unknown id is an error on
//! its own line.

use crate::text::escape::escape_html;
use pulldown_cmark::Event;

use super::{PageState, Spanned};
use crate::diagnostics::did_you_mean;
use crate::source::data::Contact;

pub fn expand<'a>(events: Vec<Spanned<'a>>, state: &mut PageState) -> Vec<Spanned<'a>> {
    super::expand_fenced(events, "contacts", state, |body, range, state, out| {
        let html = render_block(body, &range, state);
        out.push((Event::Html(html.into()), range));
    })
}

fn render_block(body: &str, range: &std::ops::Range<usize>, state: &mut PageState) -> String {
    let data = &state.ctx.site.data;
    let (first_line, _) = state.position(range);
    let mut chosen: Vec<&Contact> = Vec::new();
    for (n, line) in body.lines().enumerate() {
        let id = line.trim();
        if id.is_empty() || id.starts_with('#') {
            continue;
        }
        if id == "all" {
            chosen.extend(data.contacts.iter());
            continue;
        }
        match data.contact(id) {
            Some(contact) => chosen.push(contact),
            None => {
                let line_no = first_line + 1 + n;
                let mut help = match did_you_mean(id, data.contacts.iter().map(|c| c.id.as_str())) {
                    Some(near) => format!("did you mean `{near}`? "),
                    None => String::new(),
                };
                help.push_str("use an `id` from data/contacts.yaml");
                let diagnostic = crate::diagnostics::Diagnostic::error(
                    "unknown-contact",
                    format!("there is no contact with the id `{id}`"),
                )
                .in_file(state.page.file())
                .at_source(&state.page.text, line_no, 1)
                .help(help);
                state.diagnostics.push(diagnostic);
            }
        }
    }
    let mut html = String::from("<ul class=\"contacts\" role=\"list\">");
    for contact in chosen {
        html.push_str(&render_contact(contact));
    }
    html.push_str("</ul>");
    html
}

fn render_contact(c: &Contact) -> String {
    let e = |s: &str| escape_html(s);
    let mut html = format!(
        "<li class=\"contact\"><p class=\"contact-name\">{}</p>",
        e(&c.name)
    );
    if let Some(description) = &c.description {
        html.push_str(&format!("<p>{}</p>", e(description)));
    }
    html.push_str("<dl>");
    let mut row = |label: &str, value: String| {
        html.push_str(&format!("<dt>{label}</dt><dd>{value}</dd>"));
    };
    if let Some(phone) = &c.phone {
        row(
            "Phone",
            format!("<a href=\"tel:{}\">{}</a>", e(&tel_digits(phone)), e(phone)),
        );
    }
    if let Some(text) = &c.text {
        row("Text", e(text));
    }
    if let Some(email) = &c.email {
        row("Email", format!("<a href=\"mailto:{0}\">{0}</a>", e(email)));
    }
    // Websites were checked when the data loaded; this keeps the gate
    // closed even for a contact that reached rendering some other way.
    if let Some(website) = c
        .website
        .as_ref()
        .filter(|w| crate::gates::safe_url::check(w) == Ok(crate::gates::safe_url::UrlKind::Web))
    {
        let shown = website
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/');
        row(
            "Website",
            format!(
                "<a class=\"external\" href=\"{}\">{}<span class=\"visually-hidden\"> (external website)</span></a>",
                e(website),
                e(shown)
            ),
        );
    }
    if let Some(hours) = &c.hours {
        row("Open", e(hours));
    }
    if let Some(area) = &c.area {
        row("Covers", e(area));
    }
    row(
        "Checked",
        format!(
            "<time datetime=\"{}\">{}</time>",
            c.verified.iso(),
            c.verified.long()
        ),
    );
    html.push_str("</dl></li>");
    html
}

/// `"116 123"` -> `"116123"`; keeps a leading `+`.
pub fn tel_digits(phone: &str) -> String {
    phone
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect()
}
