// One long scripted session on the seed site, as a user would work through it: typing English
// and Chinese queries key by key, facets on and off, chips, a date range, sorting, paging,
// the reader from a card and from a permalink, charts (a bar click filters), the figures
// table sorted by value, the documents list, back and forward, both languages, the theme,
// a starred item, CSV and JSON exports read back, and the 375 px drawer. After every step
// the page has reported no console error or warning, no page error and no failed request,
// and it shows what the step should: counts come from the seed bundle (FTZ_SEEDS_BUNDLE) as
// the oracle wherever the answer does not depend on the search engine's ranking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE_URL, addressIn, clickFirstBar, itemAddress, seedsBundle, launch, openPage, screenshot } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// ---- The oracle: every searchable item (all but meta lines and site chrome) in index order,
// with its text cut from the document by its byte span (spans are gaps after the previous end).
const bundle = seedsBundle();
const items = [];
for (const doc of bundle.documents) {
  const bytes = Buffer.from(doc.text);
  let end = 0;
  doc.items.forEach(([kind, gap, len], i) => {
    const text = bytes.subarray(end + gap, end + gap + len).toString();
    end += gap + len;
    if (kind !== 'meta' && kind !== 'boilerplate') items.push({ doc, i, kind, text, lang: doc.lang, date: doc.date.value });
  });
}
const searchable = new Set(items.map((it) => `${it.doc.id}#${it.i}`));
// Without a query the results browse: measures first, then cases, points, case parts,
// paragraphs, tables, sections, titles, each in index order (search ids are index order).
const RANK = { measure: 0, case: 1, point: 2, case_part: 3, paragraph: 4, table: 5, section: 6, title: 7 };
const browse = items.map((_, id) => id).sort((a, b) => (RANK[items[a].kind] ?? 8) - (RANK[items[b].kind] ?? 8) || a - b);
const where = (pred) => items.filter(pred).length;
// The date range as the explorer reads it: a bound matches by order or by prefix; undated items
// never match a range.
const inRange = (date, from, to) => date !== undefined
  && (!from || date >= from || date.startsWith(from)) && (!to || date <= to || date.startsWith(to));
const kindCounts = new Map();
for (const it of items) kindCounts.set(it.kind, (kindCounts.get(it.kind) || 0) + 1);
const largestKind = [...kindCounts].sort((a, b) => b[1] - a[1])[0][0];
const latestYear = bundle.documents.map((d) => d.date.value?.slice(0, 4)).filter(Boolean).sort().at(-1);
const figuresOf = (pred) => bundle.documents.flatMap((doc) => (doc.figures || [])
  .filter((f) => searchable.has(`${doc.id}#${f[0]}`) && pred(doc.items[f[0]][0])).map((f) => f[5]));
const pages = (n) => Math.ceil(n / 20);

