// The explorer in headless Chromium: search as you type, facets, URL state, export,
// language, saved items, permalinks, keyboard, and the 375 px drawer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE_URL, seedsBundle, launch, openPage, screenshot } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const bundle = seedsBundle();
const count = async (page) => Number((await page.locator('.toolbar .count').textContent()).match(/\d+/)[0]);

async function search(page, text) {
  await page.locator('#search').fill(text);
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, text);
  await page.locator('.toolbar .count').waitFor();
  // The cards' texts have arrived.
  await page.waitForFunction(() => !document.querySelector('.results[aria-busy="true"], .card .pending'));
}

test('typing Chinese and English queries shows highlighted results', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(BASE_URL);
  await page.locator('.card').first().waitFor();
  for (const query of ['海关', 'blockchain']) {
    await search(page, query);
    const marks = await page.locator('.card mark').allTextContents();
    assert.ok(marks.length > 0, `${query}: highlights`);
    assert.ok(marks.some((m) => m.toLowerCase().includes(query.toLowerCase())), `${query}: ${marks.slice(0, 5)}`);
    assert.ok((await count(page)) >= (await page.locator('.card').count()));
  }
  // A cross-language match is announced.
  assert.match(await page.locator('.also').textContent(), /区块链/);
  await screenshot(page, 'explorer-search-desktop-light');
  assert.deepEqual(problems, []);
  await context.close();
});

test('two facet values narrow the results and the counts follow', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(BASE_URL);
  await page.locator('.card').first().waitFor();
  const total = await count(page);
  const measure = page.locator('[data-facet="kind"] li', { hasText: /Measure/ });
  const measures = Number(await measure.locator('.count').textContent());
  await measure.locator('input').check();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('kind') === 'measure');
  assert.equal(await count(page), measures, 'result count equals the facet count');
  assert.ok(measures < total);
  const kinds = await page.locator('.card .badge[data-kind]').evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.ok(kinds.length > 0 && kinds.every((k) => k === 'measure'), kinds.join());
  // A second facet: its displayed count already reflects the first filter.
  const lead = page.locator('[data-facet="lead"] li').first();
  const leadCount = Number(await lead.locator('.count').textContent());
  const leadName = (await lead.locator('.facet-label').textContent()).trim();
  await lead.locator('input').check();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('lead'));
  assert.equal(await count(page), leadCount);
  const tags = await page.locator('.card').evaluateAll((cards) => cards.map((c) => [...c.querySelectorAll('.tag.lead')].map((t) => t.textContent)));
  assert.ok(tags.every((t) => t.includes(leadName)), `every card is led by ${leadName}`);
  // Chips: one per value, removable; clear all.
  assert.equal(await page.locator('.chip').count(), 2);
  await page.locator('#clear-all').click();
  await page.waitForFunction(() => !location.search.includes('kind='));
  assert.equal(await count(page), total);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the URL restores the same view after reload and back/forward', async () => {
  const { context, page, problems } = await openPage(browser);
  // The cards' texts arrive after the count: compare them once they are here.
  const whole = () => page.waitForFunction(() => document.querySelector('.card') && !document.querySelector('.results[aria-busy="true"], .card .pending'));
  await page.goto(`${BASE_URL}?q=trade&kind=measure&sort=date`);
  await page.locator('.toolbar .count').waitFor();
  await whole();
  const first = { count: await count(page), cards: await page.locator('.card .snippet').allTextContents() };
  await page.reload();
  await page.locator('.toolbar .count').waitFor();
  await whole();
  assert.equal(await count(page), first.count);
  assert.deepEqual(await page.locator('.card .snippet').allTextContents(), first.cards);
  assert.equal(await page.locator('#search').inputValue(), 'trade');
  assert.equal(await page.locator('#sort').inputValue(), 'date');
  // Change the state, then go back and forward.
  await page.locator('[data-facet="kind"] li', { hasText: /Measure/ }).locator('input').uncheck();
  await page.waitForFunction(() => !location.search.includes('kind='));
  const wider = await count(page);
  assert.ok(wider > first.count);
  await page.goBack();
  await page.waitForFunction(() => location.search.includes('kind=measure'));
  assert.equal(await count(page), first.count);
  assert.ok(await page.locator('[data-facet="kind"] li', { hasText: /Measure/ }).locator('input').isChecked());
  await page.goForward();
  await page.waitForFunction(() => !location.search.includes('kind='));
  assert.equal(await count(page), wider);
  assert.deepEqual(problems, []);
  await context.close();
});

