#!/usr/bin/env node
// Signpost print checks.
//
//   node print.mjs SITE_DIR [--label NAME] [--previews DIR | --no-previews] [--verbose]
//
// Serves SITE_DIR on 127.0.0.1 (the same server and Chromium setup as
// suite.mjs, from lib.mjs) and prints every worksheet page
// (<body class="has-worksheet">), booklet (<body class="kind-booklet">) and
// easy-read page (<body class="kind-easy-read">) to an A4 PDF the way a
// reader's browser would:
//   page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true })
// Checks, each one "document check" in the P passed, F failed count:
//   pages   the PDF's page count: a worksheet with a single question (one
//           control group) on exactly 1 page, any worksheet page on at most 3
//           (an easy-read worksheet, in large type with pictures, on at most
//           6), an easy-read page on at most 24, a section booklet on at most
//           80 (the whole-guide booklets, booklet/index.html and the easy-read
//           booklet of every easy-read page, and each language's own at
//           LANG/booklet/, are only reported)
//   width   with print media emulated and the window as wide as the printed
//           page's content box (the @page size and margins, 96 px to the
//           inch), nothing is wider than the page, and no box clips its
//           content sideways (overflow: hidden/auto prints as a cut-off)
//   ink     (documents with a <section class="worksheet">) in print every
//           .ws-rule has a visible bottom border, single-line answers have a
//           bottom border, tick boxes are native or bordered, nothing in the
//           worksheet has a background image or a background colour other
//           than white, and worksheet text is pure black rgb(0, 0, 0)
//   hidden  (worksheet pages) .site-nav and .breadcrumbs are not printed
//           (display: none); the help banner (.help-now), when the site has
//           one, IS printed, with its text, so a printed crisis plan keeps
//           the numbers to call
// It also saves previews for people to look at (default
// <repo>/target/print-previews/, files named LABEL-…): PDFs of the first
// single-question worksheet, the largest worksheet page, the whole-guide
// booklet and the first easy-read page; PNGs of them at 60 dpi when
// pdftoppm (poppler-utils) is installed; a 360x740 full-page screenshot of
// the first easy-read page.
// Exit status: 0 all passed, 1 some check failed, 2 it could not run.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  CHROMIUM, CONCURRENCY, NAV_TIMEOUT_MS, parseArgs, launchChromium, startServer,
  findHtml, relUrl, pool, PageReport, measureOverflow,
} from './lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

const MAX_WORKSHEET_PAGES = 3;
const MAX_SINGLE_QUESTION_PAGES = 1;
const MAX_EASY_READ_PAGES = 24;
// The worksheets section has 35 sheets of 1–3 pages: 80 leaves it room
// while still catching a booklet that balloons.
const MAX_SECTION_BOOKLET_PAGES = 80;
const MAX_EASY_READ_WORKSHEET_PAGES = 6;
// Large-print editions (PAGE/large-print/, BOOKLET/large-print/) set
// 18 pt type and more room to write: about three times the paper.
const LARGE_PRINT_FACTOR = 3;
const isLargePrint = (rel) => rel.includes('/large-print/') || rel.startsWith('large-print/');
const WHOLE_GUIDE_BOOKLET = 'booklet/index.html';
const EASY_READ_BOOKLET = 'booklet/easy-read/index.html';
const WHOLE_GUIDE_BOOKLETS = [WHOLE_GUIDE_BOOKLET, EASY_READ_BOOKLET, 'booklet/large-print/index.html', 'booklet/easy-read/large-print/index.html'];
const PDF_OPTIONS = { format: 'A4', printBackground: false, preferCSSPageSize: true };
const PHONE = { width: 360, height: 740 };
const PREVIEW_DPI = 60;

const args = parseArgs('print.mjs',
  'node print.mjs SITE_DIR [--label NAME] [--previews DIR | --no-previews] [--verbose]',
  { flags: { '--no-previews': 'noPreviews', '--verbose': 'verbose', '-v': 'verbose' }, options: { '--previews': 'previews' } });
const SITE = args.site;
const label = args.label;
const PREVIEW_DIR = args.noPreviews ? null : path.resolve(args.previews || path.join(REPO, 'target', 'print-previews'));

// ---------------------------------------------------------------- helpers

