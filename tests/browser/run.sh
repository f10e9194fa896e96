#!/usr/bin/env bash
# Signpost browser suite: the one command CI and developers run.
#
#   bash tests/browser/run.sh            # from the repo root (works from anywhere)
#
# Environment:
#   SITE_DIR=DIR        check DIR instead of building the bundled guide
#   EXTRA_SITES="A B"   also check these built site folders (space-separated)
#   SKIP_INSTALL=1      do not apt-get / npm ci anything; fail if missing
#
# Steps: install what is missing (Chromium, Java, pdftoppm, node_modules),
# build the bundled guide into target/browser-site, run suite.mjs and then
# print.mjs on it and on each EXTRA_SITES folder, serve.mjs on `signpost
# serve` (live reload after an edit), then the canaries:
# suite.mjs on fixtures/bad and print.mjs on fixtures/bad-print, which MUST
# fail: if a check cannot catch a known-bad page, its passes mean nothing.
# print.mjs also saves print previews (PDF, PNG) in target/print-previews/.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
START=$SECONDS

say() { printf '%s\n' "run.sh: $*"; }
die() { printf '%s\n' "run.sh: error: $*" >&2; exit 1; }

# ------------------------------------------------------------ install

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root to run: $*"
  fi
}

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q >/dev/null || die "apt-get update failed"
    as_root apt-get install -y -q "${missing[@]}" >/dev/null \
      || die "apt-get install ${missing[*]} failed"
  fi
fi
# pdftoppm (poppler-utils) only turns print.mjs's preview PDFs into PNGs for
# people to look at; without it the checks still run, so a failed install
# is a warning, not an error.
if [ "${SKIP_INSTALL:-0}" != 1 ] && ! command -v pdftoppm >/dev/null 2>&1; then
  say "installing poppler-utils (pdftoppm, for print previews) with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q poppler-utils >/dev/null; } \
    || say "warning: could not install poppler-utils; print previews will be PDFs only"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing (apt-get install -y chromium)"
command -v java >/dev/null 2>&1 || die "java is missing (apt-get install -y default-jre-headless)"
command -v node >/dev/null 2>&1 || die "node is missing (Node.js 20 or newer is needed)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node.js $(node --version) is too old: playwright-core needs 20 or newer"

# node_modules is stale when package-lock.json changed since the last npm ci.
lock_sum="$(sha256sum "$HERE/package-lock.json" | cut -d' ' -f1)"
stamp="$HERE/node_modules/.signpost-lock.sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ] \
   || [ ! -f "$HERE/node_modules/playwright-core/package.json" ] \
   || [ ! -f "$HERE/node_modules/axe-core/axe.min.js" ] \
   || [ ! -f "$HERE/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  [ "${SKIP_INSTALL:-0}" != 1 ] || die "tests/browser/node_modules is missing or stale (SKIP_INSTALL=1)"
  say "npm ci in tests/browser"
  # --ignore-scripts: vnu-jar's postinstall would try to download a Java
  # runtime; the system java is used instead.
  (cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  printf '%s\n' "$lock_sum" > "$stamp"
fi

# ------------------------------------------------------------ build

if [ -n "${SITE_DIR:-}" ]; then
  site="$(cd "$SITE_DIR" 2>/dev/null && pwd)" || die "SITE_DIR=$SITE_DIR is not a folder"
  say "checking SITE_DIR=$site (no build)"
else
  say "building the bundled guide: cargo run --release --quiet -- build --out target/browser-site"
  (cd "$ROOT" && cargo run --release --quiet -- build --out target/browser-site) \
    || die "the site build failed (set SITE_DIR=DIR to check an already built site)"
  site="$ROOT/target/browser-site"
fi

# ------------------------------------------------------------ run

total_pass=0
total_fail=0
status=0

# Adds the "P passed, F failed" closing line of a suite run to the totals.
tally() {
  local line p f
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1)"
  if [ -z "$line" ]; then total_fail=$((total_fail + 1)); return; fi
  p="${line%% passed*}"
  f="${line#*passed, }"; f="${f%% failed}"
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + f))
}

log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT

run_script() { # $1 script, $2 folder, $3 label
  local out="$log/$1-$3.txt" rc
  node "$HERE/$1" "$2" --label "$3" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  tally "$out"
  if [ "$rc" -ne 0 ]; then
    status=1
    say "FAILED: $1 on $3 ($2), exit $rc"
  fi
}

run_site() { # $1 folder, $2 label: the browser suite, then the print checks
  run_script suite.mjs "$1" "$2"
  run_script print.mjs "$1" "$2"
}