test('CSV export holds the current results with a BOM, and JSON too', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?q=${encodeURIComponent('海关')}`);
  await page.locator('.card').first().waitFor();
  const n = await count(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  // Named by view, query and day, so that two exports do not overwrite each other.
  assert.match(download.suggestedFilename(), /^ftz-results-海关-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffdocument,document_title,'), 'BOM and header');
  const lines = csv.trim().split('\r\n');
  assert.ok(lines.length >= n + 1, `${lines.length} lines for ${n} results`);
  assert.ok(csv.includes('海关'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  const rows = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(rows.length, n);
  assert.ok(rows.every((r) => r.text.includes('海关') || r.text.toLowerCase().includes('custom')), 'every row matches the query or its translation (stemmed)');
  // Lists are lists, and a link opens its row from anywhere (not a relative "?doc=").
  assert.ok(rows.every((r) => Array.isArray(r.regions) && Array.isArray(r.lead_units)), 'lists as arrays');
  assert.ok(rows.every((r) => r.link.startsWith(BASE_URL + '?doc=')), rows[0].link);
  await page.goto(rows[0].link);
  await page.locator('.it.selected').waitFor();
  assert.ok((await page.locator('.it.selected').textContent()).includes(rows[0].text.slice(0, 20)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the language toggle switches the interface and is remembered', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(BASE_URL);
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.tab').first().textContent(), 'Results');
  await page.locator('#lang-toggle').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await page.locator('.tab').first().textContent(), '结果');
  assert.match(await page.locator('.toolbar .count').textContent(), /条结果/);
  await screenshot(page, 'explorer-zh-desktop-light');
  await page.goto(BASE_URL); // no lang in the URL: the stored choice applies
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.tab').first().textContent(), '结果');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a permalink opens the reader at the item, highlighted and in view', async () => {
  const { context, page, problems } = await openPage(browser);
  const doc = bundle.documents.find((d) => d.lang === 'zh');
  const measures = doc.items.map((it, i) => [it[0], i]).filter(([k]) => k === 'measure');
  const [, index] = measures[40];
  await page.goto(`${BASE_URL}?doc=${doc.id}&item=${index}`);
  const selected = page.locator('.it.selected');
  await selected.waitFor();
  assert.equal(await selected.getAttribute('id'), `i${index}`);
  assert.match(await selected.textContent(), /^41/);
  await page.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, `i${index}`);
  assert.ok(await page.locator('.item-details').isVisible());
  await screenshot(page, 'reader-permalink');
  assert.deepEqual(problems, []);
  await context.close();
});

// The reader put the chosen item's details at the top of the document, thousands of pixels
// from the measure and without saying which measure they described; the query was not
// marked in the text; links used an internal index.
test('the reader puts the details under the item, marks the query, links by number and steps to the next item', async () => {
  const { context, page, problems } = await openPage(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const doc = bundle.documents.find((d) => d.lang === 'zh');
  const text = Buffer.from(doc.text, 'utf8');
  let end = 0;
  const itemText = doc.items.map((it) => { const start = end + it[1]; end = start + it[2]; return text.subarray(start, end).toString(); });
  const measures = doc.items.map((it, i) => [it[0], i]).filter(([k]) => k === 'measure');
  const [, index] = measures[20];
  // An old link by index still opens the item, and the address bar now names it by number.
  await page.goto(`${BASE_URL}?q=${encodeURIComponent('海关')}&doc=${doc.id}&item=${index}`);
  const selected = page.locator('.it.selected');
  await selected.waitFor();
  assert.equal(await selected.getAttribute('id'), `i${index}`);
  await page.waitForURL((u) => u.searchParams.has('number') && !u.searchParams.has('item'));
  const number = new URL(page.url()).searchParams.get('number');
  assert.ok(number.endsWith(String(doc.items[index][3])), `number=${number} for measure ${doc.items[index][3]}`);
  // The details come right after the item and say which measure they describe.
  const gap = await page.evaluate(() => {
    const item = document.querySelector('.it.selected').getBoundingClientRect();
    const details = document.querySelector('.item-details').getBoundingClientRect();
    return details.top - item.bottom;
  });
  assert.ok(gap >= 0 && gap < 40, `details ${gap} px below the item`);
  assert.match(await page.locator('.item-details-title').textContent(), new RegExp(`Measure ${doc.items[index][3]}$`));
  // Every 海关 of the items' text is marked, and nothing else is.
  const expected = itemText.filter((_, i) => doc.items[i][0] !== 'title').reduce((n, t) => n + t.split('海关').length - 1, 0);
  const marks = await page.locator('.reader-body mark').allTextContents();
  assert.ok(expected > 0);
  assert.equal(marks.length, expected, `${marks.length} marks for ${expected} occurrences`);
  assert.ok(marks.every((m) => m === '海关'), marks.join('|'));
  // The permalink, reloaded, opens the same item; "Copy link" copies its absolute form.
  const link = await page.locator('.item-details .permalink').getAttribute('href');
  assert.ok(link.includes(`number=${encodeURIComponent(number).replace(/%2E/g, '.')}`), link);
  await page.locator('.copy-link').click();
  await page.locator('.item-details .copied', { hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), new URL(link, BASE_URL).href);
  // Next and previous step through the measures.
  await page.locator('.next-item').click();
  await page.waitForFunction((id) => document.querySelector('.it.selected')?.id === id, `i${measures[21][1]}`);
  assert.match(await page.locator('.item-details-title').textContent(), new RegExp(`Measure ${doc.items[measures[21][1]][3]}$`));
  await page.goBack();
  await page.waitForFunction((id) => document.querySelector('.it.selected')?.id === id, `i${index}`);
  await page.goto(`${BASE_URL}?doc=${doc.id}&number=${encodeURIComponent(number)}`);
  await page.waitForFunction((id) => document.querySelector('.it.selected')?.id === id, `i${measures[20][1]}`);
  await page.goto(`${BASE_URL}?doc=${doc.id}&item=${measures[0][1]}`);
  await page.locator('.it.selected').waitFor();
  assert.ok(await page.locator('.prev-item').isDisabled(), 'nothing before the first measure');
  assert.deepEqual(problems, []);
  await context.close();
});

// Losing one's place: "Next" opened page 2 scrolled to its bottom, "← Back to results"
// returned to the top, focus was left on <body> after opening a result, and the first
// keystroke of a search replaced the start page's history entry.
test('paging, opening a result and coming back keep the visitor\'s place and focus', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(BASE_URL);
  await page.locator('.card').first().waitFor();
  const entries = await page.evaluate(() => history.length);
  await page.locator('#search').pressSequentially('trade', { delay: 30 });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'trade');
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'one new entry for the search, refined as typed');
  await page.waitForFunction(() => !document.querySelector('.results[aria-busy="true"], .card .pending'));
  // Next: page 2 from its top, focus on the results' heading.
  await page.locator('.pager button').last().scrollIntoViewIfNeeded();
  await page.locator('.pager button').last().click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
  const top = await page.locator('.results').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 200, `page 2 starts ${top} px from the top`);
  // Open the sixth card: focus goes to the item in the reader.
  const card = page.locator('.card').nth(5);
  await card.scrollIntoViewIfNeeded();
  const id = await card.getAttribute('data-id');
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 100, `scrolled down to the card (${y})`);
  await card.locator('.card-doc').click();
  await page.locator('.it.selected').waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('selected'));
  // "← Back to results": the same place, the same card focused.
  await page.locator('.back').click();
  await page.waitForFunction((id) => document.activeElement?.dataset?.id === id, id);
  const back = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(back - y) < 5, `back at ${back}, was at ${y}`);
  // The browser's Back does the same.
  await page.locator(`.card[data-id="${id}"] .card-doc`).click();
  await page.locator('.it.selected').waitFor();
  await page.goBack();
  await page.waitForFunction((id) => document.activeElement?.dataset?.id === id, id);
  // Back, step by step (the way back to the results was an entry of its own), reaches the
  // start page without a query: the search did not replace it.
  for (let i = 0; i < 6 && new URL(page.url()).searchParams.has('q'); i++) await page.goBack();
  assert.ok(!new URL(page.url()).searchParams.has('q'), page.url());
  assert.equal(await page.locator('#search').inputValue(), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: "/" focuses search, arrows move through results, Enter opens one', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?q=measures`);
  await page.locator('.card').nth(1).waitFor();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search');
  await page.locator('.card').first().focus();
  await page.keyboard.press('ArrowDown');
  const second = await page.locator('.card').nth(1).getAttribute('data-id');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), second);
  await page.keyboard.press('Enter');
  await page.locator('.it.selected').waitFor();
  const p = new URL(page.url()).searchParams;
  assert.ok(p.has('number') || p.has('item'), page.url());
  assert.deepEqual(problems, []);
  await context.close();
});

