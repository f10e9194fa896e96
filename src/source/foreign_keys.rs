//! Help for front-matter keys that other generators use (Jekyll, Hugo,
//! Eleventy, mdBook, Docusaurus): a page moved in from one of them is still
//! refused, but the message says what Signpost calls the key, or why it is
//! not needed, instead of only listing the keys allowed.

/// The help for `key` if another generator uses it, else `None`.
pub fn help_for(key: &str) -> Option<&'static str> {
    Some(match key {
        "description" | "excerpt" | "subtitle" | "summary_text" => {
            "this is called `summary` in Signpost: rename the key to `summary`"
        }
        "layout" | "type" => {
            "`layout` is not needed: templates come from the page kind; use `template:` to pick another"
        }
        "permalink" | "slug" | "url" => {
            "addresses come from file paths here; keep old addresses working with `aliases:` (a list)"
        }
        "redirect_from" => "this is called `aliases` in Signpost: rename the key to `aliases`",
        "date" | "lastmod" | "last_modified_at" | "last_update" | "updated" | "modified" => {
            "use `reviewed: YYYY-MM-DD` for the day someone last checked the content, and `review_due` for the next check"
        }
        "expiryDate" | "expires" => {
            "use `review_due: YYYY-MM-DD` for the day the page must be checked again"
        }
        "nav_order" | "order" | "sidebar_position" | "nav_weight" => {
            "this is called `weight` in Signpost (smaller comes first): rename the key to `weight`"
        }
        "published" => {
            "use `draft: true` to keep a page out of the built site (and delete this key)"
        }
        "tags" | "categories" | "keywords" => {
            "Signpost has no tags or categories: pages are grouped by their folder; delete this key, or move it under `extra:` for a theme"
        }
        "author" | "authors" => {
            "put who wrote or checked the page under `sources:` or `extra:`, or delete this key"
        }
        "nav_exclude" | "sidebar" | "sidenav" | "has_children" | "parent" | "grand_parent"
        | "menu" => {
            "navigation comes from the folders: a page's section is its folder; delete this key"
        }
        "toc_label" | "toc_sticky" | "toc_min" | "toc_max" => {
            "use `toc: true` or `toc: false`, and delete this key"
        }
        "language" | "locale" => "this is called `lang` in Signpost: rename the key to `lang`",
        "sitemap" | "search_exclude" | "comments" | "share" | "robots" => {
            "Signpost does not use this key; delete it, or move it under `extra:` for a theme"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::help_for;

    #[test]
    fn known_keys_get_help_and_others_do_not() {
        assert!(help_for("description").unwrap().contains("`summary`"));
        assert!(help_for("layout").unwrap().contains("`template:`"));
        assert_eq!(help_for("colour"), None);
    }
}
