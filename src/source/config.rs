//! `site.yaml`: the settings of one site, parsed strictly.
//!
//! Every struct denies unknown keys, so a misspelt setting is an error with
//! its line and the nearest valid key rather than a silently ignored option.
//! Defaults are chosen so that a two-line `site.yaml` builds a good site.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::source::yaml::{YamlSource, parse_strict};
use crate::text::contrast::{Colour, contrast_ratio};

pub const FILE_NAME: &str = "site.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site name: the header, `<title>` suffix and booklet covers.
    pub title: String,
    /// Used as the home page's meta description when it has no summary.
    #[serde(default)]
    pub description: String,
    /// BCP 47 language tag for `<html lang>`; pages may override it. With
    /// `languages:`, it is the first entry (and may be left out).
    #[serde(default = "default_language")]
    pub language: String,
    /// Where the site will live, for example `https://example.org/guide/`.
    /// Only `sitemap.xml` and `404.html` need it; every other link is relative.
    pub base_url: Option<String>,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The "Need help now?" banner shown at the top of every page.
    pub help: Option<HelpBanner>,
    /// "Tell us if this page could be better": a `mailto:` link on every page.
    pub feedback: Option<FeedbackConfig>,
    /// The publisher's details for the accessibility statement
    /// (`accessibility/`). Never inherited from a base site.
    pub accessibility: Option<AccessibilityConfig>,
    pub brand: Option<Brand>,
    #[serde(default)]
    pub markdown: MarkdownConfig,
    #[serde(default)]
    pub output: OutputConfig,
    #[serde(default)]
    pub check: CheckConfig,
    #[serde(default)]
    pub print: PrintConfig,
    #[serde(default)]
    pub booklets: BookletConfig,
    #[serde(default)]
    pub toc: TocConfig,
    #[serde(default)]
    pub images: ImagesConfig,
    // Local editions (`source::layers`, `site::layering`): never inherited.
    /// The site this one is a local edition of: a folder, or `guide`.
    pub extends: Option<String>,
    /// Base pages and sections this edition leaves out (paths under content/, without .md).
    #[serde(default)]
    pub hide: Vec<String>,
    /// The languages the site is written in, default first. Empty for a
    /// site in one language, which then behaves as before languages existed.
    #[serde(default)]
    pub languages: Vec<LanguageEntry>,
    /// Settings in each other language (`translations: {cy: {title: …}}`).
    #[serde(default)]
    pub translations: BTreeMap<String, TranslatedSettings>,
}

/// One entry of `languages:`: a BCP 47 tag, or a map naming the language
/// when the built-in name is not wanted.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum LanguageEntry {
    Code(String),
    Named(NamedLanguage),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedLanguage {
    pub code: String,
    pub name: String,
}

impl LanguageEntry {
    pub fn code(&self) -> &str {
        match self {
            LanguageEntry::Code(code) => code,
            LanguageEntry::Named(named) => &named.code,
        }
    }

    /// The name given in `site.yaml`, if any.
    pub fn name(&self) -> Option<&str> {
        match self {
            LanguageEntry::Code(_) => None,
            LanguageEntry::Named(named) => Some(&named.name),
        }
    }
}

/// The settings readers see, in one other language. Each one left out
/// falls back to the default language's (`untranslated-setting`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslatedSettings {
    pub title: Option<String>,
    pub description: Option<String>,
    pub help: Option<HelpBanner>,
}

/// Where readers' comments on a page go. There is no form: a form would
/// need a server, and a reader's words would pass through it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackConfig {
    pub email: String,
}

/// What the accessibility statement says that Signpost cannot know: who
/// publishes the site, how to reach them about a problem, and what testing
/// by people and tools found. The UK regulations require the contact.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessibilityConfig {
    /// Who runs the site ("Anytown NHS Foundation Trust"); else the brand's
    /// name, else the statement says "the publisher of this site".
    pub organisation: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    /// A web page with a contact form.
    pub contact_url: Option<String>,
    /// The result of the publisher's own test against WCAG 2.2 AA. Without
    /// it the statement says the site has not been tested yet.
    pub compliance: Option<Compliance>,
    /// When that test was done; needed with `compliance`.
    pub last_tested: Option<crate::site::dates::Date>,
    /// Who did it ("our digital team", "an external auditor").
    pub tested_by: Option<String>,
    /// What the test found not accessible, one plain sentence each.
    #[serde(default)]
    pub known_issues: Vec<String>,
}

