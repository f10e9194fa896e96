//! Tera's errors as author-facing diagnostics: the template file, the line
//! and column where pest found the problem, or the line that uses a missing
//! variable. Used when the theme loads and when a page renders.

use crate::diagnostics::Diagnostic;

/// Maps a Tera error to the template file and line it came from.
pub fn template_error(
    error: &tera::Error,
    sources: &std::collections::BTreeMap<String, (String, String)>,
) -> Diagnostic {
    let mut chain = Vec::new();
    let mut current: Option<&dyn std::error::Error> = Some(error);
    while let Some(e) = current {
        chain.push(e.to_string());
        current = e.source();
    }
    let template = chain
        .iter()
        .find_map(|m| quoted_after(m, "'"))
        .filter(|name| sources.contains_key(name));
    let detail = chain.last().cloned().unwrap_or_default();
    let (mut line, mut column) = parse_pest_position(&detail).unwrap_or((0, 0));
    if line == 0
        && let (Some(name), Some(variable)) = (&template, quoted_after(&detail, "`"))
    {
        // Render errors carry no position: find the variable in the source.
        if let Some((_, source)) = sources.get(name) {
            if let Some(found) = source.lines().position(|l| l.contains(&variable)) {
                line = found + 1;
                column = source
                    .lines()
                    .nth(found)
                    .and_then(|l| l.find(&variable))
                    .map_or(1, |c| c + 1);
            }
        }
    }
    let shown = template
        .as_ref()
        .and_then(|name| sources.get(name))
        .map(|(path, _)| path.clone())
        .unwrap_or_else(|| "theme".to_owned());
    let message = chain.join(": ").replace('\n', " ");
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut diagnostic = Diagnostic::error(
        "template-error",
        format!("the template could not be used: {message}"),
    )
    .in_file(shown)
    .help("fix the template at this line; see the Tera documentation for its syntax");
    if let Some((_, source)) = template.as_ref().and_then(|n| sources.get(n)) {
        diagnostic = diagnostic.at_source(source, line, column);
    } else {
        diagnostic = diagnostic.at(line, column);
    }
    diagnostic
}

/// The text between the first pair of `quote` characters.
fn quoted_after(message: &str, quote: &str) -> Option<String> {
    let start = message.find(quote)? + quote.len();
    let end = message[start..].find(quote)? + start;
    Some(message[start..end].to_owned())
}

/// pest errors say ` --> 3:14`.
fn parse_pest_position(message: &str) -> Option<(usize, usize)> {
    let after = message.split("--> ").nth(1)?;
    let position: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let (line, column) = position.split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?))
}