// Cards were drawn again when their texts arrived, so a card focused by the keyboard lost
// its focus to <body>. Texts are held back here until after a card has focus.
test('a focused card keeps focus while its text arrives', async () => {
  const { context, page, problems } = await openPage(browser);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/data\/text\.[0-9a-f]+\.json$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${BASE_URL}?q=measures`);
  await page.locator('.card .pending').first().waitFor();
  await page.locator('.card').nth(1).focus();
  const id = await page.locator('.card').nth(1).getAttribute('data-id');
  release();
  await page.waitForFunction(() => document.querySelector('.card') && !document.querySelector('.card .pending'));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.id), id);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.id), await page.locator('.card').nth(2).getAttribute('data-id'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('saved items survive a reload and have their own facet', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?q=blockchain`);
  await page.locator('.card .star').first().waitFor();
  await page.locator('.card .star').first().click();
  assert.equal(await page.locator('.card .star').first().getAttribute('aria-pressed'), 'true');
  await page.reload();
  await page.locator('.card .star').first().waitFor();
  assert.equal(await page.locator('.card .star').first().getAttribute('aria-pressed'), 'true');
  await page.goto(`${BASE_URL}?saved=saved`);
  await page.locator('.toolbar .count').waitFor();
  assert.equal(await count(page), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 375 px the facets are a drawer and nothing overflows, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page, problems } = await openPage(browser, { width: 375, height: 800, colorScheme });
    await page.goto(`${BASE_URL}?q=trade`);
    await page.locator('.card').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `overflows by ${overflow}px`);
    assert.ok(!(await page.locator('.facets').evaluate((el) => el.getBoundingClientRect().left < window.innerWidth)), 'drawer closed');
    await screenshot(page, `explorer-375-${colorScheme}`);
    await page.locator('.filters-button').click();
    await page.waitForFunction(() => document.querySelector('.facets').getBoundingClientRect().right <= window.innerWidth + 1);
    await screenshot(page, `explorer-375-${colorScheme}-drawer`);
    await page.locator('.drawer-head button').click();
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// The phone's filter drawer neither took focus nor closed on Escape: it is a modal dialog now.
test('the filter drawer is a dialog: it takes focus, keeps Tab inside, closes on Escape and beside it', async () => {
  const { context, page, problems } = await openPage(browser, { width: 375 });
  await page.goto(BASE_URL);
  await page.locator('.card').first().waitFor();
  const opener = page.locator('.filters-button');
  await opener.click();
  await page.locator('.facets[role="dialog"][aria-modal="true"]').waitFor();
  assert.equal(await opener.getAttribute('aria-expanded'), 'true');
  await page.waitForFunction(() => document.activeElement?.closest('.drawer-head'));
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('.facets')), `Tab ${i} left the dialog`);
  }
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.classList.contains('filters-button'));
  assert.equal(await page.locator('.facets[role="dialog"]').count(), 0);
  await opener.click();
  await page.locator('.facets[role="dialog"]').waitFor();
  await page.mouse.click(10, 500);
  await page.waitForFunction(() => !document.querySelector('.facets.open'));
  assert.deepEqual(problems, []);
  await context.close();
});

