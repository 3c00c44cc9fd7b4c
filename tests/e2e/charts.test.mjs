// Charts in headless Chromium: ECharts is loaded only when a chart is shown, charts draw
// on canvases, and clicking a bar filters the results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, clickFirstBar, launch, openPage, screenshot } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('ECharts and the chart module are not requested until the charts view is shown', async () => {
  // Without the service worker, whose precaching would hide the page's own requests.
  const { context, page, problems } = await openPage(browser, { serviceWorkers: 'block' });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${BASE_URL}?q=trade`);
  await page.locator('.card').first().waitFor();
  await page.locator('#search').fill('trade customs');
  await page.waitForFunction(() => location.search.includes('customs'));
  const chartFiles = ['/echarts.js', '/ftz_charts.js', '/ftz_charts_bg.wasm'];
  for (const file of chartFiles) assert.ok(!requested.some((p) => p.endsWith(file)), `search never loads ${file}`);
  await page.locator('.tab', { hasText: 'Charts' }).click();
  await page.locator('.chart canvas').first().waitFor();
  for (const file of chartFiles) assert.equal(requested.filter((p) => p.endsWith(file)).length, 1, `${file} once`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every chart draws a non-empty canvas, with a data table behind it', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?view=charts`);
  await page.locator('.chart canvas').first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => c.querySelector('canvas')));
  // Per chart, the pixels its canvases (ECharts may layer several) have painted.
  const painted = await page.locator('.chart').evaluateAll((charts) => charts.map((chart) => {
    let inked = 0;
    for (const c of chart.querySelectorAll('canvas')) {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    }
    return inked;
  }));
  assert.ok(painted.length >= 6 && painted.every((n) => n > 500), `inked pixels per chart: ${painted}`);
  const labels = await page.locator('.chart').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(labels.every((l) => l && l.length > 10), 'each chart is described');
  assert.ok((await page.locator('.chart-data tr').count()) > 10, 'show-data tables');
  await screenshot(page, 'charts-desktop-light');
  assert.deepEqual(problems, []);
  await context.close();
});

test('clicking a bar applies that facet value', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?view=charts`);
  const kinds = page.locator('.chart-box', { hasText: 'Items by kind' }).locator('.chart');
  await kinds.locator('canvas').waitFor();
  const measures = Number(await page.locator('[data-facet="kind"] li', { hasText: /Measure/ }).locator('.count').textContent());
  // The first (largest) bar.
  await clickFirstBar(page, kinds);
  await page.waitForFunction(() => new URL(location.href).searchParams.get('kind') === 'measure');
  assert.equal(await page.locator('.chip').count(), 1, 'the filter shows as a chip');
  await page.locator('.tab', { hasText: 'Results' }).click();
  await page.locator('.toolbar .count').waitFor();
  assert.equal(Number((await page.locator('.toolbar .count').textContent()).match(/\d+/)[0]), measures);
  assert.deepEqual(problems, []);
  await context.close();
});

test('charts follow the dark theme and the Chinese interface', async () => {
  const { context, page, problems } = await openPage(browser, { colorScheme: 'dark' });
  await page.goto(`${BASE_URL}?view=charts&lang=zh`);
  await page.locator('.chart canvas').first().waitFor();
  assert.match(await page.locator('.chart-box figcaption').first().textContent(), /按领域统计/);
  assert.equal(await page.locator('.chart').first().getAttribute('data-theme'), 'dark');
  await screenshot(page, 'charts-dark-zh');
  assert.deepEqual(problems, []);
  await context.close();
});

test('brushing the timeline sets the date range', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?view=charts`);
  const timeline = page.locator('.chart[data-brush="x"]');
  await timeline.locator('canvas').waitFor();
  await timeline.scrollIntoViewIfNeeded();
  const [x0, x1, y, names] = await timeline.evaluate((el) => {
    const chart = window.echarts.getInstanceByDom(el);
    const names = [].concat(chart.getOption().xAxis)[0].data;
    const first = chart.convertToPixel({ xAxisIndex: 0 }, names[0]);
    const last = chart.convertToPixel({ xAxisIndex: 0 }, names[names.length - 1]);
    const bottom = chart.convertToPixel({ yAxisIndex: 0 }, 0);
    return [first, last, bottom - 20, names];
  });
  const box = await timeline.boundingBox();
  await page.mouse.move(box.x + x0 - 10, box.y + y);
  await page.mouse.down();
  await page.mouse.move(box.x + x1 + 10, box.y + y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('from'), names[0]);
  assert.equal(params.get('to'), names[names.length - 1]);
  assert.deepEqual(problems, []);
  await context.close();
});
