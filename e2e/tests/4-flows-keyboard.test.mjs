// The same flows with the keyboard alone: Tab and Shift+Tab to move, Enter and Space to
// activate, arrow keys in lists, typing in fields. No click anywhere. Every stop reached
// with Tab must show a visible focus indicator (checked by tabTo).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newContext } from '../lib/browser.mjs';
import {
  url, uniq, demoPaths, waitForMail, linkIn, DEMO, OUT_DIR, tabTo, typeInto, chooseOption,
  skipToMain, enterAndWait, loginKeyboard, assertSignedIn,
} from '../lib/harness.mjs';

let browser;
const run = uniq();
const person = {
  name: `Tomás Ibarra ${run}`,
  email: `tomas.${run}@example.org`,
  password: `keyboard only passphrase ${run}`,
};
const state = {};
const nav = (page) => page.getByRole('navigation', { name: 'Main navigation' });

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('keyboard: register, verify the email address, sign in', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await page.goto(url('/'));
  await tabTo(page, nav(page).getByRole('link', { name: 'Create an account' }));
  await enterAndWait(page, /\/register$/);
  await skipToMain(page);
  await typeInto(page, page.getByLabel('Your name as others will see it'), person.name);
  await typeInto(page, page.getByLabel('Email address'), person.email);
  await typeInto(page, page.getByLabel('Password', { exact: true }), person.password);
  await chooseOption(page, page.getByLabel('Stakeholder group'), 'Academia');
  await typeInto(page, page.getByLabel('Organization (optional)'), 'Universidad de Chile');
  await typeInto(page, page.getByLabel(/^Country/), 'CL');
  await tabTo(page, page.getByRole('button', { name: 'Create account' }));
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Your account is created' }).waitFor();

  const mail = await waitForMail({ to: person.email, match: (m) => /Confirm your email/.test(m.subject) });
  await page.goto(linkIn(mail, '/verify-email'));
  // Opening the link only shows a button: the address is confirmed by pressing it.
  await tabTo(page, page.getByRole('button', { name: 'Confirm my email address' }));
  await enterAndWait(page, /\/verify-email$/);
  await page.getByText('Your email address is confirmed').waitFor();

  await loginKeyboard(page, person.email, person.password);
  assert.match(page.url(), /\/me$/);
  state.ctx = ctx;
  state.page = page;
});

test('keyboard: errors are announced and linked to their fields', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await page.goto(url('/register'));
  await skipToMain(page);
  await typeInto(page, page.getByLabel('Email address'), 'not an address');
  await typeInto(page, page.getByLabel('Password', { exact: true }), 'short');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').first().waitFor();
  const invalid = await page.locator('main [aria-invalid="true"]').evaluateAll((els) =>
    els.map((el) => {
      const label = document.querySelector(`label[for="${el.id}"]`)?.textContent.trim();
      const described = (el.getAttribute('aria-describedby') || '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent.trim() || '')
        .join(' ');
      return { id: el.id, label, described };
    }),
  );
  const names = invalid.map((f) => f.label);
  for (const want of ['Email address', 'Password', 'Your name as others will see it', 'Stakeholder group']) {
    assert.ok(names.includes(want), `${want} is marked invalid (${names.join(', ')})`);
  }
  for (const f of invalid) {
    assert.ok(f.label, `${f.id} has a label`);
    assert.match(f.described, /\S/, `${f.label}: the error is linked with aria-describedby`);
  }
  // The summary's links lead to the fields.
  const links = await page.locator('#error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length >= invalid.length);
  for (const href of links) {
    assert.equal(await page.locator(href).count(), 1, `${href} leads to a field`);
  }
  // Following one with the keyboard puts the focus in its field.
  await tabTo(page, page.locator('#error-summary a').first());
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), links[0].slice(1));
  await ctx.close();
});

test('keyboard: a wrong password is announced and the form keeps the address', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await page.goto(url('/login'));
  await skipToMain(page);
  await typeInto(page, page.getByLabel('Email address'), person.email);
  await typeInto(page, page.getByLabel('Password', { exact: true }), 'not the password at all');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'The email address or password is not correct.' }).waitFor();
  assert.equal(await page.getByLabel('Email address').inputValue(), person.email);
  await ctx.close();
});

