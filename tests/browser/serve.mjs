// `signpost serve` in a real browser: after an edit to one page, every open
// page reloads once and shows the new text, the booklet that prints the
// page included (it is reprinted after the page is served, and reloads on
// its own message).
//
//   node tests/browser/serve.mjs PATH-TO-SIGNPOST --label serve
//
// Prints PASS/FAIL lines and "N passed, N failed"; exits 1 when a check
// fails, 2 when it cannot run.
import { launchChromium } from './lib.mjs';
import { spawn } from 'child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const binary = process.argv[2];
if (!binary) {
  console.error('usage: serve.mjs PATH-TO-SIGNPOST');
  process.exit(2);
}
const site = mkdtempSync(join(tmpdir(), 'signpost-serve-'));
const write = (path, text) => {
  mkdirSync(join(site, path, '..'), { recursive: true });
  writeFileSync(join(site, path), text);
};
write('site.yaml', 'title: Serve test\n');
write('content/_index.md', '---\ntitle: Home\n---\nHome.\n');
write('content/care/_index.md', '---\ntitle: Care\n---\nCare.\n');
write('content/care/plans.md', '---\ntitle: Plans\n---\nOld words.\n');
write('content/care/other.md', '---\ntitle: Other\n---\nOther words.\n');

const serve = spawn(binary, ['serve', '--root', site, '--port', '0']);
let log = '';
serve.stdout.on('data', (d) => { log += d; });
serve.stderr.on('data', (d) => { log += d; });
const wait = (ms) => new Promise((r) => setTimeout(r, ms));
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'PASS' : 'FAIL'} serve ${what}`);
  ok ? passed++ : failed++;
};

try {
  let base = null;
  for (let i = 0; i < 200 && !base; i++) {
    const m = log.match(/http:\/\/([^/\s]+)\//);
    if (m) base = `http://${m[1]}`;
    else await wait(50);
  }
  if (!base) throw new Error(`serve did not start:\n${log}`);
  const browser = await launchChromium();
  const loads = {};
  const pages = {};
  for (const path of ['/care/plans/', '/care/other/', '/care/booklet/']) {
    const page = await browser.newPage();
    loads[path] = 0;
    page.on('load', () => { loads[path]++; });
    await page.goto(base + path);
    pages[path] = page;
  }
  await wait(500);
  appendFileSync(join(site, 'content/care/plans.md'), '\nNew words from the test.\n');
  for (let i = 0; i < 60 && !/Reprinted/.test(log); i++) await wait(50);
  await wait(1000);
  for (const path of Object.keys(loads)) {
    check(loads[path] === 2, `${path} reloaded once after the edit (loaded ${loads[path]} times)`);
  }
  const text = async (path) => (await pages[path].content()).includes('New words from the test');
  check(await text('/care/plans/'), 'the edited page shows the new words');
  check(await text('/care/booklet/'), "the section's booklet shows the new words");
  check(!(await text('/care/other/')), 'another page does not');
  await browser.close();
} catch (error) {
  console.error(`cannot run: ${error.message}`);
  serve.kill();
  rmSync(site, { recursive: true, force: true });
  process.exit(2);
}
serve.kill();
rmSync(site, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
