// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core,
// a page that records every console error/warning, page error and failed request.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BASE_URL = process.env.FTZ_BASE_URL;
if (!BASE_URL) throw new Error('FTZ_BASE_URL is not set: run these tests through `cargo xtask test`');

/** The bundle `cargo xtask bundle seeds` wrote: the oracle for what the page must show. */
export function seedsBundle() {
  return JSON.parse(readFileSync(process.env.FTZ_SEEDS_BUNDLE, 'utf8'));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}

/** A fresh page plus the list of problems it reported. */
export async function openPage(browser, { width = 1280, height = 900, colorScheme = 'light', serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, serviceWorkers });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    // Playwright's own notice when a test blocks service workers is not the page's.
    if (serviceWorkers === 'block' && msg.text() === 'Service Worker registration blocked by Playwright') return;
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // Requests aborted by a navigation (a reload while the icon loads) are not failures.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { context, page, problems };
}

/** Clicks the middle of the first bar of an ECharts bar chart (its position from ECharts). */
export async function clickFirstBar(page, chart) {
  const point = await chart.evaluate((el) => {
    const instance = window.echarts.getInstanceByDom(el);
    const option = instance.getOption();
    const data = option.series[0].data;
    // Horizontal bars list the largest last (it is drawn on top).
    if ([].concat(option.yAxis)[0].type === 'category') {
      const i = data.length - 1;
      return instance.convertToPixel({ seriesIndex: 0 }, [data[i] / 2, i]);
    }
    const top = instance.convertToPixel({ seriesIndex: 0 }, [0, data[0]]);
    const bottom = instance.convertToPixel({ seriesIndex: 0 }, [0, 0]);
    return [top[0], (top[1] + bottom[1]) / 2];
  });
  const box = await chart.boundingBox();
  await page.mouse.click(box.x + point[0], box.y + point[1]);
}

export async function screenshot(page, name) {
  const dir = process.env.FTZ_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png',
};

/**
 * A static server the test controls (so it can be stopped): serves `dir` under `prefix`,
 * plus `extra` paths with fixed bodies (a JSON string, or { type, body }); files carry an
 * ETag and answer 304 to a request that still matches it. Resolves to { origin, url, log,
 * close }, `log` listing every file answered as { path, status, bytes }.
 */
export async function serveDir(dir, { prefix = '/', extra = {} } = {}) {
  const { createServer } = await import('node:http');
  const { readFile, stat } = await import('node:fs/promises');
  const { extname, join, normalize } = await import('node:path');
  // Every file answered: { path, status, bytes }.
  const log = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra[path] !== undefined) {
      const { type = 'application/json', body } = typeof extra[path] === 'string' ? { body: extra[path] } : extra[path];
      res.writeHead(200, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*' });
      res.end(body);
      return;
    }
    if (!path.startsWith(prefix)) { res.writeHead(404); res.end('not found'); return; }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(normalize(dir))) { res.writeHead(404); res.end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const info = await stat(file);
      // Revalidation as static hosts do it: an ETag, and 304 when it still matches.
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
        res.end();
        log.push({ path, status: 304 });
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', ETag: etag });
      res.end(body);
      log.push({ path, status: 200, bytes: body.length });
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A failing test must not leave the process waiting on an open server.
  server.unref();
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    log,
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(resolve); }),
  };
}

/**
 * How a link addresses item `i` of a bundle document: its number path ("3.31": the numbers of
 * the item and its numbered ancestors, outermost first) when no other item of the document
 * has the same path, else its index. Written here from the bundle's rows
 * (`[kind, gap, len, number, parent, …]`), apart from the app's code, as an oracle.
 */
export function itemAddress(doc, i) {
  const path = (k) => {
    if (doc.items[k][3] == null) return null;
    const numbers = [];
    for (let at = k; at != null; at = doc.items[at][4]) {
      if (doc.items[at][3] != null) numbers.unshift(doc.items[at][3]);
    }
    return numbers.join('.');
  };
  const own = path(i);
  const shared = own != null && doc.items.some((_, k) => k !== i && path(k) === own);
  return own != null && !shared ? { number: own } : { item: String(i) };
}

/** The address a URL's query gives: `number=` or `item=`, as `itemAddress` writes it. */
export function addressIn(params) {
  return params.has('number') ? { number: params.get('number') } : { item: params.get('item') };
}
