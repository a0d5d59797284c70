// The Word upload on the admin page, in Arabic (right to left): a file with a table is
// converted, its warnings are listed before anything is stored, axe-core finds nothing
// blocking, and the converted text is then imported into the right paragraphs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newContext } from '../lib/browser.mjs';
import { url, uniq, demoPaths, login, DEMO, OUT_DIR, audit, describeViolations } from '../lib/harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.E2E_SCREENSHOT_DIR || join(ROOT, 'docs', 'screenshots');
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A Word file as Word writes one, made here with Python's zipfile: an Arabic heading,
 * two automatically numbered paragraphs, and a table between them. */
function arabicWordFile(path) {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>`;
  const numbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const p = (t) => `<w:p><w:pPr><w:bidi/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`
    + '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>المنطوق</w:t></w:r></w:p>'
    + p('تلتزم بتحقيق الاتصال الشامل بحلول عام 2030؛')
    + '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>الهدف</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    + p('تطلب إلى الأمين العام أن يقدم تقريرا عن التقدم المحرز.')
    + '<w:sectPr/></w:body></w:document>';
  const script = `
import json, sys, zipfile
parts = json.loads(sys.stdin.read())
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name, xml in parts.items():
        z.writestr(name, xml)
`;
  execFileSync('python3', ['-c', script, path], {
    input: JSON.stringify({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'word/document.xml': document,
      'word/styles.xml': styles,
      'word/numbering.xml': numbering,
    }),
  });
}

test('an administrator uploads a Word draft in Arabic, reads the warnings, then imports it', async () => {
  const file = join(OUT_DIR, `word-${uniq()}.docx`);
  arabicWordFile(file);
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await login(page, DEMO.admin);
  const { consultation } = await demoPaths(page);
  await page.goto(url(`/admin${consultation}?lang=ar`));
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
  const form = page.locator('form[enctype="multipart/form-data"]');
  await form.locator('#f-draft-title').fill('الوثيقة الختامية');
  await form.locator('#f-version_label').fill('مشروع أولي');
  await form.locator('#f-language').selectOption('ar');
  await form.locator('#f-file').setInputFiles(file);
  await form.locator('button[type=submit]').click();

  const warnings = page.locator('#import-warnings');
  await warnings.waitFor();
  assert.match(await warnings.innerText(), /لم يُستورد جدول يلي الفقرة 1/);
  assert.match(await page.locator('#f-text').inputValue(), /تلتزم بتحقيق الاتصال الشامل/);
  const { blocking } = await audit(page);
  assert.deepEqual(blocking, [], describeViolations(blocking));
  // Warnings on the right, their border on the start side (right in Arabic).
  const side = await warnings.evaluate((e) => getComputedStyle(e).borderRightWidth);
  assert.equal(side, '6px');
  await warnings.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'import-warnings-ar-1280.png'), animations: 'disabled' });

  // Nothing was stored; the secretariat imports the converted text as it is.
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/\/drafts\/\d+$/);
  assert.deepEqual(
    (await page.locator('main .para-number').allTextContents()).map((s) => s.trim()),
    ['1', '2'],
  );
  await ctx.close();
});
