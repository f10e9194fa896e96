// Shared helpers for the browser suite (suite.mjs) and the print checks
// (print.mjs): argument parsing, the Chromium launch setup, the static
// server, the page list, and the in-page overflow measurement.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

export const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const CONCURRENCY = Math.max(1, Number(process.env.BROWSER_SUITE_CONCURRENCY || 2));
export const NAV_TIMEOUT_MS = 30_000;
export const vp = (v) => `${v.width}x${v.height}`;

// ---------------------------------------------------------------- arguments

// Parses `SITE_DIR [--label NAME]` plus the boolean flags in `flags`
// ({ '--verbose': 'verbose', '-v': 'verbose' }) and the value options in
// `options` ({ '--previews': 'previews' }). Exits 2 with the usage line on
// a mistake. Returns { site, label, ...flags, ...options }.
export function parseArgs(script, usageLine, { flags = {}, options = {} } = {}) {
  const usage = (msg) => {
    if (msg) console.error(`${script}: ${msg}`);
    console.error(`usage: ${usageLine}`);
    process.exit(2);
  };
  const out = { site: null, label: null };
  for (const name of Object.values(flags)) out[name] = false;
  for (const name of Object.values(options)) out[name] = null;
  const valueOpts = { '--label': 'label', ...options };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const key = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (valueOpts[key]) {
      if (eq > 0 && key !== a) out[valueOpts[key]] = a.slice(eq + 1);
      else if (i + 1 >= argv.length) usage(`${a} needs a value`);
      else out[valueOpts[key]] = argv[++i];
    } else if (flags[a]) {
      out[flags[a]] = true;
    } else if (a === '--help' || a === '-h') {
      usage();
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
    } else if (out.site === null) {
      out.site = a;
    } else {
      usage(`unexpected argument ${a}`);
    }
  }
  if (!out.site) usage('SITE_DIR is required');
  const site = path.resolve(out.site);
  if (!fs.existsSync(site) || !fs.statSync(site).isDirectory()) usage(`${site} is not a folder`);
  out.site = site;
  out.label = out.label || path.basename(site);
  return out;
}

// ---------------------------------------------------------------- browser

// chromium.launch() starts Chromium with a fresh, empty, temporary user data
// dir of its own and removes it on close.
export async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

// ---------------------------------------------------------------- static server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

// Maps a URL path to a file inside site, or null when it would leave site.
export function fileForUrlPath(site, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(site, '.' + path.posix.normalize('/' + decoded));
  if (file !== site && !file.startsWith(site + path.sep)) return null;
  return file;
}

// Serves site on 127.0.0.1 at a random free port; resolves to the server.
// Folders answer with their index.html, anything missing with 404.html (or
// plain text) and status 404; nothing is cached.
export function startServer(site) {
  const server = http.createServer(async (req, res) => {
    const send = (status, headers, body) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'method not allowed\n');
    }
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = fileForUrlPath(site, url.pathname);
    if (!file) return send(400, { 'Content-Type': 'text/plain' }, 'bad path\n');
    try {
      let st = await fsp.stat(file);
      if (st.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          return send(301, { Location: url.pathname + '/' + url.search }, '');
        }
        file = path.join(file, 'index.html');
        st = await fsp.stat(file);
      }
      if (!st.isFile()) throw new Error('not a file');
      const body = await fsp.readFile(file);
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      return send(200, { 'Content-Type': type, 'Content-Length': body.length }, body);
    } catch {
      const notFound = path.join(site, '404.html');
      if (fs.existsSync(notFound)) {
        const body = await fsp.readFile(notFound);
        return send(404, { 'Content-Type': TYPES['.html'] }, body);
      }
      return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------- pages

// Every .html file under site, as sorted '/'-separated paths relative to it.
export async function findHtml(site) {
  const out = [];
  async function walk(d) {
    const entries = await fsp.readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && /\.html?$/i.test(e.name)) out.push(path.relative(site, p).split(path.sep).join('/'));
    }
  }
  await walk(site);
  return out;
}

