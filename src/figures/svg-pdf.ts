/**
 * Draws the SVG that Vega's renderer writes onto a PDFKit page, as vector paths and real text. Vega writes a small,
 * regular subset of SVG (groups with translate/rotate transforms, rect/path/line shapes, text with tspans, clip rects
 * and paths, presentation attributes only), and this draws exactly that subset: anything else is an error, so a
 * figure never prints differently from its SVG without saying so. A mark costs about 40 µs (parsing included),
 * against about 200 µs through svg-to-pdfkit's general SVG engine, which made PDFs of dense figures slow: repeated
 * symbol outlines are converted once, and the content stream goes to PDFKit in one piece.
 */

/** The part of PDFKit's document this draws with. */
export interface PdfCanvas {
  addContent(operators: string | Uint8Array): this;
  save(): this;
  restore(): this;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): this;
  path(d: string): this;
  rect(x: number, y: number, w: number, h: number): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  clip(rule?: string): this;
  fill(rule?: string): this;
  stroke(): this;
  fillAndStroke(): this;
  fillColor(color: string, opacity?: number): this;
  strokeColor(color: string, opacity?: number): this;
  lineWidth(width: number): this;
  lineCap(cap: string): this;
  lineJoin(join: string): this;
  miterLimit(limit: number): this;
  dash(length: number | number[], options?: { phase?: number }): this;
  font(name: string): this;
  fontSize(size: number): this;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options: object): this;
}

interface SvgNode {
  name: string;
  attrs: Record<string, string>;
  children: (SvgNode | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (entity, code: string) => {
    if (code[0] !== '#') return ENTITIES[code] ?? entity;
    return String.fromCodePoint(
      code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1)),
    );
  });
}

/** Attributes that do not change the drawing (structure, accessibility, interaction); the parser drops them. */
const IGNORED = /^(class|role|aria-[\w-]+|pointer-events|cursor|version|xmlns(:\w+)?|font-family|vector-effect)$/;

