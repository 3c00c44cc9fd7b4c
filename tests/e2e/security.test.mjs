// Hostile text never becomes markup. Every vector is a payload that would call __xss(N) if it
// ever ran; they reach the explorer four ways: (a) seed documents built by the site's own
// ingest (tests/e2e/fixtures/hostile-seeds → FTZ_HOSTILE_BUNDLE): titles, sources, sections,
// measures, responsibility annotations, cases, figure sentences; (b) URL state: query, facet
// values, doc and item ids, lang/view/sort/from/to/page, ?bundle=, ?embed=; (c) the data-*
// attributes of a host page on another origin that embeds the explorer; (d) an external
// ?bundle= whose titles, entity names, labels and units are payloads, and malformed bundles
// whose error message repeats one.
// After every step, in the page and in every frame: the sentinel was never called, nothing in
// the DOM came from a payload (no on* attribute, no javascript:/data: address, no img, svg,
// iframe or object, no script but the explorer's own), and the page reported no problem. A
// CSP violation is a console error, so a handler the CSP blocked still fails the test. Each
// tour runs twice: with the CSP, and with it bypassed so that an injected handler would run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, seedsBundle, launch, openPage, serveDir } from './support.mjs';

const DIST = process.env.FTZ_DIST || join(process.cwd(), 'dist');
const HOSTILE = process.env.FTZ_HOSTILE_BUNDLE;
if (!HOSTILE) throw new Error('FTZ_HOSTILE_BUNDLE is not set: run these tests through `cargo xtask test`');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// ---- The vectors: number → where it enters and its payload. `verified` collects the ones a
// step saw as literal text (or, for values the explorer ignores, saw nowhere in the page).
const vectors = new Map();
const verified = new Set();
let next = 100;
/** Registers a payload built around __xss(n); returns n. */
function vector(where, make, n = next++) {
  vectors.set(n, { where, payload: make(n) });
  return n;
}
const P = (n) => vectors.get(n).payload;

// (a) The payloads written into the fixture documents, by their sentinel numbers there.
for (const [n, where, payload] of [
  [1, 'seed: Chinese title', '<img src=x onerror=__xss(1)>'], [2, 'seed: source line', '<script>__xss(2)</script>'],
  [3, 'seed: section heading', '<svg onload=__xss(3)>'], [4, 'seed: measure text', '<iframe src=javascript:__xss(4)></iframe>'],
  [5, 'seed: lead unit', '<script>__xss(5)</script>'], [6, 'seed: supporting unit', '<img src=x onerror=__xss(6)>'],
  [7, 'seed: money figure sentence', '<details open ontoggle=__xss(7)>'], [8, 'seed: English title', 'Hostile <script>__xss(8)</script> cases'],
  [9, 'seed: case heading', '"><svg/onload=__xss(9)>'], [10, 'seed: case part label', '<svg onload=__xss(10)>'],
  [11, 'seed: case part text', '<a href="javascript:__xss(11)">link</a>'], [12, 'seed: rate-of-change sentence', '<img src=x onerror=__xss(12)>'],
  [13, 'seed: second case heading', '<object data="javascript:__xss(13)"></object>'], [14, 'seed: lead unit leaving an attribute', '"><img src=x onerror=__xss(14)>'],
  [15, 'seed: autofocus handler', '<input autofocus onfocus=__xss(15)>'], [16, 'seed: javascript: lead unit', 'javascript:__xss(16)'],
  [17, 'seed: template expression', "{{constructor.constructor('__xss(17)')()}}"],
]) vector(where, () => payload, n);

const SENTINEL = () => { window.__xssHits = []; window.__xss = (n) => window.__xssHits.push(n); };
/** A page from support.mjs's openPage, with the sentinel; without the CSP when `csp` is false. */
async function open(csp) {
  const newContext = browser.newContext;
  if (!csp) browser.newContext = (options) => newContext.call(browser, { ...options, bypassCSP: true });
  const opened = await openPage(browser).finally(() => delete browser.newContext);
  await opened.context.addInitScript(SENTINEL);
  return opened;
}