// A new user met 182 raw items "by relevance" with no query. The start page now says what the
// corpus holds and offers ways in; the items below start with the measures.
test('the start page says what the corpus holds, offers topics, regions and searches, and lists measures first', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(BASE_URL);
  await page.locator('.landing').waitFor();
  const facts = await page.locator('.landing-facts li').allTextContents();
  const measures = bundle.documents.flatMap((d) => d.items).filter((it) => it[0] === 'measure').length;
  assert.ok(facts.includes(`${bundle.documents.length} documents`), facts.join(' | '));
  assert.ok(facts.includes(`${measures} measures`), facts.join(' | '));
  assert.ok(!facts.some((f) => /undated/.test(f)), 'years are years');
  assert.equal(await page.locator('.card').first().locator('.badge').first().getAttribute('data-kind'), 'measure');
  await page.locator('.landing-row').first().locator('.shortcut').first().click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('topic'));
  assert.equal(await page.locator('.landing').count(), 0, 'gone once there is a filter');
  await page.goto(BASE_URL);
  await page.locator('.landing').waitFor();
  const tryIt = page.locator('.landing-row').nth(2).locator('.shortcut').first();
  const query = (await tryIt.textContent()).replace(/[“”]/g, '');
  await tryIt.click();
  await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
  assert.ok(Number((await page.locator('.toolbar .count').textContent()).match(/\d+/)[0]) > 0, `“${query}” finds something`);
  assert.deepEqual(problems, []);
  await context.close();
});

// A private-use character (measures 41 and 42 of the Hubei notice are numbered with one)
// was drawn as an empty box. The text keeps it; the page does not draw it.
test('private-use glyphs are kept in the text but not drawn', async () => {
  const { context, page, problems } = await openPage(browser);
  const pua = /[\ue000-\uf8ff]/;
  const doc = bundle.documents.find((d) => pua.test(d.text));
  assert.ok(doc, 'a seed document has a private-use character');
  const bytes = Buffer.from(doc.text, 'utf8');
  let end = 0;
  const index = doc.items.findIndex((it) => { const start = end + it[1]; end = start + it[2]; return pua.test(bytes.subarray(start, end).toString()); });
  await page.goto(`${BASE_URL}?doc=${doc.id}&item=${index}`);
  await page.locator('.it.selected').waitFor();
  const shown = await page.locator('.reader-body').textContent();
  assert.ok(!pua.test(shown), 'no private-use glyph in the reader');
  assert.ok(shown.length > 1000);
  const [download] = await Promise.all([page.waitForEvent('download'), page.goto(`${BASE_URL}?q=${encodeURIComponent('武汉东湖')}`).then(() => page.locator('.card').first().waitFor()).then(() => page.locator('#export-json').click())]);
  const rows = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.ok(!pua.test(await page.locator('.cards').textContent()), 'nor in the cards');
  assert.ok(rows.some((r) => pua.test(r.text)), 'the export keeps the text as the document has it');
  assert.deepEqual(problems, []);
  await context.close();
});

// Paging was Previous/Next only, 20 at a time.
test('the pager numbers its pages and offers a page size, both in the URL', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(BASE_URL);
  await page.locator('.card').first().waitFor();
  const total = await count(page);
  const pages = Math.ceil(total / 20);
  assert.ok(pages > 3, `${total} results`);
  await page.locator('.page-number', { hasText: new RegExp(`^${pages}$`) }).click();
  await page.waitForFunction((n) => new URL(location.href).searchParams.get('page') === String(n), pages);
  assert.equal(await page.locator('.page-number[aria-current="page"]').textContent(), String(pages));
  assert.equal(await page.locator('.card').count(), total - (pages - 1) * 20, 'the last page holds the rest');
  await page.locator('#per-page').selectOption('50');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('per') === '50');
  await page.reload();
  await page.locator('.card').first().waitFor();
  const shownPage = Number(await page.locator('.page-number[aria-current="page"]').textContent());
  assert.equal(await page.locator('.card').count(), shownPage < Math.ceil(total / 50) ? 50 : total - (shownPage - 1) * 50);
  assert.equal(await page.locator('.page-number').count(), Math.min(Math.ceil(total / 50), 7));
  assert.deepEqual(problems, []);
  await context.close();
});

