//! `output: {precompress: true}`: a `.gz` and a `.br` beside every text
//! file, for servers (nginx `gzip_static`, Caddy `precompressed`, many CDNs)
//! that send a ready-compressed file instead of compressing each request.
//!
//! Both are made at the highest level once, at build time, which is
//! smaller than what a server does on the fly. Both encoders are
//! deterministic: gzip is written with no file name and a zero timestamp.

use std::io::Write as _;

use rayon::prelude::*;

use crate::output::OutputMap;

/// Extensions of the files worth compressing: text that servers send often.
const COMPRESSIBLE: &[&str] = &["html", "css", "svg", "xml", "txt", "js", "json"];

/// Adds `NAME.gz` and `NAME.br` for each compressible file in `files`.
pub fn add(files: &mut OutputMap) {
    let made: Vec<(String, Vec<u8>)> = files
        .par_iter()
        .filter(|(path, _)| is_compressible(path))
        .flat_map_iter(|(path, bytes)| {
            [
                (format!("{path}.gz"), gzip(bytes)),
                (format!("{path}.br"), brotli(bytes)),
            ]
        })
        .collect();
    files.extend(made);
}

fn is_compressible(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| COMPRESSIBLE.contains(&ext))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut input = bytes;
    // Reading from a slice and writing to a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut input, &mut out, &params);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn both_forms_decompress_to_the_original_and_are_deterministic() {
        let text = "<p>Hello</p>".repeat(200);
        let mut files = OutputMap::new();
        files.insert("a/index.html".into(), text.clone().into_bytes());
        files.insert("photo.jpg".into(), vec![1, 2, 3]);
        add(&mut files);
        assert_eq!(files.len(), 4, "a JPEG is not compressed again");
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&files["a/index.html.gz"][..])
            .read_to_string(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, text);
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut &files["a/index.html.br"][..], &mut unbrotli).unwrap();
        assert_eq!(unbrotli, text.as_bytes());
        let mut again = OutputMap::new();
        again.insert("a/index.html".into(), text.into_bytes());
        add(&mut again);
        assert_eq!(again["a/index.html.gz"], files["a/index.html.gz"]);
        assert_eq!(again["a/index.html.br"], files["a/index.html.br"]);
    }
}