/** No payload ran or became an element or attribute, in the page or any of its frames. */
async function assertInert(page, what) {
  for (const frame of page.frames()) {
    const found = await frame.evaluate(() => {
      const bad = [];
      if (typeof window.__xss !== 'function') bad.push('the sentinel is missing');
      if (window.__xssHits?.length) bad.push(`the sentinel ran: ${window.__xssHits}`);
      for (const el of document.querySelectorAll('*')) {
        for (const { name, value } of el.attributes) {
          if (/^on/i.test(name)) bad.push(`<${el.localName} ${name}>`);
          if (/^(href|src|action|formaction|data|srcdoc|xlink:href)$/i.test(name) && document.body.contains(el)
            && !/^(https?|blob):$/.test(new URL(value, location.href).protocol)) bad.push(`<${el.localName} ${name}="${value}">`);
        }
      }
      for (const el of document.body.querySelectorAll('img, svg, object, embed, marquee, style, base, form, iframe')) {
        if (!(el.localName === 'iframe' && el.parentElement.matches('[data-ftz-explorer]'))) bad.push(`<${el.localName}> in the body`);
      }
      for (const s of document.scripts) {
        if (!s.src || !/\/(boot|echarts|embed)\.js$/.test(new URL(s.src).pathname)) bad.push(`script ${s.src || s.textContent}`);
      }
      return bad;
    });
    assert.deepEqual(found, [], `${what}: ${frame.url()}`);
  }
}

/** No problems but the ones `allow` accepts; then the list starts afresh. */
function clean(problems, what, allow = () => false) {
  assert.deepEqual(problems.filter((p) => !allow(p)), [], what);
  problems.length = 0;
}
/** Each vector's payload appears as literal text in an element matching `selector`. */
async function shows(target, selector, ns) {
  for (const n of ns) {
    await target.waitForFunction(([s, p]) => [...document.querySelectorAll(s)].some((e) => e.textContent.includes(p)), [selector, P(n)], { timeout: 5000 })
      .catch(() => assert.fail(`${vectors.get(n).where}: ${JSON.stringify(P(n))} not shown as text in ${selector}`));
    verified.add(n);
  }
}
/** A value the explorer ignores appears nowhere: neither as text nor in any attribute. */
async function absent(target, n) {
  const seen = await target.evaluate((p) => document.documentElement.textContent.includes(p)
    || [...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.value.includes(p))), P(n));
  assert.ok(!seen, `${vectors.get(n).where}: ${P(n)} should be ignored`);
  verified.add(n);
}
/** The chart drawn in the box of that title key (`data-chart`). */
const chart = (page, key) => page.locator(`.chart-box[data-chart="${key}"] .chart`);
/** Hovers the bars, nodes or cells of a chart until the tooltips have shown every vector's
 * payload as text; a tooltip holding any element but div and span fails. */
