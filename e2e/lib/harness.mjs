// What every test file shares: where the server and the mail sink are, signing in,
// reading emails, moving with the keyboard alone, and the accessibility audit.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';

export const BASE = (process.env.PLENARY_BASE_URL || '').replace(/\/$/, '');
export const MAIL_DIR = process.env.E2E_MAIL_DIR || '';
export const OUT_DIR = process.env.E2E_OUT_DIR || '/tmp/plenary-e2e';
export const PASSWORD = 'plenary-demo-2025';
export const DEMO = {
  admin: 'admin@demo.plenary',
  moderator: 'moderator@demo.plenary',
  civil: 'civil@demo.plenary',
  academia: 'academia@demo.plenary',
  government: 'government@demo.plenary',
  technical: 'technical@demo.plenary',
  private: 'private@demo.plenary',
  igo: 'igo@demo.plenary',
};

if (!BASE || !MAIL_DIR) {
  throw new Error('PLENARY_BASE_URL and E2E_MAIL_DIR must be set: run the tests with e2e/run.sh');
}
mkdirSync(OUT_DIR, { recursive: true });

export const url = (path) => (path.startsWith('http') ? path : BASE + path);

/** A unique suffix for the names and texts a test run writes. */
export const uniq = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

// ---------------------------------------------------------------------------------
// The demo's ids, found as a visitor would: from the home page down.

let demoIds;
export async function demoPaths(page) {
  if (demoIds) return demoIds;
  await page.goto(url('/'));
  const consultation = await page
    .locator('main a[href^="/consultations/"]', { hasText: 'WSIS+20' })
    .first()
    .getAttribute('href');
  await page.goto(url(consultation));
  const draft = await page.locator('main a[href^="/drafts/"]').first().getAttribute('href');
  await page.goto(url(draft));
  const paragraphs = await page
    .locator('main .paragraph .para-number a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href').split('?')[0]));
  assert.ok(paragraphs.length > 10, 'the demo draft has its paragraphs');
  demoIds = { consultation, draft, paragraphs };
  return demoIds;
}

// ---------------------------------------------------------------------------------
// Email from the sink

function readMails() {
  let names = [];
  try {
    names = readdirSync(MAIL_DIR).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return [];
  }
  return names.sort().map((n) => JSON.parse(readFileSync(join(MAIL_DIR, n), 'utf8')));
}

