/**
 * The built site (run `npm run build` first) in a real headless Chromium: every page renders with no console
 * errors and no scripts, the numbers on the pages match the data set, the lists are paginated and together hold
 * every item, the no-JavaScript filters work, no HTML page weighs more than 100 KB gzip and the downloads are served.
 * The tests hold for any corpus: build a synthetic one to see the pagination walk many pages.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launch } from './chromium.ts';
import { serve } from './serve.ts';

const DIST = 'dist';
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;

interface PaperEntry {
  id: string;
  title: string;
  year: number;
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

/** Rows on a full page of a paginated list (LIST_PAGE_SIZE), and items in a list on the home page. */
const PAGE_SIZE = 100;
const HOME_LIST = 12;

/** One page of a paginated list as the browser shows it. */
interface ListPage {
  path: string;
  current: number;
  count: number;
  rows: number;
  prev: string | null;
}

/**
 * Follows rel=next from the first page of a list to the last, without JavaScript, checking "page k of n" on each
 * page and that rel=prev leads back to the page before; counts the rows of the list's `table` on each page.
 */
async function walk(first: string, table: string): Promise<ListPage[]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const pages: ListPage[] = [];
  for (let path: string | null = first; path !== null;) {
    const response = await page.goto(`${site.url}${path}`);
    assert.equal(response?.status(), 200, `${path} answers 200`);
    const nav = page.locator('nav.pagination').first();
    const number = async (what: string) => Number(await nav.locator(`[data-page-${what}]`).textContent());
    const href = async (rel: string) =>
      (await nav.locator(`a[rel="${rel}"]`).count()) > 0
        ? await nav.locator(`a[rel="${rel}"]`).getAttribute('href')
        : null;
    const listed: ListPage = {
      path,
      current: await number('current'),
      count: await number('count'),
      rows: await page.locator(`${table} tbody tr`).count(),
      prev: await href('prev'),
    };
    assert.equal(listed.current, pages.length + 1, `${path} says which page it is`);
    assert.equal(listed.prev, pages.at(-1)?.path ?? null, `${path} links back to the page before`);
    assert.equal(await page.locator('script').count(), 0, `${path} has no JavaScript`);
    pages.push(listed);
    path = await href('next');
  }
  await context.close();
  const count = pages[0]!.count;
  assert.equal(pages.length, count, `${first}: rel=next walks through all ${count} pages`);
  for (const p of pages.slice(0, -1)) assert.equal(p.rows, PAGE_SIZE, `${p.path} is full`);
  return pages;
}

const total = (pages: ListPage[]) => pages.reduce((n, p) => n + p.rows, 0);
const sampleCount = papers.reduce((n, p) => n + p.samples.length, 0);
/** Negative findings: results with a negative verdict on a sample that is not a control. */
const negativeFindings = new Set(
  rows.filter((r) => r.verdict === 'negative' && r.control === false).map((r) => `${r.paper_id}/${r.result_id}`),
).size;

/** Every .html file under `dir`, relative to it. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
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
  test('home shows the counts, the newest papers and the way to everything else', async () => {
    const page = await open('/');
    assert.equal(await page.locator('[data-count="papers"]').textContent(), String(papers.length));
    assert.equal(await page.locator('[data-count="rows"]').textContent(), String(rows.length));
    assert.equal(await page.locator('script').count(), 0, 'no JavaScript on load');

    const newest = [...papers].sort((a, b) => b.year - a.year || a.id.localeCompare(b.id)).slice(0, HOME_LIST);
    const listed = await page.locator('ul.newest > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(
      listed,
      newest.map((p) => `/papers/${p.id}/`),
      'the newest papers, by year then id',
    );
    const negative = page.locator('ul.negative > li');
    assert.equal(await negative.count(), Math.min(HOME_LIST, negativeFindings), 'a bounded list of negative findings');
    for (const href of ['/papers/', '/negative-results/', '/figures/', '/materials/', '/data/'])
      assert.ok((await page.locator(`main a[href="${href}"]`).count()) > 0, `home links to ${href}`);
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

  test('materials: every sample once, in pages of 100, with an index of where each material is', async () => {
    const pages = await walk('/materials/', 'table.materials');
    assert.equal(total(pages), sampleCount, 'the pages hold every sample');

    const page = await open('/materials/', { javaScript: false });
    const target = await page.context().newPage();
    let indexed = 0;
    for (const row of await page.locator('table.where tbody tr').all()) {
      const [ion, role, materialClass, samples] = await row.locator('td').allTextContents();
      indexed += Number(samples);
      const href = (await row.locator('a').getAttribute('href')) ?? '';
      assert.equal((await target.goto(`${site.url}${href}`))?.status(), 200, `${href} answers 200`);
      const match = `table.materials tr[data-ion="${ion}"][data-role="${role}"][data-class="${materialClass}"]`;
      assert.ok((await target.locator(match).count()) > 0, `${href} holds ${ion} ${role} ${materialClass}`);
    }
    assert.equal(indexed, sampleCount, 'the index accounts for every sample');
  });

  test('materials filters narrow the page without JavaScript, and say so', async () => {
    const page = await open('/materials/', { javaScript: false });
    assert.match((await page.locator('#filter-scope').textContent()) ?? '', /on this page/);
    const all = await page.locator('table.materials tbody tr').count();
    for (const [facet, column] of [
      ['ion', 3],
      ['role', 4],
      ['class', 5],
    ] as const) {
      let shownInAll = 0;
      for (const radio of await page.locator(`input[name="${facet}"][value]`).all()) {
        const value = (await radio.getAttribute('value'))!;
        await radio.check();
        const visible = page.locator('table.materials tbody tr:visible');
        shownInAll += await visible.count();
        for (const cell of await visible.locator(`td:nth-child(${column})`).allTextContents())
          assert.equal(cell, value, `${facet} ${value} shows only ${value} rows`);
      }
      assert.equal(shownInAll, all, `the ${facet} filters together show every row of the page`);
      await page.locator(`#f-${facet}-all`).check();
    }
  });

  test('papers: every paper once, newest first, in pages of 100', async () => {
    const pages = await walk('/papers/', 'table.papers');
    assert.equal(total(pages), papers.length);
    const page = await open('/papers/', { javaScript: false });
    const years = (await page.locator('table.papers tbody td:first-child').allTextContents()).map(Number);
    assert.deepEqual(
      years,
      [...years].sort((a, b) => b - a),
      'newest first',
    );
  });

  test('negative results: every negative finding once, in pages of 100', async () => {
    const pages = await walk('/negative-results/', 'table.findings');
    assert.equal(total(pages), negativeFindings);
  });

  test('no HTML page weighs more than 100 KB gzip', () => {
    const heavy = htmlFiles(DIST)
      .map((file) => ({ file, kb: gzipSync(readFileSync(join(DIST, file))).length / 1024 }))
      .filter(({ kb }) => kb > 100)
      .map(({ file, kb }) => `${file}: ${kb.toFixed(0)} KB`);
    assert.deepEqual(heavy, []);
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
