// The main flows, done with the mouse (clicks and typing), against the real server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newContext } from '../lib/browser.mjs';
import {
  url, uniq, demoPaths, waitForMail, linkIn, login, logout, assertSignedIn, DEMO, OUT_DIR,
} from '../lib/harness.mjs';

let browser;
const run = uniq();
const person = {
  name: `Ngozi Okafor ${run}`,
  email: `ngozi.${run}@example.org`,
  password: `a long passphrase ${run}`,
};
const state = {};

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('register, follow the link in the verification email, sign in', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await page.goto(url('/'));
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.waitForURL(/\/register$/);
  await page.getByLabel('Your name as others will see it').fill(person.name);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Stakeholder group').selectOption({ label: 'Civil society' });
  await page.getByLabel('Organization (optional)').fill('Lagos Digital Rights Forum');
  await page.getByLabel(/^Country/).fill('NG');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('status').filter({ hasText: 'Your account is created' }).waitFor();

  const mail = await waitForMail({ to: person.email, match: (m) => /Confirm your email/.test(m.subject) });
  const link = linkIn(mail, '/verify-email');
  await page.goto(link);
  // Opening the link only shows a button: the address is confirmed by pressing it.
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await page.getByText('Your email address is confirmed').waitFor();

  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/me$/);
  await assertSignedIn(page);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'My account');
  state.ctx = ctx;
  state.page = page;
});

test('comment on a paragraph', async () => {
  const page = state.page;
  const { draft, paragraphs } = await demoPaths(page);
  await page.goto(url(draft));
  const para = page.locator('main article.paragraph').nth(4);
  await para.locator('summary').click();
  await para.getByRole('link', { name: /Read all comments|Comment on this paragraph/ }).click();
  await page.waitForURL(/\/paragraphs\//);
  state.thread = new URL(page.url()).pathname;
  assert.equal(state.thread, paragraphs[4]);
  const form = page.locator('section[aria-labelledby="new-comment"]');
  const body = `The reference to meaningful connectivity should include affordability targets (${run}).`;
  await form.getByLabel('Your comment').fill(body);
  await form.getByLabel('Show my comment as').selectOption({ label: 'My name, organization and stakeholder group' });
  await form.getByRole('button', { name: 'Publish comment' }).click();
  await page.getByRole('status').filter({ hasText: 'Your comment is published.' }).waitFor();
  const id = new URL(page.url()).hash.slice(1);
  assert.match(id, /^c-\d+$/);
  const mine = page.locator(`#${id}`);
  await mine.locator('.comment-body').getByText(body).waitFor();
  await mine.locator('.comment-meta').getByText(person.name).waitFor();
  state.myComment = id.slice(2);
});

test('reply to a comment', async () => {
  const page = state.page;
  await page.goto(url(state.thread));
  // The first comment of someone else in the thread.
  const other = page.locator('ol.comments > li.comment > article', { has: page.getByRole('group') }).filter({ hasNot: page.locator(`#c-${state.myComment}`) }).first();
  const otherId = await other.getAttribute('id');
  await other.locator('summary', { hasText: 'Reply' }).click();
  const reply = `Agreed; the affordability benchmark of 2% of monthly income is a good start (${run}).`;
  await other.getByLabel('Your comment').fill(reply);
  await other.getByRole('button', { name: 'Publish reply' }).click();
  await page.getByRole('status').filter({ hasText: 'Your comment is published.' }).waitFor();
  const replyId = new URL(page.url()).hash.slice(1);
  const shown = page.locator(`#${replyId}`);
  await shown.locator('.comment-body').getByText(reply).waitFor();
  // It is shown among the replies of the comment it answers.
  assert.ok(await page.locator(`li.comment:has(> #${otherId}) ol.replies #${replyId}`).count(), 'the reply is nested under its parent');
});

test('propose an amendment', async () => {
  const page = state.page;
  await page.goto(url(state.thread));
  const form = page.locator('section[aria-labelledby="new-amendment"]');
  const proposed = form.getByLabel('Proposed text of the paragraph');
  const original = await proposed.inputValue();
  assert.ok(original.length > 20, 'the proposed text starts as the paragraph text');
  await proposed.fill(`${original.trim()} Affordability shall be measured against national income levels.`);
  await form.getByLabel('Why you propose this change').fill(`Measurable affordability (${run}).`);
  await form.getByRole('button', { name: 'Propose amendment' }).click();
  await page.getByRole('status').filter({ hasText: 'Your comment is published.' }).waitFor();
  const id = new URL(page.url()).hash.slice(1);
  const am = page.locator(`#${id}`);
  await am.locator('.amendment-label').getByText('Proposed amendment').waitFor();
  await am.locator('.proposed').getByText('Affordability shall be measured against national income levels.').waitFor();
  assert.match(await am.getAttribute('class'), /amendment/);
});

test('flag (report) a comment', async () => {
  const page = state.page;
  await page.goto(url(state.thread));
  const other = page
    .locator('ol.comments > li.comment > article')
    .filter({ has: page.locator('summary', { hasText: 'Report' }) })
    .last();
  const id = await other.getAttribute('id');
  state.flaggedText = (await other.locator('.comment-body').innerText()).trim().split('\n')[0];
  await other.locator('summary', { hasText: 'Report' }).click();
  await other.getByLabel('Why are you reporting this comment?').selectOption({ label: 'Off topic' });
  await other.getByLabel('Note for the moderators (optional)').fill(`Not about this paragraph (${run}).`);
  await other.getByRole('button', { name: 'Send report' }).click();
  await page.getByRole('status').filter({ hasText: 'The moderators will review this comment' }).waitFor();
  state.flagged = id.slice(2);
});

test('a moderator hides the flagged comment with a reason', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await login(page, DEMO.moderator);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Moderation' }).click();
  await page.waitForURL(/\/moderation$/);
  const item = page.locator(`section.queue-item[aria-labelledby="q-${state.flagged}"]`);
  await item.getByText(`Not about this paragraph (${run}).`).waitFor();
  const reason = `Off topic for this paragraph (${run}).`;
  await item.getByLabel(/^Reason/).fill(reason);
  await item.getByRole('button', { name: 'Hide' }).click();
  await page.waitForURL(/done=1/);
  await page.getByRole('status').filter({ hasText: 'Decision recorded.' }).waitFor();
  assert.equal(await page.locator(`section.queue-item[aria-labelledby="q-${state.flagged}"]`).count(), 0);

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByRole('cell', { name: reason }).waitFor();

  // Its text is gone from the thread (a placeholder stays only if it has replies).
  await state.page.goto(url(state.thread));
  const hidden = state.page.locator(`#c-${state.flagged}`);
  if (await hidden.count()) {
    await hidden.getByText('This comment was hidden by a moderator.').waitFor();
  }
  assert.equal(await state.page.locator('main .comment-body').getByText(state.flaggedText, { exact: false }).count(), 0);
  await ctx.close();
});

