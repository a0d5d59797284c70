// axe-core on every page, signed out and signed in (participant, moderator,
// administrator), also in the states a form shows after a mistake. Any critical or
// serious violation fails, and so do the rules the pages promise whatever axe's impact
// (headings in order, one main landmark, content in landmarks, a way to skip, lang,
// labels). Each page is audited twice: as served, and with every <details> opened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newContext } from '../lib/browser.mjs';
import {
  url, demoPaths, login, DEMO, OUT_DIR, audit, describeViolations, unsubscribeLink,
  waitForMail, linkIn, uniq,
} from '../lib/harness.mjs';

let browser;
const report = [];
const sessions = {};

const who = ['signed out', 'participant', 'moderator', 'administrator'];
const accounts = { participant: DEMO.civil, moderator: DEMO.moderator, administrator: DEMO.admin };

before(async () => {
  browser = await launch();
  for (const w of who) {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    if (accounts[w]) await login(page, accounts[w]);
    sessions[w] = { ctx, page };
  }
});

after(async () => {
  const lines = ['| page | who | blocking | other (moderate/minor) |', '|---|---|---|---|'];
  for (const r of report) {
    lines.push(`| ${r.name} | ${r.who} | ${r.blocking.join(', ') || '0'} | ${r.other.join(', ') || '0'} |`);
  }
  writeFileSync(join(OUT_DIR, 'axe-report.md'), `${lines.join('\n')}\n`);
  await browser?.close();
});

