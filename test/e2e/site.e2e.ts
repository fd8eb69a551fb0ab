/**
 * The built site (run `npm run build` first) in a real headless Chromium: every page renders with no console
 * errors and no scripts, the numbers on the pages match the data set, the no-JavaScript filters work and the
 * downloads are served.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch } from './chromium.ts';
import { serve } from './serve.ts';

const DIST = 'dist';
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;

interface PaperEntry {
  id: string;
  title: string;
  result_count: number;
  samples: unknown[];
}
const papers = JSON.parse(readFileSync(`${DIST}/data/papers.json`, 'utf8')) as PaperEntry[];
const rows = JSON.parse(readFileSync(`${DIST}/data/measurements.json`, 'utf8')) as Record<string, unknown>[];

/** Opens a page and fails on console errors, page errors and non-200 responses. */
async function open(path: string, options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(`${site.url}${path}`);
  assert.equal(response?.status(), 200, `${path} answers 200`);
  await page.waitForLoadState('load');
  assert.deepEqual(errors, [], `${path} logs no errors`);
  return page;
}

before(async () => {
  assert.ok(existsSync(`${DIST}/index.html`), 'the site is built (npm run build)');
  site = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('built site in Chromium', () => {
  test('home shows the counts of the data set', async () => {
    const page = await open('/');
    assert.equal(await page.locator('[data-count="papers"]').textContent(), String(papers.length));
    assert.equal(await page.locator('[data-count="rows"]').textContent(), String(rows.length));
    assert.equal(await page.locator('script').count(), 0, 'no JavaScript on load');
  });

  test('every paper page renders its results with quotes on demand', async () => {
    for (const paper of papers) {
      const page = await open(`/papers/${paper.id}/`);
      assert.equal((await page.locator('h1').textContent())?.trim(), paper.title);
      const quotes = page.locator('details summary', { hasText: 'Quote' });
      assert.equal(await quotes.count(), rows.filter((r) => r.paper_id === paper.id).length);
      await quotes.first().click();
      assert.ok(await page.locator('details[open] blockquote').first().isVisible(), 'a quote opens');
    }
  });

  test('the negative result of paper 002 is visible without scrolling through tables', async () => {
    const page = await open('/papers/koh-2024-liquid-nak-not-viable/', { javaScript: false });
    const section = page.locator('section.negative');
    assert.ok(await section.isVisible());
    assert.match((await section.textContent()) ?? '', /not viable|cannot|not a sustainable/i);
  });

  test('a number shows both the normalised value and what the paper printed', async () => {
    const page = await open('/papers/tai-2021-quasi-liquid-kna/');
    const text = (await page.locator('main').textContent()) ?? '';
    assert.match(text, /18 mA g⁻¹/);
    assert.match(text, /printed: 0\.1 C/);
  });

  test('materials filter without JavaScript', async () => {
    const page = await open('/materials/', { javaScript: false });
    const all = await page.locator('tbody tr').count();
    assert.equal(
      all,
      papers.reduce((n, p) => n + p.samples.length, 0),
    );
    await page.locator('#f-ion-K').check();
    const visible = page.locator('tbody tr:visible');
    const shown = await visible.count();
    assert.ok(shown > 0 && shown < all, `K filter shows ${shown} of ${all}`);
    for (const ion of await visible.locator('td:nth-child(3)').allTextContents()) assert.equal(ion, 'K');
  });

  test('data page documents every column and serves the downloads', async () => {
    const page = await open('/data/');
    const columns = await page.locator('tbody code').allTextContents();
    assert.deepEqual(columns, Object.keys(rows[0]!));
    const csv = await (await page.request.get(`${site.url}/data/measurements.csv`)).text();
    assert.equal(csv.split('\r\n')[0], columns.join(','));
    const schema = await page.request.get(`${site.url}/schema/paper.schema.json`);
    assert.equal(schema.status(), 200);
  });

  test('contribute page lists the generated field reference', async () => {
    const page = await open('/contribute/');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const field of ['results[].conditions.one_c', 'results[].retention_baseline_cycle', 'results[].currents'])
      assert.ok(text.includes(field), field);
  });
});