test('an administrator creates a consultation and imports a draft', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await login(page, DEMO.admin);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }).click();
  await page.waitForURL(/\/admin$/);
  const title = `Global Digital Compact: regional input ${run}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Summary').fill('Regional stakeholders comment on the implementation roadmap.');
  await page.getByLabel('Opens at (UTC)').fill('2026-01-05T09:00');
  await page.getByLabel('Closes at (UTC)').fill('2030-03-31T17:00');
  await page.getByLabel('Moderation').selectOption({ label: 'Hold every comment until a moderator approves it' });
  await page.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/admin\/consultations\/\d+$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), title);

  const text = [
    '# Preamble',
    '',
    'PP1. Recalling the Global Digital Compact adopted in September 2024,',
    '',
    '# Commitments',
    '',
    '1. Commits to connect all people, schools and hospitals to the Internet by 2030;',
    '',
    '2. Commits to strengthen international cooperation on data governance;',
  ].join('\n');
  await page.locator('#f-draft-title').fill('Implementation roadmap');
  await page.getByLabel(/^Version label/).fill('Zero draft');
  await page.getByLabel('Draft text (Markdown)').fill(text);
  await page.getByRole('button', { name: 'Import a draft' }).click();
  await page.waitForURL(/\/drafts\/\d+$/);
  await page.getByRole('heading', { level: 1, name: /Implementation roadmap/ }).waitFor();
  assert.equal(await page.locator('main article.paragraph').count(), 3);
  assert.deepEqual(
    (await page.locator('main .para-number').allTextContents()).map((s) => s.trim()),
    ['PP1', '1', '2'],
  );
  await page.getByRole('heading', { level: 2, name: 'Commitments' }).waitFor();
  // The label is shown once, in the number column, not again at the start of the text.
  assert.match(await page.locator('main .para-text').first().innerText(), /^Recalling the Global Digital Compact/);
  await ctx.close();
});

test('the secretariat downloads the CSV and the HTML compilation', async (t) => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await login(page, DEMO.admin);
  const { draft } = await demoPaths(page);
  await page.goto(url(draft));
  const section = page.locator('section[aria-labelledby="download-input"]');
  if (!(await section.count())) {
    t.skip('the "Download input" section is not on the draft page yet');
    await ctx.close();
    return;
  }
  const csvLink = section.getByRole('link', { name: /^CSV/ }).first();
  const [csv] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  const csvPath = join(OUT_DIR, `mouse-${csv.suggestedFilename()}`);
  await csv.saveAs(csvPath);
  const rows = readFileSync(csvPath, 'utf8').trim().split('\n');
  assert.ok(rows.length > 100, `the CSV has the demo's comments (${rows.length} lines)`);
  assert.match(rows[0], /group/i);

  const htmlLink = section.getByRole('link', { name: /^Printable compilation/ }).first();
  const [html] = await Promise.all([page.waitForEvent('download'), htmlLink.click()]);
  assert.match(html.suggestedFilename(), /\.html?$/);
  const htmlPath = join(OUT_DIR, `mouse-${html.suggestedFilename()}`);
  await html.saveAs(htmlPath);
  const doc = readFileSync(htmlPath, 'utf8');
  assert.match(doc, /<html/i);
  assert.match(doc, /Consolidated stakeholder input/);
  // The compilation opens in the browser as a document of its own.
  const view = await ctx.newPage();
  await view.goto(`file://${htmlPath}`);
  assert.match(await view.locator('h1').first().textContent(), /\S/);
  await ctx.close();
});

