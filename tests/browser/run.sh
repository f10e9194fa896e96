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
# Steps: install what is missing (Chromium, Java, node_modules), build the
# bundled guide into target/browser-site, run suite.mjs on it and on each
# EXTRA_SITES folder, then run suite.mjs on fixtures/bad, which MUST fail:
# if the suite cannot catch a known-bad page, its passes mean nothing.
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

run_site() { # $1 folder, $2 label
  local out="$log/$2.txt" rc
  node "$HERE/suite.mjs" "$1" --label "$2" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  tally "$out"
  if [ "$rc" -ne 0 ]; then
    status=1
    say "FAILED: $2 ($1), exit $rc"
  fi
}

run_site "$site" site
n=0
for extra in ${EXTRA_SITES:-}; do
  n=$((n + 1))
  if [ ! -d "$extra" ]; then
    say "FAILED: EXTRA_SITES folder $extra does not exist"
    status=1; total_fail=$((total_fail + 1)); continue
  fi
  run_site "$extra" "extra-$n-$(basename "$extra")"
done

# The canary: the suite must fail on fixtures/bad, with exit 1 (checks
# failed, not a crash) and with each kind of check reporting its failure.
# Its output is indented so that its "N passed, N failed" line is not taken
# for the result of this script.
say "canary: fixtures/bad must fail"
bad_out="$log/bad.txt"
node "$HERE/suite.mjs" "$HERE/fixtures/bad" --label bad-fixture >"$bad_out" 2>&1
bad_rc=$?
sed 's/^/    | /' "$bad_out"
canary_ok=1
if [ "$bad_rc" -ne 1 ]; then
  canary_ok=0
  say "canary: suite exited $bad_rc on fixtures/bad, expected 1 (0 = passed a bad page, 2 = could not run)"
fi
expect=(
  'FAIL axe@360x740 index.html: color-contrast '
  'FAIL axe@360x740 index.html: label '
  'FAIL axe@360x740 index.html: html-has-lang '
  'FAIL axe@1280x900 index.html: color-contrast '
  'FAIL axe@360x740 index.html: color-contrast-enhanced '
  'FAIL axe-dark@360x740 index.html: color-contrast '
  'FAIL reflow@320x640 other-checks/index.html: horizontal scroll'
  'FAIL reflow-zoom@360x740 other-checks/index.html: horizontal scroll'
  'FAIL text-zoom other-checks/index.html: '
  'FAIL requests other-checks/index.html: request to another origin'
  'FAIL requests other-checks/index.html: script resource'
  'FAIL requests other-checks/index.html: subresource /other-checks/missing.svg answered 404'
  'FAIL weight other-checks/index.html: '
  'FAIL nu other-checks/index.html: Nu error'
)
for e in "${expect[@]}"; do
  if ! grep -qF -- "$e" "$bad_out"; then
    canary_ok=0
    say "canary: expected a failure like '$e' and did not see it"
  fi
done
if [ "$canary_ok" = 1 ]; then
  say "canary: ok, every known problem in fixtures/bad was caught"
  total_pass=$((total_pass + 1))
else
  say "FAILED: the browser suite could not catch a known-bad page"
  total_fail=$((total_fail + 1))
  status=1
fi

say "finished in $((SECONDS - START))s"
echo "${total_pass} passed, ${total_fail} failed"
exit "$status"