async function tooltipsShow(page, chart, ns) {
  await chart.scrollIntoViewIfNeeded();
  const points = await chart.evaluate((el) => {
    const c = window.echarts.getInstanceByDom(el);
    const series = c.getModel().getSeriesByIndex(0);
    const data = series.getData();
    return [...Array(data.count()).keys()].map((i) => {
      const l = data.getItemLayout(i);
      if (series.subType === 'bar') return [l.x + l.width / 2, l.y + l.height / 2];
      return c.convertToPixel({ seriesIndex: 0 }, series.subType === 'graph' ? l : c.getOption().series[0].data[i].slice(0, 2));
    });
  });
  const box = await chart.boundingBox();
  const texts = [];
  for (const [x, y] of points) {
    if (ns.every((n) => texts.some((t) => t.includes(P(n))))) break;
    await page.mouse.move(box.x + x, box.y + y, { steps: 2 });
    // ECharts' tooltip is the chart's div with the huge z-index; '' if none shows within 1 s.
    texts.push(await page.waitForFunction((el) => {
      const tip = [...el.querySelectorAll('div')].find((d) => d.style.zIndex === '9999999' && d.style.display !== 'none');
      return tip?.textContent && (tip.querySelector(':not(div):not(span)') ? `markup: ${tip.innerHTML}` : tip.textContent);
    }, await chart.elementHandle(), { timeout: 1000 }).then((h) => h.jsonValue(), () => ''));
  }
  await page.mouse.move(0, 0);
  assert.ok(texts.every((t) => !t.startsWith('markup: ')), texts.join('\n'));
  for (const n of ns) {
    assert.ok(texts.some((t) => t.includes(P(n))), `${vectors.get(n).where}: not in a tooltip: ${texts}`);
    verified.add(n);
  }
}

/** The index of the item of `doc` whose text contains `needle` (spans are UTF-8 byte gaps). */
function itemWith(doc, needle) {
  const bytes = Buffer.from(doc.text);
  let end = 0; // arguments run left to right: the start uses the previous end, then it moves
  return doc.items.findIndex(([, gap, len]) => bytes.subarray(end + gap, (end += gap + len)).toString().includes(needle));
}

const qs = (params) => new URLSearchParams(params).toString();
const allCharts = (page) => page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => c.querySelector('canvas')));

