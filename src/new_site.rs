//! `signpost new`: starts a site from a small skeleton or the bundled guide.
//!
//! Both are built into the binary, so `signpost new` works wherever the
//! binary is copied. It writes only into an empty or new folder, so it can
//! never overwrite someone's work.

use std::path::Path;

use anyhow::bail;

use crate::source::bundled::{GUIDE_CONFIG, GUIDE_CONTENT, GUIDE_DATA, SKELETON, collect};

/// Writes a new site into `dir`; returns how many files were written.
pub fn create(dir: &Path, from_guide: bool, with_theme: bool) -> anyhow::Result<usize> {
    ensure_empty(dir)?;
    let mut files: Vec<(String, &'static [u8])> = Vec::new();
    if from_guide {
        crate::fsutil::write(
            &dir.join("site.yaml"),
            guide_config_for_publisher().as_bytes(),
        )?;
        collect(&GUIDE_CONTENT, "content", &mut files);
        collect(&GUIDE_DATA, "data", &mut files);
    } else {
        collect(&SKELETON, "", &mut files);
    }
    if with_theme {
        for (rel, bytes) in crate::render::theme::builtin_files() {
            files.push((format!("themes/default/{rel}"), bytes));
        }
    }
    for (rel, bytes) in &files {
        crate::fsutil::write(&dir.join(rel), bytes)?;
    }
    Ok(files.len() + usize::from(from_guide))
}

/// Where the guide's own `site.yaml` turns the missing-contact warning off.
const GUIDE_ONLY_START: &str = "  # The bundled guide has no publisher yet";
const GUIDE_ONLY_END: &str = "  rules: {accessibility-contact-missing: off}\n";

/// The commented `accessibility:` block of the skeleton's `site.yaml`,
/// for every new site to fill in.
fn accessibility_block() -> &'static str {
    let skeleton = SKELETON
        .get_file("site.yaml")
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default();
    skeleton
        .find("# The accessibility statement")
        .map_or("", |at| &skeleton[at..])
}

/// The guide's `site.yaml` for a site that will publish it: without the
/// lines that silence the missing-contact warning (the bundled guide has no
/// publisher; a copy has one), and with the commented `accessibility:`
/// block to fill in.
fn guide_config_for_publisher() -> String {
    let mut config = GUIDE_CONFIG.to_owned();
    if let (Some(start), Some(end)) = (config.find(GUIDE_ONLY_START), config.find(GUIDE_ONLY_END))
        && start < end
    {
        config.replace_range(start..end + GUIDE_ONLY_END.len(), "");
    }
    config.push_str(accessibility_block());
    config
}

/// Refuses a folder that is a file or holds anything.
fn ensure_empty(dir: &Path) -> anyhow::Result<()> {
    if dir.is_file() {
        bail!("{} is a file: give the name of a new folder", dir.display());
    }
    if dir.is_dir() && std::fs::read_dir(dir)?.next().is_some() {
        bail!(
            "{} is not empty: Signpost only starts new sites in an empty or new folder, so it never overwrites your work",
            dir.display()
        );
    }
    Ok(())
}

/// The local edition's `site.yaml`: its own title, the bundled guide under it.
const EDITION_CONFIG: &str =
    "# A local edition of the bundled guide: every page, setting and contact
# comes from the guide unless this site has its own. Pages you write in
# content/ replace the guide's page at the same path, or add new ones.
# `signpost override PATH` copies a guide page here to change it, and
# `signpost check` tells you when the guide's page has moved on.
title: Your local mental health guide
extends: guide
# Guide pages or sections to leave out, paths under content/ without .md:
# hide:
#   - what-people-said
";

/// The local edition's own contact: an example to replace. 01632 960xxx
/// is in Ofcom's range kept for drama, so it can never ring anyone.
const EDITION_CONTACTS: &str = "# Local contacts. Entries here are added to the guide's national contacts;
# an entry with the same `id` as a guide contact replaces it, and
#   - id: some-guide-contact
#     remove: true
# leaves a guide contact out.
#
# EXAMPLE ONLY: replace this with your real local crisis line before you
# publish. 01632 960000 is from Ofcom's range of numbers kept for drama
# and examples: it is not a real line.
- id: local-crisis-line
  name: Example local crisis line (replace this)
  phone: \"01632 960000\"
  hours: Every day, 24 hours
  description: An example entry. Replace it with your area's crisis line, its hours and who it is for.
  area: Your area
  verified: TODAY
";

/// Where the local crisis line goes in the override of the help page.
const LOCAL_SECTION: &str = "## Local crisis line

Your local crisis team can help you day or night.

```contacts
local-crisis-line
```

";

/// `signpost new DIR --extends guide`: a local edition skeleton with
/// `extends: guide`, its own help page (started from the guide's, stamped)
/// and an example local crisis line. Returns how many files were written.
pub fn create_edition(dir: &Path, base: &str) -> anyhow::Result<usize> {
    if base.trim() != crate::source::bundled::GUIDE {
        bail!(
            "`signpost new --extends` takes `guide` (the bundled guide); to build on a folder, start with --extends guide and change `extends:` in site.yaml to the folder's path"
        );
    }
    ensure_empty(dir)?;
    let help_page = "content/get-help-now.md";
    let base_text = crate::source::bundled::guide_file(help_page)
        .map(String::from_utf8_lossy)
        .unwrap_or_default();
    let mut page = crate::editions::stamped_copy(&format!("guide:{help_page}"), &base_text)?;
    if let Some(at) = page.find("## National contacts") {
        page.insert_str(at, LOCAL_SECTION);
    }
    let today = crate::site::dates::Date::today().to_string();
    let contacts = EDITION_CONTACTS.replace("TODAY", &today);
    let files = [
        (
            "site.yaml",
            format!("{EDITION_CONFIG}{}", accessibility_block()),
        ),
        (help_page, page),
        ("data/contacts.yaml", contacts),
    ];
    for (rel, text) in &files {
        crate::fsutil::write(&dir.join(rel), text.as_bytes())?;
    }
    Ok(files.len())
}