impl AccessibilityConfig {
    /// Whether readers are given any way to report a problem.
    pub fn has_contact(&self) -> bool {
        self.contact_email.is_some() || self.contact_phone.is_some() || self.contact_url.is_some()
    }
}

/// How far the site meets WCAG 2.2 AA, in the model statement's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Compliance {
    Full,
    Partial,
    Not,
}

/// `booklets.max_chapters` unless set: room for the bundled guide's
/// whole-guide booklet (84 chapters) to grow, and still a booklet a person
/// can print and carry (a chapter is one page of the site).
pub const DEFAULT_MAX_CHAPTERS: usize = 150;

/// Which printable booklets to make.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BookletConfig {
    /// One booklet of the whole site, at `booklet/`.
    pub guide: bool,
    /// One booklet per section, at `SECTION/booklet/`.
    pub sections: bool,
    /// The top-level section printed as an appendix of the guide booklet.
    pub appendix: String,
    /// Every easy-read page as one booklet, at `booklet/easy-read/`.
    pub easy_read: bool,
    /// A large-print edition of every booklet (`…/booklet/large-print/`)
    /// and of every page with a worksheet (`PAGE/large-print/`).
    pub large_print: bool,
    /// The most chapters one booklet may have. A longer whole-guide or
    /// easy-read booklet is not made (`booklet-too-long`); a longer section
    /// booklet prints its own pages and leaves its sub-sections to their
    /// own booklets. Nobody prints, or opens on a phone, a booklet of
    /// thousands of pages.
    pub max_chapters: usize,
}

impl Default for BookletConfig {
    fn default() -> Self {
        BookletConfig {
            guide: true,
            sections: true,
            appendix: "worksheets".to_owned(),
            easy_read: true,
            large_print: true,
            max_chapters: DEFAULT_MAX_CHAPTERS,
        }
    }
}

/// Paper for printed pages, worksheets and booklets.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintConfig {
    #[serde(default)]
    pub paper: Paper,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    A5,
}

impl Paper {
    /// The CSS `@page { size }` value.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A5 => "A5",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpBanner {
    #[serde(default = "default_help_heading")]
    pub heading: String,
    pub text: String,
    #[serde(default)]
    pub links: Vec<HelpLink>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpLink {
    pub text: String,
    /// A `.md` path inside `content/`, a `tel:` link or a web address.
    pub link: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// Organisation name, shown beside the logo.
    pub name: String,
    /// Logo file, relative to the site folder (SVG or PNG).
    pub logo: Option<String>,
    /// Header colour, `#rrggbb`; white text sits on it, so it must be dark enough.
    pub colour: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    #[serde(default)]
    pub raw_html: RawHtml,
}

/// What to do with HTML typed into Markdown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Refuse it with an error and its line (the default: authors rarely need it,
    /// and it is the easiest way to break accessibility).
    #[default]
    Deny,
    /// Pass it through untouched: for trusted authors only.
    Allow,
    /// Keep safe formatting tags and drop scripts, styles and event handlers.
    Sanitize,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputConfig {
    /// Link to `folder/` instead of `folder/index.html`. Off by default, because
    /// folder links do not open when the site is read from disk or a zip.
    #[serde(default)]
    pub pretty_urls: bool,
    /// Also write a redirects file for hosts that read one (`netlify`:
    /// `_redirects`, read by Netlify and Cloudflare Pages). The redirect
    /// pages at old addresses are written either way.
    #[serde(default)]
    pub redirects: RedirectsFile,
    /// Also write `NAME.gz` and `NAME.br` beside each HTML, CSS, SVG and
    /// XML file, for servers that send ready-compressed files.
    #[serde(default)]
    pub precompress: bool,
}

/// "On this page" contents at the top of long pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TocConfig {
    /// A page with at least this many `##` headings lists them under its
    /// title. Front matter `toc: true|false` overrides it for one page.
    pub min_headings: usize,
}

