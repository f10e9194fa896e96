//! Contacts that nobody has checked for too long: an out-of-date phone
//! number is the most harmful mistake a help page can make.

use super::finding;
use crate::diagnostics::Diagnostic;
use crate::render::markdown::Rendered;
use crate::site::dates::Date;
use crate::site::model::Site;
use crate::source::data::Contact;

pub fn check(site: &Site, today: Date) -> Vec<Diagnostic> {
    let months = site.config.check.contact_max_age_months;
    let oldest_allowed = today.months_before(i32::try_from(months).unwrap_or(i32::MAX));
    let data = &site.data;
    data.contacts
        .iter()
        .filter(|c| c.verified < oldest_allowed)
        .map(|c| {
            let (file, text, line) = data.contact_place(&c.id);
            finding(
                "contact-stale",
                format!(
                    "`{}` was last checked on {}, more than {months} months ago",
                    c.id,
                    c.verified.long()
                ),
            )
            .in_file(file)
            .at_source(text, line, 1)
            .help("check the number and hours with the organisation, then update `verified`")
        })
        .collect()
}

/// Contacts shown on a translated page without their words in its
/// language (`translations: {cy: {…}}` in `data/contacts.yaml`), or with
/// some of them missing: those words show in the site's language. Once
/// per contact and language, at the contact's line, naming the first
/// page (in path order) that shows it.
pub fn untranslated(site: &Site, rendered: &[Rendered]) -> Vec<Diagnostic> {
    let default = site.config.language.as_str();
    let mut seen = std::collections::BTreeSet::new();
    let mut found = Vec::new();
    for (page, render) in site.pages.iter().zip(rendered) {
        if page.lang == default {
            continue;
        }
        for id in &render.contacts {
            let Some(contact) = site.data.contact(id) else {
                continue;
            };
            let missing = missing_words(contact, &page.lang);
            if missing.is_empty() || !seen.insert((page.lang.clone(), id.clone())) {
                continue;
            }
            let (file, text, line) = site.data.contact_place(id);
            let lang = &page.lang;
            found.push(
                finding(
                    "untranslated-contact",
                    format!(
                        "`{id}` has no {lang} {}, so {} shows {} in {}",
                        missing.join(", "),
                        page.file(),
                        if missing.len() == 1 { "it" } else { "them" },
                        site.config.language_name(default)
                    ),
                )
                .in_file(file)
                .at_source(text, line, 1)
                .help(format!(
                    "add `translations: {{{lang}: {{{}: …}}}}` to this contact; numbers and addresses are shared",
                    missing.join(": …, ")
                )),
            );
        }
    }
    found
}

/// The worded fields `contact` has that its `lang` translation lacks.
fn missing_words(contact: &Contact, lang: &str) -> Vec<&'static str> {
    let given = contact.translations.get(lang).cloned().unwrap_or_default();
    [
        ("name", true, given.name.is_some()),
        (
            "description",
            contact.description.is_some(),
            given.description.is_some(),
        ),
        ("hours", contact.hours.is_some(), given.hours.is_some()),
        ("area", contact.area.is_some(), given.area.is_some()),
        ("text", contact.text.is_some(), given.text.is_some()),
    ]
    .into_iter()
    .filter(|(_, has, translated)| *has && !translated)
    .map(|(field, _, _)| field)
    .collect()
}
