//! Pictures: `width`/`height` from the file, lazy loading, unreadable
//! files, the location in a phone photo's EXIF, and, with the `images`
//! feature, `images: {resize: true}` (resized copies, WebP twins, no
//! metadata, the same bytes every build, reuse of the previous build's copies).

use std::io::Cursor;

use image::{ImageEncoder, RgbImage, Rgba, RgbaImage};

use crate::harness::{SiteTest, main_of};

/// A photo-like picture: smooth gradients with fine deterministic grain,
/// which compresses as a photo does (a flat picture would be unrealistically small).
fn photo_pixels(width: u32, height: u32) -> RgbImage {
    let mut seed = 0x2545_f491_u32;
    RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 24) as u8;
        image::Rgb([
            (x * 200 / width) as u8 + grain,
            (y * 200 / height) as u8 + grain,
            ((x + y) % 180) as u8 + grain / 2,
        ])
    })
}

pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let pixels = photo_pixels(width, height);
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(
            pixels.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("encode jpeg");
    out
}

/// An EXIF block (APP1) with an orientation and, optionally, a GPS
/// latitude, as a phone writes them: little-endian TIFF, IFD0 then GPS IFD.
fn exif_segment(orientation: u16, gps: bool) -> Vec<u8> {
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend(8u32.to_le_bytes());
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        tiff.extend(tag.to_le_bytes());
        tiff.extend(kind.to_le_bytes());
        tiff.extend(count.to_le_bytes());
        tiff.extend(value);
    };
    let entries: u16 = if gps { 2 } else { 1 };
    tiff.extend(entries.to_le_bytes());
    let o = orientation.to_le_bytes();
    entry(&mut tiff, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
    if gps {
        entry(&mut tiff, 0x8825, 4, 1, 38u32.to_le_bytes());
    }
    tiff.extend(0u32.to_le_bytes());
    if gps {
        tiff.extend(2u16.to_le_bytes());
        entry(&mut tiff, 0x0001, 2, 2, *b"N\0\0\0");
        entry(&mut tiff, 0x0002, 5, 3, 68u32.to_le_bytes());
        tiff.extend(0u32.to_le_bytes());
        for (num, den) in [(51u32, 1u32), (30, 1), (0, 1)] {
            tiff.extend(num.to_le_bytes());
            tiff.extend(den.to_le_bytes());
        }
    }
    let mut segment = vec![0xFF, 0xE1];
    segment.extend(u16::try_from(tiff.len() + 8).unwrap().to_be_bytes());
    segment.extend(b"Exif\0\0");
    segment.extend(tiff);
    segment
}

/// A JPEG as a phone writes it: EXIF orientation, maybe the GPS position.
fn phone_jpeg(width: u32, height: u32, orientation: u16, gps: bool) -> Vec<u8> {
    let plain = jpeg(width, height);
    let mut out = plain[..2].to_vec();
    out.extend(exif_segment(orientation, gps));
    out.extend(&plain[2..]);
    out
}

