#!/usr/bin/env node
// Signpost browser suite.
//
//   node suite.mjs SITE_DIR [--label NAME] [--verbose]
//
// Serves SITE_DIR on 127.0.0.1, opens every .html file in Debian's Chromium
// (through playwright-core) and checks, for each page:
//   axe@360x740, axe-dark@360x740, axe@1280x900   axe-core, WCAG 2.0/2.1/2.2 A+AA, best-practice
//                  and AAA text contrast (color-contrast-enhanced), light and dark colour schemes
//   reflow@320x640              no horizontal scrolling
//   text-zoom                   text actually grows when the root font size is 200%
//   reflow-zoom@360x740         no horizontal scrolling at 200% text size
//   reflow-zoom@1280x900        no horizontal scrolling at 200% text size
//   requests                    no request to another origin, no script, no missing file
//   weight                      gzip(HTML) + gzip(each subresource) <= 14,336 bytes
//                               (booklets, <body class="kind-booklet">, are exempt)
//   nu                          the Nu HTML Checker reports no error for the file
// Exit status: 0 all passed, 1 some check failed, 2 the suite itself could not run.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  require, CHROMIUM, CONCURRENCY, NAV_TIMEOUT_MS, vp, parseArgs, launchChromium,
  startServer, fileForUrlPath as fileInSite, findHtml as findHtmlIn, relUrl, pool, PageReport, measureOverflow,
} from './lib.mjs';

const BUDGET = 14 * 1024; // 14,336 bytes, gzip, HTML plus every subresource
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
// The design promises AAA text contrast (7:1), so that rule runs too.
const AXE_EXTRA_RULES = { 'color-contrast-enhanced': { enabled: true } };
const MOBILE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 640 };

// ---------------------------------------------------------------- arguments

const args = parseArgs('suite.mjs', 'node suite.mjs SITE_DIR [--label NAME] [--verbose]',
  { flags: { '--verbose': 'verbose', '-v': 'verbose' } });
const SITE = args.site;
const label = args.label;
const verbose = args.verbose;
const fileForUrlPath = (urlPath) => fileInSite(SITE, urlPath);
const findHtml = () => findHtmlIn(SITE);

// ---------------------------------------------------------------- helpers

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 6 }).length;

function fmtTarget(target) {
  // axe targets are arrays of selectors; an entry is itself an array when it
  // crosses shadow roots or frames.
  return target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ');
}

// ---------------------------------------------------------------- in-page code

// Runs in the page: records the font size of every element that holds text,
// sets the root font size to 200% and reports elements whose text did not grow.
function applyTextZoom() {
  const holders = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (['script', 'style', 'template', 'noscript'].includes(el.localName)) continue;
    const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!hasText) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue; // hidden text is not read
    holders.push({ el, before: parseFloat(getComputedStyle(el).fontSize) });
  }
  document.documentElement.style.fontSize = '200%';
  const notScaled = [];
  for (const h of holders) {
    const after = parseFloat(getComputedStyle(h.el).fontSize);
    if (h.before > 0 && after / h.before < 1.5) {
      let s = h.el.localName;
      if (h.el.id) s += '#' + h.el.id;
      else if (h.el.classList.length) s += '.' + [...h.el.classList].slice(0, 2).join('.');
      const text = h.el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
      notScaled.push(`${s} "${text}" ${h.before}px -> ${after}px`);
    }
  }
  return { checked: holders.length, notScaled };
}

// ---------------------------------------------------------------- per page

let axeSource = null;

