#!/usr/bin/env python3
"""How long `signpost serve` takes to show an edit: from saving a Markdown
page to the new page being served over HTTP.

    python3 bench/serve_latency.py [--pages 10000] [--edits 20] [--seed 1]

It generates (or reuses) the benchmark corpus, copies it to a scratch folder
so the cached corpus is never edited, starts `signpost serve --port 0` on it,
and then, `--edits` times: appends a sentence with a unique token to one page
and polls that page every 2 ms until the token is served. It prints the
median, 90th percentile and worst time, and the command it was run with.
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
    parser.add_argument("--binary", default=os.path.join(REPO, "target", "release", "signpost"))
    args = parser.parse_args()
    print("command: " + " ".join([os.path.basename(sys.executable)] + sys.argv))

    corpus = os.path.join(args.work, f"corpus-{args.pages}-seed{args.seed}", "signpost")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--pages", str(args.pages),
                        "--seed", str(args.seed), "--out", os.path.dirname(corpus), "--tool", "signpost"], check=True)
    site = os.path.join(args.work, f"serve-{args.pages}")
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(corpus, site)

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
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(site, ignore_errors=True)


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