/** The pages: name, path (or a function making it), who may see it, how to get there. */
async function pages() {
  const probe = sessions['signed out'].page;
  const { consultation, draft, paragraphs } = await demoPaths(probe);
  const unsub = await unsubscribeLink(browser, newContext);
  // The admin's page of the demo consultation.
  const adminConsultation = `/admin${consultation}`;
  const dashboard = `${draft}/dashboard`;
  const dashboardExists = (await probe.request.get(url(dashboard))).status() !== 404;
  // A confirmation link that still works, for the page with the button (opening it
  // changes nothing, so every session can audit the same link).
  const newcomer = `a11y.${uniq()}@example.org`;
  const registered = await probe.request.post(url('/api/v1/auth/register'), {
    data: { email: newcomer, password: `an accessible passphrase ${uniq()}`, display_name: 'Axe Audit', stakeholder_group: 'academia' },
  });
  assert.equal(registered.status(), 201, 'registered an account to confirm');
  const confirmation = linkIn(
    await waitForMail({ to: newcomer, match: (m) => /Confirm your email/.test(m.subject) }),
    '/verify-email',
  );
  const everyone = who;
  const members = who.slice(1);
  const list = [
    { name: 'home', path: '/', who: everyone },
    { name: 'consultation', path: consultation, who: everyone },
    // The longest pages: signed out, and signed in with the most controls.
    { name: 'draft reading page', path: draft, who: ['signed out', 'participant', 'administrator'] },
    { name: 'paragraph thread', path: paragraphs[4], who: everyone },
    { name: 'general comments', path: `${draft}/general`, who: everyone },
    { name: 'register', path: '/register', who: ['signed out'] },
    {
      name: 'register, with errors',
      path: '/register',
      who: ['signed out'],
      act: async (page) => {
        await page.getByLabel('Email address').fill('not-an-address');
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.getByRole('alert').first().waitFor();
      },
    },
    { name: 'login', path: '/login', who: ['signed out'] },
    {
      name: 'login, failed',
      path: '/login',
      who: ['signed out'],
      act: async (page) => {
        await page.getByLabel('Email address').fill('nobody@example.org');
        await page.getByLabel('Password', { exact: true }).fill('wrong password here');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').waitFor();
      },
    },
    { name: 'logout', path: '/logout', who: everyone },
    { name: 'verify-email', path: '/verify-email', who: everyone },
    { name: 'verify-email, bad link', path: '/verify-email?token=nonsense', who: ['signed out'] },
    { name: 'verify-email, confirmation button', path: confirmation, who: everyone },
    { name: 'password-reset', path: '/password-reset', who: everyone },
    { name: 'password-reset, new password', path: '/password-reset?token=abc', who: ['signed out'] },
    { name: 'unsubscribe', path: unsub, who: everyone },
    { name: 'not found', path: '/no/such/page', who: ['signed out'] },
    { name: 'me', path: '/me', who: members },
    { name: 'privacy notice', path: '/privacy', who: everyone },
    { name: 'delete my account', path: '/me/delete', who: members },
    { name: 'account deleted', path: '/me/deleted', who: ['signed out'] },
    {
      name: 'delete my account, with errors',
      path: '/me/delete',
      who: ['participant'],
      act: async (page) => {
        await page.getByLabel('Current password').fill('wrong');
        await page.getByRole('button', { name: 'Delete my account for good' }).click();
        await page.getByRole('alert').first().waitFor();
      },
    },
    {
      name: 'me, with errors',
      path: '/me',
      who: ['participant'],
      act: async (page) => {
        await page.getByLabel('Current password').fill('wrong');
        await page.getByLabel('New password').fill('short');
        await page.getByRole('button', { name: 'Change password' }).click();
        await page.getByRole('alert').first().waitFor();
      },
    },
    {
      name: 'paragraph thread, comment with errors',
      path: paragraphs[4],
      who: ['participant'],
      act: async (page) => {
        const form = page.locator('section[aria-labelledby="new-comment"]');
        await form.getByLabel('Your comment').fill('   ');
        await form.getByRole('button', { name: 'Publish comment' }).click();
        await page.getByRole('alert').first().waitFor();
      },
    },
    { name: 'moderation', path: '/moderation', who: ['moderator', 'administrator'] },
    { name: 'moderation log', path: '/moderation/log', who: ['moderator', 'administrator'] },
    { name: 'admin', path: '/admin', who: ['administrator'] },
    {
      name: 'admin, with errors',
      path: '/admin',
      who: ['administrator'],
      act: async (page) => {
        await page.getByLabel('Title').fill('Dates the wrong way round');
        await page.getByLabel('Closes at (UTC)').fill('2020-01-01T00:00');
        await page.getByLabel('Opens at (UTC)').fill('2021-01-01T00:00');
        await page.getByRole('button', { name: 'Create' }).click();
        await page.getByRole('alert').first().waitFor();
      },
    },
    { name: 'admin users', path: '/admin/users', who: ['administrator'] },
    { name: 'admin consultation', path: adminConsultation, who: ['administrator'] },
  ];
  if (dashboardExists) list.push({ name: 'dashboard', path: dashboard, who: ['signed out', 'administrator'] });
  // Pages newer than this suite: audited when they answer, reported when they do not.
  const draftId = draft.split('/').pop();
  list.push(
    { name: 'concordance', path: `${draft}/concordance`, who: ['signed out', 'administrator'], optional: true },
    { name: 'compare versions', path: `${draft}/compare`, who: ['signed out', 'administrator'], optional: true },
    { name: 'admin revise draft', path: `/admin/drafts/${draftId}/revise`, who: ['administrator'], optional: true },
    { name: 'admin paragraph tags', path: `/admin/drafts/${draftId}/tags`, who: ['administrator'], optional: true },
    { name: 'draft side by side', path: `${draft}?language=ar&beside=en`, who: ['signed out', 'administrator'] },
    { name: 'paragraph in French', path: `${paragraphs[11]}?language=fr`, who: ['signed out', 'participant'] },
    { name: 'admin language versions', path: `/admin/drafts/${draftId}/translations`, who: ['administrator'] },
    { name: 'two-factor sign-in setup', path: '/me/totp/enable', who: ['participant'], optional: true },
  );
  return list;
}

let listed;
/** The pages, made once: listing them registers an account and reads an email. */
async function pagesOnce() {
  listed ??= await pages();
  return listed;
}