async function checkPage(browser, origin, rel) {
  const rep = new PageReport(rel);
  const pageUrl = origin + relUrl(rel);
  const context = await browser.newContext({ viewport: MOBILE, serviceWorkers: 'block' });
  const requests = []; // { url, type, status }
  const offOrigin = new Set();
  try {
    // Anything to another origin is recorded and never sent.
    await context.route('**/*', (route) => {
      const u = route.request().url();
      let o = null;
      try { o = new URL(u).origin; } catch { /* ignore */ }
      if (o !== origin) {
        offOrigin.add(u);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    const page = await context.newPage();
    page.setDefaultTimeout(NAV_TIMEOUT_MS);
    page.on('request', (req) => {
      const u = req.url();
      if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:')) return;
      requests.push({ req, url: u, type: req.resourceType() });
    });
    page.on('pageerror', (err) => rep.notes.push(`page error: ${err.message}`));

    const resp = await page.goto(pageUrl, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    if (!resp) throw new Error('no response');
    // 404.html is served with 200 when asked for by name; anything else is a bug.
    if (resp.status() !== 200) rep.fail('requests', `the page itself answered HTTP ${resp.status()}`);

    // Inline <script> is not a request; it is reported (not failed) because
    // the design says no page needs JavaScript.
    const inlineScripts = await page.evaluate(() => document.querySelectorAll('script:not([src])').length);
    if (inlineScripts) rep.notes.push(`${inlineScripts} inline <script> element(s): no page should need JavaScript`);

    await page.evaluate(axeSource);

    const runAxe = async (viewport, scheme = 'light') => {
      const name = `axe${scheme === 'dark' ? '-dark' : ''}@${vp(viewport)}`;
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      const res = await page.evaluate(async ([tags, extra]) => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          rules: extra,
          resultTypes: ['violations', 'incomplete'],
        });
        const pick = (v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
        });
        return { violations: r.violations.map(pick), incomplete: r.incomplete.map(pick) };
      }, [AXE_TAGS, AXE_EXTRA_RULES]);
      await page.emulateMedia({ colorScheme: 'light' });
      rep.pass(name);
      for (const v of res.violations) {
        rep.violations++;
        const targets = v.nodes.map((n) => fmtTarget(n.target));
        const shown = targets.slice(0, 6).join(', ') + (targets.length > 6 ? `, … (${targets.length} nodes)` : '');
        rep.fail(name, `${v.id} [${v.impact}] ${v.help} — ${shown} — ${v.helpUrl}`);
        if (verbose) for (const n of v.nodes) rep.notes.push(`  ${v.id} ${fmtTarget(n.target)}: ${String(n.summary).replace(/\s+/g, ' ')}`);
      }
      if (res.incomplete.length) {
        const ids = res.incomplete.map((v) => `${v.id}(${v.nodes.length})`).join(' ');
        rep.notes.push(`axe needs review at ${vp(viewport)}: ${ids}`);
        if (verbose) {
          for (const v of res.incomplete) for (const n of v.nodes) rep.notes.push(`  review ${v.id} ${fmtTarget(n.target)}: ${String(n.summary).replace(/\s+/g, ' ')}`);
        }
      }
    };

    const reflow = async (name, viewport) => {
      await page.setViewportSize(viewport);
      const m = await page.evaluate(measureOverflow);
      rep.pass(name);
      if (m.overflow) {
        rep.fail(name, `horizontal scroll: scrollWidth ${m.scrollWidth}px > innerWidth ${m.innerWidth}px` +
          (m.offenders.length ? `; widest: ${m.offenders.join('; ')}` : ''));
      }
    };

    // 1. axe at the phone size the page was loaded at.
    await runAxe(MOBILE);
    await runAxe(MOBILE, 'dark');
    // 2. reflow at 320 CSS px (WCAG 1.4.10).
    await reflow(`reflow@${vp(NARROW)}`, NARROW);
    // 3. text at 200% (WCAG 1.4.4), then reflow at phone and desktop sizes.
    await page.setViewportSize(MOBILE);
    const zoom = await page.evaluate(applyTextZoom);
    rep.pass('text-zoom');
    if (zoom.notScaled.length) {
      const shown = zoom.notScaled.slice(0, 5).join('; ') + (zoom.notScaled.length > 5 ? `; … (${zoom.notScaled.length} elements)` : '');
      rep.fail('text-zoom', `text did not grow with a 200% root font size (size it in rem/em, not px): ${shown}`);
    }
    await reflow(`reflow-zoom@${vp(MOBILE)}`, MOBILE);
    await reflow(`reflow-zoom@${vp(DESKTOP)}`, DESKTOP);
    await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    // 4. axe at desktop size.
    await runAxe(DESKTOP);

    // 5. requests and weight.
    rep.pass('requests');
    rep.pass('weight');
    for (const u of offOrigin) rep.fail('requests', `request to another origin: ${u}`);
    const htmlFile = path.join(SITE, ...rel.split('/'));
    const htmlGz = gzipSize(await fsp.readFile(htmlFile));
    const parts = [`${rel} ${htmlGz}`];
    let total = htmlGz;
    const counted = new Set([pageUrl]);
    for (const r of requests) {
      let u;
      try { u = new URL(r.url); } catch { continue; }
      if (r.type === 'script') rep.fail('requests', `script resource: ${r.url}`);
      if (u.origin !== origin) continue; // failed above as another origin
      const key = u.origin + u.pathname;
      if (counted.has(key) || r.url === pageUrl) continue;
      counted.add(key);
      const response = await r.req.response().catch(() => null);
      const status = response ? response.status() : 0;
      if (status !== 200) {
        rep.fail('requests', `subresource ${u.pathname} answered ${status || 'nothing'} (${r.type})`);
        continue;
      }
      const file = fileForUrlPath(u.pathname);
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
      const gz = gzipSize(await fsp.readFile(file));
      total += gz;
      parts.push(`${u.pathname} ${gz}`);
    }
    rep.gzip = total;
    // Booklets gather a whole section or guide for printing; they are not
    // pages to browse, so the first-round-trip budget does not apply.
    rep.booklet = await page.evaluate(() => document.body.classList.contains('kind-booklet'));
    if (rep.booklet) {
      rep.notes.push(`booklet: ${total} bytes gzip, exempt from the ${BUDGET}-byte page budget`);
    } else if (total > BUDGET) {
      rep.fail('weight', `${total} bytes gzip > budget ${BUDGET} (${parts.join(', ')})`);
    } else if (verbose) {
      rep.notes.push(`weight ${total} bytes gzip (${parts.join(', ')})`);
    }
  } catch (err) {
    rep.fail('load', `could not check the page: ${err.message.split('\n')[0]}`);
  } finally {
    await context.close().catch(() => {});
  }
  return rep;
}