impl Default for TocConfig {
    fn default() -> Self {
        TocConfig { min_headings: 3 }
    }
}

/// `images: {resize: true, max_width: 1200, quality: 70}`: smaller copies
/// of wide pictures at build time (cargo feature `images`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ImagesConfig {
    /// Ship a copy of each JPEG or PNG wider than `max_width`, that wide.
    pub resize: bool,
    /// The widest picture shipped, in pixels: 1200 is sharp on any phone
    /// and fills the page's text column on a desktop.
    pub max_width: u32,
    /// JPEG quality of the copies, 1 to 100.
    pub quality: u8,
}

impl Default for ImagesConfig {
    fn default() -> Self {
        ImagesConfig {
            resize: false,
            max_width: 1200,
            quality: 70,
        }
    }
}

/// `images.resize: true` in a copy of Signpost built without the `images`
/// feature: the site still builds, with its pictures as they are.
pub fn resize_unavailable(text: &str) -> Diagnostic {
    Diagnostic::warning(
        "images-unavailable",
        "`images.resize` is on, but this copy of Signpost was built without image support, so pictures ship at their full size",
    )
    .in_file(FILE_NAME)
    .at_source(text, line_of_key(text, "resize"), 1)
    .help("install a copy built with its default features (`cargo install signpost`), or build it with `cargo build --release --features images`; or remove `resize: true`")
}

/// Which host's redirects file to write beside the redirect pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RedirectsFile {
    #[default]
    None,
    Netlify,
}

/// Thresholds and rule levels for `check` (and the checks `build` runs).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// Contacts whose `verified` date is older than this are reported.
    /// An image file over this many kilobytes is an `image-too-heavy` warning.
    pub max_image_kb: u64,
    pub contact_max_age_months: u32,
    /// Sentences longer than this are reported one by one (NHS guidance: 20).
    pub max_sentence_words: usize,
    /// Highest Flesch–Kincaid grade for a page (7 is a reading age of about 12).
    pub max_grade: f64,
    /// Highest SMOG grade for a page (the NHS uses SMOG; 11 or below).
    pub max_smog: f64,
    /// Extra words to avoid, with their plainer alternative.
    pub plain_words: BTreeMap<String, String>,
    /// Whether Signpost's own list of plainer words is used too.
    pub default_plain_words: bool,
    /// Extra stigmatising terms, with a respectful alternative.
    pub respectful_words: BTreeMap<String, String>,
    /// Whether Signpost's own list of respectful language is used too.
    pub default_respectful_words: bool,
    /// Per-rule level: `error`, `warning` or `off`.
    pub rules: BTreeMap<String, RuleLevel>,
    /// Names (of services, places, organisations) the word lists leave
    /// alone: "Purchase Ledger", "Notify".
    pub names: Vec<String>,
    /// Stricter thresholds for `*.easy.md` pages.
    pub easy_read: EasyReadConfig,
}

/// Thresholds for easy-read pages, stricter than for standard pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EasyReadConfig {
    /// Easy Read guidance: 15 words or fewer.
    pub max_sentence_words: usize,
    pub max_grade: f64,
    pub max_smog: f64,
    /// Longest printed length, in A4 pages (an estimate).
    pub max_pages: f64,
    /// Words in capitals that are fine (abbreviations readers know).
    pub allowed_capitals: Vec<String>,
}

