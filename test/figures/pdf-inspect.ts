/**
 * What a reader of a figure PDF gets: page size, the text as extracted, the size of every text run, and the fonts.
 * Read with pdfjs-dist, the parser behind Firefox's viewer, so the tests see the file as a viewer does.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfFont {
  /** PostScript name as the file declares it, e.g. "BZZZZZ+DejaVuSans" (subset prefix included). */
  name: string;
  /** The font program is in the file; false means a viewer must substitute a font of its own. */
  embedded: boolean;
}

export interface PdfInspection {
  pageCount: number;
  /** Size of the first page, pt. */
  widthPt: number;
  heightPt: number;
  /** The first page's text items joined with spaces. */
  text: string;
  textItems: { str: string; sizePt: number }[];
  /** Fonts the first page draws with, as pdfjs loads them for rendering. */
  fonts: PdfFont[];
  /**
   * Every /BaseFont name anywhere in the file, from the raw bytes: this also catches a font that is declared in a
   * resource dictionary but never drawn with, which the page's operator list does not show. PDFKit writes object
   * dictionaries uncompressed (only streams are deflated), so the scan sees every font dictionary.
   */
  declaredFonts: string[];
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  // pdfjs transfers (detaches) the buffer it is given, so it gets a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const page = await pdf.getPage(1);
    const [, , widthPt, heightPt] = page.view as [number, number, number, number];

    const content = await page.getTextContent();
    const textItems = content.items.flatMap((item) =>
      'str' in item && item.str.trim() !== ''
        ? [{ str: item.str, sizePt: Math.hypot(item.transform[2] as number, item.transform[3] as number) }]
        : [],
    );

    // A setFont operation names a font that pdfjs has parsed into commonObjs; `missingFile` is its own verdict on
    // whether the file carried the font program (it renders a substitute when it did not).
    const operators = await page.getOperatorList();
    const fontIds = new Set<string>();
    operators.fnArray.forEach((fn, i) => {
      if (fn === OPS.setFont) fontIds.add((operators.argsArray[i] as [string])[0]);
    });
    const fonts = [...fontIds].map((id) => {
      const font = page.commonObjs.get(id) as { name: string; missingFile?: boolean };
      return { name: font.name, embedded: font.missingFile !== true };
    });

    const raw = new TextDecoder('latin1').decode(bytes);
    const declaredFonts = [...new Set([...raw.matchAll(/\/BaseFont\s*\/([^\s/<>[\]()]+)/g)].map((m) => m[1]!))];

    return {
      pageCount: pdf.numPages,
      widthPt,
      heightPt,
      text: textItems.map((item) => item.str).join(' '),
      textItems,
      fonts,
      declaredFonts,
    };
  } finally {
    await pdf.destroy();
  }
}