test('keyboard: comment on a paragraph', async () => {
  const page = state.page;
  const { draft } = await demoPaths(page);
  await page.goto(url(draft));
  await skipToMain(page);
  const para = page.locator('main article.paragraph').nth(6);
  await tabTo(page, para.locator('summary'));
  await page.keyboard.press('Enter');
  await tabTo(page, para.getByRole('link', { name: /Read all comments|Comment on this paragraph/ }));
  await enterAndWait(page, /\/paragraphs\//);
  state.thread = new URL(page.url()).pathname;

  const form = page.locator('section[aria-labelledby="new-comment"]');
  const body = `Capacity building for small administrations deserves its own paragraph (${run}).`;
  await typeInto(page, form.getByLabel('Your comment'), body);
  await chooseOption(page, form.getByLabel('Show my comment as'), 'My organization and stakeholder group only');
  await tabTo(page, form.getByRole('button', { name: 'Publish comment' }));
  await enterAndWait(page, /posted=published/);
  await page.getByRole('status').filter({ hasText: 'Your comment is published.' }).waitFor();
  const id = new URL(page.url()).hash.slice(1);
  const mine = page.locator(`#${id}`);
  await mine.locator('.comment-body').getByText(body).waitFor();
  state.myComment = id.slice(2);
  // Others see it with the organization only, as chosen (the author sees everything).
  const anon = await newContext(browser);
  const other = await anon.newPage();
  await other.goto(url(`${state.thread}#${id}`));
  await other.locator(`#${id} .comment-meta`).getByText('Universidad de Chile').waitFor();
  assert.equal(await other.locator(`#${id} .comment-meta`).getByText(person.name).count(), 0);
  await anon.close();
});

test('keyboard: reply to a comment', async () => {
  const page = state.page;
  await page.goto(url(state.thread));
  await skipToMain(page);
  const other = page
    .locator('ol.comments > li.comment > article')
    .filter({ has: page.locator('summary', { hasText: 'Report' }) })
    .first();
  const otherId = await other.getAttribute('id');
  await tabTo(page, other.locator('summary', { hasText: 'Reply' }));
  await page.keyboard.press('Enter');
  const reply = `Seconded, with a reference to the WSIS Action Line C4 (${run}).`;
  await typeInto(page, other.getByLabel('Your comment'), reply);
  await tabTo(page, other.getByRole('button', { name: 'Publish reply' }));
  await enterAndWait(page, /posted=published/);
  const replyId = new URL(page.url()).hash.slice(1);
  await page.locator(`li.comment:has(> #${otherId}) ol.replies #${replyId} .comment-body`).getByText(reply).waitFor();
});

test('keyboard: propose an amendment', async () => {
  const page = state.page;
  await page.goto(url(state.thread));
  await skipToMain(page);
  const form = page.locator('section[aria-labelledby="new-amendment"]');
  const proposed = form.getByLabel('Proposed text of the paragraph');
  await tabTo(page, proposed);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Special attention shall be given to landlocked developing countries.');
  await typeInto(page, form.getByLabel('Why you propose this change'), `Landlocked countries face higher costs (${run}).`);
  await tabTo(page, form.getByRole('button', { name: 'Propose amendment' }));
  await enterAndWait(page, /posted=published/);
  const id = new URL(page.url()).hash.slice(1);
  await page.locator(`#${id} .proposed`).getByText('landlocked developing countries', { exact: false }).waitFor();
});

test('keyboard: report a comment', async () => {
  const page = state.page;
  await page.goto(url(state.thread));
  await skipToMain(page);
  const other = page
    .locator('ol.comments > li.comment > article')
    .filter({ has: page.locator('summary', { hasText: 'Report' }) })
    .last();
  state.flagged = (await other.getAttribute('id')).slice(2);
  await tabTo(page, other.locator('summary', { hasText: 'Report' }));
  await page.keyboard.press('Space');
  await chooseOption(page, other.getByLabel('Why are you reporting this comment?'), 'Spam or advertising');
  await typeInto(page, other.getByLabel('Note for the moderators (optional)'), `Promotional (${run}).`);
  await tabTo(page, other.getByRole('button', { name: 'Send report' }));
  await enterAndWait(page, /posted=flagged/);
  await page.getByRole('status').filter({ hasText: 'The moderators will review this comment' }).waitFor();
});

test('keyboard: a moderator hides the reported comment with a reason', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await loginKeyboard(page, DEMO.moderator);
  await tabTo(page, nav(page).getByRole('link', { name: 'Moderation' }));
  await enterAndWait(page, /\/moderation$/);
  await skipToMain(page);
  const item = page.locator(`section.queue-item[aria-labelledby="q-${state.flagged}"]`);
  await item.getByText(`Promotional (${run}).`).waitFor();
  const reason = `Advertising is not allowed (${run}).`;
  await typeInto(page, item.getByLabel(/^Reason/), reason);
  await tabTo(page, item.getByRole('button', { name: 'Hide' }));
  await enterAndWait(page, /done=1/);
  await page.getByRole('status').filter({ hasText: 'Decision recorded.' }).waitFor();
  await skipToMain(page);
  await tabTo(page, page.getByRole('link', { name: 'Audit log' }));
  await enterAndWait(page, /\/moderation\/log$/);
  await page.getByRole('cell', { name: reason }).waitFor();
  await ctx.close();
});