/** Waits for an email to `to` whose subject or text matches, newer than `after` (a count). */
export async function waitForMail({ to, match = () => true, timeout = 45_000 }) {
  const deadline = Date.now() + timeout;
  const want = to.toLowerCase();
  for (;;) {
    const found = readMails().filter((m) => m.envelopeTo.includes(want) && match(m));
    if (found.length) return found[found.length - 1];
    if (Date.now() > deadline) {
      const seen = readMails().map((m) => `${m.envelopeTo.join(',')}: ${m.subject}`);
      throw new Error(`no email to ${to} within ${timeout} ms; the sink has:\n  ${seen.join('\n  ')}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The first link in an email's text that starts with BASE + path. */
export function linkIn(mail, path) {
  const re = new RegExp(`${BASE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}[^\\s<>"')\\]]*`);
  const m = (mail.text || '').match(re) || (mail.html || '').replace(/&amp;/g, '&').match(re);
  assert.ok(m, `the email "${mail.subject}" has a link to ${path}:\n${mail.text}`);
  return m[0];
}

// ---------------------------------------------------------------------------------
// Signing in, with the mouse or with the keyboard

export async function login(page, email, password = PASSWORD) {
  await page.goto(url('/login'));
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await assertSignedIn(page);
}

export async function assertSignedIn(page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function logout(page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/logout/);
}

// ---------------------------------------------------------------------------------
// The keyboard alone: Tab, Shift+Tab, Enter, Space, arrows and typing. No clicks.

/** Whether the focused element shows a visible focus indicator (outline or box-shadow). */
export async function focusIsVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow && s.boxShadow !== 'none';
    return outline || shadow;
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus; checks that the focus is
 * visible there. Returns the number of key presses.
 */
export async function tabTo(page, target, { max = 400, backwards = false } = {}) {
  const el = await target.elementHandle({ timeout: 5_000 });
  assert.ok(el, `element to tab to exists: ${target}`);
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await el.evaluate((e) => e === document.activeElement)) {
      assert.ok(await focusIsVisible(page), `focus is visible on ${target}`);
      return i;
    }
  }
  throw new Error(`${target} not reached with ${max} presses of Tab`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page, field, text) {
  await tabTo(page, field);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Tabs to a <select> and moves through its options with the arrow keys to `label`. */
export async function chooseOption(page, select, label) {
  await tabTo(page, select);
  const options = await select.locator('option').allTextContents();
  const want = options.findIndex((o) => o.trim() === label);
  assert.ok(want >= 0, `option "${label}" exists in ${options.join(' | ')}`);
  await page.keyboard.press('Home');
  for (let i = 0; i < options.length; i++) {
    const idx = await select.evaluate((s) => s.selectedIndex);
    if (idx === want) return;
    await page.keyboard.press(idx < want ? 'ArrowDown' : 'ArrowUp');
  }
  assert.equal(await select.evaluate((s) => s.selectedIndex), want, `chose ${label}`);
}

/** The skip link is the first stop and moves the focus to the main content. */
export async function skipToMain(page) {
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  assert.ok(await skip.evaluate((e) => e === document.activeElement), 'the skip link is the first Tab stop');
  assert.ok(await skip.isVisible(), 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
}

/** Activates the focused element with Enter and waits for the next page to load. */
export async function enterAndWait(page, urlPredicate) {
  await Promise.all([page.waitForURL(urlPredicate ?? (() => true), { waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

export async function loginKeyboard(page, email, password = PASSWORD) {
  await page.goto(url('/'));
  await tabTo(page, page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Sign in' }));
  await enterAndWait(page, /\/login/);
  await skipToMain(page);
  await typeInto(page, page.getByLabel('Email address'), email);
  await typeInto(page, page.getByLabel('Password', { exact: true }), password);
  await tabTo(page, page.locator('main').getByRole('button', { name: 'Sign in' }));
  await enterAndWait(page, (u) => !u.pathname.startsWith('/login'));
  await assertSignedIn(page);
}

// ---------------------------------------------------------------------------------
// The accessibility audit

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/** Best-practice rules that the brief makes requirements, failed whatever their impact. */
export const ALSO_REQUIRED = ['heading-order', 'page-has-heading-one', 'landmark-one-main', 'region', 'bypass', 'html-has-lang', 'label'];

/**
 * Runs axe on the page as it is, then on the contents of every <details> once opened
 * (the replies, reports and forms that are folded away at first).
 */
export async function audit(page) {
  const results = [];
  for (const pass of ['closed', 'open']) {
    let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
    if (pass === 'open') {
      const opened = await page.evaluate(() => {
        const ds = [...document.querySelectorAll('details:not([open])')];
        ds.forEach((d) => {
          d.open = true;
          d.setAttribute('data-e2e-opened', '');
        });
        return ds.length;
      });
      if (!opened) break;
      builder = builder.include('details[data-e2e-opened]');
    }
    const r = await builder.analyze();
    for (const v of r.violations) {
      if (!results.some((x) => x.id === v.id)) results.push(v);
    }
  }
  const blocking = results.filter((v) => v.impact === 'critical' || v.impact === 'serious' || ALSO_REQUIRED.includes(v.id));
  const other = results.filter((v) => !blocking.includes(v));
  return { blocking, other };
}

export function describeViolations(vs) {
  return vs
    .map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 4)
          .map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('').trim()}`)
          .join('\n'),
    )
    .join('\n');
}

// ---------------------------------------------------------------------------------
// An unsubscribe link, as found in a notification email: one from the sink if an earlier
// test made one, else made here (a comment, a reply to it by someone else, the email).

export async function unsubscribeLink(browser, newContext) {
  const existing = readMails().filter((m) => /\/unsubscribe\?token=/.test(m.text || ''));
  if (existing.length) return linkIn(existing[existing.length - 1], '/unsubscribe');
  const run = uniq();
  const a = await newContext(browser);
  const pa = await a.newPage();
  await login(pa, DEMO.technical);
  const { paragraphs } = await demoPaths(pa);
  await pa.goto(url(paragraphs[1]));
  const form = pa.locator('section[aria-labelledby="new-comment"]');
  await form.getByLabel('Your comment').fill(`Routing security matters here (${run}).`);
  await form.getByRole('button', { name: 'Publish comment' }).click();
  await pa.waitForURL(/posted=/);
  const id = new URL(pa.url()).hash.slice(1);
  await a.close();
  const b = await newContext(browser);
  const pb = await b.newPage();
  await login(pb, DEMO.private);
  await pb.goto(url(`${paragraphs[1]}#${id}`));
  const c = pb.locator(`#${id}`);
  await c.locator('summary', { hasText: 'Reply' }).click();
  await c.getByLabel('Your comment').fill(`Operators agree (${run}).`);
  await c.getByRole('button', { name: 'Publish reply' }).click();
  await pb.waitForURL(/posted=/);
  await b.close();
  const mail = await waitForMail({ to: DEMO.technical, match: (m) => /Reply to your comment/.test(m.subject) });
  return linkIn(mail, '/unsubscribe');
}
