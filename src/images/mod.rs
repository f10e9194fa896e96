//! The site's pictures: the size each one is shown at (for `width` and
//! `height` on its `<img>`, so the page does not jump as it loads),
//! whether a phone photo still carries where it was taken, and, with
//! `images: {resize: true}` (cargo feature `images`), the smaller copies
//! that ship in their place.
//!
//! This runs once per build, after the site is loaded and before pages
//! are rendered: the Markdown pass that writes `<img>` and the checks that
//! judge an image's weight both read the [`ImageTable`].

#[cfg(feature = "images")]
mod cache;
pub mod probe;
#[cfg(feature = "images")]
pub mod resize;
mod svg_size;

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::source::config::ImagesConfig;
use crate::source::discover::SourceFile;

pub use probe::is_image;

/// The first bytes of a file read for its header. EXIF sits before the
/// picture data and is at most 64 KB; a header not found in them is
/// looked for again in the whole file.
const HEADER_BYTES: u64 = 128 * 1024;

/// What Signpost knows of one picture of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageFacts {
    /// Width and height of what ships, as shown (EXIF orientation applied).
    pub width: u32,
    pub height: u32,
    /// The file that ships still has GPS coordinates in its EXIF.
    pub has_location: bool,
    /// The smaller copy that ships instead of the source file.
    pub resized: Option<Resized>,
}

/// A resized copy, and where its WebP twin goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resized {
    pub bytes: Vec<u8>,
    /// (path under the output folder, bytes) of the WebP copy, when smaller.
    pub webp: Option<(String, Vec<u8>)>,
    /// The width of the source, as shown, for messages.
    pub source_width: u32,
    /// What the copy was made from (source hash and settings), for the manifest.
    pub stamp: String,
}

/// Every picture of the site Signpost could read, by path under `content/`.
#[derive(Debug, Clone, Default)]
pub struct ImageTable {
    facts: BTreeMap<String, ImageFacts>,
    /// The record of resized copies kept in the output folder, so the next
    /// build reuses them (`None` when nothing was resized).
    manifest: Option<Vec<u8>>,
}

impl ImageTable {
    pub fn get(&self, rel: &str) -> Option<&ImageFacts> {
        self.facts.get(rel)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &ImageFacts)> {
        self.facts.iter()
    }

    /// The files that ship in place of, or beside, the site's own: resized
    /// copies at their source's path, WebP twins, and the manifest.
    pub fn output_files(&self) -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        for (rel, facts) in &self.facts {
            let Some(resized) = &facts.resized else {
                continue;
            };
            files.push((rel.clone(), resized.bytes.clone()));
            if let Some((webp_rel, bytes)) = &resized.webp {
                files.push((webp_rel.clone(), bytes.clone()));
            }
        }
        if let Some(manifest) = &self.manifest {
            files.push((MANIFEST.to_owned(), manifest.clone()));
        }
        files
    }
}

/// The manifest's name in the output folder.
pub const MANIFEST: &str = ".signpost-images";

