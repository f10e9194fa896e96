//! Tells prose lines from fenced code, line by line, so that imports never
//! rewrite or report what a page shows as code.

/// Tracks ``` and ~~~ fences across the lines of one body.
#[derive(Debug, Default)]
pub struct Prose {
    fence: Option<(char, usize)>,
}

impl Prose {
    /// Whether `line` is prose (not a fence line, not inside a fence).
    pub fn is_prose(&mut self, line: &str) -> bool {
        let trimmed = line.trim_start();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| trimmed.chars().take_while(|c| *c == m).count());
        match (self.fence, marker) {
            (None, Some(m)) if run >= 3 => {
                self.fence = Some((m, run));
                false
            }
            (Some((m, n)), Some(c)) if c == m && run >= n && trimmed[run..].trim().is_empty() => {
                self.fence = None;
                false
            }
            (Some(_), _) => false,
            (None, _) => true,
        }
    }
}

/// `line` with every inline code span blanked out (same length), so that
/// searches skip what is shown as code.
pub fn without_code_spans(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find('`') {
        let ticks = rest[start..].chars().take_while(|c| *c == '`').count();
        let after = &rest[start + ticks..];
        let closing = "`".repeat(ticks);
        let Some(end) = after.find(&closing) else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&" ".repeat(ticks * 2 + end));
        rest = &after[end + ticks..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_and_spans_are_not_prose() {
        let mut prose = Prose::default();
        let lines = ["a\n", "```yaml\n", "{{ x }}\n", "```\n", "b\n"];
        let kept: Vec<bool> = lines.iter().map(|l| prose.is_prose(l)).collect();
        assert_eq!(kept, [true, false, false, false, true]);
        assert_eq!(without_code_spans("a `{{ x }}` b"), "a           b");
    }
}
