#!/usr/bin/env python3
"""Check the reading level of Signpost Markdown pages.

Usage:
    python3 scripts/reading_level.py content/            # a folder (searched for *.md)
    python3 scripts/reading_level.py content/a.md b.md   # or files

For each Markdown file the script drops the front matter, strips Markdown
syntax (link targets, emphasis, heading hashes, list bullets, table pipes and
delimiter rows, blockquote and callout markers, fenced code blocks such as
```contacts blocks), splits the text into sentences and counts words and
syllables. Every heading, list item and table cell counts as its own sentence.

It prints a table (words, sentences, longest sentence, average sentence
length, Flesch-Kincaid grade), then every sentence over the word limit with
its file and line, then every file over the grade limit.

Exit status: 0 when all is well, 1 when any sentence is too long or any file
is above the grade limit, 2 on a usage error.

No dependencies beyond the Python 3 standard library.
"""

import argparse
import bisect
import os
import re
import sys

MAX_WORDS = 20
MAX_GRADE = 7.0

# --------------------------------------------------------------------------
# Syllables
# --------------------------------------------------------------------------

VOWELS = set("aeiouy")

# Words the rules below get wrong and that are common in this kind of text.
SYLLABLE_OVERRIDES = {
    "people": 2, "every": 2, "everywhere": 3, "everybody": 4, "everyone": 3, "everything": 3, "evening": 2,
    "business": 2, "different": 3, "interest": 3, "interested": 4,
    "area": 3, "areas": 3, "idea": 3, "ideas": 3, "being": 2, "doing": 2,
    "going": 2, "seeing": 2, "agreeing": 3, "create": 2, "created": 3,
    "quiet": 2, "society": 4, "anxiety": 4, "diet": 2, "science": 2,
    "poem": 2, "real": 1, "really": 2, "ok": 2, "via": 2,
    "experience": 4, "experiences": 5, "experienced": 4,
    "reassess": 3, "reassessed": 3, "reassessment": 4,
    "cooperate": 4, "coordinator": 5, "coordinators": 5, "coordination": 5,
    "whoever": 3, "however": 3, "wherever": 3, "whatever": 3,
    "someone": 2, "sometimes": 2, "something": 2, "somewhere": 2,
    "anyone": 3, "online": 2, "lifetime": 2, "whereas": 2,
}

_SUFFIXES_AFTER_SILENT_E = ("ly", "ment", "ments", "ful", "ness", "less")


def _count_letters_word(word):
    """Estimate syllables in a word of lowercase letters only."""
    if not word:
        return 0
    if word in SYLLABLE_OVERRIDES:
        return SYLLABLE_OVERRIDES[word]
    if len(word) <= 3:
        return 1

    # Vowel groups; a leading y is a consonant ("you", "year").
    count = 0
    prev_vowel = False
    for i, ch in enumerate(word):
        is_vowel = ch in VOWELS and not (ch == "y" and i == 0)
        if is_vowel and not prev_vowel:
            count += 1
        prev_vowel = is_vowel

    def consonant_at(i):
        return 0 <= i < len(word) and word[i] not in VOWELS

    n = len(word)
    # Silent final e: "care", "use", "whole" (but not "free", "table").
    if word.endswith("e") and not word.endswith("le") and consonant_at(n - 2):
        count -= 1
    elif word.endswith("le") and not consonant_at(n - 3):
        # "whole", "while": vowel before -le, so the e is silent.
        count -= 1
    # -es: silent after most consonants ("makes", "hopes"), spoken after
    # s, x, z, c, g, ch, sh ("places", "changes", "wishes").
    elif word.endswith("es") and consonant_at(n - 3):
        if not (word[n - 3] in "sxzcg" or word.endswith(("ches", "shes"))):
            count -= 1
    # -ed: silent except after t or d ("asked" vs "wanted", "needed").
    elif word.endswith("ed") and consonant_at(n - 3) and word[n - 3] not in "td":
        count -= 1

    # A silent e inside the word before a suffix: "safely", "statement".
    for suffix in _SUFFIXES_AFTER_SILENT_E:
        stem_len = n - len(suffix)
        if (word.endswith(suffix) and stem_len >= 3 and word[stem_len - 1] == "e"
                and consonant_at(stem_len - 2) and not word[:stem_len].endswith("le")):
            count -= 1
            break

    # Vowel pairs that are usually two syllables.
    for m in re.finditer(r"(?<=[^aeiou])ia", word):
        if word[m.start() - 1] not in "ctsgx":      # "media", but not "social"
            count += 1
    for m in re.finditer(r"ua", word):              # "usually", "individual"
        if m.start() > 0 and word[m.start() - 1] not in "qg":
            count += 1
    for m in re.finditer(r"io", word):              # "period", but not "action"
        if m.start() > 0 and word[m.start() - 1] not in "tscxg":
            count += 1
    if re.search(r"[^aeiou]eo", word) and "eop" not in word:   # "video", "theory"
        count += 1
    if re.search(r"[^aeiouy]ea$", word):            # "idea"-like endings
        count += 1
    if re.search(r"[^aeiou]iet", word):             # "quiet", "variety"
        count += 1
    if re.search(r"[aeiouy]ing$", word):            # "trying", "saying"
        count += 1
    if re.search(r"[^aeiou]ism$", word):            # "racism"
        count += 1

    return max(1, count)