test('every page passes axe-core, signed out and signed in', async (t) => {
  const all = await pagesOnce();
  if (!all.some((p) => p.name === 'dashboard')) {
    t.diagnostic('no dashboard page (/drafts/{id}/dashboard answers 404): not audited');
  }
  const failures = [];
  for (const p of all) {
    for (const w of p.who) {
      const page = sessions[w].page;
      const res = await page.goto(url(p.path));
      assert.ok(res, `${p.path} answered`);
      if (p.optional && res.status() >= 400) {
        t.diagnostic(`${p.name} [${w}]: ${p.path} answers ${res.status()}, not audited`);
        report.push({ name: p.name, who: w, blocking: [`not audited (HTTP ${res.status()})`], other: [] });
        continue;
      }
      if (p.act) await p.act(page);
      const started = Date.now();
      const { blocking, other } = await audit(page);
      const ms = Date.now() - started;
      report.push({ name: p.name, who: w, blocking: blocking.map((v) => `${v.id} (${v.impact})`), other: other.map((v) => `${v.id} (${v.impact})`) });
      t.diagnostic(`${p.name} [${w}]: ${blocking.length} blocking, ${other.length} other${other.length ? ` (${other.map((v) => v.id).join(', ')})` : ''} — ${ms} ms`);
      if (blocking.length) failures.push(`${p.name} [${w}] ${p.path}\n${describeViolations(blocking)}`);
    }
  }
  assert.equal(failures.length, 0, `axe violations:\n${failures.join('\n')}`);
});

// The same pages in Arabic (right to left) and Chinese, signed out and as the
// administrator (who sees the most controls), without the mistakes the English run
// makes (those act on English labels). Each language in contexts of its own, so its
// cookie reaches no other test. In Arabic the page must also read right to left and,
// 375 px wide, overflow neither edge.
test('the Arabic and Chinese pages pass axe-core too, and Arabic reads right to left', async (t) => {
  const all = (await pagesOnce()).filter((p) => !p.act);
  const failures = [];
  for (const [lang, dir] of [['ar', 'rtl'], ['zh', 'ltr']]) {
    for (const w of ['signed out', 'administrator']) {
      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      if (accounts[w]) await login(page, accounts[w]);
      // ?lang= sets the cookie: every page after this one is in that language.
      await page.goto(url(`/?lang=${lang}`));
      for (const p of all.filter((p) => p.who.includes(w))) {
        const res = await page.goto(url(p.path));
        assert.ok(res, `${p.path} answered`);
        if (p.optional && res.status() >= 400) continue;
        const html = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
        if (html[0] !== lang || html[1] !== dir) {
          failures.push(`${p.name} [${w}, ${lang}] ${p.path}: <html lang="${html[0]}" dir="${html[1]}">`);
        }
        const { blocking } = await audit(page);
        report.push({ name: `${p.name} (${lang})`, who: w, blocking: blocking.map((v) => `${v.id} (${v.impact})`), other: [] });
        if (blocking.length) failures.push(`${p.name} [${w}, ${lang}] ${p.path}\n${describeViolations(blocking)}`);
        if (lang === 'ar' && w === 'signed out') {
          await page.setViewportSize({ width: 375, height: 812 });
          const over = await page.evaluate(() => {
            const root = document.documentElement;
            const past = [...document.querySelectorAll('main *, header *')].filter((e) => {
              const r = e.getBoundingClientRect();
              return (r.left < -1 || r.right > root.clientWidth + 1) && !e.closest('.table-scroll');
            });
            return { by: root.scrollWidth - root.clientWidth, past: past.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`) };
          });
          if (over.by > 0) failures.push(`${p.name} [${lang}] ${p.path} is ${over.by}px too wide at 375 px: ${over.past.join(', ')}`);
          await page.setViewportSize({ width: 1280, height: 900 });
        }
      }
      t.diagnostic(`${lang} [${w}]: ${all.filter((p) => p.who.includes(w)).length} pages audited`);
      await ctx.close();
    }
  }
  assert.deepEqual(failures, []);
});