// ---- (b) URL state: a query string per vector, and what the page must show for it.
const inSearch = (n) => async (page) => {
  assert.equal(await page.locator('#search').inputValue(), P(n));
  // The page title names the query: as text, one <title> with no elements in it.
  assert.equal(await page.title(), `“${P(n).trim()}” · Results · FTZ Explorer`, 'the query in the title, as text');
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('title')].map((t) => t.childElementCount)), [0]);
  verified.add(n);
};
// A selected value the corpus lacks is a chip and a facet row with 0 (listed last: show all).
const chipAndRow = (facet) => (n) => async (page) => {
  await shows(page, '.chip', [n]);
  const more = page.locator(`[data-facet="${facet}"] .link-button`);
  if (await more.count()) await more.click();
  const row = page.locator(`[data-facet="${facet}"] li`, { hasText: P(n) });
  assert.equal(await row.locator('.count').textContent(), '0', 'an unknown value is listed with 0');
  assert.ok(await row.locator('input').isChecked());
};
// A value the explorer does not accept leaves the default in place and appears nowhere.
const ignored = (check) => (n) => async (page) => {
  await page.locator('.card, .reader-title').first().waitFor();
  await check?.(page);
  await absent(page, n);
};
const errorShows = (n) => (page) => shows(page, '.load-error-reason', [n]);
const urlCases = [];
const url = (where, make, params, check) => {
  const n = vector(where, make);
  urlCases.push({ n, params: params(P(n)), check: check(n) });
};
url('url: q breaking out of an attribute', (n) => `"><svg onload=__xss(${n})>`, (q) => ({ q }), inSearch);
url('url: q as a javascript: address', (n) => `javascript:__xss(${n})`, (q) => ({ q }), inSearch);
url('url: q closing the title', (n) => `</title><script>__xss(${n})</script>`, (q) => ({ q }), inSearch);
url('url: region facet value', (n) => `<img src=x onerror=__xss(${n})>`, (region) => ({ region }), chipAndRow('region'));
url('url: lead agency facet value', (n) => `"><svg onload=__xss(${n})>`, (lead) => ({ lead }), chipAndRow('lead'));
url('url: topic facet value', (n) => `<script>__xss(${n})</script>`, (topic) => ({ topic }), chipAndRow('topic'));
url('url: supporting agency facet value', (n) => `'><iframe src=javascript:__xss(${n})>`, (support) => ({ support }), chipAndRow('support'));
url('url: document facet value', (n) => `<a href=javascript:__xss(${n})>x</a>`, (id) => ({ doc_id: id }), chipAndRow('doc_id'));
url('url: doc id', (n) => `<img src=x onerror=__xss(${n})>`, (doc) => ({ doc }), (n) => (page) => shows(page, '.notice code', [n]));
const equal = (read, expected) => ignored(async (page) => assert.equal(await read(page), expected));
url('url: item id', (n) => `<svg onload=__xss(${n})>`, (item) => ({ doc: seedsBundle().documents[0].id, item }), equal((page) => page.locator('.it.selected').count(), 0));
url('url: lang', (n) => `"><script>__xss(${n})</script>`, (lang) => ({ lang }), equal((page) => page.evaluate(() => document.documentElement.lang), 'en'));
url('url: view', (n) => `<img src=x onerror=__xss(${n})>`, (view) => ({ view }), equal((page) => page.locator('.tab[aria-current="page"]').textContent(), 'Results'));
url('url: sort', (n) => `javascript:__xss(${n})`, (sort) => ({ sort }), equal((page) => page.locator('#sort').inputValue(), 'relevance'));
url('url: from', (n) => `"><svg onload=__xss(${n})>`, (from) => ({ from }), equal((page) => page.locator('#date-from').inputValue(), ''));
url('url: to', (n) => `<img src=x onerror=__xss(${n})>`, (to) => ({ to }), equal((page) => page.locator('.chip').count(), 0));
url('url: page', (n) => `<script>__xss(${n})</script>`, (p) => ({ page: p }), equal(async (page) => (await page.locator('.pager span').textContent()).split(' ')[0], '1'));
url('url: embed', (n) => `"><svg onload=__xss(${n})>`, (embed) => ({ embed }), equal((page) => page.locator('.open-full').count(), 0));
url('url: a parameter name', (n) => `<img src=x onerror=__xss(${n})>`, (key) => ({ [key]: '1' }), ignored());
url('url: q in embedded mode, carried into the "open in full" link', (n) => `"'><img src=x onerror=__xss(${n})>`, (q) => ({ q, embed: '1' }), (n) => async (page) => {
  await inSearch(n)(page);
  const link = new URL(await page.locator('.open-full').getAttribute('href'), page.url());
  assert.equal(link.origin, new URL(page.url()).origin);
  assert.equal(link.searchParams.get('q'), P(n));
});
url('url: bundle as a javascript: address', (n) => `javascript:__xss(${n})`, (bundle) => ({ bundle }), errorShows);
url('url: bundle as a data: document', (n) => `data:text/html,<script>__xss(${n})</script>`, (bundle) => ({ bundle }), errorShows);

// ---- (c) The attributes of an embedding host page.
const embed = Object.fromEntries([
  ['query', (n) => `"><img src=x onerror=__xss(${n})>`], ['region', (n) => `<svg onload=__xss(${n})>`],
  ['topic', (n) => `"><script>__xss(${n})</script>`], ['view', (n) => `" onload="__xss(${n})`],
  ['lang', (n) => `javascript:__xss(${n})`], ['title', (n) => `"><img src=x onerror=__xss(${n})>`],
  ['bundle', (n) => `javascript:__xss(${n})`],
].map(([key, make]) => [key, vector(`embed: data-${key === 'region' || key === 'topic' ? `facets ${key}` : key}`, make)]));

