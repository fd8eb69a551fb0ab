/**
 * The figure pages of the built site (run `npm run build` first) in a real headless Chromium: every static figure
 * page shows its chart, caption, sources and downloads with no JavaScript at all; the no-JavaScript filter form leads
 * to the interactive view, which re-draws only the chosen points, keeps them in its permalink, offers downloads of
 * exactly that view and explains each mark in a tooltip; the embed page is the SVG alone.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DATA_FORMATS, fileName, PRINT_FORMATS } from '../../src/figures/files.ts';
import { DATA_MARKS } from '../../src/figures/theme.ts';
import { FIGURES } from '../../src/figures/index.ts';
import { PRESETS, presetById, SITE_PRESET } from '../../src/figures/presets.ts';
import { launch } from './chromium.ts';
import { serve } from './serve.ts';

const DIST = 'dist';
const FIGURE = 'capacity-vs-cycles';
const MIN = 150;
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
/** One context with JavaScript, one without, shared by the tests (a context takes a while to start here). */
let withJs: BrowserContext;
let withoutJs: BrowserContext;
/** Pages opened by `open`, closed after each test. */
let opened: Page[] = [];

/** A page that records what goes wrong on it: console errors, uncaught errors, failed requests, 4xx/5xx answers. */
interface Tab {
  page: Page;
  problems: string[];
  /** Opens `path` on this page; returns the HTML as served and clears the problems of the previous address. */
  go(path: string): Promise<string>;
}

async function tab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return {
    page,
    problems,
    async go(path) {
      problems.length = 0;
      const response = await page.goto(new URL(path, site.url).href);
      assert.equal(response?.status(), 200, `${path} answers 200`);
      await page.waitForLoadState('load');
      return (await response?.text()) ?? '';
    },
  };
}

/** Opens `path` on a new page, closed after the test. */
async function open(
  path: string,
  options: { javaScript?: boolean; context?: BrowserContext } = {},
): Promise<Tab & { html: string }> {
  const opening = await tab(options.context ?? (options.javaScript === false ? withoutJs : withJs));
  opened.push(opening.page);
  return { ...opening, html: await opening.go(path) };
}

/** Waits until the interactive view has run, and fails with its status message if it failed. */
async function whenReady(page: Page): Promise<void> {
  await page.locator('#explore:not([data-state="static"])').waitFor({ timeout: 15_000 });
  const state = await page.locator('#explore').getAttribute('data-state');
  assert.equal(state, 'ready', `interactive view: ${await page.locator('#status').textContent()}`);
}

/** "12 data points from 5 samples in 3 papers." → { points: 12, papers: 3 } */
function captionCounts(caption: string | null): { points: number; papers: number } {
  const points = /(\d+) data points?\b/.exec(caption ?? '');
  const papers = /in (\d+) papers?\b/.exec(caption ?? '');
  assert.ok(points && papers, `the caption gives the numbers of points and papers: ${caption}`);
  return { points: Number(points[1]), papers: Number(papers[1]) };
}

/**
 * The plotted marks of a chart: the layer every figure names DATA_MARKS (Vega's class `<name>_marks`), one mark per
 * point or bar; labels, rings, density cells and legends are other layers.
 */
const dataMarks = (scope: Page | Locator, svg = 'svg.marks'): Locator =>
  scope.locator(`${svg} g.${DATA_MARKS}_marks > path`);

