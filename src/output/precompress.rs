//! `output: {precompress: true}`: a `.gz` and a `.br` beside every text
//! file, for servers (nginx `gzip_static`, Caddy `precompressed`, many CDNs)
//! that send a ready-compressed file instead of compressing each request.
//!
//! Both are made at the highest level once, at build time, which is
//! smaller than what a server does on the fly. Both encoders are
//! deterministic: gzip is written with no file name and a zero timestamp.

use std::io::Write as _;

/// Extensions of the files worth compressing: text that servers send often.
const COMPRESSIBLE: &[&str] = &["html", "css", "svg", "xml", "txt", "js", "json"];

/// Whether `path` is worth a `.gz` and a `.br` twin.
pub fn is_compressible(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| COMPRESSIBLE.contains(&ext))
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

pub fn brotli(bytes: &[u8]) -> Vec<u8> {
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
    use crate::output::sink::{Destination, Sink};
    use std::io::Read as _;

    #[test]
    fn both_forms_decompress_to_the_original_and_are_deterministic() {
        let text = "<p>Hello</p>".repeat(200);
        let add = |files: Vec<(&str, Vec<u8>)>| {
            let mut sink = Sink::new(&Destination::Memory, true).unwrap();
            for (path, bytes) in files {
                sink.insert(path.to_owned(), bytes).unwrap();
            }
            sink.take_held()
        };
        let files = add(vec![
            ("a/index.html", text.clone().into_bytes()),
            ("photo.jpg", vec![1, 2, 3]),
        ]);
        assert_eq!(files.len(), 4, "a JPEG is not compressed again");
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&files["a/index.html.gz"][..])
            .read_to_string(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, text);
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut &files["a/index.html.br"][..], &mut unbrotli).unwrap();
        assert_eq!(unbrotli, text.as_bytes());
        let again = add(vec![("a/index.html", text.into_bytes())]);
        assert_eq!(again["a/index.html.gz"], files["a/index.html.gz"]);
        assert_eq!(again["a/index.html.br"], files["a/index.html.br"]);
    }
}