// A printout did not say what produced it.
test('a printed page says which search and filters produced it, when, and from which address', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?q=customs&kind=measure`);
  await page.locator('.card').first().waitFor();
  assert.ok(!(await page.locator('.print-header').isVisible()), 'not on screen');
  await page.emulateMedia({ media: 'print' });
  const header = page.locator('.print-header');
  assert.ok(await header.isVisible());
  const text = await header.textContent();
  assert.ok(text.includes('“customs”') && text.includes('Measure'), text);
  assert.ok(text.includes(page.url()), text);
  assert.match(text, /Printed \d{4}-\d{2}-\d{2}/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Long facet lists had no search, and results could not be read document by document.
test('a long facet list can be searched, and results can be grouped by document', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?q=trade`);
  await page.locator('.card').first().waitFor();
  const regions = page.locator('[data-facet="region"]');
  await regions.locator('.link-button').click();
  const all = (await regions.locator('.facet-label').allTextContents()).map((t) => t.trim());
  assert.ok(all.length > 12, `${all.length} regions`);
  await regions.locator('.facet-search').fill('hu');
  const expected = all.filter((l) => l.toLowerCase().includes('hu'));
  await page.waitForFunction((n) => document.querySelectorAll('[data-facet="region"] .facet-label').length === n, expected.length);
  assert.deepEqual((await regions.locator('.facet-label').allTextContents()).map((t) => t.trim()), expected);
  await regions.locator('.facet-search').fill('');
  // Grouped: one section per document, at most three cards each, and the rest one click away.
  const total = await count(page);
  await page.locator('#group-by-doc').check();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('group') === 'doc');
  await page.locator('.group').first().waitFor();
  const groups = await page.locator('.group').evaluateAll((gs) => gs.map((g) => ({
    cards: g.querySelectorAll('.card').length,
    more: Number((g.querySelector('.more-from')?.textContent ?? '+0').match(/\d+/)[0]),
  })));
  assert.ok(groups.every((g) => g.cards >= 1 && g.cards <= 3 && (g.more === 0 || g.cards === 3)));
  assert.equal(groups.reduce((n, g) => n + g.cards + g.more, 0), total, 'every result, in one group or another');
  const withMore = groups.findIndex((g) => g.more > 0);
  assert.ok(withMore >= 0);
  await page.locator('.group').nth(withMore).locator('.more-from').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('doc_id'));
  assert.equal(await count(page), groups[withMore].cards + groups[withMore].more);
  assert.deepEqual(problems, []);
  await context.close();
});

// The Documents view was a bare list: no number, issuer or region, no sorting, no filtering.
test('the documents table sorts, follows the search and filters with a matching count, and reads on a phone', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?view=documents`);
  await page.locator('table.documents tbody tr').first().waitFor();
  assert.deepEqual(await page.locator('.doc-title').allTextContents(), bundle.documents.map((d) => d.title));
  await page.locator('table.documents th', { hasText: 'Date' }).locator('button').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('dsort') === 'date');
  const byDate = [...bundle.documents].sort((a, b) => (b.date.value ?? '').localeCompare(a.date.value ?? '') || bundle.documents.indexOf(a) - bundle.documents.indexOf(b));
  const dated = byDate.filter((d) => d.date.value).concat(byDate.filter((d) => !d.date.value));
  assert.deepEqual(await page.locator('.doc-title').allTextContents(), dated.map((d) => d.title));
  // A filter narrows the table to the documents it reaches, each with its matching items.
  await page.goto(`${BASE_URL}?view=documents&lang=en&q=${encodeURIComponent('海关')}`);
  await page.locator('th', { hasText: 'Matching' }).waitFor();
  const rows = await page.locator('table.documents tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    title: tr.querySelector('.doc-title').textContent,
    matched: Number(tr.querySelector('.matched').textContent.replace(/,/g, '')),
  })));
  assert.ok(rows.length > 0 && rows.every((r) => r.matched > 0));
  await page.goto(`${BASE_URL}?q=${encodeURIComponent('海关')}`);
  await page.locator('.card').first().waitFor();
  const results = await count(page);
  assert.equal(rows.reduce((n, r) => n + r.matched, 0), results, 'the matching items add up to the results');
  await context.close();
  const phone = await openPage(browser, { width: 375 });
  await phone.page.goto(`${BASE_URL}?view=documents`);
  await phone.page.locator('table.documents tbody tr').first().waitFor();
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow} px too wide`);
  assert.deepEqual([...problems, ...phone.problems], []);
  await phone.context.close();
});

