//! Refuses theme templates that would overflow the stack: includes and
//! macro calls that loop, and tags nested too deeply to parse.
//!
//! Tera renders `{% include %}` and macro calls by recursion, so a template
//! that includes itself, or a macro that calls itself, overflows the stack
//! and aborts the process. A theme is author input like any other, so the
//! loop is reported as a `template-error` naming the template, as soon as
//! the theme loads. Themes do not need recursive macros: Signpost hands
//! them the navigation ready-made (`site.nav_html`) or as a flat list.
//!
//! Tera's parser is recursive too, so [`too_deep`] looks at a template's
//! text before Tera parses it. The walks over Tera's syntax tree use
//! explicit stacks, so nothing here recurses either.

use std::collections::{BTreeMap, BTreeSet};

use tera::Tera;
use tera::ast::{Expr, ExprVal, Node};

use crate::diagnostics::Diagnostic;

/// The most tags (`if`, `for`, `block`, `macro`, `filter`) and brackets a
/// template may nest. Real themes use fewer than 10.
pub const MAX_TEMPLATE_DEPTH: usize = 64;

/// The line where a template's tags or brackets first nest deeper than
/// [`MAX_TEMPLATE_DEPTH`], found by counting, before Tera parses it.
pub fn too_deep(source: &str) -> Option<usize> {
    const OPENERS: &[&str] = &["if", "for", "block", "macro", "filter", "raw"];
    let mut depth = 0usize;
    let mut line = 1;
    let mut rest = source;
    while let Some(open) = rest.find("{%").into_iter().chain(rest.find("{{")).min() {
        line += rest[..open].matches('\n').count();
        let tag = &rest[open + 2..];
        let close = tag.find(['%', '}']).map_or(tag.len(), |c| c);
        let inner = &tag[..close];
        let word = inner
            .trim_start_matches(['-', ' ', '\t', '\n', '\r'])
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        if rest[open..].starts_with("{%") {
            if OPENERS.contains(&word) {
                depth += 1;
            } else if word.starts_with("end") {
                depth = depth.saturating_sub(1);
            }
        }
        let mut brackets = 0usize;
        for c in inner.chars() {
            match c {
                '(' | '[' => brackets += 1,
                ')' | ']' => brackets = brackets.saturating_sub(1),
                _ => {}
            }
            if depth + brackets > MAX_TEMPLATE_DEPTH {
                return Some(line);
            }
        }
        if depth > MAX_TEMPLATE_DEPTH {
            return Some(line);
        }
        line += rest[open..open + 2 + close].matches('\n').count();
        rest = &tag[close..];
    }
    None
}

/// Something that can be entered while rendering: a template or a macro.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Callee {
    Template(String),
    Macro { template: String, name: String },
}

impl Callee {
    fn describe(&self) -> String {
        match self {
            Callee::Template(name) => name.clone(),
            Callee::Macro { template, name } => format!("{template} (macro `{name}`)"),
        }
    }

    fn template(&self) -> &str {
        match self {
            Callee::Template(name) | Callee::Macro { template: name, .. } => name,
        }
    }
}

/// One `template-error` for each loop of includes or macro calls.
/// `sources` maps template names to the path shown in messages.
pub fn check(tera: &Tera, sources: &BTreeMap<String, (String, String)>) -> Vec<Diagnostic> {
    let graph = call_graph(tera);
    let mut problems = Vec::new();
    let mut reported: BTreeSet<Callee> = BTreeSet::new();
    for start in graph.keys() {
        if reported.contains(start) {
            continue;
        }
        if let Some(cycle) = find_cycle(&graph, start) {
            let names: Vec<String> = cycle.iter().map(Callee::describe).collect();
            let first = &cycle[0];
            let shown = sources
                .get(first.template())
                .map_or_else(|| first.template().to_owned(), |(path, _)| path.clone());
            let line = sources
                .get(first.template())
                .and_then(|(_, source)| line_of_call(source, &cycle))
                .unwrap_or(1);
            let what = if names.len() == 1 {
                format!("{} uses itself", names[0])
            } else {
                format!("{} use each other in a loop", names.join(" → "))
            };
            problems.push(
                Diagnostic::error(
                    "template-error",
                    format!("the template could not be used: {what}, so rendering would never end"),
                )
                .in_file(shown)
                .at(line, 1)
                .help("remove the include or macro call that leads back to where it started"),
            );
            reported.extend(cycle);
        }
    }
    problems
}