impl Default for EasyReadConfig {
    fn default() -> Self {
        EasyReadConfig {
            max_sentence_words: 15,
            max_grade: 5.0,
            max_smog: 9.0,
            max_pages: 24.0,
            allowed_capitals: ["NHS", "GP", "CPA", "A&E", "UK", "PALS", "IMHA", "OK", "TV"]
                .map(str::to_owned)
                .to_vec(),
        }
    }
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            contact_max_age_months: 12,
            max_image_kb: 100,
            max_sentence_words: 20,
            max_grade: 7.0,
            max_smog: 11.0,
            plain_words: BTreeMap::new(),
            default_plain_words: true,
            respectful_words: BTreeMap::new(),
            default_respectful_words: true,
            rules: BTreeMap::new(),
            names: Vec::new(),
            easy_read: EasyReadConfig::default(),
        }
    }
}

/// How loudly a rule speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Error,
    Warning,
    Off,
}

fn default_language() -> String {
    "en".to_owned()
}
fn default_theme() -> String {
    "default".to_owned()
}
/// The help banner's heading when `site.yaml` gives none; pages in
/// other languages show the theme's translation of it instead.
pub const DEFAULT_HELP_HEADING: &str = "Need help now?";

fn default_help_heading() -> String {
    DEFAULT_HELP_HEADING.to_owned()
}

/// Minimum contrast for the brand colour against the white text drawn on it (WCAG AA).
const BRAND_MIN_CONTRAST: f64 = 4.5;

impl SiteConfig {
    /// Parses `site.yaml` text; `Err` holds the one diagnostic that stops reading.
    pub fn parse(text: &str) -> Result<SiteConfig, Diagnostic> {
        let source = YamlSource {
            file: FILE_NAME,
            whole_file: text,
            line_offset: 0,
        };
        let mut config: SiteConfig = parse_strict(text, &source)?;
        if let Some(first) = config.languages.first().map(|l| l.code().to_owned()) {
            let written = text.lines().any(|l| l.starts_with("language:"));
            if written && config.language != first {
                return Err(Diagnostic::error(
                    "bad-value",
                    format!(
                        "`language` is `{}`, but the first of `languages` is `{first}`",
                        config.language
                    ),
                )
                .in_file(FILE_NAME)
                .at_source(text, line_of_key(text, "language"), 1)
                .help("the first language listed is the site's default: remove the `language:` line, or list that language first"));
            }
            config.language = first;
        }
        Ok(config)
    }

    /// The language codes of the site, default first: `[language]` for a
    /// site without `languages:`.
    pub fn language_codes(&self) -> Vec<&str> {
        if self.languages.is_empty() {
            vec![self.language.as_str()]
        } else {
            self.languages.iter().map(LanguageEntry::code).collect()
        }
    }

    /// What a language is called in the switcher: its name in
    /// `languages:`, else its own built-in name.
    pub fn language_name(&self, code: &str) -> String {
        self.languages
            .iter()
            .find(|l| l.code() == code)
            .and_then(LanguageEntry::name)
            .map_or_else(|| crate::text::languages::autonym(code), str::to_owned)
    }

    /// Problems with `languages:` and `translations:`: a repeated or
    /// malformed tag, settings for a language the site does not list, and
    /// (as warnings) settings readers would see in the default language.
    fn language_problems(&self, text: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let at = |d: Diagnostic, key: &str| {
            d.in_file(FILE_NAME)
                .at_source(text, line_of_key(text, key), 1)
        };
        let codes = self.language_codes();
        for (i, code) in codes.iter().enumerate() {
            if !crate::text::languages::is_language_tag(code) {
                problems.push(
                    at(
                        Diagnostic::error(
                            "bad-value",
                            format!("`{code}` in `languages` is not a language tag"),
                        ),
                        "languages",
                    )
                    .help("write BCP 47 tags such as en, cy, ur, zh-Hans"),
                );
            } else if codes[..i].contains(code) {
                problems.push(
                    at(
                        Diagnostic::error(
                            "bad-value",
                            format!("`{code}` is listed twice in `languages`"),
                        ),
                        "languages",
                    )
                    .help("list each language once"),
                );
            }
        }
        for code in self.translations.keys() {
            if !codes[1..].contains(&code.as_str()) {
                problems.push(at(
                    Diagnostic::error("unknown-language", format!("`translations` has settings for `{code}`, which is not one of the site's other languages")),
                    code,
                ).help(format!("add {code} to `languages:` in site.yaml, or remove its settings; the site's languages are {}", codes.join(", "))));
            }
        }
        for code in codes.iter().skip(1) {
            let given = self.translations.get(*code).cloned().unwrap_or_default();
            let missing: Vec<&str> = [
                ("title", given.title.is_none()),
                (
                    "description",
                    given.description.is_none() && !self.description.is_empty(),
                ),
                ("help", given.help.is_none() && self.help.is_some()),
            ]
            .into_iter()
            .filter_map(|(key, missing)| missing.then_some(key))
            .collect();
            if !missing.is_empty() {
                let line = if self.translations.contains_key(*code) {
                    line_of_key(text, code)
                } else {
                    line_of_key(text, "languages")
                };
                problems.push(
                    crate::diagnostics::rules::finding(
                        "untranslated-setting",
                        format!(
                            "{code} pages show the site's {} in {}",
                            missing.join(", "),
                            codes[0]
                        ),
                    )
                    .in_file(FILE_NAME)
                    .at_source(text, line, 1)
                    .help(format!(
                        "add them under `translations: {{{code}: {{...}}}}` in site.yaml"
                    )),
                );
            }
        }
        problems
    }

