//! What the site's pictures cost and give away, judged on what ships.
//!
//! Weight: a photo straight off a phone is 3–5 MB; one of them on a page
//! undoes the 14 KB page budget for a reader on a prepaid phone. Each
//! image over `check.max_image_kb` is reported once, at the file; with
//! `images: {resize: true}` it is the resized copy that is weighed.
//!
//! Location: a phone writes where a photo was taken into its EXIF. A
//! photo of a ward garden, or a patient's kitchen, shipped as it is, tells
//! any reader where that was. A resized copy carries no EXIF.

use super::finding;
use crate::diagnostics::Diagnostic;
use crate::images::is_image;
use crate::site::model::Site;
use crate::source::discover::SourceFile;

pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = site
        .assets
        .iter()
        .filter(|asset| is_image(&asset.rel))
        .filter_map(|asset| too_heavy(site, asset))
        .collect();
    found.extend(
        site.assets
            .iter()
            .filter(|asset| site.images.get(&asset.rel).is_some_and(|i| i.has_location))
            .map(|asset| has_location(site, asset)),
    );
    found
}

fn too_heavy(site: &Site, asset: &SourceFile) -> Option<Diagnostic> {
    let budget_kb = site.config.check.max_image_kb;
    let resized = site.images.get(&asset.rel).and_then(|i| i.resized.as_ref());
    let bytes = match resized {
        Some(resized) => resized.bytes.len() as u64,
        None => asset.len().ok()?,
    };
    if bytes <= budget_kb.saturating_mul(1024) {
        return None;
    }
    let message = match resized {
        Some(_) => format!(
            "resized to {} pixels wide, this image is still {}, over the {budget_kb} KB budget for one image",
            site.config.images.max_width,
            size_text(bytes)
        ),
        None => format!(
            "this image is {}, over the {budget_kb} KB budget for one image",
            size_text(bytes)
        ),
    };
    Some(
        finding("image-too-heavy", message)
            .in_file(&asset.shown)
            .help(heavy_help(site, resized.is_some())),
    )
}

/// What to do about a heavy image: the `images` settings when this copy
/// of Signpost can resize, else how to make the file smaller by hand.
fn heavy_help(site: &Site, resized: bool) -> &'static str {
    const BY_HAND: &str = "make it smaller before adding it: about 1200 pixels wide is enough for any screen, and saving a photo as JPEG at 75% quality, or a drawing as PNG or SVG, usually brings it under 100 KB";
    if resized {
        "lower `images.quality` (70 suits photos) or `images.max_width` in site.yaml, or crop the picture to what matters"
    } else if cfg!(feature = "images") && !site.config.images.resize {
        "set `images: {resize: true}` in site.yaml and Signpost ships a copy 1200 pixels wide; or make it smaller before adding it: saving a photo as JPEG at 75% quality usually brings it under 100 KB"
    } else {
        BY_HAND
    }
}

fn has_location(site: &Site, asset: &SourceFile) -> Diagnostic {
    let images = &site.config.images;
    let wide = site
        .images
        .get(&asset.rel)
        .is_some_and(|i| i.width > images.max_width);
    let help = if cfg!(feature = "images") && wide && !images.resize {
        "set `images: {resize: true}` in site.yaml so Signpost ships a copy without it, or remove the location before adding the photo (on a phone: share it with \"location\" turned off; on a computer: in the file's properties or details)"
    } else {
        "remove the location before adding the photo: on a phone, share it with \"location\" turned off; on a computer, in the file's properties or details"
    };
    finding(
        "image-has-location",
        "this photo records where it was taken (GPS coordinates in its EXIF data), and anyone who saves it from the site can read them",
    )
    .in_file(&asset.shown)
    .help(help)
}

/// "3.2 MB" or "240 KB", as a reader of a file manager sees sizes.
fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_file_manager_shows_them() {
        assert_eq!(size_text(3_355_443), "3.2 MB");
        assert_eq!(size_text(245_000), "240 KB");
    }
}
