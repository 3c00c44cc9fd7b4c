// Accessibility: axe-core (npm) injected into the main views — search with facets, the
// reader at an item, charts, figures, documents, and the 375 px drawer in dark mode —
// must report no serious or critical violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE_URL, launch } from './support.mjs';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function audit(path, { width = 1280, height = 900, colorScheme = 'light', ready = '#main', before } = {}) {
  // The page's CSP rightly refuses injected scripts; the audit context bypasses it.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}${path}`);
  await page.locator(ready).first().waitFor();
  if (before) await before(page);
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  await context.close();
  return violations;
}

for (const [name, path, options] of [
  ['search with facets', '?q=customs', { ready: '.card' }],
  ['reader at an item', '?doc=004_dac77278a024235c&item=40', { ready: '.it.selected' }],
  ['charts', '?view=charts', { ready: '.chart canvas' }],
  ['figures', '?view=figures', { ready: 'table.figures' }],
  ['documents', '?view=documents', { ready: '.doc-title' }],
  ['Chinese interface', '?q=%E6%B5%B7%E5%85%B3&lang=zh', { ready: '.card' }],
  ['375 px, dark, facets drawer open', '?q=trade', {
    width: 375, height: 800, colorScheme: 'dark', ready: '.card',
    before: async (page) => {
      await page.locator('.filters-button').click();
      await page.waitForFunction(() => document.querySelector('.facets').getBoundingClientRect().right <= window.innerWidth + 1);
    },
  }],
]) {
  test(`no serious or critical accessibility violations: ${name}`, async () => {
    assert.deepEqual(await audit(path, options), []);
  });
}

// Beyond axe: every view and document had the same `document.title`, and every star was
// labelled just "Save".
test('the page title names the view, the query or the document, and each star says what it saves', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE_URL}?q=customs`);
  await page.locator('.card').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.card .pending'));
  await page.waitForFunction(() => document.title.startsWith('“customs”'));
  assert.equal(await page.title(), '“customs” · Results · FTZ Explorer');
  const stars = await page.locator('.card .star').evaluateAll((b) => b.map((e) => e.getAttribute('aria-label')));
  assert.ok(stars.length > 1);
  assert.equal(new Set(stars).size, stars.length, `distinct labels: ${stars.slice(0, 3)}`);
  assert.ok(stars.every((s) => s.startsWith('Save: ')));
  // A document: its title.
  await page.locator('.card .card-doc').first().click();
  await page.locator('.reader-title').waitFor();
  const title = await page.locator('.reader-title').textContent();
  await page.waitForFunction((t) => document.title === `${t} · FTZ Explorer`, title);
  // A view, in Chinese.
  await page.goto(`${BASE_URL}?view=charts&lang=zh`);
  await page.waitForFunction(() => document.title === '图表 · 自贸试验区政策浏览');
  await context.close();
});