    /// Problems that parse fine but are still wrong (for example a brand
    /// colour too light to read white text on).
    pub fn validate(&self, text: &str) -> Vec<Diagnostic> {
        let mut problems = [self.language_problems(text), self.images_problems(text)].concat();
        let at_key = |d: Diagnostic, key: &str| {
            let line = line_of_key(text, key);
            d.in_file(FILE_NAME).at_source(text, line, 1)
        };
        if let Some(colour) = self.brand.as_ref().and_then(|b| b.colour.as_deref()) {
            match Colour::parse(colour) {
                None => problems.push(at_key(
                    Diagnostic::error(
                        "bad-value",
                        format!("`{colour}` is not a colour for `brand.colour`"),
                    )
                    .help("write the colour as a hex code in quotes, for example \"#005eb8\""),
                    "colour",
                )),
                Some(c) => {
                    let ratio = contrast_ratio(c, Colour::WHITE);
                    if ratio < BRAND_MIN_CONTRAST {
                        problems.push(at_key(
                            Diagnostic::error(
                                "brand-contrast",
                                format!(
                                    "`brand.colour` {colour} has a contrast of {ratio:.2}:1 with the white header text; it needs at least {BRAND_MIN_CONTRAST}:1"
                                ),
                            )
                            .help("choose a darker colour, for example your organisation's dark shade"),
                            "colour",
                        ));
                    }
                }
            }
        }
        problems.extend(self.contact_problems(text));
        for rule in self.check.rules.keys() {
            if !crate::diagnostics::rules::is_configurable(rule) {
                let near =
                    did_you_mean(rule, crate::diagnostics::rules::RULES.iter().map(|r| r.id))
                        .map(|n| format!("did you mean `{n}`? "))
                        .unwrap_or_default();
                problems.push(at_key(
                    Diagnostic::error(
                        "unknown-key",
                        format!(
                            "`{rule}` is not a rule that can be configured under `check.rules`"
                        ),
                    )
                    .help(format!("{near}the rules are listed in the README")),
                    rule,
                ));
            }
        }
        if self.booklets.max_chapters == 0 {
            problems.push(at_key(
                Diagnostic::error("bad-value", "`booklets.max_chapters` is 0, so no booklet could be made")
                    .help(format!("remove the line to use the default ({DEFAULT_MAX_CHAPTERS}), or turn booklets off with `guide: false` and `sections: false`")),
                "max_chapters",
            ));
        }
        if let Some(url) = &self.base_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            problems.push(at_key(
                Diagnostic::error(
                    "bad-value",
                    format!("`base_url` must be a full web address, found `{url}`"),
                )
                .help("write it like https://example.org/guide/ or remove the line"),
                "base_url",
            ));
        }
        problems
    }

    /// Addresses readers are given that they could not use: the feedback
    /// email and the accessibility statement's contacts.
    fn contact_problems(&self, text: &str) -> Vec<Diagnostic> {
        let at_key = |d: Diagnostic, key: &str| {
            let line = line_of_key(text, key);
            d.in_file(FILE_NAME).at_source(text, line, 1)
        };
        let mut problems = Vec::new();
        if let Some(feedback) = &self.feedback
            && !crate::gates::safe_url::is_email(&feedback.email)
        {
            problems.push(at_key(
                Diagnostic::error(
                    "bad-email-link",
                    format!(
                        "`{}` is not an email address, for `feedback.email`",
                        feedback.email
                    ),
                )
                .help("write one address, like feedback@example.nhs.uk"),
                "email",
            ));
        }
        if let Some(statement) = &self.accessibility {
            problems.extend(accessibility_problems(statement, text));
        }
        problems
    }

    /// `images:` values out of range, and `resize` without the feature.
    fn images_problems(&self, text: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let images = &self.images;
        if images.resize && !cfg!(feature = "images") {
            problems.push(resize_unavailable(text));
        }
        let at = |key: &str, message: String, help: &str| {
            Diagnostic::error("bad-value", message)
                .in_file(FILE_NAME)
                .at_source(text, line_of_key(text, key), 1)
                .help(help)
        };
        if !(1..=100).contains(&images.quality) {
            problems.push(at(
                "quality",
                format!(
                    "`images.quality` is {}, and it must be from 1 to 100",
                    images.quality
                ),
                "70 keeps photos clear and small; higher numbers make bigger files",
            ));
        }
        if images.max_width < 100 {
            problems.push(at(
                "max_width",
                format!(
                    "`images.max_width` is {} pixels, too narrow for a picture anyone can see",
                    images.max_width
                ),
                "1200 is sharp on any phone; 800 is enough for a small picture",
            ));
        }
        problems
    }

    /// `base_url` with exactly one trailing slash.
    pub fn base_url(&self) -> Option<String> {
        self.base_url
            .as_ref()
            .map(|u| format!("{}/", u.trim_end_matches('/')))
    }
}