/** A minimal RFC 4180 reader: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let [row, field, quoted] = [[], '', false];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += c;
  }
  return rows;
}

test('a 50-step session: every step shows what it should, with no console error or warning', async () => {
  const { context, page, problems } = await openPage(browser);
  let steps = 0;
  /** Runs one step; then the page must have reported nothing. */
  const step = async (name, run) => {
    steps++;
    await run();
    assert.deepEqual(problems, [], `step ${steps} (${name})`);
  };
  const params = () => new URL(page.url()).searchParams;
  /** Waits (briefly) until the URL's query passes `check`. */
  const url = async (check, what) => {
    for (let i = 0; i < 150 && !check(params()); i++) await page.waitForTimeout(20);
    assert.ok(check(params()), `${what}: ${page.url()}`);
  };
  const readCount = async (selector = '.toolbar .count') => Number((await page.locator(selector).textContent()).match(/\d+/)[0]);
  /** The result count becomes `n`. */
  const count = async (n, what, selector = '.toolbar .count') => {
    await page.waitForFunction(([s, n]) => Number(document.querySelector(s)?.textContent.match(/\d+/)?.[0]) === n, [selector, n], { timeout: 5000 })
      .catch(() => {});
    assert.equal(await readCount(selector), n, what);
  };
  const ids = () => page.locator('.card').evaluateAll((cards) => cards.map((c) => Number(c.dataset.id)));
  const cardLinks = () => page.locator('.card-doc').evaluateAll((as) => as.map((a) => {
    const p = new URL(a.href).searchParams;
    return `${p.get('doc')}#${p.get('number') ?? p.get('item')}`;
  }));
  const facet = (name, label) => page.locator(`[data-facet="${name}"] li`, { hasText: label });
  const facetCount = async (name, label) => Number(await facet(name, label).locator('.count').textContent());
  const type = async (text) => {
    await page.locator('#search').pressSequentially(text, { delay: 40 });
    await url((p) => p.get('q') === text, `typed ${text}`);
    // The index shards a new query needs arrive asynchronously; the notice says so.
    await page.waitForFunction(() => !document.querySelector('.shard-notice[role="status"]'));
  };
  const erase = async () => {
    const length = (await page.locator('#search').inputValue()).length;
    await page.locator('#search').press('End');
    for (let i = 0; i < length; i++) await page.keyboard.press('Backspace');
    await url((p) => !p.has('q'), 'the query is gone');
  };
  const tab = (name) => page.locator('.tab', { hasText: name }).click();
  const total = items.length;

  await step('open the explorer', async () => {
    await page.goto(BASE_URL);
    await page.locator('.card').first().waitFor();
    await count(total, 'every searchable item');
    assert.equal(await page.locator('.card').count(), Math.min(20, total));
    assert.equal(await page.locator('.pager span').textContent(), `1 / ${pages(total)}`);
  });
  let customs;
  await step('type "customs" key by key', async () => {
    await type('customs');
    customs = await readCount();
    assert.ok(customs > 0 && customs < total, `${customs} results`);
    assert.ok((await page.locator('.card mark').count()) > 0, 'highlights');
  });
  let measures, second;
  await step('tick Measure', async () => {
    measures = await facetCount('kind', /Measure/);
    await facet('kind', /Measure/).locator('input').check();
    await url((p) => p.get('kind') === 'measure', 'kind=measure');
    await count(measures, 'the facet count');
    const kinds = await page.locator('.card .badge[data-kind]').evaluateAll((b) => b.map((e) => e.dataset.kind));
    assert.ok(kinds.every((k) => k === 'measure'), kinds.join());
  });
  await step('tick a second kind: values of one facet add up', async () => {
    const row = page.locator('[data-facet="kind"] li').filter({ hasNot: page.locator('input:checked') }).first();
    second = { label: (await row.locator('.facet-label').textContent()).trim(), n: Number(await row.locator('.count').textContent()) };
    await row.locator('input').check();
    await url((p) => p.getAll('kind').length === 2, 'two kinds');
    await count(measures + second.n, 'Measure or the second kind');
  });
  await step('untick Measure', async () => {
    await facet('kind', /Measure/).locator('input').uncheck();
    await url((p) => p.getAll('kind').length === 1 && p.get('kind') !== 'measure', 'one kind left');
    await count(second.n, second.label);
  });
  await step('remove the remaining chip', async () => {
    await page.locator('.chip').click();
    await url((p) => !p.has('kind'), 'no kind');
    assert.equal(await page.locator('.chip').count(), 0);
    await count(customs, 'the query alone');
  });
  await step('erase the query key by key', async () => {
    await erase();
    await count(total, 'everything again');
  });
  let haiguan;
  await step('type 海关 key by key', async () => {
    await type('海关');
    haiguan = await readCount();
    assert.ok(haiguan > 0);
    assert.ok((await page.locator('.card mark').allTextContents()).some((m) => m.includes('海关')), 'highlighted');
  });
  await step('tick Chinese', async () => {
    const n = await facetCount('language', /Chinese/);
    await facet('language', /Chinese/).locator('input').check();
    await url((p) => p.get('language') === 'zh', 'language=zh');
    await count(n, 'the facet count');
    const langs = await page.locator('.card .snippet').evaluateAll((s) => s.map((e) => e.lang));
    assert.ok(langs.every((l) => l === 'zh-CN'), langs.join());
  });
  await step('tick the first year', async () => {
    const row = page.locator('[data-facet="year"] li').first();
    const n = Number(await row.locator('.count').textContent());
    await row.locator('input').check();
    await url((p) => p.has('year'), 'a year');
    await count(n, 'the year count');
    assert.equal(await page.locator('.chip').count(), 2);
  });
  await step('remove the language chip', async () => {
    await page.locator('.chip', { hasText: /Language/ }).click();
    await url((p) => !p.has('language') && p.has('year'), 'the year stays');
    assert.equal(await page.locator('.chip').count(), 1);
  });
  await step('clear all filters', async () => {
    await page.locator('#clear-all').click();
    await url((p) => !p.has('year') && p.get('q') === '海关', 'only the query');
    await count(haiguan, 'the query alone');
  });
  await step('erase the Chinese query', async () => {
    await erase();
    await count(total, 'everything');
  });
  await step('Measure without a query: the bundle says how many', async () => {
    await facet('kind', /Measure/).locator('input').check();
    await count(where((it) => it.kind === 'measure'), 'measures in the bundle');
  });
  await step('and in Chinese', async () => {
    await facet('language', /Chinese/).locator('input').check();
    await count(where((it) => it.kind === 'measure' && it.lang === 'zh'), 'Chinese measures');
  });
  await step('untick Chinese', async () => {
    await facet('language', /Chinese/).locator('input').uncheck();
    await count(where((it) => it.kind === 'measure'), 'measures');
  });
  await step(`from ${latestYear}`, async () => {
    await page.locator('#date-from').fill(latestYear);
    await page.locator('#date-from').press('Tab');
    await url((p) => p.get('from') === latestYear, 'from');
    await count(where((it) => it.kind === 'measure' && inRange(it.date, latestYear)), 'measures from then');
  });
  await step(`to ${latestYear}`, async () => {
    await page.locator('#date-to').fill(latestYear);
    await page.locator('#date-to').press('Tab');
    await url((p) => p.get('to') === latestYear, 'to');
    await count(where((it) => it.kind === 'measure' && inRange(it.date, latestYear, latestYear)), 'measures of that year');
  });
  await step('remove the From chip', async () => {
    await page.locator('.chip', { hasText: /From/ }).click();
    await url((p) => !p.has('from') && p.has('to'), 'only to');
    assert.equal(await page.locator('#date-from').inputValue(), '');
    await count(where((it) => it.kind === 'measure' && inRange(it.date, undefined, latestYear)), 'measures up to then');
  });
  await step('clear all', async () => {
    await page.locator('#clear-all').click();
    await url((p) => [...p.keys()].length === 0, 'a bare URL');
    await count(total, 'everything');
  });
  await step('sort by newest', async () => {
    await page.locator('#sort').selectOption('date');
    await url((p) => p.get('sort') === 'date', 'sort=date');
    const dates = (await ids()).map((id) => items[id].date ?? '');
    assert.equal(dates[0], items.map((it) => it.date ?? '').sort().at(-1), 'the newest first');
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest to oldest');
  });
  await step('sort in document order', async () => {
    await page.locator('#sort').selectOption('document');
    await url((p) => p.get('sort') === 'document', 'sort=document');
    assert.deepEqual(await ids(), [...Array(20).keys()]);
  });
  await step('sort by relevance again', async () => {
    await page.locator('#sort').selectOption('relevance');
    await url((p) => !p.has('sort'), 'the default sort');
    assert.deepEqual(await ids(), browse.slice(0, 20), 'without a query, measures first');
  });
  const onPage = async (n) => {
    await url((p) => (p.get('page') ?? '1') === String(n), `page ${n}`);
    await page.waitForFunction((id) => Number(document.querySelector('.card')?.dataset.id) === id, browse[(n - 1) * 20]);
    assert.equal(await page.locator('.pager span').textContent(), `${n} / ${pages(total)}`);
  };
  const pager = async (label, n) => {
    const button = page.locator('.pager button', { hasText: label });
    assert.equal((await button.textContent()).trim(), label, 'the button says only what it does');
    assert.ok(await button.isEnabled(), `${label} is enabled`);
    await button.click();
    await onPage(n);
  };
  await step('next page', () => pager('Next', 2));
  await step('next page again', () => pager('Next', 3));
  await step('previous page', () => pager('Previous', 2));
  await step('back: page 3', async () => { await page.goBack(); await onPage(3); });
  await step('back: page 2', async () => { await page.goBack(); await onPage(2); });
  await step('back: page 1', async () => { await page.goBack(); await onPage(1); });
  await step('forward: page 2', async () => { await page.goForward(); await onPage(2); });
  const first = items[browse[20]];
  const inReader = async (it) => {
    const address = itemAddress(it.doc, it.i);
    await url((p) => p.get('doc') === it.doc.id && JSON.stringify(addressIn(p)) === JSON.stringify(address), 'the reader');
    await page.locator('.it.selected').waitFor();
    assert.equal(await page.locator('.it.selected').getAttribute('id'), `i${it.i}`);
    assert.equal(await page.locator('.reader-title').textContent(), it.doc.title);
  };
  await step('open the first card in the reader', async () => {
    await page.locator('.card-doc').first().click();
    await inReader(first);
  });
  await step('back to the results', async () => { await page.goBack(); await onPage(2); });
  await step('forward into the reader', async () => { await page.goForward(); await inReader(first); });
  await step('follow the permalink', async () => {
    await page.locator('.permalink').click();
    await page.waitForLoadState('load');
    await inReader(first);
    assert.ok((await page.locator('.it.selected').textContent()).includes(first.text.slice(0, 20)), 'the item text');
  });
  await step('back to the results from the reader', async () => {
    await page.locator('.back').click();
    await url((p) => !p.has('doc'), 'no document');
    await count(total, 'every result');
  });
  await step('the charts view', async () => {
    await tab('Charts');
    await url((p) => p.get('view') === 'charts', 'view=charts');
    await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => c.querySelector('canvas')));
  });
  await step('click the largest bar of the kinds chart', async () => {
    const kinds = page.locator('.chart-box', { hasText: 'Items by kind' }).locator('.chart');
    await clickFirstBar(page, kinds);
    await url((p) => p.get('kind') === largestKind, `kind=${largestKind}`);
    assert.equal(await page.locator('.chip').count(), 1);
  });
  await step('the results of that bar', async () => {
    await tab('Results');
    await count(kindCounts.get(largestKind), `items of kind ${largestKind}`);
  });
  const figureCount = '.figures-view .count';
  const column = () => page.locator('.figures tbody td.num .value').evaluateAll((tds) => tds.map((t) => Number(t.textContent.replace(/,/g, '').split('–')[0])));
  const close = (a, b) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));
  await step('the figures view keeps the filter', async () => {
    await tab('Figures');
    await url((p) => p.get('view') === 'figures' && p.get('kind') === largestKind, 'view=figures');
    await count(figuresOf((k) => k === largestKind).length, 'figures of those items', figureCount);
  });
  await step('sort the figures, largest first', async () => {
    await page.locator('#figure-sort').selectOption('value-desc');
    const values = await column();
    assert.ok(close(values[0], Math.max(...figuresOf((k) => k === largestKind))), `${values[0]}`);
    assert.ok(values.every((v, i) => i === 0 || v <= values[i - 1] + 1e-9), 'descending');
  });
  await step('sort the figures, smallest first', async () => {
    await page.locator('#figure-sort').selectOption('value-asc');
    const values = await column();
    assert.ok(close(values[0], Math.min(...figuresOf((k) => k === largestKind))), `${values[0]}`);
  });
  await step('clear the filter: every figure', async () => {
    await page.locator('#clear-all').click();
    await url((p) => !p.has('kind'), 'no kind');
    await count(figuresOf(() => true).length, 'every figure of the bundle', figureCount);
  });
  await step('the documents view', async () => {
    await tab('Documents');
    await url((p) => p.get('view') === 'documents', 'view=documents');
    assert.deepEqual(await page.locator('.doc-title').allTextContents(), bundle.documents.map((d) => d.title));
    assert.ok(!(await page.locator('.facets').evaluate((el) => el.classList.contains('hidden'))), 'the facets filter the table');
  });
  const zhDoc = bundle.documents.find((d) => d.lang === 'zh');
  await step('open a document from the list', async () => {
    await page.locator('.doc-title', { hasText: zhDoc.title }).click();
    await url((p) => p.get('doc') === zhDoc.id && !p.has('item'), 'the document');
    assert.equal(await page.locator('.reader-title').textContent(), zhDoc.title);
  });
  await step('back to the list', async () => {
    await page.goBack();
    await url((p) => p.get('view') === 'documents' && !p.has('doc'), 'the list');
    assert.equal(await page.locator('.doc-title').count(), bundle.documents.length);
  });
  await step('switch to Chinese', async () => {
    await page.locator('#lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await url((p) => p.get('lang') === 'zh', 'lang=zh');
    assert.equal(await page.locator('.tab').first().textContent(), '结果');
  });
  await step('the results in Chinese', async () => {
    await tab('结果');
    await count(total, '全部');
    assert.match(await page.locator('.toolbar .count').textContent(), /条结果/);
  });
  await step('switch back to English', async () => {
    await page.locator('#lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await url((p) => p.get('lang') === 'en', 'lang=en');
    assert.equal(await page.locator('.tab').first().textContent(), 'Results');
  });
  for (const theme of ['light', 'dark', null]) {
    await step(`theme: ${theme ?? 'system'}`, async () => {
      await page.locator('#theme-toggle').click();
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-theme')), theme);
    });
  }
  let starred;
  await step('star the first item', async () => {
    const star = page.locator('.card .star').first();
    starred = (await ids())[0];
    await star.click();
    assert.equal(await star.getAttribute('aria-pressed'), 'true');
    assert.equal(await facetCount('saved', /Saved/), 1);
  });
  await step('only the saved item', async () => {
    await facet('saved', /Saved/).locator('input').check();
    await url((p) => p.get('saved') === 'saved', 'saved=saved');
    await count(1, 'one saved item');
    assert.deepEqual(await ids(), [starred]);
  });
  await step('clear the saved filter', async () => {
    await page.locator('#clear-all').click();
    await count(total, 'everything');
  });
  let trade, links;
  await step('type "trade" key by key', async () => {
    await type('trade');
    trade = await readCount();
    links = await cardLinks();
    assert.ok(trade > 0 && links.length === Math.min(20, trade));
  });
  await step('export CSV and read it back', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    assert.match(download.suggestedFilename(), /^ftz-results-.*\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, ''));
    assert.equal(rows.length, trade, 'one row per result');
    const at = (name) => header.indexOf(name);
    const keys = rows.map((r) => {
      const p = new URL(r[at('link')]).searchParams;
      return `${r[at('document')]}#${p.get('number') ?? p.get('item')}`;
    });
    assert.deepEqual(keys.slice(0, links.length), links, 'in the order shown');
    const addressed = new Set(items.map((it) => { const a = itemAddress(it.doc, it.i); return `${it.doc.id}#${a.number ?? a.item}`; }));
    assert.ok(keys.every((k) => addressed.has(k)), 'every row is an item of the bundle');
  });
  await step('export JSON and read it back', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    const rows = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(rows.length, trade);
    for (const row of rows) {
      const address = JSON.stringify(addressIn(new URL(row.link).searchParams));
      const it = items.find((x) => x.doc.id === row.document && JSON.stringify(itemAddress(x.doc, x.i)) === address);
      assert.ok(it, row.link);
      assert.equal(row.text, it.text, 'the item text, exactly');
      assert.equal(row.document_title, it.doc.title);
    }
  });
  await step('a 375 px screen: the facets become a closed drawer', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForFunction(() => document.querySelector('.facets').getBoundingClientRect().left >= window.innerWidth);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0, 'no sideways scrolling');
    await count(trade, 'the same results');
  });
  await step('open the drawer', async () => {
    await page.locator('.filters-button').click();
    await page.waitForFunction(() => document.querySelector('.facets').getBoundingClientRect().right <= window.innerWidth + 1);
    await screenshot(page, 'session-375-drawer');
  });
  let drawn;
  await step('tick Measure in the drawer', async () => {
    drawn = await facetCount('kind', /Measure/);
    await facet('kind', /Measure/).locator('input').check();
    await url((p) => p.get('kind') === 'measure' && p.get('q') === 'trade', 'kind=measure');
    await count(drawn, 'the facet count');
  });
  await step('close the drawer', async () => {
    await page.locator('.drawer-head button').click();
    await page.waitForFunction(() => document.querySelector('.facets').getBoundingClientRect().left >= window.innerWidth);
    assert.equal(await page.locator('.chip').count(), 1);
  });
  await step('back: the filter is undone', async () => {
    await page.goBack();
    await url((p) => !p.has('kind') && p.get('q') === 'trade', 'no kind');
    await count(trade, 'the query alone');
  });
  await step('forward: the filter is back', async () => {
    await page.goForward();
    await url((p) => p.get('kind') === 'measure', 'kind=measure');
    await count(drawn, 'the facet count');
  });
  assert.ok(steps >= 50, `${steps} steps`);
  await context.close();
});