run_site "$site" site
# `serve` in the browser: an edit reloads each open page once, booklets too.
(cd "$ROOT" && cargo build --release --quiet) || die "signpost did not build"
run_script serve.mjs "$ROOT/target/release/signpost" serve
# The fixture in English, Welsh, Arabic and Urdu: pages in both directions.
if [ -z "${SITE_DIR:-}" ]; then
  say "building the languages fixture into target/browser-languages"
  (cd "$ROOT" && cargo run --release --quiet -- build --root tests/testsuite/sites/languages --out target/browser-languages) \
    || die "the languages fixture did not build"
  run_site "$ROOT/target/browser-languages" languages
fi
n=0
for extra in ${EXTRA_SITES:-}; do
  n=$((n + 1))
  if [ ! -d "$extra" ]; then
    say "FAILED: EXTRA_SITES folder $extra does not exist"
    status=1; total_fail=$((total_fail + 1)); continue
  fi
  run_site "$extra" "extra-$n-$(basename "$extra")"
done

# A canary: SCRIPT must fail on FIXTURE, with exit 1 (checks failed, not a
# crash) and with each expected failure line present. Its output is
# indented so that its "N passed, N failed" line is not taken for the
# result of this script. Each canary counts as one check in the totals.
#   canary SCRIPT FIXTURE LABEL WHAT EXTRA_ARGS_STRING EXPECTED_LINE...
canary() {
  local script="$1" fixture="$2" name="$3" what="$4" extra="$5"
  shift 5
  say "canary: fixtures/$fixture must fail $script"
  local out="$log/canary-$name.txt" rc ok=1 e
  # shellcheck disable=SC2086  # $extra is a list of options
  node "$HERE/$script" "$HERE/fixtures/$fixture" --label "$name" $extra >"$out" 2>&1
  rc=$?
  sed 's/^/    | /' "$out"
  if [ "$rc" -ne 1 ]; then
    ok=0
    say "canary: $script exited $rc on fixtures/$fixture, expected 1 (0 = passed a bad page, 2 = could not run)"
  fi
  for e in "$@"; do
    if ! grep -qF -- "$e" "$out"; then
      ok=0
      say "canary: expected a failure like '$e' and did not see it"
    fi
  done
  if [ "$ok" = 1 ]; then
    say "canary: ok, every known problem in fixtures/$fixture was caught"
    total_pass=$((total_pass + 1))
  else
    say "FAILED: $what"
    total_fail=$((total_fail + 1))
    status=1
  fi
}

canary suite.mjs bad bad-fixture "the browser suite could not catch a known-bad page" "" \
  'FAIL axe@360x740 index.html: color-contrast ' \
  'FAIL axe@360x740 index.html: label ' \
  'FAIL axe@360x740 index.html: html-has-lang ' \
  'FAIL axe@1280x900 index.html: color-contrast ' \
  'FAIL axe@360x740 index.html: color-contrast-enhanced ' \
  'FAIL axe-dark@360x740 index.html: color-contrast ' \
  'FAIL reflow@320x640 other-checks/index.html: horizontal scroll' \
  'FAIL reflow-zoom@360x740 other-checks/index.html: horizontal scroll' \
  'FAIL text-zoom other-checks/index.html: ' \
  'FAIL requests other-checks/index.html: request to another origin' \
  'FAIL requests other-checks/index.html: script resource' \
  'FAIL requests other-checks/index.html: subresource /other-checks/missing.svg answered 404' \
  'FAIL weight other-checks/index.html: ' \
  'FAIL nu other-checks/index.html: Nu error'

canary print.mjs bad-print bad-print-fixture "the print checks could not catch a known-bad printout" "--no-previews" \
  'FAIL pages index.html: a worksheet with a single question prints on ' \
  'FAIL pages index.html: the worksheet page prints on ' \
  'FAIL width index.html: wider than the printed page' \
  'FAIL ink index.html: answer lines (.ws-rule) without a visible bottom border' \
  'FAIL ink index.html: backgrounds in print' \
  'FAIL ink index.html: worksheet text that is not pure black' \
  'FAIL hidden index.html: shown in print: .site-nav' \
  'FAIL pages easy-read/index.html: the easy-read page prints on ' \
  'FAIL width easy-read/index.html: content cut off sideways in print' \
  'FAIL pages topic/booklet/index.html: the section booklet prints on '

say "finished in $((SECONDS - START))s"
echo "${total_pass} passed, ${total_fail} failed"
exit "$status"