/// A contact in `accessibility:` that readers could not use, and a
/// compliance claim with no test date.
fn accessibility_problems(statement: &AccessibilityConfig, text: &str) -> Vec<Diagnostic> {
    let at_key = |d: Diagnostic, key: &str| {
        d.in_file(FILE_NAME)
            .at_source(text, line_of_key(text, key), 1)
    };
    let mut problems = Vec::new();
    if let Some(email) = statement
        .contact_email
        .as_deref()
        .filter(|e| !crate::gates::safe_url::is_email(e))
    {
        problems.push(at_key(
            Diagnostic::error(
                "bad-email-link",
                format!("`{email}` is not an email address, for `accessibility.contact_email`"),
            )
            .help("write one address, like accessibility@example.nhs.uk"),
            "contact_email",
        ));
    }
    if let Some(phone) = statement
        .contact_phone
        .as_deref()
        .filter(|p| p.chars().filter(char::is_ascii_digit).count() < 3)
    {
        problems.push(at_key(
            Diagnostic::error(
                "bad-phone-link",
                format!("`{phone}` is not a phone number, for `accessibility.contact_phone`"),
            )
            .help("write the number as readers dial it, like \"0300 123 4567\""),
            "contact_phone",
        ));
    }
    if let Some(url) = statement.contact_url.as_deref().filter(|u| {
        !(u.starts_with("https://") || u.starts_with("http://"))
            || crate::gates::safe_url::check(u) != Ok(crate::gates::safe_url::UrlKind::Web)
    }) {
        problems.push(at_key(
            Diagnostic::error(
                "bad-value",
                format!("`accessibility.contact_url` must be a full web address, found `{url}`"),
            )
            .help("write it like https://example.nhs.uk/contact-us"),
            "contact_url",
        ));
    }
    if statement.compliance.is_some() && statement.last_tested.is_none() {
        problems.push(at_key(
            Diagnostic::error(
                "bad-value",
                "`accessibility.compliance` is set, but not when the site was tested",
            )
            .help("add `last_tested: YYYY-MM-DD`, the date of the test the compliance comes from"),
            "compliance",
        ));
    }
    problems
}