/// Reads every picture of the site, and resizes the ones that need it when
/// the settings ask. `out` is the output folder of the previous build,
/// whose resized copies are reused when their source has not changed.
/// A picture that cannot be read is an `image-unreadable` error at its file.
pub fn prepare(
    assets: &[SourceFile],
    config: &ImagesConfig,
    out: &Path,
) -> (ImageTable, Vec<Diagnostic>) {
    #[cfg(feature = "images")]
    let job = Job {
        config,
        names: assets.iter().map(|a| a.rel.as_str()).collect(),
        previous: cache::Previous::read(out),
        too_large: Default::default(),
    };
    #[cfg(not(feature = "images"))]
    let _ = (config, out);
    let results: Vec<(String, Result<Option<ImageFacts>, Diagnostic>)> = assets
        .par_iter()
        .filter_map(|asset| Some((asset, probe::kind(&asset.rel)?)))
        .map(|(asset, kind)| {
            let facts = read_one(asset, kind);
            #[cfg(feature = "images")]
            let facts = facts.and_then(|facts| job.resize(asset, kind, facts));
            (asset.rel.clone(), facts)
        })
        .collect();
    let mut table = ImageTable::default();
    let mut problems = Vec::new();
    for (rel, result) in results {
        match result {
            Ok(Some(facts)) => {
                table.facts.insert(rel, facts);
            }
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    #[cfg(feature = "images")]
    {
        table.manifest = cache::manifest(&table);
        let mut too_large = job.too_large.into_inner().unwrap_or_default();
        too_large.sort_by(|a, b| a.file.cmp(&b.file));
        problems.extend(too_large);
    }
    (table, problems)
}

/// The header of one picture: from its first bytes, or the whole file
/// when the header runs past them.
fn read_one(asset: &SourceFile, kind: probe::Kind) -> Result<Option<ImageFacts>, Diagnostic> {
    let to_facts = |header: probe::Header| ImageFacts {
        width: header.width,
        height: header.height,
        has_location: header.has_location,
        resized: None,
    };
    let start = first_bytes(asset).map_err(|_| unreadable(asset))?;
    if let Ok(header) = probe::read(&start, kind) {
        return Ok(header.map(to_facts));
    }
    let whole = asset.read().map_err(|_| unreadable(asset))?;
    probe::read(&whole, kind)
        .map(|header| header.map(to_facts))
        .map_err(|()| unreadable(asset))
}

fn first_bytes(asset: &SourceFile) -> std::io::Result<Vec<u8>> {
    match asset.disk_path() {
        Some(path) => {
            let mut bytes = Vec::new();
            std::fs::File::open(path)?
                .take(HEADER_BYTES)
                .read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        None => asset.read(),
    }
}

/// A picture Signpost cannot read: readers would see a broken picture.
pub fn unreadable(asset: &SourceFile) -> Diagnostic {
    crate::diagnostics::rules::finding(
        "image-unreadable",
        "this file is named as a picture, but it is not one Signpost can read: it may be damaged, only partly copied, or another kind of file",
    )
    .in_file(&asset.shown)
    .help("open it on your computer: if it does not show, copy it again from the phone or camera; if it does, save it again as JPEG (photos) or PNG (drawings)")
}

/// What resizing needs besides the picture: the settings, the names of
/// the site's files (a WebP twin never replaces one), the previous build.
#[cfg(feature = "images")]
struct Job<'a> {
    config: &'a ImagesConfig,
    names: std::collections::BTreeSet<&'a str>,
    previous: cache::Previous,
    /// Pictures too big to resize safely: they ship as they are, and each
    /// gets an `image-too-large` warning.
    too_large: std::sync::Mutex<Vec<Diagnostic>>,
}

/// The most pixels Signpost decodes to resize one picture: 100 million
/// (a 48-megapixel phone photo is 48 million). Decoding takes about 4
/// bytes a pixel, in parallel, so a larger picture, or a file made to
/// look like one, could use gigabytes of memory.
#[cfg(feature = "images")]
pub const MAX_RESIZE_PIXELS: u64 = 100_000_000;

#[cfg(feature = "images")]
fn too_large(asset: &SourceFile, width: u32, height: u32) -> Diagnostic {
    crate::diagnostics::rules::finding(
        "image-too-large",
        format!(
            "this picture is {width} × {height} pixels, too large for Signpost to resize safely (the limit is 100 million pixels), so it ships at full size"
        ),
    )
    .in_file(&asset.shown)
    .help("make it smaller in a photo editor (1200 pixels wide is plenty for a web page), or take it again at a lower resolution")
}

#[cfg(feature = "images")]
impl Job<'_> {
    /// With `resize: true`: a JPEG or PNG wider than `max_width` gets its
    /// smaller copy, from the previous build when the source is unchanged.
    fn resize(
        &self,
        asset: &SourceFile,
        kind: probe::Kind,
        facts: Option<ImageFacts>,
    ) -> Result<Option<ImageFacts>, Diagnostic> {
        match facts {
            Some(facts) if self.config.resize => self.resize_one(asset, kind, facts).map(Some),
            other => Ok(other),
        }
    }

    fn resize_one(
        &self,
        asset: &SourceFile,
        kind: probe::Kind,
        facts: ImageFacts,
    ) -> Result<ImageFacts, Diagnostic> {
        let (config, previous, names) = (self.config, &self.previous, &self.names);
        if !matches!(kind, probe::Kind::Jpeg | probe::Kind::Png) || facts.width <= config.max_width
        {
            return Ok(facts);
        }
        if u64::from(facts.width) * u64::from(facts.height) > MAX_RESIZE_PIXELS {
            if let Ok(mut found) = self.too_large.lock() {
                found.push(too_large(asset, facts.width, facts.height));
            }
            return Ok(facts);
        }
        let bytes = asset.read().map_err(|_| unreadable(asset))?;
        let settings = resize::Settings {
            max_width: config.max_width,
            quality: config.quality,
        };
        let key = cache::Key::new(&bytes, settings);
        let made = match previous.reuse(&asset.rel, &key) {
            Some(made) => made,
            None => match resize::shrink(&bytes, kind, settings) {
                Ok(Some(made)) => made,
                Ok(None) => return Ok(facts),
                Err(_) => return Err(unreadable(asset)),
            },
        };
        let webp_rel = webp_path(&asset.rel);
        // A WebP file of the site's own at that path wins: no twin then.
        let webp = made
            .webp
            .clone()
            .filter(|_| !names.contains(webp_rel.as_str()))
            .map(|bytes| (webp_rel, bytes));
        Ok(ImageFacts {
            width: made.width,
            height: made.height,
            has_location: false,
            resized: Some(Resized {
                bytes: made.bytes,
                webp,
                source_width: facts.width,
                stamp: key.0,
            }),
        })
    }
}

/// `drawings/map.png` → `drawings/map.webp`.
#[cfg(feature = "images")]
pub fn webp_path(rel: &str) -> String {
    let (folder, name) = rel.rsplit_once('/').map_or(("", rel), |(f, n)| (f, n));
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    if folder.is_empty() {
        format!("{stem}.webp")
    } else {
        format!("{folder}/{stem}.webp")
    }
}