// ---------------------------------------------------------------- Nu checker

function vnuJarPath() {
  // The vnu-jar package exports the path of the jar.
  const p = String(require('vnu-jar'));
  if (!fs.existsSync(p)) throw new Error(`vnu.jar not found at ${p}`);
  return p;
}

function runNu() {
  const jar = vnuJarPath();
  const args = ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'text', SITE];
  return new Promise((resolve, reject) => {
    const child = spawn(process.env.JAVA || 'java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', (err) => reject(new Error(`could not run java: ${err.message}`)));
    child.on('close', (code) => resolve({ code, out }));
  });
}

// vnu --format text prints, for each message:
//   Error: Duplicate ID “x”.
//   From line 30, column 1; to line 30, column 14 in resource file:/site/a/index.html
// (or "At line 3, column 5 in resource ...", and "Fatal Error:" for fatal
// ones), then "Document checking completed." at the end.
function parseNu(out) {
  const errors = [];
  const other = [];
  let current = null;
  for (const raw of out.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const start = /^(Fatal Error|Error|IO Error|Schema Error):\s*(.*)$/.exec(line);
    if (start) {
      current = { url: null, where: '', msg: start[2], kind: start[1] };
      errors.push(current);
      continue;
    }
    const loc = /^(?:From|At) line (\d+), column (\d+)(?:; to line (\d+), column (\d+))? in resource (.+)$/.exec(line);
    if (loc && current && !current.url) {
      current.where = `${loc[1]}.${loc[2]}`;
      current.url = loc[5];
      continue;
    }
    const bare = /^in resource (.+)$/.exec(line);
    if (bare && current && !current.url) {
      current.url = bare[1];
      continue;
    }
    if (/^Document checking completed\./.test(line)) { current = null; continue; }
    if (current && !current.url) { current.msg += ' ' + line; continue; }
    if (/error|exception/i.test(line)) other.push(line);
  }
  return { errors, other };
}