// Wrong, and it looked right: amounts of 2^32 and more went through a 32-bit usize in wasm and
// all showed as 4,294,967,295. Every figure the seeds quote past 2^32 is shown with its digits.
test('the figures table shows amounts past 2^32 with every digit', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?view=figures`);
  await page.locator('.figures tbody tr').first().waitFor();
  await page.locator('#figure-sort').selectOption('value-desc');
  await page.waitForFunction(() => document.querySelector('.figures tbody tr'));
  const large = bundle.documents.flatMap((d) => d.figures ?? [])
    .map((f) => f[5]).filter((v) => v >= 2 ** 32 && Number.isInteger(v))
    .sort((a, b) => b - a);
  assert.ok(large.length > 0, 'the seeds quote amounts past 2^32');
  const shown = await page.locator('.figures tbody td.num .value').evaluateAll(
    (tds) => tds.slice(0, 40).map((t) => t.textContent.split('–')[0].replace(/,/g, '')));
  for (const v of large) {
    assert.ok(shown.includes(String(v)), `${v} among ${shown.slice(0, large.length + 3)}`);
  }
  assert.ok(!shown.includes('4294967295'));
  assert.deepEqual(problems, []);
  await context.close();
});

// The figures table was unreadable: Unit, Kind and Change wrapped one letter per line, rows
// were 250–350 px tall, the sentence was off-screen at 375 px, units showed as keys
// ("working_day") and in English in the Chinese interface, and its filter and sort were lost
// on reload. Each check below failed before the table was rebuilt.
test('the figures table reads at 1280 and 375 px, sorts by its headers, keeps its state in the URL and exports', async () => {
  const figures = bundle.documents.flatMap((d) => d.figures ?? []);
  const brute = (kind) => figures.filter((f) => !kind || f[7] === kind).length;
  for (const [width, lang] of [[1280, 'en'], [375, 'zh']]) {
    const { context, page, problems } = await openPage(browser, { width });
    await page.goto(`${BASE_URL}?view=figures&lang=${lang}`);
    await page.locator('.figures tbody tr').first().waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll('.figures .sentence')].some((td) => /Loading the text|正在加载正文/.test(td.textContent)));
    // No word is broken: a short cell has at most one line per word.
    const broken = await page.locator('.figures td.unit, .figures td.kind, .figures td.change, .figures td.num').evaluateAll((tds) => tds.filter((td) => {
      const text = td.textContent.trim();
      if (!text) return false;
      const range = document.createRange();
      range.selectNodeContents(td);
      // Line boxes: rects whose tops are more than half a line apart (a smaller qualifier
      // on the same line starts a little lower).
      const tops = [...range.getClientRects()].map((r) => r.top).sort((a, b) => a - b);
      const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1] > 8).length;
      return lines > text.split(/\s+/).length;
    }).map((td) => td.textContent));
    assert.deepEqual(broken, [], `cells broken inside a word at ${width} px`);
    const units = await page.locator('.figures td.unit').allTextContents();
    assert.ok(units.every((u) => !u.includes('_')), `unit keys shown: ${units.filter((u) => u.includes('_'))}`);
    if (lang === 'zh') {
      assert.ok(units.includes('元') && !units.includes('yuan'), 'units in Chinese');
    }
    if (width === 1280) {
      const tallest = Math.max(...await page.locator('.figures tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height)));
      assert.ok(tallest < 200, `the tallest row is ${tallest} px`);
      // The header stays in view while the table scrolls.
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(100);
      const top = await page.locator('.figures thead th').first().evaluate((th) => th.getBoundingClientRect().top);
      assert.ok(top >= -1 && top < 5, `header at ${top} px after scrolling`);
    } else {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `content ${overflow} px wider than the phone`);
      const right = await page.locator('.figures td.sentence').first().evaluate((td) => td.getBoundingClientRect().right);
      assert.ok(right <= 375, `the sentence ends at ${right} px`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
  const { context, page, problems } = await openPage(browser);
  // The kind filter and the order are in the URL and survive a reload.
  await page.goto(`${BASE_URL}?view=figures&fkind=money`);
  await page.locator('.figures tbody tr').first().waitFor();
  const shown = async () => Number((await page.locator('.figures-view .count').textContent()).match(/\d+/)[0]);
  assert.equal(await shown(), brute('money'));
  assert.equal(await page.locator('#figure-kind').inputValue(), 'money');
  const valueHead = page.locator('.figures thead th').nth(1);
  await valueHead.locator('button').click();
  await page.waitForURL(/fsort=value-desc/);
  assert.equal(await valueHead.getAttribute('aria-sort'), 'descending');
  const values = () => page.locator('.figures td.num .value').evaluateAll((v) => v.map((e) => Number(e.textContent.replace(/,/g, '').split('–')[0])));
  const desc = await values();
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a));
  assert.equal(desc[0], Math.max(...figures.filter((f) => f[7] === 'money').map((f) => f[5])));
  await valueHead.locator('button').click();
  await page.waitForURL(/fsort=value-asc/);
  await page.reload();
  await page.locator('.figures tbody tr').first().waitFor();
  assert.equal(await page.locator('.figures thead th').nth(1).getAttribute('aria-sort'), 'ascending');
  const asc = await values();
  assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
  // Qualifiers: every figure the bundle marks "about" shows the word next to its value.
  await page.goto(`${BASE_URL}?view=figures`);
  await page.locator('.figures tbody tr').first().waitFor();
  const about = figures.filter((f) => f[11] === 'about').length;
  assert.ok(about > 0, 'the seeds say “about”');
  assert.equal(await page.locator('.figures td.num .qual', { hasText: 'about' }).count(), about);
  // The export holds what the table shows, with absolute links, named by view and day.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#figures-export-json').click()]);
  assert.match(download.suggestedFilename(), /^ftz-figures-\d{4}-\d{2}-\d{2}\.json$/);
  const rows = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(rows.length, brute());
  assert.ok(rows.every((r) => typeof r.value === 'number' && r.link.startsWith(BASE_URL)));
  assert.ok(rows.every((r) => r.sentence.includes(r.written)), 'each sentence holds its figure');
  assert.deepEqual(problems, []);
  await context.close();
});

// The README's own embed snippet once showed an empty box: its topic was not a key the app
// knew, and unknown values were accepted silently.
test('the README embed snippet shows results, and facet values may be labels', async () => {
  const { serveDir } = await import('./support.mjs');
  const { join } = await import('node:path');
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const snippet = readme.match(/```html\n([\s\S]*?)```/)[1]
    .replace(/src="[^"]*embed\.js"/, 'src="/embed.js"');
  assert.match(snippet, /data-ftz-explorer/);
  const server = await serveDir(process.env.FTZ_DIST || join(process.cwd(), 'dist'), {
    extra: { '/host.html': { type: 'text/html; charset=utf-8', body: `<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"><body>${snippet}</body>` } },
  });
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${server.url}host.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.card').first().waitFor();
  assert.ok((await frame.locator('.card').count()) > 0, 'the snippet shows results');
  assert.equal(await frame.locator('.chip-unknown').count(), 0, 'every value of the snippet is known');

  // Labels in either language and keys in any case stand for the same values as the keys.
  const region = bundle.regions.find((r) => r.kind === 'province' && r.en && r.zh);
  const topic = bundle.topics[0];
  const key = (e) => e.en.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  await page.goto(`${BASE_URL}?region=${key(region)}&topic=${key(topic)}`);
  await page.locator('.toolbar .count').waitFor();
  const byKeys = await count(page);
  await page.goto(`${BASE_URL}?region=${encodeURIComponent(region.zh)}&topic=${encodeURIComponent(topic.en.toUpperCase())}`);
  await page.locator('.toolbar .count').waitFor();
  assert.equal(await count(page), byKeys, 'labels find what the keys find');
  await page.waitForFunction(([r, t]) => {
    const p = new URLSearchParams(location.search);
    return p.get('region') === r && p.get('topic') === t;
  }, [key(region), key(topic)]);

  // A value the corpus does not have is an "unknown" filter with a hint, not a normal chip.
  await page.goto(`${BASE_URL}?topic=finance`);
  const chip = page.locator('.chip-unknown');
  await chip.waitFor();
  assert.match(await chip.textContent(), /finance/);
  assert.match(await chip.textContent(), /unknown/i);
  assert.ok((await chip.getAttribute('title')).length > 20, 'a hint');
  assert.deepEqual(problems, []);
  await Promise.all([context.close(), server.close()]);
});

