//! Signpost's word tables, kept as data: syllable exceptions, abbreviations,
//! plain and respectful words, and the dictionary counts the syllable tests
//! check against.
//!
//! The tables change more often than the code that reads them, and the
//! people who know which word belongs in them are not always Rust
//! programmers. So each table is a tab-separated file in this folder, one
//! entry a line, opening with `#` lines that say what the entries are,
//! where they come from and how to add one. The files are compiled into
//! the binary (`include_str!`), so a built Signpost needs no files beside
//! it; each module that uses a table parses it once, on first use, into the
//! map or list it searches. The tests here check that every file parses,
//! has no duplicate entries and has not lost any.

/// One table file, compiled into the binary.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Table {
    /// The file name in `src/text/data/`, for messages.
    pub name: &'static str,
    text: &'static str,
}

macro_rules! table {
    ($name:literal) => {
        Table {
            name: $name,
            text: include_str!($name),
        }
    };
}

/// Words the syllable rules miscount, with their counts (`readability`).
pub(crate) const SYLLABLE_EXCEPTIONS: Table = table!("syllable-exceptions.tsv");
/// Words in capitals read as words, not letter by letter (`readability`).
pub(crate) const READ_AS_WORDS: Table = table!("read-as-words.tsv");
/// First halves of compound words (`readability`).
pub(crate) const COMPOUND_HEADS: Table = table!("compound-heads.tsv");
/// Prefixes sounded apart from the vowel after them (`readability`).
pub(crate) const VOWEL_PREFIXES: Table = table!("vowel-prefixes.tsv");
/// Abbreviations whose stop does not end a sentence (`readability`).
pub(crate) const ABBREVIATIONS: Table = table!("abbreviations.tsv");
/// The default plain-English list (`plain_words`).
pub(crate) const PLAIN_WORDS: Table = table!("plain-words.tsv");
/// The default respectful-language list (`plain_words`).
pub(crate) const RESPECTFUL_WORDS: Table = table!("respectful-words.tsv");
/// Dictionary syllable counts, for tests.
#[cfg(test)]
pub(crate) const SYLLABLES_DICTIONARY: Table = table!("syllables-dictionary.tsv");
/// Held-out syllable counts, for tests.
#[cfg(test)]
pub(crate) const SYLLABLES_HELD_OUT: Table = table!("syllables-held-out.tsv");
/// Syllable counts that must be exact, for tests.
#[cfg(test)]
pub(crate) const SYLLABLES_CORE: Table = table!("syllables-core.tsv");

