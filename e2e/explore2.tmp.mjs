import { launch, newContext } from './lib/browser.mjs';
const BASE = process.argv[2];
const b = await launch();
const ctx = await newContext(b);
const page = await ctx.newPage();
await page.goto(BASE + '/login');
await page.fill('#f-email', 'admin@demo.plenary'); await page.fill('#f-password', 'plenary-demo-2025'); await page.click('main button');
await page.goto(BASE + '/admin');
console.log(await page.evaluate(() => navigator.language));
for (const seq of ['310320300930', '033120300930AM', '03312030ArrowRight0930ArrowRightA', '20300331ArrowRight0930']) {
  await page.goto(BASE + '/admin');
  await page.focus('#f-closes_at');
  for (const k of seq.split(/(ArrowRight)/)) { if (k === 'ArrowRight') await page.keyboard.press(k); else await page.keyboard.type(k, {delay: 20}); }
  console.log(seq, '=>', await page.$eval('#f-closes_at', s => s.value));
}
await b.close();
