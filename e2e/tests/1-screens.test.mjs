// What the pages look like and weigh: screenshots of the main pages at 1280 and 375 px
// wide (saved under docs/screenshots/), the bytes each page costs, no request leaving
// the server (no external font, script or image), no script at all, and no sideways
// scrolling on a 320 px wide phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newContext } from '../lib/browser.mjs';
import { BASE, url, uniq, demoPaths, login, DEMO, OUT_DIR } from '../lib/harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.E2E_SCREENSHOT_DIR || join(ROOT, 'docs', 'screenshots');
const LIMIT = 100 * 1024;

let browser;
const sessions = {};
const weights = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  for (const [w, email] of [['signed out'], ['participant', DEMO.igo], ['moderator', DEMO.moderator], ['administrator', DEMO.admin]]) {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    if (email) await login(page, email);
    sessions[w] = { ctx, page };
  }
});

after(async () => {
  const kb = (n) => (n / 1024).toFixed(1);
  const lines = [
    '| page | requests | HTML (KB) | all, uncompressed (KB) | all, transferred (KB) |',
    '|---|---:|---:|---:|---:|',
    ...weights.map((w) => `| ${w.name} | ${w.requests} | ${kb(w.html)} | ${kb(w.decoded)} | ${kb(w.transferred)} |`),
  ];
  writeFileSync(join(OUT_DIR, 'page-weights.md'), `${lines.join('\n')}\n`);
  await browser?.close();
});

/** Loads a page in a fresh tab of the session and measures every response it causes. */
async function measure(session, name, path) {
  const page = await session.ctx.newPage();
  const seen = [];
  page.on('requestfinished', (req) => seen.push(req));
  // A first visit: nothing cached.
  const cdp = await session.ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url(path), { waitUntil: 'load' });
  let decoded = 0;
  let transferred = 0;
  let html = 0;
  for (const req of seen) {
    assert.ok(req.url().startsWith(`${BASE}/`), `${name}: every request goes to Plenary itself, not ${req.url()}`);
    const res = await req.response();
    const body = res ? await res.body() : Buffer.alloc(0);
    const sizes = await req.sizes();
    decoded += body.length;
    transferred += sizes.responseBodySize + sizes.responseHeadersSize;
    if (req.resourceType() === 'document') html += body.length;
  }
  const scripts = await page.locator('script').count();
  assert.equal(scripts, 0, `${name}: no script on the page`);
  weights.push({ name, requests: seen.length, html, decoded, transferred });
  await page.close();
  return { decoded, transferred };
}

