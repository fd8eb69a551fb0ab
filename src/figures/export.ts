/**
 * A figure's SVG (1 unit = 1 pt) as the files a journal takes: a vector PDF with the typeface embedded and the text
 * kept as text, and a PNG at a stated resolution. Both use only the DejaVu Sans files in assets/fonts, so neither
 * output depends on the fonts of the machine that builds it.
 */
import { crc32 } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import { FONT_FILES } from './fonts.ts';
import { drawSvg } from './svg-pdf.ts';
import { FONT_FAMILY } from './theme.ts';

const CREATOR = 'Battery Atlas';
const FIXED_DATE = new Date(0);

/** A one-page PDF of exactly `widthPt` × `heightPt`, the SVG drawn across the whole page. */
export async function svgToPdf(
  svg: string,
  options: { widthPt: number; heightPt: number; title: string },
): Promise<Uint8Array<ArrayBuffer>> {
  const { widthPt, heightPt, title } = options;
  checkSvgSize(svg, widthPt, heightPt);
  const doc = new PDFDocument({
    size: [widthPt, heightPt],
    margin: 0,
    // Start on DejaVu Sans rather than PDFKit's default Helvetica, so no standard-14 font can reach the page.
    font: FONT_FILES.regular,
    // PDFKit requires a CreationDate and derives the file ID from it: a fixed one keeps builds byte-identical.
    info: { Title: title, Creator: CREATOR, Producer: CREATOR, CreationDate: FIXED_DATE },
  });
  doc.registerFont('regular', FONT_FILES.regular);
  doc.registerFont('bold', FONT_FILES.bold);

  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  // Every family (Vega may write a quoted list, or a generic name) is the one typeface, in its two weights.
  drawSvg(doc, svg, { widthPt, heightPt, fonts: { regular: 'regular', bold: 'bold' } });
  doc.end();
  return done;
}

/**
 * The SVG is drawn at the size its root element states, so an SVG of another size would leave a blank strip or be
 * cropped. Scaling it to fit instead would change every text size the layout check approved, so a mismatch is an
 * error.
 */
function checkSvgSize(svg: string, widthPt: number, heightPt: number): void {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attribute = (name: string) => Number(new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1]);
  const [width, height] = [attribute('width'), attribute('height')];
  // Written so that a missing or unitful attribute (NaN) fails too.
  if (!(Math.abs(width - widthPt) < 0.01 && Math.abs(height - heightPt) < 0.01)) {
    throw new Error(`the SVG is ${width} × ${height} units, the PDF page ${widthPt} × ${heightPt} pt (1 unit = 1 pt)`);
  }
}

/** A PNG at `dpi` on white, with the resolution recorded in a pHYs chunk (journals read the dpi from it). */
export function svgToPng(svg: string, options: { dpi: number }): Uint8Array<ArrayBuffer> {
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.dpi / 72 },
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  })
    .render()
    .asPng();
  return withPhys(png, Math.round(options.dpi / 0.0254));
}

// A PNG is an 8-byte signature, then chunks of length (4) | type (4) | data | CRC-32 of type and data (4); IHDR
// always comes first, with 13 bytes of data. resvg writes no pHYs of its own, so there is none to replace.
const IHDR_END = 8 + 4 + 4 + 13 + 4;

function withPhys(png: Uint8Array, pixelsPerMetre: number): Uint8Array<ArrayBuffer> {
  const chunk = new Uint8Array(4 + 4 + 9 + 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set(new TextEncoder().encode('pHYs'), 4);
  view.setUint32(8, pixelsPerMetre);
  view.setUint32(12, pixelsPerMetre);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));

  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, IHDR_END));
  out.set(chunk, IHDR_END);
  out.set(png.subarray(IHDR_END), IHDR_END + chunk.length);
  return out;
}