// ---- (d) The seed bundle with payloads in every name, label and unit the explorer shows.
function hostileCorpus() {
  const b = seedsBundle();
  // A corpus made up from the seeds: their links would not fit it.
  delete b.links;
  const leads = (it) => (it[6] || []).flatMap((a) => a[2]);
  const top = (pick) => {
    const counts = new Map();
    for (const d of b.documents) for (const it of d.items) for (const i of pick(it)) counts.set(i, (counts.get(i) || 0) + 1);
    return [...counts].sort((x, y) => y[1] - x[1])[0][0];
  };
  const set = (where, make, apply) => { const n = vector(`bundle: ${where}`, make); apply(P(n)); return n; };
  const named = (where, entity) => ({
    zh: set(`${where}, Chinese name`, (n) => `<img src=x onerror=__xss(${n})>`, (p) => { entity.zh = p; }),
    en: set(`${where}, English name`, (n) => `"><svg onload=__xss(${n})>`, (p) => { entity.en = p; }),
  });
  const lead = top(leads);
  const [d0, d1, d2, d3, d4] = b.documents;
  const part = d3.items.findIndex((it) => it[0] === 'case_part');
  const figure = d0.figures.findIndex((f) => f[7] === 'count');
  const leadDoc = b.documents.find((d) => d.items.some((it) => leads(it).includes(lead)));
  const ids = {
    lead: named('lead agency', b.agencies[lead]),
    region: named('region', b.regions[top((it) => it[8] || [])]),
    topic: named('topic', b.topics[top((it) => it[9] || [])]),
    title: set('English document title', (n) => `<script>__xss(${n})</script>`, (p) => { d0.title = p; }),
    zhTitle: set('Chinese document title', (n) => `</title><img src=x onerror=__xss(${n})>`, (p) => { d4.title = p; }),
    file: set('file name', (n) => `<svg onload=__xss(${n})>.txt`, (p) => { d1.file = p; }),
    source: set('source', (n) => `<iframe src=javascript:__xss(${n})>`, (p) => { d2.source = p; }),
    number: set('document number', (n) => `<img src=x onerror=__xss(${n})>`, (p) => { (d2.doc_numbers ?? d2.cited_numbers)[0].text = p; }),
    label: set('case part label', (n) => `<b onmouseover=__xss(${n})>`, (p) => { d3.items[part][5] = p; }),
    unit: set('figure unit', (n) => `<marquee onstart=__xss(${n})>`, (p) => { d0.figures[figure][6] = p; }),
    warning: set('warning', (n) => `<img src=x onerror=__xss(${n})>`, (p) => { b.warnings = [{ doc: d0.id, message: p }]; }),
  };
  const at = { part: [d3.id, part], figure: [d0.id, d0.figures[figure][0]], source: d2.id, file: d1.id };
  at.lead = [leadDoc.id, leadDoc.items.findIndex((it) => leads(it).includes(lead))];
  return { json: JSON.stringify(b), ids, at };
}
const corpus = hostileCorpus();
// Malformed bundles whose error message repeats a payload: a value, or the address itself.
const malformed = [];
{
  const seeds = seedsBundle();
  delete seeds.links;
  const d0 = seeds.documents[0];
  const bad = (where, make, body) => {
    const n = vector(`bundle (malformed): ${where}`, make);
    malformed.push({ n, path: `/bad/${n}.json`, address: `bad/${n}.json`, body: body?.(P(n)) });
    return malformed.at(-1);
  };
  bad('the schema field', (n) => `<img src=x onerror=__xss(${n})>`, (p) => JSON.stringify({ schema: p }));
  bad('a document language', (n) => `<svg onload=__xss(${n})>`, (p) => JSON.stringify({ ...seeds, documents: [{ ...d0, lang: p }] }));
  bad('an item kind', (n) => `<script>__xss(${n})</script>`, (p) => JSON.stringify({ ...seeds, documents: [{ ...d0, items: [[p, 0, 3], ...d0.items.slice(1)] }] }));
  bad('a document id twice', (n) => `<svg onload=__xss(${n})>`, (p) => JSON.stringify({ ...seeds, documents: [{ ...d0, id: p }, { ...d0, id: p }] }));
  bad('an agency twice', (n) => `<b onmouseover=__xss(${n})>`, (p) => JSON.stringify({ ...seeds, agencies: [...seeds.agencies, { zh: p }, { zh: p }] }));
  const invalid = bad('invalid JSON, payload in its address', (n) => `<img src=x onerror=__xss(${n})>`, () => '{"schema":2,"documents":[<img src=x onerror=alert(1)>]}');
  invalid.address += `?${P(invalid.n)}`;
  const missing = bad('a missing file named by a payload', (n) => `<svg onload=__xss(${n})>`);
  Object.assign(missing, { address: `missing/${P(missing.n)}.json`, allow: (p) => /404/.test(p) });
}