// The class list of a file's <body>, read from the HTML text (minified HTML
// may leave the attribute unquoted).
function bodyClasses(html) {
  const body = /<body\b([^>]*)>/i.exec(html);
  if (!body) return [];
  const cls = /(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(body[1]);
  if (!cls) return [];
  return (cls[1] ?? cls[2] ?? cls[3] ?? '').split(/\s+/).filter(Boolean);
}

// A translation's booklets sit under its language's folder (cy/booklet/):
// the path without it, when the document's <html lang> names that folder.
function withoutLanguageFolder(rel, html) {
  const lang = /<html\b[^>]*\blang\s*=\s*"?([A-Za-z0-9-]+)/i.exec(html);
  return lang && rel.startsWith(`${lang[1]}/`) ? rel.slice(lang[1].length + 1) : rel;
}

function kindOf(rel, classes, html) {
  if (classes.includes('has-worksheet')) return 'worksheet';
  if (classes.includes('kind-booklet')) {
    return WHOLE_GUIDE_BOOKLETS.includes(withoutLanguageFolder(rel, html)) ? 'guide-booklet' : 'section-booklet';
  }
  if (classes.includes('kind-easy-read')) return 'easy-read';
  return null;
}

// Page count of a PDF: its page objects ("/Type /Page", not "/Pages").
// Chromium (Skia) writes them uncompressed; if a PDF hid them in object
// streams, the page tree's largest /Count is used instead.
function countPdfPages(buf) {
  const text = buf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![A-Za-z0-9])/g);
  if (pages && pages.length) return pages.length;
  let count = 0;
  for (const m of text.matchAll(/\/Count\s+(\d+)/g)) count = Math.max(count, Number(m[1]));
  return count;
}

// ---------------------------------------------------------------- in-page code

// Runs in the page (print media emulated): the printed page's content box in
// CSS px, from the @page rules that apply (size and margins), for the A4
// paper page.pdf() is given when the CSS names no size.
function printContentBox() {
  const PX = { px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6, pt: 96 / 72, pc: 16 };
  const SIZES = { a3: [297, 420], a4: [210, 297], a5: [148, 210], b4: [250, 353], b5: [176, 250], letter: [215.9, 279.4], legal: [215.9, 355.6], ledger: [279.4, 431.8] };
  const len = (v) => {
    const m = /^(-?[\d.]+)([a-z]*)$/i.exec(String(v).trim());
    if (!m) return null;
    const unit = (m[2] || 'px').toLowerCase();
    return PX[unit] ? Number(m[1]) * PX[unit] : null;
  };
  let size = null; // [width, height] in px
  const margin = { top: 0, right: 0, bottom: 0, left: 0 };
  const sources = [];
  const apply = (rule) => {
    if (rule.selectorText && rule.selectorText.trim() !== '') return; // :first, :left, named pages
    const st = rule.style;
    for (const side of ['top', 'right', 'bottom', 'left']) {
      const v = st.getPropertyValue(`margin-${side}`);
      if (v) { const px = len(v); if (px !== null) margin[side] = px; }
    }
    const sz = st.getPropertyValue('size').trim().toLowerCase();
    if (sz) {
      const words = sz.split(/\s+/);
      const named = words.find((w) => SIZES[w]);
      const lens = words.map(len).filter((x) => x !== null);
      if (named) size = SIZES[named].map((mm) => mm * PX.mm);
      else if (lens.length === 1) size = [lens[0], lens[0]];
      else if (lens.length >= 2) size = [lens[0], lens[1]];
      if (words.includes('landscape') && size && size[0] < size[1]) size = [size[1], size[0]];
      if (words.includes('portrait') && size && size[0] > size[1]) size = [size[1], size[0]];
    }
    sources.push(rule.cssText.replace(/\s+/g, ' ').slice(0, 80));
  };
  const walk = (rules) => {
    for (const r of rules) {
      if (r instanceof CSSPageRule) apply(r);
      else if (r instanceof CSSMediaRule) { if (window.matchMedia(r.media.mediaText).matches) walk(r.cssRules); }
      else if (r instanceof CSSSupportsRule || (window.CSSLayerBlockRule && r instanceof CSSLayerBlockRule)) walk(r.cssRules);
    }
  };
  for (const sheet of document.styleSheets) {
    try { walk(sheet.cssRules); } catch { /* cross-origin sheet: not ours */ }
  }
  if (!size) size = SIZES.a4.map((mm) => mm * PX.mm);
  return {
    width: Math.floor(size[0] - margin.left - margin.right),
    height: Math.floor(size[1] - margin.top - margin.bottom),
    paper: size.map((x) => Math.round(x)),
    margin,
    sources,
  };
}