// Invalid input accepted: "2021-13" used to filter silently. It is now said to be no date,
// and nothing is filtered by it.
test('a date that is not a date is said to be invalid and does not filter', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(BASE_URL);
  await page.locator('.card').first().waitFor();
  const before = await count(page);
  for (const bad of ['2021-13', '2021-02-30']) {
    await page.locator('#date-from').fill(bad);
    await page.locator('#date-from').press('Enter');
    await page.locator('#date-from').blur();
    const error = page.locator('.date-error');
    await page.waitForFunction(() => document.querySelector('.date-error')?.textContent.length > 0);
    assert.match(await error.textContent(), new RegExp(bad));
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.equal(new URL(page.url()).searchParams.get('from'), null, `${bad} is not in the URL`);
    assert.equal(await count(page), before, `${bad} filters nothing`);
  }
  // A real date filters and clears the message.
  await page.locator('#date-from').fill('2021-02');
  await page.locator('#date-from').press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2021-02');
  assert.equal(await page.locator('.date-error').textContent(), '');
  assert.deepEqual(problems, []);
  await context.close();
});

// Search inconsistencies a new user met: a Chinese synonym found less, an exclusion kept the
// other language's items, a slip found nothing with no way on.
test('synonyms find the same items, exclusions cross languages, and a slip gets "did you mean"', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(BASE_URL);
  await page.locator('.card').first().waitFor();
  await search(page, '跨境电子商务');
  const written = await count(page);
  await search(page, '跨境电商');
  assert.ok(written > 0);
  assert.equal(await count(page), written, '跨境电商 finds what 跨境电子商务 finds');
  await search(page, 'customs');
  const customs = await count(page);
  await search(page, 'customs -Hubei');
  assert.ok((await count(page)) < customs);
  // (An exclusion is of the items' texts: a measure of the Hubei notice that does not name
  // Hubei stays, under its document's title.)
  const texts = (await page.locator('.card .snippet').allTextContents()).join('\n');
  assert.doesNotMatch(texts, /湖北|Hubei/, 'no item naming Hubei, in either language');
  await page.locator('#search').fill('Custms trde');
  const suggestion = page.locator('.notice .suggestion');
  await suggestion.waitFor();
  assert.equal(await suggestion.textContent(), 'customs trade');
  await suggestion.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'customs trade');
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('#search').inputValue(), 'customs trade');
  assert.deepEqual(problems, []);
  await context.close();
});

