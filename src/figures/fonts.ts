/**
 * The figures' one typeface, read from the files in assets/fonts (build time only; the browser loads the WOFF2
 * copies in public/fonts). Text is measured with the same files the PDF embeds and the PNG rasterises, so the
 * layout check sees the widths every output really has.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { FONT_FAMILY } from './theme.ts';

// Resolved from the project root, like content/ (content-files.ts): the Astro build bundles this module elsewhere.
const fontDirectory = join(process.cwd(), 'assets', 'fonts');

export const FONT_FILES = {
  regular: join(fontDirectory, 'DejaVuSans.ttf'),
  bold: join(fontDirectory, 'DejaVuSans-Bold.ttf'),
} as const;

export type FontWeight = keyof typeof FONT_FILES;

const fonts = new Map<FontWeight, fontkit.Font>();

export function fontOf(weight: FontWeight): fontkit.Font {
  let font = fonts.get(weight);
  if (!font) {
    const opened = fontkit.create(readFileSync(FONT_FILES[weight]));
    if (!('layout' in opened)) throw new Error(`${FONT_FILES[weight]} is a font collection, not one ${FONT_FAMILY}`);
    font = opened;
    fonts.set(weight, font);
  }
  return font;
}

/** Vega's numeric or named font weights mapped onto the two files. */
export function weightOf(weight: string | number | undefined): FontWeight {
  return weight === 'bold' || (typeof weight === 'number' && weight >= 600) || weight === 'bolder' ? 'bold' : 'regular';
}

// Shaping is the slow part of rendering and Vega measures the same strings many times: keep each width at 1 unit.
const unitWidths = new Map<string, number>();

/** Advance width of `text` at `size` (same unit as size), shaped with kerning as the PDF lays it out. */
export function measureText(text: string, size: number, weight: FontWeight = 'regular'): number {
  const key = `${weight}\u0000${text}`;
  let unitWidth = unitWidths.get(key);
  if (unitWidth === undefined) {
    const font = fontOf(weight);
    unitWidth = font.layout(text).advanceWidth / font.unitsPerEm;
    unitWidths.set(key, unitWidth);
  }
  return unitWidth * size;
}

/** Characters of `text` the font has no glyph for (they would print as boxes or fall back to another face). */
export function missingGlyphs(text: string): string[] {
  const font = fontOf('regular');
  return [...new Set([...text])].filter((char) => !font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0));
}
