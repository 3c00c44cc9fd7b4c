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
  // A chart with nothing to show (the seeds cite no document of theirs) says so instead.
  for (const empty of await page.locator('.chart.hidden').all()) {
    const box = empty.locator('xpath=..');
    assert.ok(await box.locator('.chart-empty').isVisible(), 'an empty chart says so');
  }
  // Per chart, the pixels its canvases (ECharts may layer several) have painted.
  const painted = await page.locator('.chart:not(.hidden)').evaluateAll((charts) => charts.map((chart) => {
    let inked = 0;
    for (const c of chart.querySelectorAll('canvas')) {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    }
    return inked;
  }));
  assert.ok(painted.length >= 6 && painted.every((n) => n > 500), `inked pixels per chart: ${painted}`);
  const labels = await page.locator('.chart:not(.hidden)').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
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

// Charts were hard to read: "Other" dwarfed the lead units' top 10, "Items by kind" labelled
// 3 of its 6 bars, the heatmap had no column labels, the timeline's documents lay flat on the
// items' scale, charts with nothing to show drew empty axes, and drill-down needed a mouse.
test('charts label every bar, keep "Other" as a note, give documents their own axis, say when empty, and drill down from the keyboard', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.goto(`${BASE_URL}?view=charts`);
  await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => c.querySelector('canvas')));
  const option = (title) => page.locator('.chart-box', { hasText: title }).locator('.chart').evaluate((el) => {
    const o = window.echarts.getInstanceByDom(el).getOption();
    return { xAxis: [].concat(o.xAxis ?? []), yAxis: [].concat(o.yAxis ?? []), series: o.series };
  });
  for (const title of ['Items by topic', 'Items by kind', 'Lead units (top 10)', 'Items by region']) {
    const o = await option(title);
    const category = [...o.xAxis, ...o.yAxis].find((a) => a.type === 'category');
    assert.equal(category.axisLabel.interval, 0, `${title}: every bar labelled`);
    assert.equal(category.data.length, o.series[0].data.length);
    assert.ok(o.series[0].label.show, `${title}: values written on the bars`);
  }
  const leads = await option('Lead units (top 10)');
  const leadNames = [].concat(leads.yAxis)[0].data;
  assert.equal(leadNames.length, 10);
  assert.ok(!leadNames.some((n) => /^(Other|Others|其他)$/.test(n)), 'no "Other" bar');
  const note = await page.locator('.chart-box', { hasText: 'Lead units (top 10)' }).locator('.chart-note').textContent();
  const rest = Number(note.match(/\d+/)[0]);
  // The note's sum is the table's last row, and the bars and it make up every lead.
  const rows = await page.locator('.chart-box', { hasText: 'Lead units (top 10)' }).locator('.chart-data tbody tr').allTextContents();
  assert.equal(rows.length, 11);
  assert.ok(rest > 0 && rows[10].endsWith(String(rest)), `${note} / ${rows[10]}`);
  const heat = await option('Regions × topics');
  assert.ok(heat.xAxis[0].data.length > 1 && heat.xAxis[0].axisLabel.interval === 0, 'heatmap columns labelled');
  const time = await option('Documents and items over time');
  assert.equal(time.yAxis.length, 2);
  assert.equal(time.series[1].yAxisIndex, 1, 'documents on their own axis');
  // Drill-down from the keyboard: the data table's rows are buttons.
  const topics = page.locator('.chart-box', { hasText: 'Items by topic' });
  await topics.locator('summary').focus();
  await page.keyboard.press('Enter');
  const first = topics.locator('.chart-data tbody button').first();
  await first.focus();
  const label = await first.textContent();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('topic'));
  assert.equal(await page.locator('.chip').count(), 1);
  assert.ok((await page.locator('.chip').textContent()).includes(label));
  // Nothing found: every chart says so instead of drawing empty axes.
  await page.goto(`${BASE_URL}?view=charts&q=zzzzqqqq`);
  await page.locator('.chart-box').first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.chart-box')].every((b) => !b.querySelector('.chart-empty').hidden && b.querySelector('.chart').classList.contains('hidden')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 375 px every chart fits the screen', async () => {
  const { context, page, problems } = await openPage(browser, { width: 375 });
  await page.goto(`${BASE_URL}?view=charts`);
  await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => c.querySelector('canvas')));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow} px too wide`);
  const widths = await page.locator('.chart canvas').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().right));
  assert.ok(widths.every((r) => r <= 375), `canvases end at ${widths}`);
  const o = await page.locator('.chart-box', { hasText: 'Items by topic' }).locator('.chart').evaluate((el) => [].concat(window.echarts.getInstanceByDom(el).getOption().yAxis)[0].axisLabel.width);
  assert.ok(o <= 100, `labels cut to ${o} px on a phone`);
  await screenshot(page, 'charts-375');
  assert.deepEqual(problems, []);
  await context.close();
});
