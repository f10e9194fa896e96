//! The catalogue of rules whose level a site may change (`check.rules`),
//! with each one's default level and what it finds.
//!
//! It sits with the diagnostics rather than the checks because every stage
//! reports findings (Markdown passes, `site.yaml` validation, the checks
//! themselves), and all of them need the catalogue: here it is a leaf that
//! nothing else depends on.

use super::{Diagnostic, Severity};

/// A rule whose level a site may change.
pub struct Rule {
    pub id: &'static str,
    pub default: Severity,
    pub what: &'static str,
}

/// Every configurable rule, in the order the README lists them.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    rule("vague-link-text", Severity::Error, "link text that does not say where it goes (\"click here\", a bare web address)"),
    rule("duplicate-link-text", Severity::Warning, "two links on a page with the same text going to different places"),
    rule("bad-email-link", Severity::Error, "a mailto: link that is not an email address"),
    rule("bad-phone-link", Severity::Error, "a tel: link that is not a phone number"),
    rule("image-alt-empty", Severity::Error, "alt text of only spaces on an image not marked decorative"),
    rule("image-alt-filename", Severity::Error, "alt text that repeats the file name (\"IMG_0123.jpg\")"),
    rule("image-too-heavy", Severity::Warning, "an image file over check.max_image_kb (100 KB by default)"),
    rule("image-unreadable", Severity::Error, "a file named as a picture (.jpg, .png, …) that is not one Signpost can read"),
    rule("image-too-large", Severity::Warning, "a picture over 100 million pixels, too large to resize safely with images: {resize: true}; it ships at full size"),
    rule("image-has-location", Severity::Warning, "a JPEG that ships with GPS coordinates in its EXIF: where the photo was taken"),
    rule("caption-repeats-alt", Severity::Warning, "an image caption (its title) that says the same as its alt text"),
    rule("heading-skip", Severity::Error, "a heading level that skips one (## then ####)"),
    rule("heading-h1", Severity::Error, "a page with more than one h1, or none"),
    rule("heading-empty", Severity::Error, "a heading with no words"),
    rule("table-no-header", Severity::Error, "a table whose header row is empty"),
    rule("review-overdue", Severity::Warning, "a page whose review_due date has passed"),
    rule("review-order", Severity::Error, "a page reviewed after its review_due date"),
    rule("review-missing", Severity::Warning, "a page without reviewed or review_due"),
    rule("contact-stale", Severity::Warning, "a contact not verified within check.contact_max_age_months"),
    rule("untranslated-contact", Severity::Warning, "a contact shown on a translated page without its words in that language (translations: in data/contacts.yaml)"),
    rule("long-sentence", Severity::Warning, "a sentence longer than check.max_sentence_words"),
    rule("reading-grade", Severity::Warning, "a page above check.max_grade (Flesch–Kincaid)"),
    rule("reading-smog", Severity::Warning, "a page above check.max_smog (SMOG)"),
    rule("plain-words", Severity::Warning, "a word with a plainer alternative"),
    rule("template-syntax", Severity::Warning, "Liquid ({% … %}, {{ … }}) or shortcode ({{< … >}}) syntax left in a page from another generator"),
    rule("respectful-language", Severity::Warning, "a term that stigmatises people, with a respectful alternative"),
    rule("easy-long-sentence", Severity::Warning, "easy read: a sentence longer than check.easy_read.max_sentence_words"),
    rule("easy-one-idea", Severity::Warning, "easy read: a sentence that seems to hold more than one idea"),
    rule("easy-row-without-picture", Severity::Warning, "easy read: a paragraph that does not start with a picture"),
    rule("easy-picture-alt", Severity::Error, "easy read: a picture without alt text"),
    rule("easy-emphasis", Severity::Warning, "easy read: italic or underlined text"),
    rule("easy-capitals", Severity::Warning, "easy read: a word in BLOCK CAPITALS"),
    rule("easy-hard-word", Severity::Warning, "easy read: a hard word not in bold, or not explained in the next sentence"),
    rule("easy-number-words", Severity::Warning, "easy read: a number written as a word"),
    rule("easy-too-long", Severity::Warning, "easy read: more than check.easy_read.max_pages printed A4 pages (estimated)"),
    rule("easy-reading-grade", Severity::Warning, "easy read: above check.easy_read.max_grade or max_smog"),
    rule("upstream-changed", Severity::Warning, "local edition: the base page this page overrides was reviewed later, or its text changed"),
    rule("link-to-hidden", Severity::Warning, "local edition: a link to a page the site hides (written as plain text)"),
    rule("hide-unmatched", Severity::Warning, "local edition: a `hide` entry that matches no base page or section"),
    rule("remove-unmatched", Severity::Warning, "local edition: a `remove: true` data entry that matches no base entry"),
    rule("contact-override-older", Severity::Warning, "local edition: a contact replacing a base contact that was verified more recently"),
    rule("untranslated-setting", Severity::Warning, "a site.yaml setting (title, description, help) with no translation for one of `languages`"),
    rule("untranslated-word", Severity::Warning, "a word of the theme with no translation in themes/THEME/i18n/LANG.yaml (English is shown)"),
    rule("translation-outdated", Severity::Warning, "a translation whose source page was reviewed later, or whose source text changed since it was translated"),
    rule("booklet-too-long", Severity::Warning, "a whole-guide, easy-read or section booklet with more chapters than `booklets.max_chapters`: it is not made"),
    rule("accessibility-contact-missing", Severity::Warning, "a site whose accessibility statement gives readers no way to report a problem (`accessibility:` in site.yaml)"),
];

const fn rule(id: &'static str, default: Severity, what: &'static str) -> Rule {
    Rule { id, default, what }
}

pub fn is_configurable(id: &str) -> bool {
    RULES.iter().any(|r| r.id == id)
}

/// The level a rule has by default.
pub fn default_severity(id: &str) -> Severity {
    RULES
        .iter()
        .find(|r| r.id == id)
        .map_or(Severity::Error, |r| r.default)
}

/// A diagnostic for a configurable rule at its default level.
pub fn finding(id: &'static str, message: impl Into<String>) -> Diagnostic {
    debug_assert!(is_configurable(id), "rule `{id}` must be listed in RULES");
    match default_severity(id) {
        Severity::Error => Diagnostic::error(id, message),
        Severity::Warning => Diagnostic::warning(id, message),
    }
}