// First, while the demo is as seeded: the other tests add consultations and comments.
test('screenshots of the main pages at 1280 and 375 px', async () => {
  const { consultation, draft, paragraphs } = await demoPaths(sessions['signed out'].page);
  // Something in the moderation queue for its screenshot.
  const p = sessions.participant.page;
  await p.goto(url(paragraphs[10]));
  const target = p.locator('ol.comments > li.comment > article').filter({ has: p.locator('summary', { hasText: 'Report' }) }).first();
  if (await target.count()) {
    await target.locator('summary', { hasText: 'Report' }).click();
    await target.getByLabel('Why are you reporting this comment?').selectOption('abusive');
    await target.getByLabel('Note for the moderators (optional)').fill('Personal attack on another delegation.');
    await target.getByRole('button', { name: 'Send report' }).click();
    await p.waitForURL(/posted=flagged/);
  }
  const shots = [
    ['home', 'signed out', '/'],
    ['consultation', 'signed out', consultation],
    ['draft', 'signed out', draft],
    ['draft-paragraph', 'signed out', `${draft}#p-${11}`, async (page) => {
      const para = page.locator('main article.paragraph').nth(10);
      await para.locator('summary').click();
      await para.scrollIntoViewIfNeeded();
      await page.evaluate(() => document.activeElement?.blur());
    }],
    ['thread', 'participant', paragraphs[4]],
    ['register', 'signed out', '/register'],
    ['me', 'participant', '/me'],
    ['moderation', 'moderator', '/moderation'],
    ['admin', 'administrator', '/admin'],
  ];
  for (const [name, who, path, prepare] of shots) {
    for (const [width, height] of [[1280, 900], [375, 812]]) {
      const ctx = sessions[who].ctx;
      const page = await ctx.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(url(path));
      if (prepare) await prepare(page);
      const file = join(SHOTS, `${name}-${width}.png`);
      await page.screenshot({ path: file, animations: 'disabled' });
      assert.ok(statSync(file).size < 400 * 1024, `${file} stays small`);
      await page.close();
    }
  }
  // The reading page and the dashboard in Arabic (right to left) and Chinese, in a
  // context of their own so the cookie ?lang= sets follows no other screenshot.
  for (const lang of ['ar', 'zh']) {
    const ctx = await newContext(browser);
    const pairs = [['draft', draft], ['dashboard', `${draft}/dashboard`]];
    // The Arabic version of the demo draft beside the English original.
    if (lang === 'ar') pairs.push(['draft-side-by-side', `${draft}?language=ar&beside=en`]);
    for (const [name, path] of pairs) {
      for (const [width, height] of [[1280, 900], [375, 812]]) {
        const page = await ctx.newPage();
        await page.setViewportSize({ width, height });
        await page.goto(url(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`));
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        if (name === 'draft-side-by-side') {
          // The two texts of paragraph 12, each in its own direction.
          await page.locator('#p-12 .side-by-side .beside[lang="en"]').waitFor();
          await page.locator('#p-12').evaluate((e) => e.scrollIntoView());
        }
        const file = join(SHOTS, `${name}-${lang}-${width}.png`);
        await page.screenshot({ path: file, animations: 'disabled' });
        assert.ok(statSync(file).size < 400 * 1024, `${file} stays small`);
        await page.close();
      }
    }
    await ctx.close();
  }
});

test('no page needs more than 100 KB, and nothing loads from elsewhere', async (t) => {
  const { consultation, draft, paragraphs } = await demoPaths(sessions['signed out'].page);
  const css = readFileSync(join(ROOT, 'static', 'style.css'), 'utf8');
  assert.doesNotMatch(css, /@import|@font-face|url\(\s*['"]?(https?:)?\/\//, 'the stylesheet loads no font or file from elsewhere');

  // The demo draft's text imported again into a new consultation: the reading page
  // of a full draft before anyone has commented.
  const admin = sessions.administrator.page;
  await admin.goto(url('/admin'));
  await admin.getByLabel('Title').fill(`Page weight check ${uniq()}`);
  await admin.getByRole('button', { name: 'Create' }).click();
  await admin.waitForURL(/\/admin\/consultations\/\d+$/);
  const text = readFileSync(join(ROOT, 'src', 'demo', 'wsis_zero_draft.md'), 'utf8');
  await admin.locator('#f-draft-title').fill('WSIS+20 Outcome Document');
  await admin.getByLabel(/^Version label/).fill('Zero draft');
  await admin.getByLabel('Draft text (Markdown)').fill(text);
  await admin.getByRole('button', { name: 'Import a draft' }).click();
  await admin.waitForURL(/\/drafts\/\d+$/);
  const empty = new URL(admin.url()).pathname;

  const pages = [
    ['signed out', 'home', '/'],
    ['signed out', 'consultation', consultation],
    ['signed out', 'draft before comments', empty],
    ['signed out', 'draft with the demo comments', draft],
    ['participant', 'draft with the demo comments, signed in', draft],
    ['signed out', 'paragraph thread', paragraphs[4]],
    ['participant', 'paragraph thread, signed in', paragraphs[4]],
    ['signed out', 'general comments', `${draft}/general`],
    ['signed out', 'register', '/register'],
    ['signed out', 'login', '/login'],
    ['participant', 'me', '/me'],
    ['moderator', 'moderation', '/moderation'],
    ['moderator', 'moderation log', '/moderation/log'],
    ['administrator', 'admin', '/admin'],
    ['administrator', 'admin users', '/admin/users'],
  ];
  const dashboard = `${draft}/dashboard`;
  if ((await admin.request.get(url(dashboard))).status() === 200) {
    pages.push(['signed out', 'participation dashboard', dashboard]);
  }
  const over = [];
  for (const [who, name, path] of pages) {
    const m = await measure(sessions[who], name, path);
    t.diagnostic(`${name}: ${(m.decoded / 1024).toFixed(1)} KB uncompressed, ${(m.transferred / 1024).toFixed(1)} KB transferred`);
    if (m.transferred > LIMIT) over.push(`${name} transfers ${m.transferred} bytes`);
    if (name === 'draft before comments' && m.decoded > LIMIT) over.push(`${name} is ${m.decoded} bytes uncompressed`);
  }
  assert.deepEqual(over, [], 'pages over 100 KB');
});

test('no page scrolls sideways on a 320 px wide phone', async () => {
  const { consultation, draft, paragraphs } = await demoPaths(sessions['signed out'].page);
  const checks = [
    ['signed out', ['/', consultation, draft, paragraphs[4], `${draft}/general`, '/register', '/login', '/password-reset']],
    ['participant', [draft, paragraphs[4], '/me']],
    ['moderator', ['/moderation', '/moderation/log']],
    ['administrator', ['/admin', '/admin/users', `/admin${consultation}`]],
  ];
  const wide = [];
  for (const [who, paths] of checks) {
    const page = await sessions[who].ctx.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of paths) {
      await page.goto(url(path));
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (over > 0) {
        const culprits = await page.evaluate(() =>
          [...document.querySelectorAll('main *, header *')]
            .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll'))
            .slice(0, 3)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
        );
        wide.push(`${path} [${who}] is ${over}px too wide: ${culprits.join(', ')}`);
      }
    }
    await page.close();
  }
  assert.deepEqual(wide, []);
});