// Runs in the page: what kind of document it is and how many questions its
// worksheets ask. A question is a control group: a fieldset (however many
// options it holds) or a textarea/input/select that is not inside one.
function describeDocument() {
  const sheets = [...document.querySelectorAll('section.worksheet, .worksheet')];
  const roots = sheets.filter((s) => !sheets.some((o) => o !== s && o.contains(s)));
  let groups = 0;
  for (const ws of roots) {
    for (const el of ws.querySelectorAll('fieldset, textarea, input, select')) {
      if (el.localName === 'input' && ['hidden', 'submit', 'reset', 'button', 'image'].includes(el.type)) continue;
      const outer = el.parentElement && el.parentElement.closest('fieldset');
      if (outer && ws.contains(outer)) continue; // an option or part of a group already counted
      groups++;
    }
  }
  return {
    classes: [...document.body.classList],
    worksheetSections: document.querySelectorAll('section.worksheet').length,
    worksheets: roots.length,
    questions: groups,
    rows: document.querySelectorAll('.er-row').length,
  };
}

// Runs in the page (print media emulated): boxes that cut their content off
// sideways. On paper there is no scrolling, so an overflow-x: auto table or
// a hidden overflow loses whatever does not fit.
function measureClipping() {
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
      let s = e.localName;
      if (e.id) s += '#' + e.id;
      else if (e.classList.length) s += '.' + [...e.classList].slice(0, 2).join('.');
      parts.unshift(s);
      if (e.id) break;
    }
    return parts.join(' > ');
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (['textarea', 'input', 'select', 'button', 'img', 'svg', 'video', 'iframe'].includes(el.localName)) continue;
    const cs = getComputedStyle(el);
    if (cs.overflowX === 'visible') continue;
    if (el.clientWidth < 2 || el.getClientRects().length === 0) continue; // visually-hidden text and the like
    if (cs.position === 'absolute' && cs.clip !== 'auto') continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      out.push(`${describe(el)} (overflow-x: ${cs.overflowX}, content ${el.scrollWidth}px in a ${el.clientWidth}px box, ` +
        `"${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 30)}")`);
    }
  }
  return out.slice(0, 5).concat(out.length > 5 ? [`… (${out.length} boxes)`] : []);
}

