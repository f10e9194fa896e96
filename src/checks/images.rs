//! Image weight. A photo straight off a phone is 3–5 MB: one of them on a
//! page undoes the 14 KB page budget for a reader on a prepaid phone. Each
//! image file over `check.max_image_kb` is reported once, at the file.

use super::finding;
use crate::diagnostics::Diagnostic;
use crate::site::model::Site;

/// File extensions of the images a page can show.
const IMAGE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp", "tif", "tiff", "heic",
];

pub fn check(site: &Site) -> Vec<Diagnostic> {
    let budget_kb = site.config.check.max_image_kb;
    site.assets
        .iter()
        .filter(|asset| is_image(&asset.rel))
        .filter_map(|asset| {
            let bytes = asset.len().ok()?;
            (bytes > budget_kb.saturating_mul(1024)).then(|| {
                finding(
                    "image-too-heavy",
                    format!(
                        "this image is {}, over the {budget_kb} KB budget for one image",
                        size_text(bytes)
                    ),
                )
                .in_file(&asset.shown)
                .help("make it smaller before adding it: about 1200 pixels wide is enough for any screen, and saving a photo as JPEG at 75% quality, or a drawing as PNG or SVG, usually brings it under 100 KB")
            })
        })
        .collect()
}

fn is_image(rel: &str) -> bool {
    rel.rsplit_once('.')
        .is_some_and(|(_, ext)| IMAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
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
        assert!(is_image("a/B.JPG") && is_image("x.svg") && !is_image("leaflet.pdf"));
    }
}