/** A tree of elements and text. Vega escapes its output, so tags, attributes and text are regular. */
function parseSvg(svg: string): SvgNode {
  const root: SvgNode = { name: '#document', attrs: {}, children: [] };
  const stack = [root];
  const token =
    /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|([^<]+)/g;
  for (const [whole, closing, name, attributes, selfClosing, text] of svg.matchAll(token)) {
    const parent = stack.at(-1)!;
    if (text !== undefined) {
      if (text.trim() !== '' || parent.name === 'text' || parent.name === 'tspan') parent.children.push(decode(text));
    } else if (name === undefined) {
      if (!whole.startsWith('<?') && !whole.startsWith('<!--'))
        throw new Error(`SVG: cannot read ${whole.slice(0, 40)}`);
    } else if (closing) {
      if (stack.pop()?.name !== name || stack.length === 0) throw new Error(`SVG: </${name}> closes nothing open`);
    } else {
      const attrs: Record<string, string> = {};
      for (const [, key, value] of (attributes ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
        if (!IGNORED.test(key!)) attrs[key!] = decode(value!);
      const node: SvgNode = { name, attrs, children: [] };
      parent.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  if (stack.length !== 1) throw new Error(`SVG: <${stack.at(-1)?.name}> is never closed`);
  const svgRoot = root.children.find((c): c is SvgNode => typeof c !== 'string');
  if (svgRoot?.name !== 'svg') throw new Error('SVG: the document has no <svg> root');
  return svgRoot;
}

/** The SVG properties children inherit, with SVG's initial values. */
interface Style {
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeOpacity: number;
  strokeWidth: number;
  lineCap: string;
  lineJoin: string;
  miterLimit: number;
  dashArray: number[];
  dashOffset: number;
  fontSize: number;
  bold: boolean;
  textAnchor: string;
}

const INITIAL_STYLE: Style = {
  fill: 'black',
  fillOpacity: 1,
  stroke: 'none',
  strokeOpacity: 1,
  strokeWidth: 1,
  lineCap: 'butt',
  lineJoin: 'miter',
  miterLimit: 4,
  dashArray: [],
  dashOffset: 0,
  fontSize: 16,
  bold: false,
  textAnchor: 'start',
};

/** The elements drawn (besides <svg>, and <defs> and <clipPath>, which are read where referenced). */
const DRAWN_ELEMENTS = new Set(['g', 'a', 'rect', 'path', 'line', 'text']);

/** Geometry attributes, read by the element that has them. */
const GEOMETRY: Record<string, readonly string[]> = {
  svg: ['width', 'height', 'viewBox'],
  rect: ['x', 'y', 'width', 'height'],
  path: ['d'],
  line: ['x1', 'y1', 'x2', 'y2'],
  tspan: ['x', 'dy'],
  a: ['href', 'xlink:href', 'target', 'rel'],
  clipPath: [],
};

const number = (value: string, what: string): number => {
  const n = Number(value.trim().replace(/px$/, ''));
  if (!Number.isFinite(n)) throw new Error(`SVG: ${what}="${value}" is not a number`);
  return n;
};

/**
 * A presentation attribute's number, or `otherwise` when it does not parse: SVG ignores an invalid presentation
 * value, and Vega writes opacity="NaN" for marks whose opacity encoding has no value.
 */
const presentation = (value: string, otherwise: number): number => {
  const n = Number(value.trim().replace(/px$/, ''));
  return Number.isFinite(n) ? n : otherwise;
};

function inherit(style: Style, node: SvgNode): Style {
  const next = { ...style };
  for (const [name, value] of Object.entries(node.attrs)) {
    switch (name) {
      case 'fill':
        next.fill = paint(value);
        break;
      case 'stroke':
        next.stroke = paint(value);
        break;
      case 'fill-opacity':
        next.fillOpacity = presentation(value, next.fillOpacity);
        break;
      case 'stroke-opacity':
        next.strokeOpacity = presentation(value, next.strokeOpacity);
        break;
      case 'stroke-width':
        next.strokeWidth = presentation(value, next.strokeWidth);
        break;
      case 'stroke-linecap':
        next.lineCap = value;
        break;
      case 'stroke-linejoin':
        next.lineJoin = value;
        break;
      case 'stroke-miterlimit':
        next.miterLimit = presentation(value, next.miterLimit);
        break;
      case 'stroke-dasharray':
        next.dashArray = value === 'none' ? [] : value.split(/[\s,]+/).map((v) => number(v, name));
        break;
      case 'stroke-dashoffset':
        next.dashOffset = presentation(value, next.dashOffset);
        break;
      case 'font-size':
        next.fontSize = presentation(value, next.fontSize);
        break;
      case 'font-weight':
        next.bold = value === 'bold' || value === 'bolder' || Number(value) >= 600;
        break;
      case 'font-style':
      case 'font-variant':
        // The figure font ships regular and bold only: an italic or small-caps request cannot print as asked.
        if (value !== 'normal') throw new Error(`SVG: ${name}="${value}": the figure font has no such face`);
        break;
      case 'text-anchor':
        next.textAnchor = value;
        break;
      case 'id':
      case 'transform':
      case 'clip-path':
      case 'opacity':
      case 'display':
      case 'visibility':
        break;
      default:
        if (!GEOMETRY[node.name]?.includes(name))
          throw new Error(`SVG: <${node.name} ${name}="${value}"> is not supported by the PDF writer`);
    }
  }
  return next;
}

/** A colour PDFKit takes (hex or CSS name), or 'none'. */
function paint(value: string): string {
  const v = value.trim();
  if (v === 'none' || v === 'transparent') return 'none';
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(v);
  if (rgb)
    return `#${rgb
      .slice(1)
      .map((c) => Number(c).toString(16).padStart(2, '0'))
      .join('')}`;
  if (/^#([\da-f]{3}|[\da-f]{6})$/i.test(v) || /^[a-z]+$/i.test(v)) return v;
  throw new Error(`SVG: the colour "${value}" is not supported by the PDF writer`);
}

/** SVG transform lists as Vega writes them: translate, rotate, scale, matrix. */
function applyTransform(canvas: PdfCanvas, transform: string): void {
  for (const [, op, args] of transform.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const n = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .map((v) => number(v, 'transform'));
    switch (op) {
      case 'translate':
        canvas.transform(1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0);
        break;
      case 'scale':
        canvas.transform(n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0);
        break;
      case 'rotate': {
        const [angle = 0, cx = 0, cy = 0] = n;
        const [cos, sin] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
        canvas.transform(1, 0, 0, 1, cx, cy);
        canvas.transform(cos, sin, -sin, cos, 0, 0);
        canvas.transform(1, 0, 0, 1, -cx, -cy);
        break;
      }
      case 'matrix':
        canvas.transform(n[0] ?? 1, n[1] ?? 0, n[2] ?? 0, n[3] ?? 1, n[4] ?? 0, n[5] ?? 0);
        break;
      default:
        throw new Error(`SVG: transform ${op}() is not supported by the PDF writer`);
    }
  }
}

/** Whitespace as SVG lays out text by default: newlines and tabs become spaces and runs of spaces collapse. */
const collapse = (text: string): string => text.replace(/[\n\r\t]/g, ' ').replace(/ {2,}/g, ' ');

class Drawing {
  private readonly clips = new Map<string, SvgNode>();
  /** Operators of each path outline drawn so far: the marks of a figure repeat a few symbol shapes. */
  private readonly outlines = new Map<string, string>();
  private readonly canvas: PdfCanvas;
  private readonly fonts: { regular: string; bold: string };
  /** The content stream so far, handed to PDFKit in one piece (PDFKit allocates a buffer per operator). */
  private readonly operators: string[] = [];

  constructor(canvas: PdfCanvas, fonts: { regular: string; bold: string }) {
    this.canvas = canvas;
    this.fonts = fonts;
  }

  draw(root: SvgNode, widthPt: number, heightPt: number): void {
    const viewBox = (root.attrs.viewBox ?? `0 0 ${widthPt} ${heightPt}`).split(/[\s,]+/).map(Number);
    const [x0, y0, w, h] = viewBox;
    if (x0 !== 0 || y0 !== 0 || Math.abs((w ?? 0) - widthPt) > 0.01 || Math.abs((h ?? 0) - heightPt) > 0.01)
      throw new Error(`SVG: viewBox "${root.attrs.viewBox}" is not the page (0 0 ${widthPt} ${heightPt})`);
    this.collectClips(root);
    const canvas = this.canvas;
    const write = canvas.addContent;
    canvas.addContent = (operator: string) => (this.operators.push(operator), canvas);
    try {
      this.children(root, inherit(INITIAL_STYLE, root));
    } finally {
      canvas.addContent = write;
    }
    // Bytes, which PDFKit writes as they are (a string it would copy character by character, plus a line break).
    canvas.addContent(Buffer.from(`${this.operators.join('\n')}\n`, 'latin1'));
  }

  private collectClips(node: SvgNode): void {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.name === 'clipPath' && child.attrs.id) this.clips.set(child.attrs.id, child);
      this.collectClips(child);
    }
  }

  private children(node: SvgNode, style: Style): void {
    for (const child of node.children) if (typeof child !== 'string') this.element(child, style);
  }

  private element(node: SvgNode, parentStyle: Style): void {
    const { attrs } = node;
    if (node.name === 'defs' || node.name === 'clipPath' || attrs.display === 'none') return;
    if (!DRAWN_ELEMENTS.has(node.name)) throw new Error(`SVG: <${node.name}> is not supported by the PDF writer`);
    const style = inherit(parentStyle, node);
    const opacity = attrs.opacity === undefined ? 1 : presentation(attrs.opacity, 1);
    const canvas = this.canvas;
    canvas.save();
    if (attrs.transform) applyTransform(canvas, attrs.transform);
    if (attrs['clip-path']) this.clip(attrs['clip-path']);
    switch (node.name) {
      case 'g':
      case 'a':
        // Group opacity composites the whole group; Vega sets opacity on marks only.
        if (opacity !== 1) throw new Error('SVG: opacity on a group is not supported by the PDF writer');
        this.children(node, style);
        break;
      case 'rect':
      case 'path':
      case 'line':
        if (attrs.visibility !== 'hidden') this.shape(node, style, opacity);
        break;
      case 'text':
        if (attrs.visibility !== 'hidden') this.text(node, style, opacity);
        break;
    }
    canvas.restore();
  }

  private clip(reference: string): void {
    const id = /^url\(#([^)]+)\)$/.exec(reference.trim())?.[1];
    const clipPath = id === undefined ? undefined : this.clips.get(id);
    if (!clipPath) throw new Error(`SVG: clip-path ${reference} has no <clipPath>`);
    for (const shape of clipPath.children) if (typeof shape !== 'string') this.outline(shape);
    this.canvas.clip();
  }

  /** Adds a shape's outline to the current path. */
  private outline(node: SvgNode): void {
    const attr = (name: string) => number(node.attrs[name] ?? '0', name);
    if (node.name === 'rect') this.canvas.rect(attr('x'), attr('y'), attr('width'), attr('height'));
    else if (node.name === 'path') this.path(node.attrs.d ?? '');
    else if (node.name === 'line') this.canvas.moveTo(attr('x1'), attr('y1')).lineTo(attr('x2'), attr('y2'));
    else throw new Error(`SVG: <${node.name}> in a clip path is not supported by the PDF writer`);
  }

  private path(d: string): void {
    const known = this.outlines.get(d);
    if (known !== undefined) {
      if (known !== '') this.operators.push(known);
      return;
    }
    const start = this.operators.length;
    this.canvas.path(d);
    this.outlines.set(d, this.operators.slice(start).join('\n'));
  }

  private shape(node: SvgNode, style: Style, opacity: number): void {
    // A line has no inside to fill.
    const fill = node.name !== 'line' && style.fill !== 'none';
    const stroke = style.stroke !== 'none' && style.strokeWidth > 0;
    if ((!fill && !stroke) || (node.name === 'path' && !node.attrs.d)) return;
    const canvas = this.canvas;
    if (fill) canvas.fillColor(style.fill, style.fillOpacity * opacity);
    if (stroke) this.strokeStyle(style, opacity);
    this.outline(node);
    if (fill && stroke) canvas.fillAndStroke();
    else if (fill) canvas.fill();
    else canvas.stroke();
  }

  private strokeStyle(style: Style, opacity: number): void {
    this.canvas
      .strokeColor(style.stroke, style.strokeOpacity * opacity)
      .lineWidth(style.strokeWidth)
      .lineCap(style.lineCap)
      .lineJoin(style.lineJoin)
      .miterLimit(style.miterLimit);
    if (style.dashArray.length > 0) this.canvas.dash(style.dashArray, { phase: style.dashOffset });
  }

  /** A text element: its own characters, or one line per tspan (Vega's multi-line text), each anchored alone. */
  private text(node: SvgNode, style: Style, opacity: number): void {
    const lines: { text: string; style: Style; dy: number }[] = [];
    const own = node.children.filter((c): c is string => typeof c === 'string').join('');
    if (own.trim() !== '') lines.push({ text: own, style, dy: 0 });
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.name !== 'tspan') throw new Error(`SVG: <${child.name}> inside <text> is not supported`);
      if (child.attrs.x !== undefined && number(child.attrs.x, 'x') !== 0)
        throw new Error('SVG: a tspan x other than 0 is not supported by the PDF writer');
      const text = child.children.map((c) => (typeof c === 'string' ? c : '')).join('');
      lines.push({ text, style: inherit(style, child), dy: number(child.attrs.dy ?? '0', 'dy') });
    }
    let y = 0;
    for (const line of lines) {
      y += line.dy;
      // SVG also drops the spaces at either end.
      const text = collapse(line.text).trim();
      if (text !== '') this.textLine(text, y, line.style, opacity);
    }
  }

  private textLine(text: string, y: number, style: Style, opacity: number): void {
    const fill = style.fill !== 'none';
    const stroke = style.stroke !== 'none' && style.strokeWidth > 0;
    if (!fill && !stroke) return;
    const canvas = this.canvas.font(style.bold ? this.fonts.bold : this.fonts.regular).fontSize(style.fontSize);
    const width = canvas.widthOfString(text);
    const x = style.textAnchor === 'middle' ? -width / 2 : style.textAnchor === 'end' ? -width : 0;
    if (fill) canvas.fillColor(style.fill, style.fillOpacity * opacity);
    if (stroke) this.strokeStyle(style, opacity);
    canvas.text(text, x, y, { lineBreak: false, baseline: 'alphabetic', fill, stroke });
  }
}

/** Draws `svg` (Vega's SVG renderer output, 1 unit = 1 pt) onto the current page from its top left corner. */
export function drawSvg(
  canvas: PdfCanvas,
  svg: string,
  page: { widthPt: number; heightPt: number; fonts: { regular: string; bold: string } },
): void {
  new Drawing(canvas, page.fonts).draw(parseSvg(svg), page.widthPt, page.heightPt);
}
