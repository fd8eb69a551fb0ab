/// <reference types="pdfkit" />
/** The part of svg-to-pdfkit's API the figure export uses (the package ships no types). */
declare module 'svg-to-pdfkit' {
  interface FontOptions {
    fauxBold: boolean;
    fauxItalic: boolean;
  }

  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    /** Treat SVG user units and px as pt instead of 1 px = 0.75 pt. */
    assumePt?: boolean;
    preserveAspectRatio?: string;
    /** Returns the name of a font registered with `doc.registerFont` (or a standard-14 name). */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: FontOptions) => string;
    warningCallback?: (message: string) => void;
  }

  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: SvgToPdfOptions,
  ): void;
}