/// The 1-based line where `key:` first appears, or 1.
pub fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_defaults() {
        let c = SiteConfig::parse("title: My guide\n").unwrap();
        assert_eq!(c.language, "en");
        assert_eq!(c.theme, "default");
        assert_eq!(c.markdown.raw_html, RawHtml::Deny);
        assert_eq!(c.check.contact_max_age_months, 12);
    }

    #[test]
    fn unknown_nested_key_names_its_line_and_the_nearest_key() {
        let text = "title: x\nmarkdown:\n  raw-html: allow\n";
        let d = SiteConfig::parse(text).unwrap_err();
        assert_eq!(d.rule, "unknown-key");
        assert_eq!(d.line, 3);
        assert!(d.help.unwrap().starts_with("did you mean `raw_html`?"));
    }

    #[test]
    fn languages_set_the_default_and_name_themselves() {
        let text = "title: x\nlanguages: [en-GB, {code: ur, name: Urdu}, cy]\ntranslations:\n  cy: {title: y}\n  pl: {title: z}\n";
        let c = SiteConfig::parse(text).unwrap();
        assert_eq!(c.language, "en-GB");
        assert_eq!(c.language_codes(), ["en-GB", "ur", "cy"]);
        assert_eq!(c.language_name("ur"), "Urdu");
        assert_eq!(c.language_name("cy"), "Cymraeg");
        let found: Vec<(&str, usize, String)> = c
            .validate(text)
            .into_iter()
            .map(|d| (d.rule, d.line, d.message))
            .collect();
        assert_eq!(
            found,
            [
                ("unknown-language", 5, "`translations` has settings for `pl`, which is not one of the site's other languages".to_owned()),
                ("untranslated-setting", 2, "ur pages show the site's title in en-GB".to_owned()),
            ]
        );
        let wrong = SiteConfig::parse("title: x\nlanguage: cy\nlanguages: [en, cy]\n").unwrap_err();
        assert_eq!((wrong.rule, wrong.line), ("bad-value", 2));
    }

    #[test]
    fn pale_brand_colour_is_refused_with_its_line() {
        let text = "title: x\nbrand:\n  name: Trust\n  colour: \"#7fb2e5\"\n";
        let c = SiteConfig::parse(text).unwrap();
        let problems = c.validate(text);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].rule, "brand-contrast");
        assert_eq!(problems[0].line, 4);
    }

    #[test]
    fn resize_without_the_feature_says_how_to_get_it() {
        let text = "title: x\nimages:\n  resize: true\n";
        let d = resize_unavailable(text);
        assert_eq!(
            (d.rule, d.line, d.file.as_deref()),
            ("images-unavailable", 3, Some("site.yaml"))
        );
        assert!(d.help.unwrap().contains("--features images"));
        let c = SiteConfig::parse(text).unwrap();
        let found: Vec<&str> = c.validate(text).iter().map(|d| d.rule).collect();
        let expected: &[&str] = if cfg!(feature = "images") {
            &[]
        } else {
            &["images-unavailable"]
        };
        assert_eq!(found, expected);
    }

    #[test]
    fn images_settings_out_of_range_name_their_line() {
        let text = "title: x\nimages: {resize: true,\n  quality: 0,\n  max_width: 20}\n";
        let c = SiteConfig::parse(text).unwrap();
        let found: Vec<(&str, usize)> = c
            .validate(text)
            .iter()
            .filter(|d| d.rule == "bad-value")
            .map(|d| (d.rule, d.line))
            .collect();
        assert_eq!(found, [("bad-value", 3), ("bad-value", 4)]);
    }

    #[test]
    fn dark_brand_colour_is_accepted() {
        let text = "title: x\nbrand:\n  name: Trust\n  colour: \"#005eb8\"\n";
        let c = SiteConfig::parse(text).unwrap();
        assert!(c.validate(text).is_empty());
    }
}
