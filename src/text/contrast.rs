//! WCAG colour contrast, used to refuse brand colours nobody can read.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    pub const WHITE: Colour = Colour {
        r: 255,
        g: 255,
        b: 255,
    };

    /// Parses `#rgb` or `#rrggbb`.
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.trim().strip_prefix('#')?;
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        match digits.as_slice() {
            [r, g, b] => Some(Colour {
                r: r * 17,
                g: g * 17,
                b: b * 17,
            }),
            [r1, r2, g1, g2, b1, b2] => Some(Colour {
                r: r1 * 16 + r2,
                g: g1 * 16 + g2,
                b: b1 * 16 + b2,
            }),
            _ => None,
        }
    }

    /// Relative luminance as defined by WCAG 2.
    pub fn luminance(self) -> f64 {
        let channel = |v: u8| {
            let c = f64::from(v) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }
}

/// The WCAG contrast ratio between two colours, from 1 to 21.
pub fn contrast_ratio(a: Colour, b: Colour) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21() {
        let black = Colour::parse("#000").unwrap();
        assert!((contrast_ratio(black, Colour::WHITE) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn nhs_blue_on_white_passes_aa() {
        let blue = Colour::parse("#005eb8").unwrap();
        let ratio = contrast_ratio(blue, Colour::WHITE);
        assert!(ratio > 4.5 && ratio < 7.0, "{ratio}");
    }

    #[test]
    fn rejects_malformed_colours() {
        assert_eq!(Colour::parse("005eb8"), None);
        assert_eq!(Colour::parse("#05eb8"), None);
        assert_eq!(Colour::parse("#gggggg"), None);
    }
}