function nuFileToRel(url) {
  if (!url) return null;
  try {
    const p = fileURLToPath(url);
    return path.relative(SITE, p).split(path.sep).join('/');
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  console.log(`=== browser suite [${label}]: ${SITE}`);
  const pages = await findHtml();
  if (pages.length === 0) {
    console.error(`suite.mjs: no .html files under ${SITE}`);
    process.exit(2);
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`suite.mjs: ${CHROMIUM} not found (apt-get install -y chromium)`);
    process.exit(2);
  }
  axeSource = await fsp.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

  const server = await startServer(SITE);
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser = null;
  const reports = [];
  try {
    // A fresh Chromium with its own temporary profile (lib.mjs). Each page
    // gets its own context, so the cache is empty and every subresource is
    // requested.
    browser = await launchChromium();
    let done = 0;
    await pool(pages, CONCURRENCY, async (rel) => {
      const rep = await checkPage(browser, origin, rel);
      reports.push(rep);
      done++;
      const failedChecks = [...rep.checks].filter(([, f]) => f.length).map(([n]) => n);
      console.log(`[${done}/${pages.length}] ${rep.failed ? 'FAIL' : 'ok  '} ${rel} (${rep.gzip} B gzip)` +
        (failedChecks.length ? ` — ${failedChecks.join(', ')}` : ''));
      for (const [name, fails] of rep.checks) for (const f of fails) console.log(`  FAIL ${name} ${rel}: ${f}`);
      for (const n of rep.notes) console.log(`  note ${rel}: ${n}`);
    });
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.close();
  }

  // Nu HTML Checker over the whole folder.
  console.log(`--- Nu HTML Checker [${label}]`);
  const nu = await runNu();
  const parsed = parseNu(nu.out);
  const byRel = new Map(reports.map((r) => [r.rel, r]));
  for (const r of reports) r.pass('nu');
  const siteLevel = new PageReport('(site)');
  for (const e of parsed.errors) {
    const rel = nuFileToRel(e.url);
    const line = `Nu ${e.kind.toLowerCase()}${e.where ? ' at ' + e.where : ''}: ${e.msg}`;
    console.log(`  FAIL nu ${rel || e.url || '(no file named)'}: ${line}`);
    const rep = rel && byRel.get(rel);
    if (rep) rep.fail('nu', line);
    else siteLevel.fail('nu', line);
  }
  for (const l of parsed.other) {
    console.log(`  FAIL nu ${l}`);
    siteLevel.fail('nu', l);
  }
  let nuErrors = parsed.errors.length + parsed.other.length;
  if (nu.code !== 0 && nuErrors === 0) {
    // vnu failed without an error line we understood: still a failure.
    const msg = `Nu checker exited ${nu.code}: ${nu.out.trim().split('\n').slice(0, 5).join(' | ')}`;
    console.log(`  FAIL nu ${msg}`);
    siteLevel.fail('nu', msg);
    nuErrors = 1;
  }
  if (nuErrors === 0) console.log('  no errors');
  if (siteLevel.checks.size) reports.push(siteLevel);

  // Summary.
  let passed = 0;
  let failed = 0;
  let violations = 0;
  let largest = { gzip: -1, rel: '-' };
  for (const r of reports) {
    violations += r.violations;
    if (r.rel !== '(site)' && !r.booklet && r.gzip > largest.gzip) largest = { gzip: r.gzip, rel: r.rel };
    for (const f of r.checks.values()) (f.length ? failed++ : passed++);
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`--- [${label}] ${pages.length} pages in ${secs}s; page checks: ${[...new Set(reports.flatMap((r) => [...r.checks.keys()]))].join(', ')}`);
  const failedPages = reports.filter((r) => r.failed).map((r) => r.rel);
  if (failedPages.length) console.log(`--- [${label}] pages with failures: ${failedPages.join(', ')}`);
  console.log(`browser suite: ${pages.length} pages, ${violations} violations, largest page ${largest.gzip} bytes gzip (${largest.rel}), Nu errors ${nuErrors}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(`suite.mjs: ${err.stack || err}`);
  process.exit(2);
});