for (const csp of [true, false]) {
  const mode = csp ? 'with the CSP' : 'with the CSP bypassed';
  /** A served copy of the site with `extra` files and a page on it. `look` opens a view of
   * hostile.json, waits for `ready`, checks that each selector shows its vectors as text. */
  async function site(extra) {
    const server = await serveDir(DIST, { extra });
    const { context, page, problems } = await open(csp);
    const step = async (what, allow) => { await assertInert(page, what); clean(problems, what, allow); };
    const look = async (params, ready, expected = {}) => {
      await page.goto(`${server.url}?${qs({ bundle: 'hostile.json', ...params })}`);
      await page.locator(ready).first().waitFor();
      for (const [selector, ns] of Object.entries(expected)) await shows(page, selector, ns);
      await step(`${qs(params)}: ${Object.keys(expected)}`);
    };
    return { page, look, step, close: async () => { await context.close(); await server.close(); } };
  }

  test(`(a) hostile seed documents stay text in results, reader, documents, figures, charts and export, ${mode}`, async () => {
    const json = readFileSync(HOSTILE, 'utf8');
    const hostile = JSON.parse(json);
    for (let n = 1; n <= 17; n++) assert.ok(hostile.documents.some((d) => (d.title + d.text).includes(P(n))), `the fixtures hold ${P(n)}`);
    const { page, look, step, close } = await site({ '/hostile.json': json });
    // Searching for the sentinel's name puts <mark> inside the payloads.
    await look({ q: '__xss' }, '.card', {
      '.card-doc': [1, 8], '.card .snippet': [3, 4, 7, 9, 11, 12, 13, 15, 17], '.card .badge': [10],
      '.card .tag.lead': [5, 14, 16], '[data-facet="support"] .facet-label': [6],
    });
    assert.ok((await page.locator('.card .snippet mark').count()) >= 8, 'highlights inside the payloads');
    await page.locator('[data-facet="lead"] li', { hasText: P(14) }).locator('input').check();
    await shows(page, '.chip', [14]);
    await step('a hostile lead unit as a chip');
    const [zh, en] = hostile.documents;
    await look({ doc: zh.id, item: itemWith(zh, '__xss(6)') }, '.it.selected', {
      '.reader-title': [1], '.reader-meta': [2], '.it-section': [3], '.it-measure': [4, 7, 14, 15, 16, 17],
      '.it-duty': [5, 6, 14, 16], '.item-details': [5, 6],
    });
    await look({ doc: en.id, item: itemWith(en, '__xss(11)') }, '.it.selected', {
      '.reader-title': [8], '.it-case': [9, 13], '.it-part h3': [10], '.it-part': [11, 12],
    });
    await look({ view: 'documents' }, '.doc-title', { '.doc-title': [1, 8] });
    await look({ view: 'figures' }, '.figures tbody tr', { '.figures .sentence': [7, 12], '.figures td a': [1, 8] });
    // ECharts tooltips are HTML: the hostile unit names must arrive escaped.
    await look({ view: 'charts', lang: 'zh' }, '.chart canvas', { '.chart-data': [5, 6, 7, 12] });
    await allCharts(page);
    await tooltipsShow(page, chart(page, 'chart_leads'), [5, 14, 16]);
    await tooltipsShow(page, chart(page, 'chart_network'), [5, 6, 14, 16]);
    await step('chart tooltips');
    await look({ q: '__xss' }, '.card');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    const rows = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.ok(rows.some((r) => r.document_title.includes(P(1)) && r.lead_units.includes(P(5))), 'export keeps the text as data');
    await step('export');
    await close();
  });

  test(`(b) hostile URL state is shown as text or ignored, ${mode}`, async () => {
    const { context, page, problems } = await open(csp);
    for (const { n, params, check } of urlCases) {
      await page.goto(`${BASE_URL}?${qs(params)}`);
      await page.locator('.toolbar .count, .reader-title, .notice, .load-error').first().waitFor();
      await check(page);
      await assertInert(page, vectors.get(n).where);
      clean(problems, vectors.get(n).where);
    }
    await context.close();
  });

  test(`(c) a host page on another origin passes hostile attributes to the embed, ${mode}`, async () => {
    const explorer = await serveDir(DIST, { prefix: '/explorer/' });
    const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const attr = (key) => esc(P(embed[key]));
    // The host writes the attributes correctly escaped: the payloads arrive intact in dataset.
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>
      <div id="one" data-ftz-explorer data-query="${attr('query')}" data-facets="${esc(`region=${P(embed.region)}&topic=${P(embed.topic)}`)}"
        data-view="${attr('view')}" data-lang="${attr('lang')}" data-title="${attr('title')}"></div>
      <div id="two" data-ftz-explorer data-bundle="${attr('bundle')}"></div>
      <script src="${explorer.url}embed.js"></script></body></html>`;
    const host = await serveDir(DIST, { prefix: '/nothing-here/', extra: { '/host.html': { type: 'text/html; charset=utf-8', body } } });
    const { context, page, problems } = await open(csp);
    await page.goto(`${host.origin}/host.html`);
    const frame = async (id) => (await page.locator(`#${id} iframe`).elementHandle()).contentFrame();
    const one = await frame('one');
    await one.locator('.toolbar .count').waitFor();
    assert.equal(new URL(await page.locator('#one iframe').getAttribute('src')).origin, explorer.origin);
    assert.equal(await page.locator('#one iframe').getAttribute('title'), P(embed.title));
    assert.equal(await one.locator('#search').inputValue(), P(embed.query));
    verified.add(embed.title).add(embed.query);
    await shows(one, '.chip', [embed.region, embed.topic]);
    assert.equal(await one.locator('.tab[aria-current="page"]').textContent(), 'Results');
    assert.equal(await one.evaluate(() => document.documentElement.lang), 'en');
    await absent(one, embed.view);
    await absent(one, embed.lang);
    await shows(await frame('two'), '.load-error-reason', [embed.bundle]);
    await assertInert(page, 'host page and both embeds');
    clean(problems, 'embed');
    await Promise.all([context.close(), explorer.close(), host.close()]);
  });

  test(`(d) an external bundle of hostile names, and malformed bundles, stay text, ${mode}`, async () => {
    const { ids, at } = corpus;
    const files = malformed.filter((m) => m.body !== undefined).map((m) => [m.path, m.body]);
    const { page, look, step, close } = await site(Object.fromEntries([['/hostile.json', corpus.json], ...files]));
    for (const lang of ['en', 'zh']) {
      await look({ lang }, '.card', {
        '[data-facet="lead"] .facet-label': [ids.lead[lang]], '[data-facet="region"] .facet-label': [ids.region[lang]],
        '[data-facet="topic"] .facet-label': [ids.topic[lang]], '[data-facet="doc_id"] .facet-label': [ids.title, ids.zhTitle],
      });
      await page.locator('[data-facet="lead"] li', { hasText: P(ids.lead[lang]) }).locator('input').check();
      await shows(page, '.chip', [ids.lead[lang]]);
      await shows(page, '.card .tag.lead', [ids.lead[lang]]);
      await step(`a hostile lead unit as a chip (${lang})`);
    }
    await look({ doc: at.lead[0], item: at.lead[1] }, '.it.selected', { '.it-duty': [ids.lead.zh], '.item-details': [ids.lead.en] });
    await look({ doc: at.source }, '.reader-title', { '.reader-meta': [ids.source, ids.number] });
    await look({ doc: at.part[0], item: at.part[1] }, '.it.selected', { '.it-part h3': [ids.label] });
    await look({ doc: at.figure[0], item: at.figure[1] }, '.it.selected', { '.item-details': [ids.unit] });
    await look({ view: 'documents' }, '.doc-title', { '.doc-title': [ids.title, ids.zhTitle] });
    await look({ doc: at.file }, '.reader-title', { '.reader-file': [ids.file] });
    await look({ view: 'figures' }, '.figures tbody tr', { '.figures td': [ids.unit] });
    // Topics, regions, lead units and the region × topic matrix, hovered in both languages.
    for (const lang of ['en', 'zh']) {
      await look({ view: 'charts', lang }, '.chart canvas');
      await allCharts(page);
      for (const [key, name] of [['chart_topics', 'topic'], ['chart_regions', 'region'], ['chart_leads', 'lead'], ['chart_matrix', 'topic']]) {
        await tooltipsShow(page, chart(page, key), [ids[name][lang]]);
      }
      await step(`chart tooltips (${lang})`);
    }
    await look({}, '.card');
    await absent(page, ids.warning);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    assert.ok(readFileSync(await download.path(), 'utf8').includes(P(ids.title)), 'the CSV holds the title as data');
    await step('export');
    for (const { n, address, allow } of malformed) {
      await page.goto(`${page.url().split('?')[0]}?${qs({ bundle: address })}`);
      await shows(page, '.load-error-reason', [n]);
      await step(vectors.get(n).where, allow);
    }
    await close();
  });
}