/** RFC 4180 CSV (quoted fields with commas, quotes and line breaks) → header and records keyed by it. */
function parseCsv(text: string): { header: string[]; records: Record<string, string>[] } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  const [header = [], ...body] = rows;
  for (const r of body) assert.equal(r.length, header.length, `CSV record has ${header.length} fields: ${r.join(',')}`);
  return { header, records: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

function csvRows(id: string): number {
  return parseCsv(readFileSync(`${DIST}/figures/${id}/${id}-data.csv`, 'utf8')).records.length;
}

/** Hovers the middle of a mark as a mouse would (whatever is on top there gets the event). */
async function hover(page: Page, mark: Locator): Promise<void> {
  await page.mouse.move(0, 0);
  const box = await mark.boundingBox();
  assert.ok(box, 'the mark is on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

const filteredPath = `/figures/${FIGURE}/explore/?ion=K&min=${MIN}`;

before(async () => {
  assert.ok(existsSync(`${DIST}/figures/index.html`), 'the site is built (npm run build)');
  site = await serve(DIST);
  browser = await launch();
  [withJs, withoutJs] = await Promise.all([browser.newContext(), browser.newContext({ javaScriptEnabled: false })]);
});
afterEach(async () => {
  await Promise.all(opened.map((p) => p.close()));
  opened = [];
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('downloads written beside the pages (src/integration.ts)', () => {
  test('every file of every figure under every preset, the view data and the data set are in the site', () => {
    const missing: string[] = [];
    const present = (path: string) => {
      if (!existsSync(`${DIST}/${path}`)) missing.push(path);
    };
    for (const definition of FIGURES) {
      const at = (file: string) => present(`figures/${definition.id}/${file}`);
      for (const preset of PRESETS) for (const f of PRINT_FORMATS) at(fileName(definition, f.id, preset));
      for (const f of DATA_FORMATS) at(fileName(definition, f.id, presetById(SITE_PRESET)));
      at(`${definition.id}-rows.json`);
    }
    for (const file of ['measurements.csv', 'measurements.json', 'measurements.parquet', 'papers.json', 'columns.json'])
      present(`data/${file}`);
    assert.deepEqual(missing, []);
  });
});

describe('figure pages in Chromium', () => {
  test('the figure index lists every figure with its number of points', async () => {
    const { page, problems } = await open('/figures/', { javaScript: false });
    const items = page.locator('ol.figure-list > li');
    assert.equal(await items.count(), FIGURES.length);
    for (const [i, definition] of FIGURES.entries()) {
      const item = items.nth(i);
      assert.equal(await item.locator('h2 a').getAttribute('href'), `/figures/${definition.id}/`);
      assert.equal((await item.locator('h2 a').textContent())?.trim(), definition.title);
      assert.match((await item.textContent()) ?? '', new RegExp(`\\b${csvRows(definition.id)} data points?\\b`));
    }
    assert.deepEqual(problems, []);
  });

  for (const definition of FIGURES) {
    const id = definition.id;
    const base = `/figures/${id}/`;
    describe(id, () => {
      // Two pages per figure, one without JavaScript and one with, reused by its tests (opening pages is slow here).
      let off: Tab;
      let on: Tab;
      before(async () => {
        [off, on] = await Promise.all([tab(withoutJs), tab(withJs)]);
      });
      after(async () => {
        await Promise.all([off?.page.close(), on?.page.close()]);
      });

      test('static page shows the chart, caption, sources and downloads with no JavaScript', async () => {
        const html = await off.go(base);
        const { page, problems } = off;
        assert.ok(!/<script\b/i.test(html), 'the page as served has no <script>');
        assert.equal(await page.locator('script').count(), 0, 'no <script> element');

        const svg = page.locator('figure.chart > svg.marks');
        assert.equal(await svg.count(), 1, 'one inline SVG in the figure');
        assert.ok(((await svg.boundingBox())?.width ?? 0) > 300, 'the chart is drawn at a readable width');
        const texts = (await svg.locator('text').allTextContents()).filter((t) => t.trim() !== '');
        assert.ok(texts.length > 3, 'the SVG has real text (axis labels, titles, point labels)');
        const axisTitles = (await svg.locator('.role-axis-title text').allTextContents()).filter((t) => t.trim());
        assert.ok(axisTitles.length > 0, 'an axis has a title');

        const caption = await page.locator('figure.chart figcaption').textContent();
        assert.ok(caption?.startsWith(`${definition.title}.`), 'the caption starts with the title');
        const { points, papers } = captionCounts(caption);
        assert.ok(points > 0, 'something is plotted');
        assert.equal(await dataMarks(page).count(), points, 'one mark per data point of the caption');
        assert.equal(points, csvRows(id), 'the caption counts the rows of the plotted-data CSV');
        const dataRows = page.locator('section[aria-labelledby="data-heading"] table.data tbody tr');
        assert.equal(await dataRows.count(), points, 'the plotted-data table has a row per point');

        const sources = page.locator('ol.sources > li');
        assert.equal(await sources.count(), papers, 'one numbered source per paper of the caption');
        for (let n = 1; n <= papers; n++) {
          assert.equal(await sources.nth(n - 1).getAttribute('id'), `source-${n}`);
          assert.match((await sources.nth(n - 1).textContent()) ?? '', new RegExp(`^\\s*\\[${n}\\]`));
        }
        for (const href of await dataRows
          .locator('a[href^="#source-"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
          assert.equal(await page.locator(`ol.sources > li${href}`).count(), 1, `${href} is in the source list`);

        const form = page.locator('form.filters');
        assert.equal(await form.getAttribute('method'), 'get');
        assert.equal(await form.getAttribute('action'), `${base}explore/`);
        assert.equal(await form.locator('input[type="number"][name="min"]').count(), 1);
        assert.equal(await form.locator('input[type="number"][name="max"]').count(), 1);

        for (const preset of PRESETS) {
          const row = page.locator('table.downloads tbody tr', {
            has: page.locator('th', { hasText: new RegExp(`^${preset.label}$`) }),
          });
          const hrefs = await row.locator('a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          for (const file of [`${preset.id}.svg`, `${preset.id}.pdf`, `${preset.id}-300dpi.png`])
            assert.ok(hrefs.includes(`${base}${id}-${file}`), `${preset.label}: ${file} offered`);
        }
        const dataLinks = await page
          .locator('ul.data-files a[download]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        for (const file of ['data.csv', 'spec.vl.json', 'sources.bib', 'sources.ris'])
          assert.ok(dataLinks.includes(`${base}${id}-${file}`), `${file} offered`);

        const embed = await page.locator('textarea#embed').inputValue();
        assert.match(embed, new RegExp(`^<iframe src="[^"]*/figures/${id}/embed/"[^>]*></iframe>$`));

        const excluded = /Not plotted \((\d+)\)/.exec((await page.locator('#excluded-heading').textContent()) ?? '');
        assert.ok(excluded, 'the "Not plotted" heading gives a count');
        const excludedRows = page.locator('section[aria-labelledby="excluded-heading"] tbody tr');
        assert.equal(await excludedRows.count(), Number(excluded[1]), 'one row per result left out');
        for (const reason of await excludedRows.locator('td:nth-child(3)').allTextContents())
          assert.ok(reason.trim().length > 0, 'every result left out says why');
        assert.deepEqual(problems, []);

        await on.go(base);
        assert.equal(await on.page.locator('script').count(), 0, 'no <script> with JavaScript on either');
        assert.deepEqual(on.problems, [], 'no errors or failed requests with JavaScript on');
      });

      test('every download link is served with the right kind of file', async () => {
        if (off.page.url() !== `${site.url}${base}`) await off.go(base);
        const { page } = off;
        const hrefs = await page
          .locator('a[download]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        assert.equal(hrefs.length, PRESETS.length * 4 + 4);
        await Promise.all(
          hrefs.map(async (href) => {
            const response = await page.request.get(`${site.url}${href}`);
            assert.equal(response.status(), 200, href);
            const body = await response.body();
            const head = body.subarray(0, 8).toString('latin1');
            if (href.endsWith('.pdf')) assert.ok(head.startsWith('%PDF-'), `${href} is a PDF`);
            else if (href.endsWith('.png')) assert.ok(head.startsWith('\x89PNG'), `${href} is a PNG`);
            else if (href.endsWith('.svg')) assert.match(body.toString('utf8', 0, 200), /^(<\?xml[^>]*>\s*)?<svg\b/);
            else if (href.endsWith('.json')) assert.match(JSON.parse(body.toString('utf8')).$schema, /vega-lite/);
            else if (href.endsWith('.bib')) assert.match(body.toString('utf8'), /@article\{/);
            else if (href.endsWith('.ris')) assert.match(body.toString('utf8'), /^TY {2}- /);
            else if (href.endsWith('.csv')) assert.ok(body.toString('utf8').startsWith('row_id,source,citation,'));
            else assert.fail(`unexpected download ${href}`);
          }),
        );
      });

      test("the interactive view re-draws the same points and offers this view's files", async () => {
        await on.go(`${base}explore/`);
        const { page, problems } = on;
        await whenReady(page);
        const { points } = captionCounts(await page.locator('#caption').textContent());
        assert.equal(points, csvRows(id), 'unfiltered, the same points as the static figure');
        assert.match((await page.locator('#status').textContent()) ?? '', new RegExp(`^${points} points? plotted`));
        assert.equal(await dataMarks(page, '#chart svg').count(), points, 'one mark per point');
        assert.equal(await page.locator('#chart svg').count(), 1, 'the static SVG was replaced, not added to');
        assert.equal(await page.locator('#permalink').inputValue(), `${site.url}${base}explore/`);
        for (const link of ['svg', 'csv', 'spec'])
          assert.match((await page.locator(`#download-${link}`).getAttribute('href')) ?? '', /^blob:/, link);
        assert.match((await page.locator('#download-png').getAttribute('href')) ?? '', /^data:image\/png;base64,/);
        assert.deepEqual(problems, []);
      });

      test('the embed page is the SVG alone, without script', async () => {
        const html = await off.go(`${base}embed/`);
        const { page, problems } = off;
        assert.ok(!/<script\b/i.test(html), 'no <script> as served');
        assert.equal(await page.locator('body > svg.marks').count(), 1);
        assert.equal(await dataMarks(page, 'body > svg.marks').count(), csvRows(id));
        const credit = page.locator(`a[href="${base}"]`);
        assert.equal(await credit.getAttribute('target'), '_top', 'the credit link leaves the iframe');
        assert.deepEqual(problems, []);
      });
    });
  }

  test('the embed snippet shows the figure in an iframe', async () => {
    const { page, problems } = await open(`/figures/${FIGURE}/`);
    const snippet = await page.locator('textarea#embed').inputValue();
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), snippet);
    const frame = page.frameLocator('iframe[title*="Battery Atlas"]');
    await frame.locator('svg.marks').waitFor();
    assert.equal(await dataMarks(frame.locator('body')).count(), csvRows(FIGURE));
    assert.deepEqual(problems, []);
  });

  test('filtering on the static page opens the filtered interactive view', async () => {
    const { page, problems } = await open(`/figures/${FIGURE}/`);
    const all = captionCounts(await page.locator('figure.chart figcaption').textContent()).points;
    const form = page.locator('form.filters');
    await form.locator('input[name="ion"][value="K"]').check();
    await form.locator('input[name="min"]').fill(String(MIN));
    await form.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === `/figures/${FIGURE}/explore/`);
    const params = new URL(page.url()).searchParams;
    assert.deepEqual(params.getAll('ion'), ['K']);
    assert.equal(params.get('min'), String(MIN));
    await whenReady(page);

    const status = /^(\d+) points? plotted/.exec((await page.locator('#status').textContent()) ?? '');
    assert.ok(status, 'the status gives the number of points');
    const shown = Number(status[1]);
    const caption = (await page.locator('#caption').textContent()) ?? '';
    assert.equal(captionCounts(caption).points, shown, 'caption and status agree');
    assert.ok(shown > 0 && shown < all, `the filter keeps ${shown} of ${all} points`);
    assert.match(caption, /Filtered to ion K\b/);
    const hidden = /(\d+) other plottable points? hidden/.exec(caption);
    assert.equal(shown + Number(hidden?.[1] ?? 0), all, 'shown and hidden points add up to the unfiltered figure');

    const marks = dataMarks(page, '#chart svg');
    assert.equal(await marks.count(), shown, 'one mark per point shown');
    for (const label of await marks.evaluateAll((ms) => ms.map((m) => m.getAttribute('aria-label') ?? '')))
      assert.match(label, /\bIon: K;/, 'every mark is a K result');

    const csvHref = (await page.locator('#download-csv').getAttribute('href')) ?? '';
    assert.match(csvHref, /^blob:/);
    const csv = parseCsv(await page.evaluate(async (u) => (await fetch(u)).text(), csvHref));
    assert.deepEqual(csv.header.slice(0, 3), ['row_id', 'source', 'citation']);
    assert.equal(csv.records.length, shown, 'the CSV of this view has its points');
    const range = FIGURES.find((f) => f.id === FIGURE)!.range.column;
    for (const record of csv.records) {
      assert.equal(record.ion, 'K', `${record.row_id} is a K result`);
      assert.ok(Number(record[range]) >= MIN, `${record.row_id}: ${range} ${record[range]} ≥ ${MIN}`);
    }
    const svgHref = (await page.locator('#download-svg').getAttribute('href')) ?? '';
    const svg = await page.evaluate(async (u) => (await fetch(u)).text(), svgHref);
    assert.match(svg, /^<svg\b/);
    assert.equal(svg.match(/aria-label="[^"]*Source: \[/g)?.length, shown, 'the SVG of this view has its points');

    assert.match((await page.locator('#command').textContent()) ?? '', new RegExp(`--ion K --min ${MIN}\\b`));
    assert.equal(await page.locator('#sources > li').count(), captionCounts(caption).papers);
    assert.deepEqual(problems, []);
  });

  test('the permalink brings back the same filtered view in a new browser', async () => {
    const first = await open(`/figures/${FIGURE}/explore/?ion=K&min=${MIN}&max=`);
    await whenReady(first.page);
    const permalink = await first.page.locator('#permalink').inputValue();
    assert.equal(permalink, first.page.url());
    const status = await first.page.locator('#status').textContent();

    const fresh = await browser.newContext();
    const { page, problems } = await tab(fresh);
    await page.goto(permalink);
    await whenReady(page);
    assert.equal(await page.locator('#status').textContent(), status, 'the same number of points');
    assert.equal(await page.locator('#caption').textContent(), await first.page.locator('#caption').textContent());
    const checked = await page
      .locator('form.filters input[type="checkbox"]:checked')
      .evaluateAll((cs) => cs.map((c) => `${(c as HTMLInputElement).name}=${(c as HTMLInputElement).value}`));
    assert.deepEqual(checked, ['ion=K'], 'the form shows the filters of the URL');
    assert.equal(await page.locator('form.filters input[name="min"]').inputValue(), String(MIN));
    assert.equal(await page.locator('form.filters input[name="max"]').inputValue(), '');
    assert.deepEqual(problems, []);
    assert.deepEqual(first.problems, []);
    await fresh.close();
  });

  test('downloading the Nature single-column PDF and the plotted data', async () => {
    const { page, problems } = await open(`/figures/${FIGURE}/`);
    const preset = PRESETS.find((p) => p.id === 'nature-single')!;
    const row = page.locator('table.downloads tbody tr', {
      has: page.locator('th', { hasText: new RegExp(`^${preset.label}$`) }),
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: 'PDF' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `${FIGURE}-nature-single.pdf`);
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.length > 1024, `the PDF has content (${pdf.length} bytes)`);
    assert.match(pdf.subarray(-32).toString('latin1'), /%%EOF\s*$/, 'the PDF is complete');
    const mediaBox = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
    assert.ok(mediaBox, 'the PDF has a page size');
    assert.ok(Math.abs(Number(mediaBox[1]) - (preset.widthMm / 25.4) * 72) < 0.5, 'the page is the column width');

    const csvHref = await page.getByRole('link', { name: 'Plotted data (CSV)' }).getAttribute('href');
    const response = await page.request.get(`${site.url}${csvHref}`);
    assert.equal(response.status(), 200);
    const csv = parseCsv(await response.text());
    assert.deepEqual(csv.header.slice(0, 3), ['row_id', 'source', 'citation']);
    assert.equal(csv.records.length, captionCounts(await page.locator('figcaption').textContent()).points);
    assert.deepEqual(problems, []);
  });

  test('hovering a mark explains it with its source and quote; clicking opens the paper', async () => {
    const { page, problems } = await open(filteredPath);
    await whenReady(page);
    const mark = dataMarks(page, '#chart svg').first();
    const label = (await mark.getAttribute('aria-label')) ?? '';
    const sample = /Sample: ([^;]+);/.exec(label)?.[1];
    const href = /href: (\S+)$/.exec(label)?.[1];
    assert.ok(sample && href, `the mark names its sample and link: ${label}`);
    const tooltip = page.locator('#vg-tooltip-element');
    await hover(page, mark);
    await tooltip.waitFor({ state: 'visible', timeout: 5_000 });
    const text = (await tooltip.textContent()) ?? '';
    assert.match(text, /Source/);
    assert.match(text, /“/, 'the tooltip quotes the paper');
    assert.ok(text.includes(sample), `the tooltip is about the hovered sample ${sample}`);
    await page.mouse.move(0, 0);
    await tooltip.waitFor({ state: 'hidden', timeout: 5_000 });

    await hover(page, mark);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForURL((url) => `${url.pathname}${url.hash}` === href);
    assert.deepEqual(problems, []);
  });

  test('every mark, control samples included, shows its own tooltip', async () => {
    const missing: string[] = [];
    const { page, go } = await tab(withJs);
    opened.push(page);
    for (const definition of FIGURES) {
      await go(`/figures/${definition.id}/explore/`);
      await whenReady(page);
      const marks = dataMarks(page, '#chart svg');
      const tooltip = page.locator('#vg-tooltip-element');
      for (let i = 0; i < (await marks.count()); i++) {
        const label = (await marks.nth(i).getAttribute('aria-label')) ?? '';
        const sample = /Sample: ([^;]+);/.exec(label)?.[1] ?? '';
        await hover(page, marks.nth(i));
        const shown = await tooltip
          .filter({ hasText: sample })
          .waitFor({ state: 'visible', timeout: 500 })
          .then(() => true)
          .catch(() => false);
        if (!shown) missing.push(`${definition.id}: ${label.slice(0, 80)}…`);
      }
    }
    assert.deepEqual(missing, [], 'marks without a tooltip');
  });
});