/// Who calls whom: includes from each template and each macro, and macro
/// calls from each.
fn call_graph(tera: &Tera) -> BTreeMap<Callee, BTreeSet<Callee>> {
    let mut graph: BTreeMap<Callee, BTreeSet<Callee>> = BTreeMap::new();
    for (name, template) in &tera.templates {
        let namespaces: BTreeMap<&str, &str> = template
            .imported_macro_files
            .iter()
            .map(|(file, namespace)| (namespace.as_str(), file.as_str()))
            .collect();
        let resolve = |namespace: &str, macro_name: &str| {
            let file = if namespace == "self" {
                Some(name.as_str())
            } else {
                namespaces.get(namespace).copied()
            };
            file.map(|file| Callee::Macro {
                template: file.to_owned(),
                name: macro_name.to_owned(),
            })
        };
        let own = Callee::Template(name.clone());
        let calls = calls_in(&template.ast, &resolve);
        graph.entry(own).or_default().extend(calls);
        for (macro_name, definition) in &template.macros {
            let callee = Callee::Macro {
                template: name.clone(),
                name: macro_name.clone(),
            };
            let calls = calls_in(&definition.body, &resolve);
            graph.entry(callee).or_default().extend(calls);
        }
    }
    graph
}

/// Every include and macro call in `nodes`, found with an explicit stack.
fn calls_in(nodes: &[Node], resolve: &dyn Fn(&str, &str) -> Option<Callee>) -> BTreeSet<Callee> {
    let mut calls = BTreeSet::new();
    let mut node_stack: Vec<&Node> = nodes.iter().rev().collect();
    let mut exprs: Vec<&Expr> = Vec::new();
    while let Some(node) = node_stack.pop() {
        match node {
            Node::Include(_, names, _) => {
                calls.extend(names.iter().cloned().map(Callee::Template));
            }
            Node::VariableBlock(_, expr) => exprs.push(expr),
            Node::Set(_, set) => exprs.push(&set.value),
            Node::FilterSection(_, section, _) => {
                exprs.extend(section.filter.args.values());
                node_stack.extend(section.body.iter());
            }
            Node::Block(_, block, _) => node_stack.extend(block.body.iter()),
            Node::Forloop(_, forloop, _) => {
                exprs.push(&forloop.container);
                node_stack.extend(forloop.body.iter());
                node_stack.extend(forloop.empty_body.iter().flatten());
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    exprs.push(condition);
                    node_stack.extend(body.iter());
                }
                if let Some((_, body)) = &branches.otherwise {
                    node_stack.extend(body.iter());
                }
            }
            // Macro bodies are walked as callees of their own.
            Node::MacroDefinition(..)
            | Node::Super
            | Node::Text(_)
            | Node::Extends(..)
            | Node::ImportMacro(..)
            | Node::Raw(..)
            | Node::Break(_)
            | Node::Continue(_)
            | Node::Comment(..) => {}
        }
        while let Some(expr) = exprs.pop() {
            for filter in &expr.filters {
                exprs.extend(filter.args.values());
            }
            let mut values: Vec<&ExprVal> = vec![&expr.val];
            while let Some(value) = values.pop() {
                match value {
                    ExprVal::MacroCall(call) => {
                        calls.extend(resolve(&call.namespace, &call.name));
                        exprs.extend(call.args.values());
                    }
                    ExprVal::FunctionCall(call) => exprs.extend(call.args.values()),
                    ExprVal::Math(math) => exprs.extend([&*math.lhs, &*math.rhs]),
                    ExprVal::Logic(logic) => exprs.extend([&*logic.lhs, &*logic.rhs]),
                    ExprVal::In(inside) => exprs.extend([&*inside.lhs, &*inside.rhs]),
                    ExprVal::Test(test) => exprs.extend(test.args.iter()),
                    ExprVal::Array(items) => exprs.extend(items.iter()),
                    ExprVal::StringConcat(concat) => values.extend(concat.values.iter()),
                    ExprVal::String(_)
                    | ExprVal::Int(_)
                    | ExprVal::Float(_)
                    | ExprVal::Bool(_)
                    | ExprVal::Ident(_) => {}
                }
            }
        }
    }
    calls
}