export function relUrl(rel) {
  return '/' + rel.split('/').map(encodeURIComponent).join('/');
}

// Runs `fn(item)` over items with at most `n` running at once.
export async function pool(items, n, fn) {
  const queue = [...items];
  const worker = async () => {
    while (queue.length) await fn(queue.shift());
  };
  await Promise.all(Array.from({ length: Math.min(n, queue.length) }, worker));
}

// One line per failure; collected per page so that output from the two
// workers does not interleave.
export class PageReport {
  constructor(rel) {
    this.rel = rel;
    this.checks = new Map(); // name -> [] of failure strings (empty = passed)
    this.violations = 0;
    this.notes = [];
    this.gzip = 0;
  }
  pass(name) {
    if (!this.checks.has(name)) this.checks.set(name, []);
  }
  fail(name, msg) {
    if (!this.checks.has(name)) this.checks.set(name, []);
    this.checks.get(name).push(msg);
  }
  get failed() {
    return [...this.checks.values()].some((f) => f.length > 0);
  }
}

// ---------------------------------------------------------------- in-page code

// Runs in the page: is the page wider than the window? Returns the widest
// offenders so the theme author can find them.
export function measureOverflow() {
  const doc = document.documentElement;
  const scrollWidth = doc.scrollWidth;
  const innerWidth = window.innerWidth;
  const result = { scrollWidth, innerWidth, overflow: scrollWidth > innerWidth, offenders: [] };
  if (!result.overflow) return result;
  const limit = doc.clientWidth;
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
  const clipped = (el) => {
    for (let e = el.parentElement; e && e !== document.body && e !== doc; e = e.parentElement) {
      const ox = getComputedStyle(e).overflowX;
      if (ox !== 'visible') return true;
    }
    return false;
  };
  // Candidates: elements whose box, or content spilling out of it (a long
  // word in a large heading), reaches past the window and is not inside a
  // scroll container. Report the deepest ones, each lifted to its outermost
  // ancestor whose own box is also too wide (a wide table, not its cells).
  const cands = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // a scroll container's own content scrolls inside it: only its box counts
    const own = getComputedStyle(el).overflowX === 'visible' ? el.scrollWidth : 0;
    const right = r.left + Math.max(r.width, own);
    if (right > limit + 1 && !clipped(el)) cands.push({ el, right, boxWide: r.right > limit + 1 });
  }
  const deepest = cands.filter((c) => !cands.some((d) => d !== c && c.el.contains(d.el)));
  const seen = new Map();
  for (const c of deepest) {
    let top = c;
    for (let e = c.el.parentElement; e && e !== document.body; e = e.parentElement) {
      const pc = cands.find((x) => x.el === e);
      if (pc && pc.boxWide) top = pc; else if (!pc) break;
    }
    if (!seen.has(top.el)) seen.set(top.el, top);
  }
  // Group offenders that look alike (every <dd> of a list) into one entry.
  const groups = new Map();
  for (const f of seen.values()) {
    const r = f.el.getBoundingClientRect();
    const key = `${describe(f.el)} (${f.boxWide ? 'box reaches' : 'content spills to'}`;
    const g = groups.get(key) || { key, right: 0, width: 0, count: 0, text: '' };
    g.count++;
    if (f.right > g.right) {
      g.right = f.right;
      g.width = r.width;
      g.text = f.el.textContent.trim().replace(/\s+/g, ' ').slice(0, 30);
    }
    groups.set(key, g);
  }
  result.offenders = [...groups.values()].sort((x, y) => y.right - x.right).slice(0, 5).map((g) =>
    `${g.key} ${Math.round(g.right + window.scrollX)}px, box width ${Math.round(g.width)}px${g.text && g.count === 1 ? `, "${g.text}"` : ''})` +
    (g.count > 1 ? ` x${g.count}` : ''));
  return result;
}
