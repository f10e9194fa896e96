//! Stable ids for headings and glossary terms.
//!
//! Ids are part of a page's public address (`page/#crisis-plans`), so the rule
//! must never change between versions: lowercase letters and digits from any
//! script, words joined by single hyphens, everything else dropped.

/// `"Who can be a care co-ordinator?"` becomes `who-can-be-a-care-co-ordinator`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' {
            pending_hyphen = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_are_stable_and_readable() {
        assert_eq!(
            slugify("Who can be a care co-ordinator?"),
            "who-can-be-a-care-co-ordinator"
        );
        assert_eq!(slugify("  Carers' rights & you "), "carers-rights-you");
        assert_eq!(slugify("Step 2: the plan"), "step-2-the-plan");
        assert_eq!(slugify("Émotions"), "émotions");
        assert_eq!(slugify("???"), "");
    }
}
