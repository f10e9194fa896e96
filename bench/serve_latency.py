#!/usr/bin/env python3
"""How long `signpost serve` takes to show an edit: from saving a Markdown
page to the new page being served over HTTP.

    python3 bench/serve_latency.py [--pages 10000] [--edits 20] [--seed 1]

It generates (or reuses) the benchmark corpus, copies it to a scratch folder
so the cached corpus is never edited, starts `signpost serve --port 0` on it,
and then, `--edits` times: appends a sentence with a unique token to one page
and polls that page every 2 ms until the token is served. It prints the
median, 90th percentile and worst time, and the command it was run with.

Then, `--full-rebuilds` times each, it edits a template (the footer of the
site's own copy of the default theme) and a data file (`data/glossary.yaml`),
and reads how long serve says the rebuild took; between them it times
`signpost check` on the same site, the figure a full rebuild is held to.
`--defaults` uses the corpus with the shipped settings (booklets on).
Reports; never asserts.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default="/tmp/signpost-bench")
    parser.add_argument("--full-rebuilds", type=int, default=3)
    parser.add_argument("--defaults", action="store_true",
                        help="the corpus with Signpost's shipped settings (booklets on)")
    parser.add_argument("--binary", default=os.path.join(REPO, "target", "release", "signpost"))
    args = parser.parse_args()
    print("command: " + " ".join([os.path.basename(sys.executable)] + sys.argv))

    variant = "signpost-defaults" if args.defaults else "signpost"
    corpus = os.path.join(args.work, f"corpus-{args.pages}-seed{args.seed}", variant)
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--pages", str(args.pages),
                        "--seed", str(args.seed), "--out", os.path.dirname(corpus), "--tool", "signpost"], check=True)
    site = os.path.join(args.work, f"serve-{args.pages}")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(corpus, site)
    # The site's own copy of the default theme, so that a template can be edited.
    shutil.copytree(os.path.join(REPO, "themes", "default"), os.path.join(site, "themes", "default"))

    page = pick_page(site)
    rel = os.path.relpath(page, os.path.join(site, "content"))
    url_path = "/" + rel[: -len(".md")] + "/"

    started = time.monotonic()
    server = subprocess.Popen([args.binary, "serve", "--root", site, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        base = None
        for line in server.stdout:
            if "http://" in line:
                base = line.split("http://", 1)[1].split("/", 1)[0]
                break
        if base is None:
            sys.exit("serve did not start")
        print(f"serve ready after {time.monotonic() - started:.2f} s (first full build) at http://{base}/")
        times = []
        for n in range(args.edits):
            token = f"latency-token-{n}-{time.time_ns()}"
            time.sleep(0.3)  # let the previous rebuild settle
            with open(page, "a", encoding="utf-8") as f:
                f.write(f"\nThis sentence was added by the benchmark {token}.\n")
            edited = time.monotonic()
            while True:
                body = urllib.request.urlopen(f"http://{base}{url_path}", timeout=10).read().decode("utf-8", "replace")
                if token in body:
                    times.append((time.monotonic() - edited) * 1000)
                    break
                if time.monotonic() - edited > 30:
                    sys.exit(f"edit {n} was not served within 30 s")
                time.sleep(0.002)
        times.sort()
        p90 = times[max(0, int(round(0.9 * len(times))) - 1)]
        print(f"page edited: content/{rel} ({args.pages}-page site)")
        print(f"edit -> served, {len(times)} edits: median {statistics.median(times):.1f} ms, "
              f"90th percentile {p90:.1f} ms, worst {times[-1]:.1f} ms, best {times[0]:.1f} ms")
        if args.full_rebuilds:
            full_rebuilds(args, site, server)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(site, ignore_errors=True)


def full_rebuilds(args, site, server):
    """Template and data edits, each timed by serve itself, with `check` between."""
    footer = os.path.join(site, "themes", "default", "templates", "partials", "footer.html")
    glossary = os.path.join(site, "data", "glossary.yaml")
    rows = {"template edit (footer.html)": [], "data edit (glossary.yaml)": [], "signpost check": []}
    for n in range(args.full_rebuilds):
        for label, path, text in [
            ("template edit (footer.html)", footer, f"\n<p>Footer edited by the benchmark {n}.</p>\n"),
            ("data edit (glossary.yaml)", glossary, f"\n# edited by the benchmark {n}\n"),
        ]:
            with open(path, "a", encoding="utf-8") as f:
                f.write(text)
            rows[label].append(served_rebuild_ms(server, os.path.relpath(path, site)))
        started = time.monotonic()
        subprocess.run([args.binary, "check", "--root", site, "--quiet"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rows["signpost check"].append((time.monotonic() - started) * 1000)
    for label, times in rows.items():
        print(f"{label}: " + ", ".join(f"{t:.0f}" for t in times) + f" ms (median {statistics.median(times):.0f} ms)")


def served_rebuild_ms(server, rel):
    """The time serve prints for its rebuild after a change to `rel`
    ("Rebuilt N pages in X ms after a change to REL ..."): from the end of
    the watcher's batch to the new files being served."""
    for line in server.stdout:
        if line.startswith("Rebuilt ") and f"after a change to {rel}" in line:
            return float(line.split(" in ", 1)[1].split(" ms", 1)[0])
    sys.exit("serve stopped before it rebuilt")


def pick_page(site):
    """A deterministic ordinary page inside a section (not a section page, not easy read)."""
    content = os.path.join(site, "content")
    for root, dirs, files in sorted(os.walk(content)):
        dirs.sort()
        if root == content:
            continue  # top-level pages are special (home, glossary)
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("_") and not name.endswith(".easy.md"):
                return os.path.join(root, name)
    sys.exit("no page found")


if __name__ == "__main__":
    main()
