//! Reusing the previous build's resized pictures. Resizing a phone photo
//! takes a noticeable part of a second, and a site may hold hundreds: a
//! manifest in the output folder records, for each resized copy, the hash
//! of its source and the settings it was made with, and the hash of the
//! copy itself. When both match, the copy already in the output folder is
//! used again. Nothing is written anywhere but the output folder, and only
//! by the normal write of the site.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::resize::{Resized, Settings};
use super::{ImageTable, MANIFEST, webp_path};

/// What a resized copy depends on: the source's bytes, the settings, and
/// this version of Signpost (a newer one may resize differently).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(pub String);

impl Key {
    pub fn new(source: &[u8], settings: Settings) -> Key {
        Key(format!(
            "{}-w{}-q{}-v{}",
            hex(&Sha256::digest(source)),
            settings.max_width,
            settings.quality,
            env!("CARGO_PKG_VERSION")
        ))
    }
}

/// One line of the manifest.
struct Entry {
    key: String,
    copy: String,
    webp: Option<String>,
}

/// The previous build's manifest, and where its output folder is.
pub struct Previous {
    out: PathBuf,
    entries: HashMap<String, Entry>,
}

impl Previous {
    /// Reads `out/.signpost-images`; a missing or garbled one is empty.
    pub fn read(out: &Path) -> Previous {
        let text = std::fs::read_to_string(out.join(MANIFEST)).unwrap_or_default();
        let entries = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let (key, rel, copy, webp) = (
                    fields.next()?,
                    fields.next()?,
                    fields.next()?,
                    fields.next()?,
                );
                let webp = (webp != "-").then(|| webp.to_owned());
                let entry = Entry {
                    key: key.to_owned(),
                    copy: copy.to_owned(),
                    webp,
                };
                Some((rel.to_owned(), entry))
            })
            .collect();
        Previous {
            out: out.to_path_buf(),
            entries,
        }
    }

    /// The copy of `rel` the previous build made with `key`, when it is
    /// still in the output folder exactly as recorded.
    pub fn reuse(&self, rel: &str, key: &Key) -> Option<Resized> {
        let entry = self.entries.get(rel).filter(|e| e.key == key.0)?;
        let bytes = self.recorded(rel, &entry.copy)?;
        let webp = match &entry.webp {
            Some(hash) => Some(self.recorded(&webp_path(rel), hash)?),
            None => None,
        };
        let size = imagesize::blob_size(&bytes).ok()?;
        Some(Resized {
            width: u32::try_from(size.width).ok()?,
            height: u32::try_from(size.height).ok()?,
            bytes,
            webp,
        })
    }

    fn recorded(&self, rel: &str, hash: &str) -> Option<Vec<u8>> {
        let bytes = std::fs::read(self.out.join(rel)).ok()?;
        (hex(&Sha256::digest(&bytes)) == hash).then_some(bytes)
    }
}

/// The manifest for the copies of this build, or `None` when there are none.
pub fn manifest(table: &ImageTable) -> Option<Vec<u8>> {
    let mut text = String::from(
        "# Signpost's record of resized pictures, to reuse them in the next build. Do not edit.\n",
    );
    let mut any = false;
    for (rel, facts) in table.iter() {
        let Some(resized) = &facts.resized else {
            continue;
        };
        any = true;
        let webp = resized
            .webp
            .as_ref()
            .map_or_else(|| "-".to_owned(), |(_, bytes)| hex(&Sha256::digest(bytes)));
        text.push_str(&format!(
            "{}\t{rel}\t{}\t{webp}\n",
            resized.stamp,
            hex(&Sha256::digest(&resized.bytes))
        ));
    }
    any.then(|| text.into_bytes())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
