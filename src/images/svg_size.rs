//! The size of an SVG drawing, for `width`/`height` on its `<img>`: the
//! root element's `width` and `height` in pixels, or else its `viewBox`.
//! Only their ratio matters to the page (CSS scales pictures to the
//! column), so a drawing sized in `cm` or `%` falls back to the viewBox.

/// (width, height) in CSS pixels, or `None` when the drawing gives neither.
pub fn size(bytes: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let start = find_root(text)?;
    let tag = &text[start..];
    let tag = &tag[..tag.find('>')?];
    let pixels = |name: &str| attribute(tag, name).and_then(px);
    if let (Some(w), Some(h)) = (pixels("width"), pixels("height")) {
        return whole(w, h);
    }
    let view_box = attribute(tag, "viewBox")?;
    let numbers: Vec<f64> = view_box
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    match numbers[..] {
        [_, _, w, h] => whole(w, h),
        _ => None,
    }
}

/// Where the root `<svg` element starts, past any XML declaration,
/// comments or doctype.
fn find_root(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find("<svg") {
        let at = from + at;
        let next = text[at + 4..].chars().next()?;
        if next.is_whitespace() || next == '>' || next == '/' {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

/// The value of `name="…"` (or `'…'`) in an opening tag.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let value = &value[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

/// A length in CSS pixels: `24`, `24.5` or `24px`; other units are `None`.
fn px(value: &str) -> Option<f64> {
    let value = value.trim();
    let number = value.strip_suffix("px").unwrap_or(value);
    number.parse::<f64>().ok()
}

fn whole(w: f64, h: f64) -> Option<(u32, u32)> {
    let round =
        |v: f64| (v.is_finite() && v > 0.0 && v < 100_000.0).then(|| v.round().max(1.0) as u32);
    Some((round(w)?, round(h)?))
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_come_from_width_and_height_or_the_view_box() {
        assert_eq!(
            size(br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120px" height="80">"#),
            Some((120, 80))
        );
        assert_eq!(
            size(br#"<svg viewBox="0 0 64 48.4" width="100%"><path/></svg>"#),
            Some((64, 48))
        );
        assert_eq!(
            size(br#"<svg stroke-width="2" viewBox="0,0,10,20"/>"#),
            Some((10, 20))
        );
        assert_eq!(size(b"<svg><path/></svg>"), None);
        assert_eq!(size(b"<svgx width='1' height='1'>"), None);
        assert_eq!(size(&[0xff, 0xfe]), None);
    }
}