test('a participant unsubscribes from an email link and changes the notification mode', async () => {
  // Someone replies to the participant's comment: the notification email has the link.
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await login(page, DEMO.academia);
  await page.goto(url(state.thread));
  const mine = page.locator(`#c-${state.myComment}`);
  await mine.locator('summary', { hasText: 'Reply' }).click();
  await mine.getByLabel('Your comment').fill(`Affordability data from ITU supports this (${run}).`);
  await mine.getByRole('button', { name: 'Publish reply' }).click();
  await page.getByRole('status').filter({ hasText: 'Your comment is published.' }).waitFor();
  await ctx.close();

  const mail = await waitForMail({ to: person.email, match: (m) => /Reply to your comment/.test(m.subject) });
  assert.match(mail.text, /\(\w+\)|ITU/);
  assert.match(mail.headers['list-unsubscribe'] ?? '', /\/unsubscribe\?token=/, 'the email has a List-Unsubscribe header');
  const link = linkIn(mail, '/unsubscribe');

  // The link works without signing in.
  const anon = await newContext(browser);
  const p2 = await anon.newPage();
  await p2.goto(link);
  await p2.getByRole('heading', { level: 1, name: 'Unsubscribe from notifications' }).waitFor();
  await p2.getByRole('button', { name: 'Unsubscribe' }).click();
  await p2.getByRole('status').filter({ hasText: 'You will receive no more notification emails' }).waitFor();
  await anon.close();

  const me = state.page;
  await me.goto(url('/me'));
  const mode = me.getByLabel('Email notifications');
  assert.equal(await mode.inputValue(), 'off');
  await mode.selectOption({ label: 'One daily digest' });
  await me.getByRole('button', { name: 'Save' }).click();
  await me.getByRole('status').filter({ hasText: 'Your changes are saved.' }).waitFor();
  assert.equal(await me.getByLabel('Email notifications').inputValue(), 'daily_digest');
  await me.goto(url('/me'));
  assert.equal(await me.getByLabel('Email notifications').inputValue(), 'daily_digest');

  await logout(me);
  await me.getByText('You are signed out.').waitFor();
  await state.ctx.close();
});
