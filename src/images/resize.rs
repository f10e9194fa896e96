//! `images: {resize: true}`: a picture wider than `max_width` ships as a
//! copy that wide, turned the way its EXIF says, and with no metadata at
//! all (a phone photo's EXIF can hold where it was taken, and the camera's
//! serial number). Re-encoding from pixels is what drops the metadata: the
//! encoders here write none.
//!
//! A drawing (PNG) also gets a lossless WebP copy when that is smaller. A
//! photo (JPEG) does not: `image` only writes lossless WebP, and a lossless
//! photo is several times the size of the JPEG (figures in the README).

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageReader};

use super::probe::Kind;

/// The settings a resized copy depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub max_width: u32,
    pub quality: u8,
}

/// A smaller copy of a picture.
#[derive(Clone, PartialEq, Eq)]
pub struct Resized {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// A lossless WebP of the same pixels, kept only when it is smaller.
    pub webp: Option<Vec<u8>>,
}

impl std::fmt::Debug for Resized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Resized({}x{}, {} bytes, webp {:?})",
            self.width,
            self.height,
            self.bytes.len(),
            self.webp.as_ref().map(Vec::len)
        )
    }
}

/// Decodes a JPEG or PNG and, when it is wider than `settings.max_width`
/// once turned upright, makes the copy that ships. `Ok(None)`: it is
/// narrow enough to ship as it is. `Err`: the file cannot be decoded.
pub fn shrink(bytes: &[u8], kind: Kind, settings: Settings) -> Result<Option<Resized>, String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().map_err(|e| e.to_string())?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    picture.apply_orientation(orientation);
    if picture.width() <= settings.max_width {
        return Ok(None);
    }
    let width = settings.max_width.max(1);
    let height = scaled_height(picture.width(), picture.height(), width);
    let small = picture.resize_exact(width, height, FilterType::Lanczos3);
    let (bytes, webp) = match kind {
        Kind::Jpeg => (jpeg(&small, settings.quality)?, None),
        _ => {
            let png = png(&small)?;
            let webp = webp(&small)?;
            let smaller = (webp.len() < png.len()).then_some(webp);
            (png, smaller)
        }
    };
    Ok(Some(Resized {
        bytes,
        width,
        height,
        webp,
    }))
}

/// The height that keeps the aspect ratio at `width`, at least 1 pixel.
pub fn scaled_height(from_width: u32, from_height: u32, width: u32) -> u32 {
    let exact = u64::from(from_height) * u64::from(width);
    let rounded = (exact + u64::from(from_width) / 2) / u64::from(from_width.max(1));
    u32::try_from(rounded).unwrap_or(u32::MAX).max(1)
}

fn jpeg(picture: &DynamicImage, quality: u8) -> Result<Vec<u8>, String> {
    let rgb = picture.to_rgb8();
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality.clamp(1, 100))
        .write_image(
            rgb.as_raw(),
            rgb.width(),
            rgb.height(),
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// Pixels as 8-bit RGB, or RGBA when the picture has transparency.
fn eight_bit(picture: &DynamicImage) -> (Vec<u8>, image::ExtendedColorType) {
    if picture.color().has_alpha() {
        (
            picture.to_rgba8().into_raw(),
            image::ExtendedColorType::Rgba8,
        )
    } else {
        (picture.to_rgb8().into_raw(), image::ExtendedColorType::Rgb8)
    }
}

fn png(picture: &DynamicImage) -> Result<Vec<u8>, String> {
    let (pixels, colour) = eight_bit(picture);
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Best, PngFilter::Adaptive)
        .write_image(&pixels, picture.width(), picture.height(), colour)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

fn webp(picture: &DynamicImage) -> Result<Vec<u8>, String> {
    let (pixels, colour) = eight_bit(picture);
    let mut out = Vec::new();
    WebPEncoder::new_lossless(&mut out)
        .encode(&pixels, picture.width(), picture.height(), colour)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_keep_the_aspect_ratio() {
        assert_eq!(scaled_height(4032, 3024, 1200), 900);
        assert_eq!(scaled_height(3000, 1, 1200), 1);
        assert_eq!(scaled_height(1201, 1000, 1200), 999);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let settings = Settings {
            max_width: 100,
            quality: 70,
        };
        assert!(shrink(b"\xff\xd8\xff\xe0 broken", Kind::Jpeg, settings).is_err());
        assert!(shrink(b"", Kind::Png, settings).is_err());
    }
}
