//! ```` ```contacts ```` blocks: helplines from `data/contacts.yaml`.
//!
//! Authors list contact ids, one a line (or `all`). Each entry renders with
//! a `tel:` link, its hours and the date someone last checked it, so a
//! reader can judge how far to trust a number. An unknown id is an error on
//! its own line.

use crate::render::i18n::Words;
use crate::text::escape::escape_html;
use pulldown_cmark::Event;

use super::{PageState, Spanned};
use crate::diagnostics::did_you_mean;
use crate::source::data::{Contact, ContactText};

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
    let site_lang = state.ctx.site.config.language.as_str();
    for contact in chosen {
        let translated = Some(state.page.lang.as_str())
            .filter(|l| *l != site_lang)
            .and_then(|l| contact.translations.get(l));
        let look = Look {
            rtl: crate::text::languages::direction(&state.page.lang) == "rtl",
            data_lang: Some(site_lang).filter(|l| *l != state.page.lang),
            translated,
        };
        html.push_str(&render_contact(contact, &state.words, &look));
        state.contacts.push(contact.id.clone());
    }
    html.push_str("</ul>");
    html
}

/// One contact card, labelled in the page's language. On a right-to-left
/// page, numbers, addresses and hours are isolated left to right, so a
/// phone number's digits and punctuation do not flip.
/// How a card sits on its page: the page's direction, the contact's
/// words in the page's language when it has them, and the language of
/// `data/contacts.yaml` (the site's) when the page is in another, so
/// words shown untranslated are marked as such for screen readers.
struct Look<'a> {
    rtl: bool,
    data_lang: Option<&'a str>,
    translated: Option<&'a ContactText>,
}

impl<'a> Look<'a> {
    /// A field's words in the page's language, with ` lang="en"` when they
    /// are the site's language's and the page is in another.
    fn words(
        &self,
        own: Option<&'a str>,
        pick: impl Fn(&'a ContactText) -> Option<&'a String>,
    ) -> Option<(&'a str, String)> {
        match self.translated.and_then(pick) {
            Some(text) => Some((text.as_str(), String::new())),
            None => own.map(|text| (text, self.data_attr())),
        }
    }

    /// ` lang="en"` on data in the site's language, when the page is not.
    fn data_attr(&self) -> String {
        self.data_lang
            .map(|l| format!(" lang=\"{}\"", escape_html(l)))
            .unwrap_or_default()
    }

    /// Text marked with its language (`attr`, maybe empty) as a span.
    fn in_lang(html: String, attr: &str) -> String {
        if attr.is_empty() {
            html
        } else {
            format!("<span{attr}>{html}</span>")
        }
    }

    /// ` dir="ltr"` for numbers and addresses on a right-to-left page.
    fn ltr(&self) -> &'static str {
        if self.rtl { " dir=\"ltr\"" } else { "" }
    }

    /// Text isolated from the page's direction on a right-to-left page.
    fn isolate(&self, html: String) -> String {
        if self.rtl {
            format!("<bdi>{html}</bdi>")
        } else {
            html
        }
    }
}

fn render_contact(c: &Contact, words: &Words, look: &Look) -> String {
    let e = |s: &str| escape_html(s);
    let ltr = look.ltr();
    let label = |key: &str| escape_html(words.get(key));
    let (name, name_lang) = look
        .words(Some(&c.name), |t| t.name.as_ref())
        .unwrap_or_default();
    let mut html = format!(
        "<li class=\"contact\"><p class=\"contact-name\"{name_lang}>{}</p>",
        e(name)
    );
    if let Some((description, lang)) =
        look.words(c.description.as_deref(), |t| t.description.as_ref())
    {
        html.push_str(&format!("<p{lang}>{}</p>", e(description)));
    }
    html.push_str("<dl>");
    let mut row = |label: String, value: String| {
        html.push_str(&format!("<dt>{label}</dt><dd>{value}</dd>"));
    };
    if let Some(phone) = &c.phone {
        row(
            label("contact.phone"),
            format!(
                "<a href=\"tel:{}\"{ltr}>{}</a>",
                e(&tel_digits(phone)),
                e(phone)
            ),
        );
    }
    if let Some((text, lang)) = look.words(c.text.as_deref(), |t| t.text.as_ref()) {
        row(
            label("contact.text"),
            look.isolate(Look::in_lang(e(text), &lang)),
        );
    }
    if let Some(email) = &c.email {
        row(
            label("contact.email"),
            format!("<a href=\"mailto:{0}\"{ltr}>{0}</a>", e(email)),
        );
    }
    if let Some(website) = website_html(c, ltr, &label("link.external")) {
        row(label("contact.website"), website);
    }
    if let Some((hours, lang)) = look.words(c.hours.as_deref(), |t| t.hours.as_ref()) {
        row(label("contact.open"), Look::in_lang(e(hours), &lang));
    }
    if let Some((area, lang)) = look.words(c.area.as_deref(), |t| t.area.as_ref()) {
        row(label("contact.covers"), Look::in_lang(e(area), &lang));
    }
    row(
        label("contact.checked"),
        format!(
            "<time datetime=\"{}\">{}</time>",
            c.verified.iso(),
            e(&words.date(c.verified))
        ),
    );
    html.push_str("</dl></li>");
    html
}

/// The website link of a card. Websites were checked when the data
/// loaded; this keeps the gate closed even for a contact that reached
/// rendering some other way.
fn website_html(c: &Contact, ltr: &str, external: &str) -> Option<String> {
    let website = c
        .website
        .as_ref()
        .filter(|w| crate::gates::safe_url::check(w) == Ok(crate::gates::safe_url::UrlKind::Web))?;
    let shown = website
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    Some(format!(
        "<a class=\"external\" href=\"{}\"{ltr}>{}<span class=\"visually-hidden\"> {external}</span></a>",
        escape_html(website),
        escape_html(shown),
    ))
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
