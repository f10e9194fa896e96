//! What a picture's header says, without decoding the picture: its size
//! as a reader sees it (a phone photo is stored on its side, with an EXIF
//! note saying how to turn it), and whether its EXIF holds the place where
//! it was taken. Reading a few kilobytes of each file keeps this cheap
//! enough to run on every build, feature or not.

use std::io::Cursor;

/// What the header of one picture says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// Width and height as shown, EXIF orientation applied.
    pub width: u32,
    pub height: u32,
    /// The EXIF data holds GPS coordinates.
    pub has_location: bool,
}

/// How Signpost reads a picture file, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Jpeg,
    Png,
    /// Other raster formats whose header Signpost reads (GIF, WebP, BMP, TIFF).
    OtherRaster,
    Svg,
}

/// File extensions of the images a page can show.
pub const IMAGE_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp", "tif", "tiff", "heic",
];

/// Whether the file at `rel` is a picture, by its extension.
pub fn is_image(rel: &str) -> bool {
    extension(rel).is_some_and(|ext| IMAGE_EXTENSIONS.contains(&ext.as_str()))
}

/// How to read the file at `rel`; `None` for pictures whose header
/// Signpost does not read (AVIF, HEIC) and for other files.
pub fn kind(rel: &str) -> Option<Kind> {
    match extension(rel)?.as_str() {
        "jpg" | "jpeg" => Some(Kind::Jpeg),
        "png" => Some(Kind::Png),
        "gif" | "webp" | "bmp" | "tif" | "tiff" => Some(Kind::OtherRaster),
        "svg" => Some(Kind::Svg),
        _ => None,
    }
}

fn extension(rel: &str) -> Option<String> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
}

/// Reads the header of a picture of `kind`. `Ok(None)` for an SVG that
/// gives no size (it then scales to its box, which is fine); `Err` for a
/// raster file that is not a picture Signpost can read.
pub fn read(bytes: &[u8], kind: Kind) -> Result<Option<Header>, ()> {
    if kind == Kind::Svg {
        return Ok(super::svg_size::size(bytes).map(|(width, height)| Header {
            width,
            height,
            has_location: false,
        }));
    }
    let size = imagesize::blob_size(bytes).map_err(|_| ())?;
    let (width, height) = (
        u32::try_from(size.width).map_err(|_| ())?,
        u32::try_from(size.height).map_err(|_| ())?,
    );
    if width == 0 || height == 0 {
        return Err(());
    }
    let exif = exif::Reader::new()
        .read_from_container(&mut Cursor::new(bytes))
        .ok();
    let turned = exif.as_ref().and_then(orientation).is_some_and(|o| o >= 5);
    let has_location = exif.as_ref().is_some_and(|exif| {
        exif.fields()
            .any(|f| f.tag == exif::Tag::GPSLatitude || f.tag == exif::Tag::GPSLongitude)
    });
    let (width, height) = if turned {
        (height, width)
    } else {
        (width, height)
    };
    Ok(Some(Header {
        width,
        height,
        has_location,
    }))
}

/// The EXIF orientation (1 to 8). 5 to 8 are turned a quarter: the stored
/// width is the height shown.
fn orientation(exif: &exif::Exif) -> Option<u32> {
    exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY)?
        .value
        .get_uint(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn kinds_follow_the_extension() {
        assert_eq!(kind("a/B.JPG"), Some(Kind::Jpeg));
        assert_eq!(kind("x.svg"), Some(Kind::Svg));
        assert_eq!(kind("photo.heic"), None);
        assert!(is_image("a/B.JPG") && is_image("x.svg") && !is_image("leaflet.pdf"));
        assert!(!is_image("folder.jpg/notes"));
    }

    #[test]
    fn garbage_named_jpg_is_unreadable() {
        assert_eq!(read(b"not a picture at all", Kind::Jpeg), Err(()));
        assert_eq!(read(b"", Kind::Png), Err(()));
    }

    proptest! {
        #[test]
        fn any_bytes_are_read_or_refused_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = read(&bytes, Kind::Jpeg);
            let _ = read(&bytes, Kind::Svg);
        }

        #[test]
        fn a_jpeg_header_followed_by_noise_never_panics(tail in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x40, b'E', b'x', b'i', b'f', 0, 0, b'I', b'I', 42, 0];
            bytes.extend(tail);
            let _ = read(&bytes, Kind::Jpeg);
        }
    }
}