def syllables(token):
    """Estimate syllables in one word token (may hold hyphens, digits, caps)."""
    letters = re.sub(r"['\u2019]s?$", "", token)      # possessives: "people's"
    letters = re.sub(r"['\u2019]", "", letters)
    # Short acronyms are read letter by letter: "CPA", "NHS", "GP".
    acronym = re.fullmatch(r"([A-Z]{2,4})s?", letters)
    if acronym:
        return len(acronym.group(1))
    total = 0
    for part in re.findall(r"[A-Za-z]+|[0-9]+", letters):
        if part.isdigit():
            total += min(len(part), 4)
        else:
            total += _count_letters_word(part.lower())
    return max(1, total)


# --------------------------------------------------------------------------
# Markdown to plain text units
# --------------------------------------------------------------------------

FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})(\s+|$)(.*?)(\s+#+\s*)?$")
LIST_RE = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
DELIM_RE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
HR_RE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
ALERT_RE = re.compile(r"^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*", re.IGNORECASE)
QUOTE_RE = re.compile(r"^\s{0,3}>\s?")


def strip_inline(text):
    """Remove inline Markdown syntax from one line of text."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)          # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)           # links
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)          # reference links
    text = re.sub(r"\[\^[^\]]*\]", "", text)                       # footnote refs
    text = re.sub(r"<(https?://[^>]+|[^@\s>]+@[^>\s]+)>", "link", text)  # autolinks
    text = re.sub(r"<[^>]+>", "", text)                            # raw HTML
    text = re.sub(r"https?://\S+", "link", text)                   # bare URLs
    text = re.sub(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b", "link", text)  # emails
    text = re.sub(r"`+([^`]*)`+", r"\1", text)                     # inline code
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)                # bold
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)  # *em*
    text = re.sub(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)", r"\1", text)  # _em_
    text = re.sub(r"~~(.+?)~~", r"\1", text)                       # strikethrough
    text = text.replace("*", "")
    text = text.replace("&amp;", "&").replace("&nbsp;", " ")
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", text)      # escapes
    return text.strip()


def split_cells(line):
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", s)]


def markdown_units(lines):
    """Turn Markdown lines into units: lists of (line number, plain text).

    A unit is a paragraph, a heading, a list item or a table cell. Text in
    different units never joins into one sentence.
    """
    units = []
    current = []
    in_fence = None
    in_table = False
    prev_quoted = False

    def flush():
        nonlocal current
        if current:
            units.append(current)
        current = []

    for idx, (lineno, raw) in enumerate(lines):
        line = raw.rstrip("\n")
        # Fenced code blocks (```contacts and friends) are not prose.
        fence = FENCE_RE.match(line)
        if in_fence:
            if fence and fence.group(1)[0] == in_fence[0] and len(fence.group(1)) >= len(in_fence):
                in_fence = None
            continue
        if fence:
            flush()
            in_fence = fence.group(1)
            continue

        # Blockquotes: drop the markers, then treat the rest as normal.
        quoted = False
        while QUOTE_RE.match(line):
            line = QUOTE_RE.sub("", line, count=1)
            quoted = True
        if quoted != prev_quoted:
            flush()
        prev_quoted = quoted
        alert = ALERT_RE.match(line)
        if alert:
            flush()
            line = line[alert.end():]
            if not line.strip():
                continue

        if not line.strip():
            flush()
            in_table = False
            continue

        # Tables: delimiter row is dropped; every cell is its own unit.
        next_line = lines[idx + 1][1] if idx + 1 < len(lines) else ""
        next_line = QUOTE_RE.sub("", next_line) if quoted else next_line
        if DELIM_RE.match(line) and "-" in line and ("|" in line or in_table):
            in_table = True
            continue
        starts_table = "|" in line and DELIM_RE.match(next_line) and "-" in next_line
        if in_table or starts_table or line.lstrip().startswith("|"):
            flush()
            in_table = True
            for cell in split_cells(line):
                text = strip_inline(cell)
                if text:
                    units.append([(lineno, text)])
            continue

        if HR_RE.match(line):
            flush()
            continue
        if SETEXT_RE.match(line):
            # Underline of a setext heading: the paragraph above is the heading.
            flush()
            continue

        heading = HEADING_RE.match(line)
        if heading:
            flush()
            text = strip_inline(heading.group(3))
            if text:
                units.append([(lineno, text)])
            continue

        item = LIST_RE.match(line)
        if item:
            flush()
            text = strip_inline(item.group(1))
            if text:
                current.append((lineno, text))
            continue

        text = strip_inline(line)
        if text:
            current.append((lineno, text))
    flush()
    return units


# --------------------------------------------------------------------------
# Sentences and words
# --------------------------------------------------------------------------

ABBREVIATIONS = {"e.g", "i.e", "eg", "ie", "mr", "mrs", "ms", "dr", "st", "vs", "no", "approx", "cf"}
SENTENCE_END_RE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+|$)")
WORD_RE = re.compile(r"[A-Za-z0-9\u00C0-\u024F]")


def words_of(text):
    tokens = re.split(r"[\s/\u2014\u2013]+", text)
    out = []
    for tok in tokens:
        tok = tok.strip(".,;:!?\"'()[]{}\u201c\u201d\u2018\u2019-")
        if tok and WORD_RE.search(tok):
            out.append(tok)
    return out


def sentences_of(unit):
    """Split one unit into (line number, sentence text) pairs."""
    starts = []
    parts = []
    pos = 0
    for lineno, text in unit:
        starts.append(pos)
        parts.append(text)
        pos += len(text) + 1
    joined = " ".join(parts)
    line_nos = [ln for ln, _ in unit]

    def line_at(offset):
        return line_nos[bisect.bisect_right(starts, offset) - 1]

    result = []
    begin = 0
    for m in SENTENCE_END_RE.finditer(joined):
        end = m.end()
        # Do not split after an abbreviation ("e.g.") or before a lowercase word.
        before = joined[begin:m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        rest = joined[end:].lstrip()
        if m.group(0).startswith(".") and last in ABBREVIATIONS:
            continue
        if rest and rest[0].islower():
            continue
        chunk = joined[begin:end].strip()
        if chunk:
            offset = begin + (len(joined[begin:end]) - len(joined[begin:end].lstrip()))
            result.append((line_at(offset), chunk))
        begin = end
    chunk = joined[begin:].strip()
    if chunk:
        offset = begin + (len(joined[begin:]) - len(joined[begin:].lstrip()))
        result.append((line_at(offset), chunk))
    return result


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------

def body_lines(path):
    """Return (line number, text) for lines after the front matter."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                start = i + 1
                break
    return [(i + 1, lines[i]) for i in range(start, len(lines))]


def analyse(path):
    sentences = []
    for unit in markdown_units(body_lines(path)):
        for lineno, text in sentences_of(unit):
            words = words_of(text)
            if words:
                sentences.append((lineno, text, words))
    n_words = sum(len(w) for _, _, w in sentences)
    n_syll = sum(syllables(t) for _, _, w in sentences for t in w)
    n_sent = len(sentences)
    longest = max((len(w) for _, _, w in sentences), default=0)
    if n_words and n_sent:
        avg = n_words / n_sent
        grade = 0.39 * avg + 11.8 * (n_syll / n_words) - 15.59
    else:
        avg = 0.0
        grade = 0.0
    return {
        "path": path, "words": n_words, "sentences": n_sent, "syllables": n_syll,
        "longest": longest, "avg": avg, "grade": grade, "items": sentences,
    }


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                for name in sorted(names):
                    if name.endswith(".md"):
                        files.append(os.path.join(root, name))
        elif os.path.isfile(p):
            files.append(p)
        else:
            raise FileNotFoundError(p)
    return files


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Reading level of Markdown pages (Flesch-Kincaid grade, long sentences).")
    parser.add_argument("paths", nargs="+", help="Markdown files or folders")
    parser.add_argument("--max-words", type=int, default=MAX_WORDS,
                        help="longest allowed sentence in words (default %(default)s)")
    parser.add_argument("--max-grade", type=float, default=MAX_GRADE,
                        help="highest allowed Flesch-Kincaid grade (default %(default)s)")
    args = parser.parse_args(argv)

    try:
        files = collect(args.paths)
    except FileNotFoundError as e:
        print(f"reading_level: no such file or folder: {e}", file=sys.stderr)
        return 2
    if not files:
        print("reading_level: no .md files found", file=sys.stderr)
        return 2

    results = []
    for f in files:
        try:
            results.append(analyse(f))
        except (OSError, UnicodeDecodeError) as e:
            print(f"reading_level: cannot read {f}: {e}", file=sys.stderr)
            return 2

    width = max(len("file"), max(len(r["path"]) for r in results))
    header = f"{'file':<{width}}  {'words':>6}  {'sent':>5}  {'longest':>7}  {'avg':>5}  {'grade':>5}"
    print(header)
    print("-" * len(header))
    for r in results:
        print(f"{r['path']:<{width}}  {r['words']:>6}  {r['sentences']:>5}  {r['longest']:>7}  "
              f"{r['avg']:>5.1f}  {r['grade']:>5.1f}")
    tw = sum(r["words"] for r in results)
    ts = sum(r["sentences"] for r in results)
    ty = sum(r["syllables"] for r in results)
    tl = max(r["longest"] for r in results)
    tg = 0.39 * tw / ts + 11.8 * ty / tw - 15.59 if tw and ts else 0.0
    print("-" * len(header))
    print(f"{'total (' + str(len(results)) + ' files)':<{width}}  {tw:>6}  {ts:>5}  {tl:>7}  "
          f"{(tw / ts if ts else 0):>5.1f}  {tg:>5.1f}")

    long_ones = [(r["path"], ln, text, len(w)) for r in results
                 for ln, text, w in r["items"] if len(w) > args.max_words]
    hard = [r for r in results if r["grade"] > args.max_grade]

    if long_ones:
        print(f"\nSentences over {args.max_words} words:")
        for path, ln, text, n in long_ones:
            print(f"  {path}:{ln}: ({n} words) {text}")
    if hard:
        print(f"\nFiles above grade {args.max_grade:g}:")
        for r in hard:
            print(f"  {r['path']}: grade {r['grade']:.1f}")
    if long_ones or hard:
        return 1
    print(f"\nAll sentences are {args.max_words} words or fewer; "
          f"every file is grade {args.max_grade:g} or below.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