// A date that is not one (the charts group items by slicing dates by byte) is either refused,
// saying so as text, or every view works with it.
const badDate = vector('bundle (malformed): a date', (n) => `二〇二一<svg onload=__xss(${n})>`);
test('a bundle whose date is not a date is refused or shown, never a crash', async () => {
  const seeds = seedsBundle();
  delete seeds.links;
  seeds.documents[0].date = { value: P(badDate), precision: 'day', source: 'stated' };
  const server = await serveDir(DIST, { extra: { '/date.json': JSON.stringify(seeds) } });
  const { context, page, problems } = await open(true);
  await page.goto(`${server.url}?bundle=date.json`);
  await page.locator('.load-error, .card').first().waitFor();
  if (await page.locator('.load-error').count()) {
    await shows(page, '.load-error-reason', [badDate]);
  } else {
    await shows(page, '.card-date', [badDate]);
    for (const [name, ready] of [['Charts', '.chart canvas'], ['Figures', '.figures tbody tr'], ['Results', '.card']]) {
      await page.locator('.tab', { hasText: name }).click();
      await page.locator(ready).first().waitFor({ timeout: 5000 });
      clean(problems, `the ${name} view with a bad date`);
    }
  }
  await assertInert(page, 'a bad date');
  clean(problems, 'a bad date');
  await Promise.all([context.close(), server.close()]);
});

test('at least 30 distinct vectors, from all four places, each seen as text or ignored', () => {
  const places = ['seed', 'url', 'embed', 'bundle'].map((p) => [...vectors.values()].filter((v) => v.where.startsWith(p)).length);
  assert.ok(places.every((count) => count > 0), `vectors per place (seed, url, embed, bundle): ${places}`);
  assert.ok(vectors.size >= 30, `${vectors.size} vectors`);
  assert.equal(new Set([...vectors.values()].map((v) => v.payload)).size, vectors.size, 'every payload is distinct');
  const unverified = [...vectors.keys()].filter((n) => !verified.has(n)).map((n) => vectors.get(n).where);
  assert.deepEqual(unverified, []);
});