test('keyboard: an administrator creates a consultation and imports a draft', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await loginKeyboard(page, DEMO.admin);
  await tabTo(page, nav(page).getByRole('link', { name: 'Administration' }));
  await enterAndWait(page, /\/admin$/);
  await skipToMain(page);
  const title = `Data governance dialogue ${run}`;
  await typeInto(page, page.getByLabel('Title'), title);
  await typeInto(page, page.getByLabel('Summary'), 'A short consultation on cross-border data flows.');
  // The dates are left empty: the consultation opens now and runs for 60 days.
  await chooseOption(page, page.getByLabel('Moderation'), 'Publish at once, moderate afterwards');
  await tabTo(page, page.getByRole('button', { name: 'Create' }));
  await enterAndWait(page, /\/admin\/consultations\/\d+$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), title);

  await skipToMain(page);
  await typeInto(page, page.locator('#f-draft-title'), 'Dialogue paper');
  await typeInto(page, page.getByLabel(/^Version label/), 'Rev.1');
  await typeInto(
    page,
    page.getByLabel('Draft text (Markdown)'),
    '# Principles\n\n1. Data flows should respect privacy and human rights;\n\n2. Interoperable frameworks reduce fragmentation;\n',
  );
  await tabTo(page, page.getByRole('button', { name: 'Import a draft' }));
  await enterAndWait(page, /\/drafts\/\d+$/);
  assert.equal(await page.locator('main article.paragraph').count(), 2);
  await page.getByRole('heading', { level: 2, name: 'Principles' }).waitFor();
  await ctx.close();
});

test('keyboard: the secretariat downloads the CSV and the HTML compilation', async (t) => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await loginKeyboard(page, DEMO.admin);
  const { draft } = await demoPaths(page);
  await page.goto(url(draft));
  const section = page.locator('section[aria-labelledby="download-input"]');
  if (!(await section.count())) {
    t.skip('the "Download input" section is not on the draft page yet');
    await ctx.close();
    return;
  }
  await skipToMain(page);
  // Straight to the section: the paragraphs' links come first, then the downloads.
  await tabTo(page, section.getByRole('link', { name: /^CSV/ }).first(), { max: 800 });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const csvPath = join(OUT_DIR, `keyboard-${csv.suggestedFilename()}`);
  await csv.saveAs(csvPath);
  assert.ok(readFileSync(csvPath, 'utf8').split('\n').length > 100);

  await tabTo(page, section.getByRole('link', { name: /^Printable compilation/ }).first());
  const [html] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const htmlPath = join(OUT_DIR, `keyboard-${html.suggestedFilename()}`);
  await html.saveAs(htmlPath);
  assert.match(readFileSync(htmlPath, 'utf8'), /Consolidated stakeholder input/);
  await ctx.close();
});

test('keyboard: unsubscribe from an email link, then choose a notification mode', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await loginKeyboard(page, DEMO.government);
  await page.goto(url(`${state.thread}#c-${state.myComment}`));
  const mine = page.locator(`#c-${state.myComment}`);
  await tabTo(page, mine.locator('summary', { hasText: 'Reply' }));
  await page.keyboard.press('Enter');
  await typeInto(page, mine.getByLabel('Your comment'), `Our ministry supports this (${run}).`);
  await tabTo(page, mine.getByRole('button', { name: 'Publish reply' }));
  await enterAndWait(page, /posted=published/);
  await ctx.close();

  const mail = await waitForMail({ to: person.email, match: (m) => /Reply to your comment/.test(m.subject) });
  const p = state.page;
  await p.goto(linkIn(mail, '/unsubscribe'));
  await skipToMain(p);
  await tabTo(p, p.locator('main').getByRole('button', { name: 'Unsubscribe' }));
  await enterAndWait(p);
  await p.getByRole('status').filter({ hasText: 'You will receive no more notification emails' }).waitFor();
  await tabTo(p, p.getByRole('link', { name: 'Notification settings' }));
  await enterAndWait(p, /\/me$/);
  await assertSignedIn(p);
  const mode = p.getByLabel('Email notifications');
  assert.equal(await mode.inputValue(), 'off');
  await skipToMain(p);
  await chooseOption(p, mode, 'Immediately, one email per event');
  await tabTo(p, p.locator('main').getByRole('button', { name: 'Save' }));
  await enterAndWait(p);
  await p.getByRole('status').filter({ hasText: 'Your changes are saved.' }).waitFor();
  assert.equal(await p.getByLabel('Email notifications').inputValue(), 'immediate');
  await state.ctx.close();
});