// Runs in the page (print media emulated): how the worksheets print.
function inspectWorksheetInk() {
  const describe = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 3; e = e.parentElement) {
      let s = e.localName;
      if (e.id) s += '#' + e.id;
      else if (e.classList.length) s += '.' + [...e.classList].slice(0, 2).join('.');
      parts.unshift(s);
      if (e.id || e.classList.contains('worksheet')) break;
    }
    return parts.join(' > ');
  };
  const rgba = (c) => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return c === 'transparent' ? [0, 0, 0, 0] : null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const paperBg = (c) => { const v = rgba(c); return v && (v[3] === 0 || (v[0] === 255 && v[1] === 255 && v[2] === 255)); };
  const visibleInk = (c) => { const v = rgba(c); return v && v[3] > 0 && !(v[0] === 255 && v[1] === 255 && v[2] === 255); };
  const black = (c) => { const v = rgba(c); return v && v[0] === 0 && v[1] === 0 && v[2] === 0 && v[3] === 1; };
  const problems = { background: new Map(), color: new Map(), rule: new Map(), line: new Map(), tick: new Map() };
  const add = (kind, key, detail) => {
    const m = problems[kind];
    const g = m.get(key) || { count: 0, detail };
    g.count++;
    m.set(key, g);
  };
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const sheets = [...document.querySelectorAll('.worksheet')];
  let rules = 0;
  let elements = 0;
  for (const ws of sheets) {
    for (const el of [ws, ...ws.querySelectorAll('*')]) {
      if (!shown(el)) continue;
      elements++;
      const cs = getComputedStyle(el);
      const where = describe(el);
      if (cs.backgroundImage !== 'none') add('background', where, `background-image ${cs.backgroundImage.slice(0, 60)}`);
      if (!paperBg(cs.backgroundColor)) add('background', where, `background-color ${cs.backgroundColor}`);
      const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
      const typed = (el.localName === 'textarea') || (el.localName === 'input' && !['radio', 'checkbox', 'hidden'].includes(el.type));
      if ((hasText || typed) && !black(cs.color)) add('color', where, `color ${cs.color}`);
      for (const pseudo of ['::before', '::after', '::marker']) {
        const ps = getComputedStyle(el, pseudo);
        if (!ps.content || ps.content === 'none' || ps.content === 'normal') continue;
        if (pseudo === '::marker' && cs.display !== 'list-item') continue;
        if (ps.backgroundImage !== 'none' || !paperBg(ps.backgroundColor)) add('background', where + pseudo, `background ${ps.backgroundColor} ${ps.backgroundImage.slice(0, 40)}`);
        if (ps.content !== '""' && !black(ps.color)) add('color', where + pseudo, `color ${ps.color}`);
      }
      if (el.classList.contains('ws-rule')) {
        rules++;
        const w = parseFloat(cs.borderBottomWidth) || 0;
        if (w <= 0 || ['none', 'hidden'].includes(cs.borderBottomStyle) || !visibleInk(cs.borderBottomColor)) {
          add('rule', where, `border-bottom ${cs.borderBottomWidth} ${cs.borderBottomStyle} ${cs.borderBottomColor}`);
        }
      }
      if (el.localName === 'input' && ['radio', 'checkbox'].includes(el.type)) {
        // A native tick box draws its own outline; one restyled with
        // appearance: none needs a border or nothing prints.
        if (cs.appearance === 'none' || cs.webkitAppearance === 'none') {
          const sides = ['Top', 'Right', 'Bottom', 'Left'];
          if (sides.some((s) => !(parseFloat(cs[`border${s}Width`]) > 0) || ['none', 'hidden'].includes(cs[`border${s}Style`]) || !visibleInk(cs[`border${s}Color`]))) {
            add('tick', where, `appearance none and border ${cs.borderTopWidth} ${cs.borderTopStyle} ${cs.borderTopColor}`);
          }
        }
        const r = el.getBoundingClientRect();
        if (r.width < 8 || r.height < 8) add('tick', where, `tick box ${Math.round(r.width)}x${Math.round(r.height)}px`);
      } else if (el.localName === 'input' && el.type !== 'hidden' && !el.closest('td, th')) {
        const w = parseFloat(cs.borderBottomWidth) || 0;
        if (w <= 0 || ['none', 'hidden'].includes(cs.borderBottomStyle) || !visibleInk(cs.borderBottomColor)) {
          add('line', where, `border-bottom ${cs.borderBottomWidth} ${cs.borderBottomStyle} ${cs.borderBottomColor}`);
        }
      }
    }
  }
  const fmt = (m) => [...m].slice(0, 6).map(([k, g]) => `${k}: ${g.detail}${g.count > 1 ? ` x${g.count}` : ''}`)
    .concat(m.size > 6 ? [`… (${m.size} kinds of element)`] : []).join('; ');
  const out = [];
  if (problems.rule.size) out.push(`answer lines (.ws-rule) without a visible bottom border in print: ${fmt(problems.rule)}`);
  if (problems.line.size) out.push(`single-line answers without a visible bottom border in print: ${fmt(problems.line)}`);
  if (problems.tick.size) out.push(`tick boxes that may not print: ${fmt(problems.tick)}`);
  if (problems.background.size) out.push(`backgrounds in print (answer areas must be drawn with borders; backgrounds are not printed by default): ${fmt(problems.background)}`);
  if (problems.color.size) out.push(`worksheet text that is not pure black rgb(0, 0, 0) in print: ${fmt(problems.color)}`);
  return { worksheets: sheets.length, rules, elements, problems: out };
}