// Dates shown without saying which: a notice signed on one day and posted on another showed
// only its posting date, and "(inferred)" never said why.
test('a document says which date is which, and an inferred date shows its reasoning', async () => {
  const { context, page, problems } = await openPage(browser);
  const both = bundle.documents.find((d) => d.published && d.date.source === 'signed');
  const inferred = bundle.documents.find((d) => d.date.source === 'inferred' && d.date.evidence);
  assert.ok(both && inferred, 'the seeds have a signed-and-published and an inferred date');
  const label = (value) => {
    const [y, m, d] = value.split('-').map(Number);
    return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
  };
  await page.goto(`${BASE_URL}?doc=${encodeURIComponent(both.id)}`);
  const meta = page.locator('.reader-meta').first();
  await meta.waitFor();
  assert.match(await meta.textContent(), new RegExp(`signed ${label(both.date.value)} · published ${label(both.published.value)}`));
  // The card says so too.
  await page.goto(`${BASE_URL}?q=${encodeURIComponent(`"${both.title.slice(0, 12)}"`)}`);
  await page.locator('.card').first().waitFor();
  assert.match(await page.locator('.card').first().textContent(), /signed .+ · published /);
  await page.goto(`${BASE_URL}?doc=${encodeURIComponent(inferred.id)}`);
  const why = page.locator('details.date-why');
  await why.waitFor();
  assert.match(await page.locator('.reader-meta').first().textContent(), /\(inferred\)/);
  assert.equal(await why.getAttribute('open'), null, 'closed until asked');
  await why.locator('summary').click();
  assert.match(await why.textContent(), /Read from: “.+”/);
  assert.ok(await why.locator('p').first().isVisible());
  // In Chinese.
  await page.goto(`${BASE_URL}?doc=${encodeURIComponent(both.id)}&lang=zh`);
  await page.locator('.reader-meta').first().waitFor();
  const [y, m, d] = both.date.value.split('-').map(Number);
  assert.match(await page.locator('.reader-meta').first().textContent(), new RegExp(`成文 ${y}年${m}月${d}日 · 发布 `));
  assert.deepEqual(problems, []);
  await context.close();
});

// Language mixing: the Chinese interface said "Lead 牵头 / Support 责任" and "Skip to content";
// the English one named agencies only in Chinese, listed with "、", and exported English only.
test('each interface speaks its own language, and names agencies in both', async () => {
  const { context, page, problems } = await openPage(browser);
  // Item rows are [kind, gap, length, number, parent, label, annotations, …].
  const annotated = (row) => row[0] === 'measure' && row[6]?.length > 0;
  const doc = bundle.documents.find((d) => d.items.some(annotated));
  const at = doc.items.findIndex(annotated);
  await page.goto(`${BASE_URL}?doc=${encodeURIComponent(doc.id)}&item=${at}&lang=zh`);
  const duty = page.locator(`#i${at} .it-duty`);
  await duty.waitFor();
  assert.match(await duty.textContent(), /^牵头单位：/);
  assert.doesNotMatch(await duty.textContent(), /Lead|Support/);
  assert.equal(await page.locator('.skip-link').textContent(), '跳到正文');
  const [download] = await Promise.all([page.waitForEvent('download'), page.goto(`${BASE_URL}?q=${encodeURIComponent('海关')}&lang=zh`).then(() => page.locator('.card').first().waitFor()).then(() => page.locator('#export-csv').click())]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff文件,文件标题,日期'), 'a Chinese header');
  assert.match(csv, /,措施,/, 'kinds in Chinese');
  assert.doesNotMatch(csv, /,measure,/);
  // English: agencies with their Chinese names, lists with commas.
  await page.goto(`${BASE_URL}?doc=${encodeURIComponent(doc.id)}&item=${at}&lang=en`);
  await duty.waitFor();
  const english = await duty.textContent();
  assert.match(english, /^Lead unit: [A-Za-z].* \([\u4e00-\u9fff]+\)/, english);
  assert.equal(await duty.getAttribute('lang'), 'en');
  const details = await page.locator('.item-details').textContent();
  assert.doesNotMatch(details, /、/, details);
  assert.equal(await page.locator('.skip-link').textContent(), 'Skip to content');
  assert.deepEqual(problems, []);
  await context.close();
});

// Empty states: "remove a filter" was said when there was none, exports stayed enabled with
// nothing to export, and a filtered search that found nothing offered no way back.
test('an empty result says why, disables export, and offers the search without its filters', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?q=zzqqxx`);
  await page.locator('.notice').waitFor();
  assert.doesNotMatch(await page.locator('.notice').textContent(), /filter/i, 'no filter to remove');
  assert.ok(await page.locator('#export-csv').isDisabled());
  assert.ok(await page.locator('#export-json').isDisabled());
  // customs, in Chinese documents only, and of a year with none: nothing — but customs has results.
  await page.goto(`${BASE_URL}?q=customs`);
  await page.locator('.card').first().waitFor();
  const customs = await count(page);
  await page.goto(`${BASE_URL}?q=customs&from=1990&to=1990`);
  const widen = page.locator('.notice .without-filters');
  await widen.waitFor();
  assert.match(await widen.textContent(), new RegExp(`\\(${customs} results\\)`));
  await widen.click();
  await page.locator('.card').first().waitFor();
  assert.equal(await count(page), customs);
  assert.equal(new URL(page.url()).searchParams.get('from'), null);
  assert.ok(!(await page.locator('#export-csv').isDisabled()));
  assert.deepEqual(problems, []);
  await context.close();
});
