import { launch, newContext } from './lib/browser.mjs';
import { audit } from './lib/harness.mjs';
const b = await launch();
const ctx = await newContext(b);
const page = await ctx.newPage();
await page.goto(process.env.PLENARY_BASE_URL + '/login');
await page.evaluate(() => { const i = document.createElement('input'); document.querySelector('main').append(i); const h = document.createElement('h4'); h.textContent='x'; document.querySelector('main').prepend(h); const p=document.createElement('p'); p.style.color='#aaa'; p.textContent='low contrast'; document.querySelector('main').append(p); });
let t0 = Date.now();
const r = await audit(page);
console.log(Date.now()-t0, r.blocking.map(v=>v.id+':'+v.impact), r.other.map(v=>v.id));
for (const path of process.argv.slice(2)) {
  await page.goto(process.env.PLENARY_BASE_URL + path);
  t0 = Date.now();
  const r = await audit(page);
  console.log(path, Date.now()-t0, r.blocking.length, r.other.length);
}
await b.close();
