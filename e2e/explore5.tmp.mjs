import { launch, newContext } from './lib/browser.mjs';
import { login } from './lib/harness.mjs';
const b = await launch();
const ctx = await newContext(b, { width: 320, height: 640 });
const page = await ctx.newPage();
await login(page, 'admin@demo.plenary');
await page.goto(process.env.PLENARY_BASE_URL + '/admin/users');
console.log(await page.evaluate(() => { const d = document.querySelector('.table-scroll'); const cs = getComputedStyle(d); return [document.documentElement.scrollWidth, document.documentElement.clientWidth, d.clientWidth, d.scrollWidth, cs.overflowX, cs.display, getComputedStyle(document.querySelector('main')).width, document.body.scrollWidth]; }));
await b.close();