impl Table {
    /// The fields of every entry, in file order, or what is wrong with the
    /// first bad line. `#` lines and blank lines are skipped; fields are
    /// separated by one tab and trimmed; every entry must have exactly
    /// `fields` non-empty fields.
    pub fn parse(self, fields: usize) -> Result<Vec<Vec<&'static str>>, String> {
        let mut entries = Vec::new();
        for (n, line) in self.text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let entry: Vec<&str> = line.split('\t').map(str::trim).collect();
            if entry.len() != fields || entry.iter().any(|f| f.is_empty()) {
                return Err(format!(
                    "src/text/data/{}:{}: expected {fields} non-empty tab-separated fields, found {:?}",
                    self.name,
                    n + 1,
                    line
                ));
            }
            entries.push(entry);
        }
        Ok(entries)
    }

    /// Every entry's fields.
    ///
    /// # Panics
    ///
    /// On a bad line. The tables are part of Signpost's source, not of a
    /// site, and the tests below parse every one, so this cannot happen in
    /// a released build.
    fn entries(self, fields: usize) -> Vec<Vec<&'static str>> {
        self.parse(fields)
            .unwrap_or_else(|problem| panic!("{problem}"))
    }

    /// A one-column table: its words.
    pub fn words(self) -> Vec<&'static str> {
        self.entries(1).into_iter().map(|e| e[0]).collect()
    }

    /// A two-column table: its (key, value) pairs.
    pub fn pairs(self) -> Vec<(&'static str, &'static str)> {
        self.entries(2).into_iter().map(|e| (e[0], e[1])).collect()
    }

    /// A (word, number) table, or what is wrong with the first bad line.
    pub fn parse_counts(self) -> Result<Vec<(&'static str, usize)>, String> {
        self.parse(2)?
            .into_iter()
            .map(|e| match e[1].parse::<usize>() {
                Ok(n) => Ok((e[0], n)),
                Err(_) => Err(format!(
                    "src/text/data/{}: the count of {:?} is not a whole number: {:?}",
                    self.name, e[0], e[1]
                )),
            })
            .collect()
    }

    /// A (word, number) table: its pairs.
    ///
    /// # Panics
    ///
    /// On a bad line, as [`Table::words`] does.
    pub fn counts(self) -> Vec<(&'static str, usize)> {
        self.parse_counts()
            .unwrap_or_else(|problem| panic!("{problem}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table with its number of fields, how many leading fields make
    /// an entry's key, whether its second field is a count, and how many
    /// entries it had when it moved out of the Rust source (issue 11): a
    /// table may grow, never shrink by accident.
    const TABLES: &[(Table, usize, usize, bool, usize)] = &[
        (SYLLABLE_EXCEPTIONS, 2, 1, true, 57),
        (READ_AS_WORDS, 2, 1, true, 27),
        (COMPOUND_HEADS, 1, 1, false, 39),
        (VOWEL_PREFIXES, 2, 2, false, 38),
        (ABBREVIATIONS, 2, 1, false, 64),
        (PLAIN_WORDS, 2, 1, false, 237),
        (RESPECTFUL_WORDS, 2, 1, false, 60),
        (SYLLABLES_DICTIONARY, 2, 1, true, 493),
        (SYLLABLES_HELD_OUT, 2, 1, true, 67),
        (SYLLABLES_CORE, 2, 1, true, 77),
    ];

    #[test]
    fn every_table_parses_without_duplicates_or_losses_issue_11() {
        for &(table, fields, key_fields, counted, before) in TABLES {
            let entries = table.parse(fields).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                entries.len() >= before,
                "{} has {} entries, {before} before",
                table.name,
                entries.len()
            );
            let mut keys: Vec<String> = entries
                .iter()
                .map(|e| e[..key_fields].join("\t").to_lowercase())
                .collect();
            keys.sort();
            for pair in keys.windows(2) {
                assert_ne!(pair[0], pair[1], "{} lists {:?} twice", table.name, pair[0]);
            }
            if counted {
                for (word, n) in table.parse_counts().unwrap_or_else(|e| panic!("{e}")) {
                    assert!(n > 0, "{}: {word} has no syllables", table.name);
                }
            }
        }
    }

    #[test]
    fn every_table_says_what_it_holds_and_how_to_add_one() {
        for &(table, ..) in TABLES {
            assert!(table.text.starts_with("# "), "{} has no header", table.name);
            assert!(
                table.text.contains("To add one"),
                "{} does not say how to add an entry",
                table.name
            );
        }
    }

    #[test]
    fn comments_blank_lines_and_bad_lines() {
        let table = Table {
            name: "test.tsv",
            text: "# a comment\n\n  \nword\t 2 \n# another\nnext\t3\n",
        };
        assert_eq!(table.counts(), [("word", 2), ("next", 3)]);
        let bad = Table {
            name: "bad.tsv",
            text: "# header\nword 2\n",
        };
        let problem = bad.parse(2).unwrap_err();
        assert!(problem.contains("bad.tsv:2"), "{problem}");
        let not_a_count = Table {
            name: "bad.tsv",
            text: "word\ttwo\n",
        };
        assert!(not_a_count.parse_counts().is_err());
        assert!(bad.parse(1).is_ok(), "a single field may hold spaces");
    }
}