/// A loop through `start`, as the list of callees from `start` back to it.
/// Depth-first with an explicit stack.
fn find_cycle(graph: &BTreeMap<Callee, BTreeSet<Callee>>, start: &Callee) -> Option<Vec<Callee>> {
    let mut path: Vec<(&Callee, Vec<&Callee>)> = vec![(start, next_of(graph, start))];
    let mut seen: BTreeSet<&Callee> = BTreeSet::from([start]);
    while let Some((_, pending)) = path.last_mut() {
        let Some(next) = pending.pop() else {
            path.pop();
            continue;
        };
        if next == start {
            return Some(path.iter().map(|(c, _)| (*c).clone()).collect());
        }
        if seen.insert(next) {
            path.push((next, next_of(graph, next)));
        }
    }
    None
}

fn next_of<'g>(graph: &'g BTreeMap<Callee, BTreeSet<Callee>>, callee: &Callee) -> Vec<&'g Callee> {
    graph
        .get(callee)
        .map(|set| set.iter().rev().collect())
        .unwrap_or_default()
}

/// The line in the first template of the loop where it calls the next one.
fn line_of_call(source: &str, cycle: &[Callee]) -> Option<usize> {
    let target = cycle.get(1).unwrap_or(&cycle[0]);
    let needle = match target {
        Callee::Template(name) => name.clone(),
        Callee::Macro { name, .. } => format!("::{name}("),
    };
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains("include") || line.contains("{{") || line.contains("{%"))
        .find(|(_, line)| line.contains(&needle))
        .map(|(n, _)| n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(templates: &[(&str, &str)]) -> Vec<String> {
        let mut tera = Tera::default();
        tera.add_raw_templates(templates.to_vec())
            .expect("templates parse");
        let sources = templates
            .iter()
            .map(|(n, s)| {
                (
                    (*n).to_owned(),
                    (format!("themes/t/templates/{n}"), (*s).to_owned()),
                )
            })
            .collect();
        check(&tera, &sources)
            .into_iter()
            .map(|d| format!("{}:{} {}", d.file.unwrap_or_default(), d.line, d.message))
            .collect()
    }

    #[test]
    fn a_template_that_includes_itself_is_named() {
        assert_eq!(
            problems(&[("page.html", "<p>\n{% include \"page.html\" %}")]),
            [
                "themes/t/templates/page.html:2 the template could not be used: page.html uses itself, so rendering would never end"
            ]
        );
    }

    #[test]
    fn includes_in_a_loop_are_named_in_order() {
        let found = problems(&[
            ("a.html", "{% include \"b.html\" %}"),
            ("b.html", "{% if x %}{% include \"a.html\" %}{% endif %}"),
        ]);
        assert_eq!(
            found,
            [
                "themes/t/templates/a.html:1 the template could not be used: a.html → b.html use each other in a loop, so rendering would never end"
            ]
        );
    }

    #[test]
    fn a_macro_that_calls_itself_is_named() {
        let found = problems(&[(
            "macros.html",
            "{% macro down(n) %}{{ self::down(n=n) }}{% endmacro down %}",
        )]);
        assert_eq!(
            found,
            [
                "themes/t/templates/macros.html:1 the template could not be used: macros.html (macro `down`) uses itself, so rendering would never end"
            ]
        );
    }

    #[test]
    fn deep_tags_are_found_before_parsing() {
        let deep = "<p>\n".to_owned() + &"{% if a %}".repeat(MAX_TEMPLATE_DEPTH + 1);
        assert_eq!(too_deep(&deep), Some(2));
        let parens = format!("{{{{ {}x{} }}}}", "(".repeat(1000), ")".repeat(1000));
        assert_eq!(too_deep(&parens), Some(1));
        assert_eq!(
            too_deep("{% if a %}{% for x in y %}{{ (x + 1) }}{% endfor %}{% endif %}"),
            None
        );
    }

    #[test]
    fn ordinary_includes_and_macros_pass() {
        let found = problems(&[
            (
                "base.html",
                "{% import \"m.html\" as m %}{% include \"nav.html\" %}{{ m::a() }}",
            ),
            ("nav.html", "<nav></nav>"),
            (
                "m.html",
                "{% macro a() %}{{ self::b() }}{% endmacro a %}{% macro b() %}b{% endmacro b %}",
            ),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }
}
