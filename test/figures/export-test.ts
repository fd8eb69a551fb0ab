import { Resvg } from '@resvg/resvg-js';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import PDFDocument from 'pdfkit';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { svgToPdf, svgToPng } from '../../src/figures/export.ts';
import { ptFromMm } from '../../src/figures/presets.ts';
import { inspectPdf, type PdfInspection } from './pdf-inspect.ts';

const AXIS_TITLE = 'Specific capacity (mAh g⁻¹)';

interface Figure {
  svg: string;
  widthPt: number;
  heightPt: number;
}

/** A Nature single-column figure from Vega's SVG renderer: 7 pt text, units in superscripts, a bold legend title. */
async function sampleFigure(): Promise<Figure> {
  const widthPt = ptFromMm(89);
  const heightPt = ptFromMm(70);
  const spec: TopLevelSpec = {
    width: widthPt,
    height: heightPt,
    autosize: { type: 'fit', contains: 'padding' },
    config: {
      font: 'DejaVu Sans',
      axis: { labelFontSize: 7, titleFontSize: 7 },
      legend: { labelFontSize: 7, titleFontSize: 7, titleFontWeight: 'bold' },
    },
    data: {
      values: [
        { j: 0.1, c: 310, m: 'Bi/C' },
        { j: 1, c: 255, m: 'Bi/C' },
        { j: 0.5, c: 280, m: 'Sb/C' },
        { j: 5, c: 150, m: 'Sb/C' },
      ],
    },
    mark: 'point',
    encoding: {
      x: { field: 'j', type: 'quantitative', title: 'Current density (mA cm⁻²)' },
      y: { field: 'c', type: 'quantitative', title: AXIS_TITLE },
      color: { field: 'm', type: 'nominal', title: 'Electrode' },
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  return { svg: await view.toSVG(), widthPt, heightPt };
}

/** The font sizes the SVG asks for, in px (= pt here). */
const svgFontSizes = (svg: string): number[] => [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));

describe('svgToPdf', () => {
  let figure: Figure;
  let pdf: Uint8Array;
  let inspected: PdfInspection;

  beforeAll(async () => {
    figure = await sampleFigure();
    pdf = await svgToPdf(figure.svg, { widthPt: figure.widthPt, heightPt: figure.heightPt, title: 'Rate capability' });
    inspected = await inspectPdf(pdf);
  });

  test('one page of exactly the requested size in pt', () => {
    expect(inspected.pageCount).toBe(1);
    expect(inspected.widthPt).toBeCloseTo(252.283, 2);
    expect(Math.abs(inspected.widthPt - figure.widthPt)).toBeLessThan(0.01);
    expect(Math.abs(inspected.heightPt - figure.heightPt)).toBeLessThan(0.01);
  });

  test('an SVG of another size than the page is refused, not rescaled', async () => {
    const options = { widthPt: figure.widthPt * 0.9, heightPt: figure.heightPt, title: 'Rate capability' };
    await expect(svgToPdf(figure.svg, options)).rejects.toThrow(/the SVG is 252\.28\d* × 198\.42\d* units/);
  });

  test('every font is an embedded DejaVu Sans and no standard font is referenced', () => {
    expect(inspected.fonts.map((f) => f.name).sort()).toEqual([
      expect.stringMatching(/^([A-Z]{6}\+)?DejaVuSans$/),
      expect.stringMatching(/^([A-Z]{6}\+)?DejaVuSans-Bold$/),
    ]);
    expect(inspected.fonts.every((f) => f.embedded)).toBe(true);
    expect(inspected.declaredFonts.every((name) => /^([A-Z]{6}\+)?DejaVuSans(-Bold)?$/.test(name))).toBe(true);
    expect(new TextDecoder('latin1').decode(pdf)).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
  });

  test('text stays text, superscripts included', () => {
    expect(inspected.text).toContain(AXIS_TITLE);
    expect(inspected.text).toContain('Current density (mA cm⁻²)');
    expect(inspected.text).toContain('Electrode');
  });

  test('text prints at the sizes the SVG sets, 7 pt at the smallest', () => {
    const sizes = inspected.textItems.map((item) => item.sizePt);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7 - 0.01);
    for (const size of sizes) expect(svgFontSizes(figure.svg).some((s) => Math.abs(s - size) < 0.01)).toBe(true);
  });

  test('the same SVG gives the same bytes', async () => {
    const again = await svgToPdf(figure.svg, {
      widthPt: figure.widthPt,
      heightPt: figure.heightPt,
      title: 'Rate capability',
    });
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    expect(new TextDecoder('latin1').decode(pdf)).toContain('(Battery Atlas)');
  });

  test('the inspector reports a font that is not embedded (control)', async () => {
    const doc = new PDFDocument({ size: [100, 50], margin: 0 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.fontSize(7).text('Helvetica text', 0, 0);
    doc.end();
    await ended;
    const control = await inspectPdf(new Uint8Array(Buffer.concat(chunks)));
    expect(control.fonts).toEqual([{ name: 'Helvetica', embedded: false }]);
    expect(control.declaredFonts).toEqual(['Helvetica']);
  });
});

/** An SVG page as Vega's renderer writes one: 1 unit = 1 pt, root group with fill none. */
const vegaSvg = (body: string, width = 120, height = 60): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
  `<rect width="${width}" height="${height}" fill="#ffffff"/><g fill="none" stroke-miterlimit="4" transform="translate(5,5)">${body}</g></svg>`;

const pdfOf = (svg: string) => svgToPdf(svg, { widthPt: 120, heightPt: 60, title: 'Test' });

/** The drawing operators of a PDF's first page, by pdfjs. */
async function operatorsOf(pdf: Uint8Array): Promise<number[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    return (await (await document.getPage(1)).getOperatorList()).fnArray;
  } finally {
    await document.destroy();
  }
}

describe('the SVG the PDF is drawn from', () => {
  test("Vega's multi-line text (a tspan per line) prints every line as text", async () => {
    const svg = vegaSvg(
      '<text text-anchor="middle" transform="translate(50,10)" font-family="DejaVu Sans" font-size="7px" fill="#000000">' +
        '<tspan>Capacity after</tspan><tspan x="0" dy="8.4">100 cycles</tspan></text>',
    );
    const page = await inspectPdf(await pdfOf(svg));
    expect(page.textItems.map((t) => t.str)).toEqual(['Capacity after', '100 cycles']);
    expect(page.textItems.every((t) => Math.abs(t.sizePt - 7) < 0.01)).toBe(true);
  });

  test('a clipped mark group is clipped in the PDF', async () => {
    const marks = '<path transform="translate(50,20)" d="M20,0A20,20,0,1,1,-20,0A20,20,0,1,1,20,0" fill="#0072B2"/>';
    const clipped = vegaSvg(
      `<g class="mark-symbol role-mark" clip-path="url(#clip1)">${marks}</g>` +
        '<defs><clipPath id="clip1"><rect x="0" y="0" width="60" height="30"/></clipPath></defs>',
    );
    expect(await operatorsOf(await pdfOf(clipped))).toContain(OPS.clip);
    expect(await operatorsOf(await pdfOf(vegaSvg(`<g>${marks}</g>`)))).not.toContain(OPS.clip);
  });

  test('an opacity Vega writes as NaN is ignored, as SVG ignores an invalid value', async () => {
    const mark = (extra: string) =>
      vegaSvg(`<path transform="translate(20,20)" d="M-5,-5h10v10h-10Z" stroke="#000000" stroke-width="1"${extra}/>`);
    expect(Buffer.from(await pdfOf(mark(' opacity="NaN"'))).equals(Buffer.from(await pdfOf(mark(''))))).toBe(true);
  });

  test('what the writer does not draw is refused, naming it, rather than printed otherwise', async () => {
    await expect(pdfOf(vegaSvg('<image href="x.png" width="10" height="10"/>'))).rejects.toThrow(
      '<image> is not supported by the PDF writer',
    );
    await expect(pdfOf(vegaSvg('<path d="M0,0h10" fill="url(#gradient1)"/>'))).rejects.toThrow(
      'the colour "url(#gradient1)" is not supported',
    );
    await expect(pdfOf(vegaSvg('<text font-style="italic" font-size="7px" fill="#000">x</text>'))).rejects.toThrow(
      'font-style="italic": the figure font has no such face',
    );
  });
});

interface Chunk {
  type: string;
  data: Uint8Array;
  crcValid: boolean;
}

function chunksOf(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    chunks.push({
      type: new TextDecoder().decode(typeAndData.subarray(0, 4)),
      data: typeAndData.subarray(4),
      crcValid: crc32(typeAndData) === view.getUint32(at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
}

/** RGBA pixels of a PNG, decoded by resvg from a data URL (a real PNG decoder, without adding a dependency). */
function decodePng(png: Uint8Array): { width: number; pixels: Uint8Array } {
  const ihdr = new DataView(png.buffer, png.byteOffset + 16, 8);
  const [width, height] = [ihdr.getUint32(0), ihdr.getUint32(4)];
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const wrapper = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="${href}" width="${width}" height="${height}"/></svg>`;
  return { width, pixels: new Resvg(wrapper).render().pixels };
}

const darkPixels = ({ pixels }: { pixels: Uint8Array }): number => {
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 150) count++;
  return count;
};

describe('svgToPng', () => {
  let figure: Figure;
  beforeAll(async () => {
    figure = await sampleFigure();
  });

  test.each([300, 600])('%i dpi: pixel width, and the resolution in a pHYs chunk after IHDR', (dpi) => {
    const chunks = chunksOf(svgToPng(figure.svg, { dpi }));
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', ...chunks.slice(2).map(() => expect.any(String))]);
    expect(chunks.filter((c) => c.type === 'pHYs')).toHaveLength(1);
    expect(chunks.every((c) => c.crcValid)).toBe(true);

    const ihdr = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset);
    expect(ihdr.getUint32(0)).toBe(Math.round((figure.widthPt * dpi) / 72));
    expect(ihdr.getUint32(4)).toBe(Math.round((figure.heightPt * dpi) / 72));

    const phys = new DataView(chunks[1]!.data.buffer, chunks[1]!.data.byteOffset, 9);
    const pixelsPerMetre = Math.round(dpi / 0.0254);
    expect([phys.getUint32(0), phys.getUint32(4), phys.getUint8(8)]).toEqual([pixelsPerMetre, pixelsPerMetre, 1]);
    expect((pixelsPerMetre * 0.0254).toFixed(0)).toBe(String(dpi));
  });

  test('the text is drawn: taking the <text> elements out removes thousands of dark pixels', () => {
    const withText = darkPixels(decodePng(svgToPng(figure.svg, { dpi: 300 })));
    const withoutText = darkPixels(
      decodePng(svgToPng(figure.svg.replace(/<text\b[\s\S]*?<\/text>/g, ''), { dpi: 300 })),
    );
    expect(withText - withoutText).toBeGreaterThan(1000);
  });
});