/// A grey scan with grain (a photocopied leaflet saved as PNG): lossless
/// WebP packs it smaller than PNG, since its three channels are one.
pub fn grey_scan(width: u32, height: u32) -> Vec<u8> {
    let grain = photo_pixels(width, height);
    let pixels = RgbImage::from_fn(width, height, |x, y| {
        let v = grain.get_pixel(x, y)[0];
        image::Rgb([v, v, v])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            pixels.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
        .expect("encode png");
    out
}

/// A drawing of flat colours: PNG packs it smaller than `image`'s lossless WebP.
pub fn png_drawing(width: u32, height: u32) -> Vec<u8> {
    let pixels = RgbaImage::from_fn(width, height, |x, y| {
        if (x / 40 + y / 40) % 3 == 0 {
            Rgba([0, 94, 184, 255])
        } else {
            Rgba([255, 255, 255, 255])
        }
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            pixels.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgba8,
        )
        .expect("encode png");
    out
}

fn page(body: &str) -> String {
    format!("---\ntitle: Care plans\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n{body}")
}

/// The `<img …>` tags of a built page's main content, in order.
fn img_tags(html: &str) -> Vec<String> {
    main_of(html)
        .match_indices("<img ")
        .map(|(at, _)| {
            let rest = &main_of(html)[at..];
            rest[..=rest.find('>').unwrap()].to_owned()
        })
        .collect()
}

#[test]
fn every_picture_gets_its_size_turned_the_way_exif_says() {
    let site = SiteTest::minimal();
    // Stored 300×200 on its side (orientation 6): shown 200×300.
    site.write_bytes("content/care/turned.jpg", &phone_jpeg(300, 200, 6, false));
    site.write_bytes("content/care/map.png", &png_drawing(80, 40));
    site.write(
        "content/care/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 24\"><rect width=\"48\" height=\"24\" fill=\"#005eb8\"/></svg>",
    );
    site.write(
        "content/care/plans.md",
        &page("![A nurse](turned.jpg)\n\n![A map of the ward](map.png)\n\n![The trust's mark](logo.svg)\n"),
    );
    site.build().assert_code(0);
    let html = site.output("care/plans/index.html");
    assert_eq!(
        img_tags(&html),
        [
            "<img alt=\"A nurse\" decoding=async height=300 src=../turned.jpg width=200>",
            "<img alt=\"A map of the ward\" decoding=async height=40 loading=lazy src=../map.png width=80>",
            "<img alt=\"The trust's mark\" decoding=async height=24 loading=lazy src=../logo.svg width=48>",
        ]
    );
}

#[test]
fn only_the_first_picture_and_the_first_four_pictograms_load_at_once() {
    let site = SiteTest::minimal();
    let rows: String = (0..6)
        .map(|i| format!("![Talking](picto:talk) Row {i} words.\n\n"))
        .collect();
    site.write(
        "content/care/plans.easy.md",
        &format!(
            "---\ntitle: Care plans easy\nreviewed: 2026-01-01\nreview_due: 2027-01-01\n---\n{rows}"
        ),
    );
    let run = site.build();
    run.assert_code(0);
    let html = site.output("care/plans/easy-read/index.html");
    let lazy: Vec<bool> = img_tags(&html)
        .iter()
        .map(|tag| tag.contains("loading=lazy"))
        .collect();
    assert_eq!(lazy, [false, false, false, false, true, true], "{html}");
    assert!(
        img_tags(&html)
            .iter()
            .all(|t| t.contains("class=pictogram") && !t.contains("decoding"))
    );
}

#[test]
fn a_damaged_picture_is_an_error_at_the_file() {
    let site = SiteTest::minimal();
    site.write_bytes(
        "content/care/photo.jpg",
        b"\xff\xd8 these are not the bytes of a photo",
    );
    site.write("content/care/plans.md", &page("![A nurse](photo.jpg)\n"));
    let run = site.run(&["check"]);
    run.assert_code(1);
    assert_eq!(
        run.stdout,
        "content/care/photo.jpg  error  image-unreadable  this file is named as a picture, but it is not one Signpost can read: it may be damaged, only partly copied, or another kind of file  (open it on your computer: if it does not show, copy it again from the phone or camera; if it does, save it again as JPEG (photos) or PNG (drawings))\n\n1 error and 0 warnings in 1 file\nerrors by rule: image-unreadable 1\n",
    );
}

#[test]
fn a_photo_that_ships_with_its_location_is_a_warning() {
    let site = SiteTest::minimal();
    site.write_bytes("content/care/garden.jpg", &phone_jpeg(400, 300, 1, true));
    site.write_bytes("content/care/ward.jpg", &phone_jpeg(400, 300, 1, false));
    site.write(
        "content/care/plans.md",
        &page("![The garden](garden.jpg)\n\n![The ward](ward.jpg)\n"),
    );
    let run = site.run(&["check"]);
    run.assert_code(0);
    assert_eq!(
        run.stdout,
        "content/care/garden.jpg  warning  image-has-location  this photo records where it was taken (GPS coordinates in its EXIF data), and anyone who saves it from the site can read them  (remove the location before adding the photo: on a phone, share it with \"location\" turned off; on a computer, in the file's properties or details)\n\n0 errors and 1 warning in 1 file\nwarnings by rule: image-has-location 1\n",
    );
}

#[cfg(feature = "images")]
mod resize {
    use super::*;

    const RESIZE: &str = "title: Test site\nimages: {resize: true, max_width: 400}\n";

    fn resized_site() -> SiteTest {
        let site = SiteTest::minimal();
        site.write("site.yaml", RESIZE);
        // A phone photo on its side, with its location: stored 1200×900,
        // shown 900×1200. (Small enough to keep the test quick.)
        site.write_bytes("content/care/phone.jpg", &phone_jpeg(1200, 900, 6, true));
        site.write_bytes("content/care/map.png", &grey_scan(800, 400));
        site.write_bytes("content/care/plan.png", &png_drawing(800, 400));
        site.write_bytes("content/care/small.jpg", &jpeg(300, 200));
        site.write(
            "content/care/plans.md",
            &page("![A nurse in the garden](phone.jpg)\n\n![A map of the ward](map.png \"Ward 3\")\n\n![A chair](small.jpg)\n\n![A plan of the day](plan.png)\n"),
        );
        site
    }

    /// A PNG whose header says 30,000 × 30,000 pixels (900 million), with
    /// no picture data after it: the size a decompression bomb claims.
    fn huge_png_header() -> Vec<u8> {
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend(30_000u32.to_be_bytes());
        ihdr.extend(30_000u32.to_be_bytes());
        ihdr.extend([8, 0, 0, 0, 0]);
        let mut crc = flate2::Crc::new();
        crc.update(&ihdr);
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(13u32.to_be_bytes());
        png.extend(&ihdr);
        png.extend(crc.sum().to_be_bytes());
        png
    }

    #[test]
    fn a_picture_too_large_to_resize_safely_ships_as_it_is_with_a_warning() {
        let site = SiteTest::minimal();
        site.write("site.yaml", RESIZE);
        site.write_bytes("content/care/huge.png", &huge_png_header());
        site.write(
            "content/care/plans.md",
            &page("![A blank test picture](huge.png)\n"),
        );
        let run = site.run(&["build"]);
        run.assert_code(0);
        assert!(
            run.stderr.starts_with("content/care/huge.png  warning  image-too-large  this picture is 30000 × 30000 pixels, too large for Signpost to resize safely (the limit is 100 million pixels), so it ships at full size  (make it smaller in a photo editor (1200 pixels wide is plenty for a web page), or take it again at a lower resolution)\n"),
            "{}",
            run.stderr
        );
        // Never decoded: the file ships byte for byte, with its own size.
        assert_eq!(output_bytes(&site, "care/huge.png"), huge_png_header());
        assert!(
            site.output("care/plans/index.html")
                .contains("height=30000")
        );
    }

    fn output_bytes(site: &SiteTest, rel: &str) -> Vec<u8> {
        std::fs::read(site.root.join("output").join(rel)).expect("output file")
    }

    #[test]
    fn wide_pictures_ship_resized_upright_and_without_metadata() {
        let site = resized_site();
        let run = site.run(&["build"]);
        run.assert_code(0);
        // The copy has no location left: no warning for it.
        assert!(!run.stdout.contains("image-has-location"), "{}", run.stdout);
        let phone = output_bytes(&site, "care/phone.jpg");
        let decoded = image::load_from_memory(&phone).expect("decodes");
        assert_eq!((decoded.width(), decoded.height()), (400, 533));
        assert!(
            exif::Reader::new()
                .read_from_container(&mut Cursor::new(&phone))
                .is_err()
        );
        assert!(!phone.windows(4).any(|w| w == b"Exif"));
        // Narrow enough: shipped as it is, byte for byte.
        assert_eq!(output_bytes(&site, "care/small.jpg"), jpeg(300, 200));
        let html = site.output("care/plans/index.html");
        let main = main_of(&html);
        assert!(
            main.contains("<img alt=\"A nurse in the garden\" decoding=async height=533 src=../phone.jpg width=400>"),
            "{main}"
        );
        // The photo has no WebP twin: lossless WebP would be bigger.
        assert!(!site.root.join("output/care/phone.webp").exists());
        assert!(main.contains("<figure><picture><source srcset=../map.webp type=image/webp><img alt=\"A map of the ward\" decoding=async height=200 loading=lazy src=../map.png width=400></picture><figcaption>Ward 3</figcaption></figure>"), "{main}");
        let png = output_bytes(&site, "care/map.png");
        let webp = output_bytes(&site, "care/map.webp");
        assert!(webp.len() < png.len(), "{} >= {}", webp.len(), png.len());
        let twin = image::load_from_memory(&webp).expect("webp decodes");
        assert_eq!((twin.width(), twin.height()), (400, 200));
        // The flat drawing packs smaller as PNG: no twin, no <picture>.
        assert!(!site.root.join("output/care/plan.webp").exists());
        assert!(main.contains("<p><img alt=\"A plan of the day\" decoding=async height=200 loading=lazy src=../plan.png width=400>"), "{main}");
        // Valid markup: a parser finds the <source> inside <picture>.
        let doc = scraper::Html::parse_document(&html);
        let source =
            scraper::Selector::parse("figure > picture > source[type=\"image/webp\"]").unwrap();
        assert_eq!(doc.select(&source).count(), 1);
    }

    #[test]
    fn resized_copies_are_the_same_bytes_every_build_and_reused() {
        let first = resized_site();
        let second = resized_site();
        first.build().assert_code(0);
        second.build().assert_code(0);
        for rel in [
            "care/phone.jpg",
            "care/map.png",
            "care/map.webp",
            "care/plan.png",
            ".signpost-images",
        ] {
            assert_eq!(
                output_bytes(&first, rel),
                output_bytes(&second, rel),
                "{rel}"
            );
        }
        let manifest = String::from_utf8(output_bytes(&first, ".signpost-images")).unwrap();
        assert_eq!(
            manifest.lines().filter(|l| !l.starts_with('#')).count(),
            3,
            "{manifest}"
        );
        // The next build takes the copy the manifest vouches for instead of
        // resizing again: shown here by a copy swapped for other bytes, with
        // the manifest's hash to match.
        let stand_in = jpeg(400, 533);
        let old_hash = sha_hex(&output_bytes(&first, "care/phone.jpg"));
        std::fs::write(first.root.join("output/care/phone.jpg"), &stand_in).unwrap();
        let manifest = manifest.replace(&old_hash, &sha_hex(&stand_in));
        std::fs::write(first.root.join("output/.signpost-images"), manifest).unwrap();
        first.build().assert_code(0);
        assert_eq!(output_bytes(&first, "care/phone.jpg"), stand_in);
        // A copy that does not match its record is made again.
        std::fs::write(first.root.join("output/care/phone.jpg"), b"tampered").unwrap();
        first.build().assert_code(0);
        assert_eq!(
            output_bytes(&first, "care/phone.jpg"),
            output_bytes(&second, "care/phone.jpg")
        );
    }

    fn sha_hex(bytes: &[u8]) -> String {
        use sha2::Digest as _;
        sha2::Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn the_weight_judged_is_the_resized_copy() {
        let site = SiteTest::minimal();
        site.write_bytes("content/care/phone.jpg", &jpeg(1200, 900));
        site.write("content/care/plans.md", &page("![A nurse](phone.jpg)\n"));
        site.write("site.yaml", "title: Test site\ncheck: {max_image_kb: 40}\n");
        let run = site.run(&["check"]);
        assert!(
            run.stdout.contains("  warning  image-too-heavy  this image is ")
                && run.stdout.contains("(set `images: {resize: true}` in site.yaml and Signpost ships a copy 1200 pixels wide;"),
            "{}",
            run.stdout
        );
        site.write(
            "site.yaml",
            "title: Test site\ncheck: {max_image_kb: 40}\nimages: {resize: true, max_width: 300}\n",
        );
        assert!(!site.run(&["check"]).stdout.contains("image-too-heavy"));
        site.write(
            "site.yaml",
            "title: Test site\ncheck: {max_image_kb: 1}\nimages: {resize: true, max_width: 300}\n",
        );
        let run = site.run(&["check"]);
        assert!(
            run.stdout.contains("content/care/phone.jpg  warning  image-too-heavy  resized to 300 pixels wide, this image is still "),
            "{}",
            run.stdout
        );
    }
}