// Runs in the page (print media emulated): the navigation and banners that
// a printed worksheet leaves out.
function inspectHidden(selectors) {
  const out = { shown: [], missing: [] };
  for (const sel of selectors) {
    const els = document.querySelectorAll(sel);
    if (!els.length) { out.missing.push(sel); continue; }
    for (const el of els) {
      const d = getComputedStyle(el).display;
      if (d !== 'none') {
        const r = el.getBoundingClientRect();
        out.shown.push(`${sel} (<${el.localName}>) has display: ${d}` + (r.height > 0 ? `, ${Math.round(r.height)}px tall` : ''));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- per document

async function checkDocument(browser, origin, doc, keep) {
  const { rel, kind } = doc;
  const rep = new PageReport(rel);
  rep.kind = kind;
  rep.pages = 0;
  rep.questions = 0;
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, serviceWorkers: 'block' });
  try {
    // The checks do not judge requests (suite.mjs does); nothing leaves the machine.
    await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin
      ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    page.setDefaultTimeout(NAV_TIMEOUT_MS);
    page.on('pageerror', (err) => rep.notes.push(`page error: ${err.message}`));
    const resp = await page.goto(origin + relUrl(rel), { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    if (!resp || resp.status() !== 200) throw new Error(`the page answered HTTP ${resp ? resp.status() : 'nothing'}`);
    // Fonts and images as a reader's print would have them.
    await page.evaluate(() => document.fonts.ready.then(() => true));

    // The first easy-read page, as a phone shows it (screen, not print).
    if (keep.screenshot) {
      await page.setViewportSize(PHONE);
      await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
      rep.screenshot = await page.screenshot({ fullPage: true, type: 'png' });
    }

    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const info = await page.evaluate(describeDocument);
    rep.questions = info.questions;
    rep.rows = info.rows;
    if (kind === 'worksheet' && info.worksheetSections === 0) {
      rep.fail('pages', 'the body has class has-worksheet but there is no <section class="worksheet">');
    }

    // 1. width: lay the page out as wide as the printed content box.
    const box = await page.evaluate(printContentBox);
    rep.box = box;
    await page.setViewportSize({ width: box.width, height: box.height });
    const m = await page.evaluate(measureOverflow);
    const clipped = await page.evaluate(measureClipping);
    rep.pass('width');
    if (m.overflow) {
      rep.fail('width', `wider than the printed page: scrollWidth ${m.scrollWidth}px > ${m.innerWidth}px content width ` +
        `(paper ${box.paper.join('x')}px less margins)` + (m.offenders.length ? `; widest: ${m.offenders.join('; ')}` : ''));
    }
    if (clipped.length) rep.fail('width', `content cut off sideways in print: ${clipped.join('; ')}`);

    // 2. ink: worksheets print with borders, no backgrounds, black text.
    if (info.worksheets > 0) {
      const ink = await page.evaluate(inspectWorksheetInk);
      rep.pass('ink');
      for (const p of ink.problems) rep.fail('ink', p);
      if (args.verbose) rep.notes.push(`ink: ${ink.worksheets} worksheet(s), ${ink.rules} answer lines, ${ink.elements} elements checked`);
    }

    // 3. hidden: a printed worksheet is the worksheet, not the site around
    // it, but it keeps the help numbers.
    if (kind === 'worksheet') {
      const h = await page.evaluate(inspectHidden, ['.site-nav', '.breadcrumbs']);
      rep.pass('hidden');
      if (h.shown.length) rep.fail('hidden', `shown in print: ${h.shown.join('; ')}`);
      const help = await page.evaluate(() => {
        const el = document.querySelector('.help-now');
        if (!el) return null;
        return { display: getComputedStyle(el).display, text: el.innerText.trim() };
      });
      if (help && (help.display === 'none' || help.text.length === 0)) {
        rep.fail('hidden', `the help banner is not printed on a worksheet (display: ${help.display}): a printed plan must keep the numbers to call`);
      }
      if (h.missing.length && args.verbose) rep.notes.push(`no ${h.missing.join(', ')} on the page`);
    }

    // 4. pages: print it.
    const pdf = await page.pdf(PDF_OPTIONS);
    const n = countPdfPages(pdf);
    rep.pages = n;
    rep.pdf = pdf;
    rep.pass('pages');
    if (n < 1) rep.fail('pages', `could not count the pages of the PDF (${pdf.length} bytes)`);
    const scale = isLargePrint(rel) ? LARGE_PRINT_FACTOR : 1;
    if (kind === 'worksheet') {
      if (info.questions === 1 && n > MAX_SINGLE_QUESTION_PAGES * scale) {
        rep.fail('pages', `a worksheet with a single question prints on ${n} pages, expected ${MAX_SINGLE_QUESTION_PAGES * scale}`);
      }
      const limit = (rel.includes('/easy-read/') ? MAX_EASY_READ_WORKSHEET_PAGES : MAX_WORKSHEET_PAGES) * scale;
      if (n > limit) rep.fail('pages', `the worksheet page prints on ${n} pages, at most ${limit} allowed`);
    } else if (kind === 'easy-read' && n > MAX_EASY_READ_PAGES) {
      rep.fail('pages', `the easy-read page prints on ${n} pages, at most ${MAX_EASY_READ_PAGES} allowed`);
    } else if (kind === 'section-booklet' && n > MAX_SECTION_BOOKLET_PAGES * scale) {
      rep.fail('pages', `the section booklet prints on ${n} pages, at most ${MAX_SECTION_BOOKLET_PAGES * scale} allowed`);
    }
  } catch (err) {
    rep.fail('load', `could not check the document: ${err.message.split('\n')[0]}`);
  } finally {
    await context.close().catch(() => {});
  }
  return rep;
}

// ---------------------------------------------------------------- previews

const PREVIEW_NAME = /^(worksheet-single-question|worksheet-largest|booklet-guide|easy-read)(-p\d+)?\.(pdf|png)$|^easy-read-360x740\.png$/;

function havePdftoppm() {
  const r = spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  return !r.error;
}

// Writes LABEL-NAME.pdf and, with pdftoppm, LABEL-NAME-pN.png for pages
// 1..lastPage. Returns the files written.
async function writePreview(name, pdf, lastPage, converter) {
  const base = path.join(PREVIEW_DIR, `${label}-${name}`);
  await fsp.writeFile(`${base}.pdf`, pdf);
  const files = [`${base}.pdf`];
  if (!converter) return files;
  for (let p = 1; p <= lastPage; p++) {
    const r = spawnSync('pdftoppm', ['-r', String(PREVIEW_DPI), '-png', '-f', String(p), '-l', String(p), '-singlefile', `${base}.pdf`, `${base}-p${p}`],
      { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftoppm failed on ${base}.pdf page ${p}: ${(r.stderr || '').trim()}`);
    files.push(`${base}-p${p}.png`);
  }
  return files;
}

async function savePreviews(reports) {
  await fsp.mkdir(PREVIEW_DIR, { recursive: true });
  for (const f of await fsp.readdir(PREVIEW_DIR)) {
    if (f.startsWith(`${label}-`) && PREVIEW_NAME.test(f.slice(label.length + 1))) await fsp.rm(path.join(PREVIEW_DIR, f));
  }
  const converter = havePdftoppm();
  const ok = reports.filter((r) => r.pdf && r.pages > 0);
  const worksheets = ok.filter((r) => r.kind === 'worksheet');
  const picks = [];
  const single = worksheets.find((r) => r.questions === 1);
  if (single) picks.push(['worksheet-single-question', single, Math.min(single.pages, 2)]);
  // The largest worksheet page: most printed pages, then most questions.
  const largest = [...worksheets].sort((a, b) => b.pages - a.pages || b.questions - a.questions || (a.rel < b.rel ? -1 : 1))[0];
  if (largest) picks.push(['worksheet-largest', largest, Math.min(largest.pages, 4)]);
  const guide = ok.find((r) => r.rel === WHOLE_GUIDE_BOOKLET) ?? ok.find((r) => r.kind === 'guide-booklet');
  if (guide) picks.push(['booklet-guide', guide, Math.min(guide.pages, 2)]);
  const easy = ok.find((r) => r.kind === 'easy-read');
  if (easy) picks.push(['easy-read', easy, 1]);
  const lines = [];
  for (const [name, r, last] of picks) {
    const files = await writePreview(name, r.pdf, last, converter);
    lines.push(`${r.rel} (${r.pages} page${r.pages === 1 ? '' : 's'}) -> ${files.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
  }
  const shot = reports.find((r) => r.screenshot);
  if (shot) {
    const f = path.join(PREVIEW_DIR, `${label}-easy-read-360x740.png`);
    await fsp.writeFile(f, shot.screenshot);
    lines.push(`${shot.rel} on screen at 360x740, full page -> ${path.relative(process.cwd(), f)}`);
  }
  if (!converter) lines.push('pdftoppm not found (apt-get install -y poppler-utils): PDFs only, no PNGs');
  return lines;
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  console.log(`=== print checks [${label}]: ${SITE}`);
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`print.mjs: ${CHROMIUM} not found (apt-get install -y chromium)`);
    process.exit(2);
  }
  const docs = [];
  for (const rel of await findHtml(SITE)) {
    const html = await fsp.readFile(path.join(SITE, ...rel.split('/')), 'utf8');
    const kind = kindOf(rel, bodyClasses(html), html);
    if (kind) docs.push({ rel, kind });
  }
  if (docs.length === 0) {
    console.log('  note: no worksheet pages, booklets or easy-read pages to print');
  }
  const firstEasy = docs.find((d) => d.kind === 'easy-read');

  const server = await startServer(SITE);
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser = null;
  const reports = [];
  try {
    browser = await launchChromium();
    let done = 0;
    await pool(docs, CONCURRENCY, async (doc) => {
      const keep = { screenshot: PREVIEW_DIR !== null && doc === firstEasy };
      const rep = await checkDocument(browser, origin, doc, keep);
      reports.push(rep);
      done++;
      const failedChecks = [...rep.checks].filter(([, f]) => f.length).map(([n]) => n);
      const what = rep.kind === 'worksheet' ? `worksheet, ${rep.questions} question${rep.questions === 1 ? '' : 's'}`
        : rep.kind === 'easy-read' ? `easy read, ${rep.rows} row${rep.rows === 1 ? '' : 's'}` : rep.kind.replace('-', ' ');
      console.log(`[${done}/${docs.length}] ${rep.failed ? 'FAIL' : 'ok  '} ${rep.rel}: ${rep.pages} page${rep.pages === 1 ? '' : 's'} (${what})` +
        (failedChecks.length ? ` — ${failedChecks.join(', ')}` : ''));
      for (const [name, fails] of rep.checks) for (const f of fails) console.log(`  FAIL ${name} ${rep.rel}: ${f}`);
      for (const n of rep.notes) console.log(`  note ${rep.rel}: ${n}`);
    });
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.close();
  }

  reports.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const byKind = (k) => reports.filter((r) => (Array.isArray(k) ? k.includes(r.kind) : r.kind === k));
  const worksheets = byKind('worksheet');
  const booklets = byKind(['guide-booklet', 'section-booklet']);
  const easy = byKind('easy-read');
  const max = (rs) => rs.reduce((n, r) => Math.max(n, r.pages), 0);
  const boxes = new Map();
  for (const r of reports) {
    if (!r.box) continue;
    const b = r.box;
    const key = `paper ${b.paper.join('x')}px, content box ${b.width}x${b.height}px` +
      (b.sources.length ? ` (${b.sources.join(' ')})` : ' (no @page rule: A4, no margins)');
    boxes.set(key, (boxes.get(key) || 0) + 1);
  }
  for (const [key, n] of boxes) {
    console.log(`--- [${label}] printed page at 96 dpi: ${key}${boxes.size > 1 ? `, ${n} document${n === 1 ? '' : 's'}` : ''}`);
  }
  // Short names for the lists: the folder of the page, or the file name.
  const short = (rel, strip = '') => {
    const dir = rel.replace(/(^|\/)index\.html$/, '').replace(strip, '');
    return dir ? dir.split('/').pop() : rel;
  };
  if (worksheets.length) {
    console.log(`--- [${label}] worksheet pages printed: ` +
      worksheets.map((r) => `${short(r.rel)} ${r.pages}`).join(', '));
  }
  if (booklets.length) {
    console.log(`--- [${label}] booklets printed: ` +
      booklets.map((r) => `${r.rel.replace(/\/?index\.html$/, '') || '.'} ${r.pages}`).join(', '));
  }
  if (easy.length) {
    console.log(`--- [${label}] easy-read pages printed: ` +
      easy.map((r) => `${short(r.rel, /\/?easy-read$/) || r.rel} ${r.pages}`).join(', '));
  }

  if (PREVIEW_DIR && reports.length) {
    try {
      for (const l of await savePreviews(reports)) console.log(`  preview ${l}`);
    } catch (err) {
      console.log(`  note: could not save previews: ${err.message}`);
    }
  }

  let passed = 0;
  let failed = 0;
  for (const r of reports) for (const f of r.checks.values()) (f.length ? failed++ : passed++);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`--- [${label}] ${reports.length} documents in ${secs}s; document checks: ${[...new Set(reports.flatMap((r) => [...r.checks.keys()]))].join(', ') || 'none'}`);
  const failedDocs = reports.filter((r) => r.failed).map((r) => r.rel);
  if (failedDocs.length) console.log(`--- [${label}] documents with failures: ${failedDocs.join(', ')}`);
  console.log(`print checks: ${reports.length} documents, worksheets ${worksheets.length} (largest ${max(worksheets)} pages), ` +
    `booklets ${booklets.length}, easy read ${easy.length} (largest ${max(easy)} pages)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(`print.mjs: ${err.stack || err}`);
  process.exit(2);
});
