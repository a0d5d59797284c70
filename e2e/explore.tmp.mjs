import { launch, newContext } from '/work/main/e2e/lib/browser.mjs';
import AxeBuilder from '@axe-core/playwright';
const BASE = process.argv[2];
const b = await launch();
const ctx = await newContext(b);
const page = await ctx.newPage();
for (const path of process.argv.slice(3)) {
  await page.goto(BASE + path);
  const r = await new AxeBuilder({ page }).withTags(['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice']).analyze();
  console.log(path, r.violations.map(v => `${v.impact} ${v.id} (${v.nodes.length}) ${v.nodes.slice(0,2).map(n=>n.target.join(' ')).join(' | ')}`));
  await page.screenshot({ path: `/tmp/shot-${path.replace(/\W/g,'_')}.png` });
}
await b.close();
