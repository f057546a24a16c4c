/**
 * A chart's size read and written on its root `<svg …>` tag alone. pdfmake's SVGMeasure parses the whole
 * document with xmldoc (a SAX parser, slow on a 13 KB strategy map) to read the root's width, height and
 * viewBox, then parses it again to write the drawn size and serialises the tree back, indented: svg-to-pdfkit
 * then parses that, whitespace nodes and all. Only the root's attributes are read or changed, so here they
 * are found in the opening tag and the rest of the text passes through untouched (and unindented).
 *
 * The SVGs printed are the charts core builds (core/charts, pdf/chapters): well-formed by construction, so
 * nothing is lost by not checking the whole document here; a string without an `<svg` root tag goes to
 * pdfmake's own code, which says what is wrong with it.
 */
import { type SvgSize, pdfmake } from './internals.ts';

/** The root's opening tag, after an optional XML declaration: its attributes, then `>` or `/>`. */
const ROOT = /^(\s*(?:<\?xml[^>]*\?>\s*)?)<svg((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')/g;

interface Root {
  /** Each attribute's value as written, quotes and entities included: what is not changed is copied as is. */
  readonly attributes: Map<string, string>;
  /** The text before the tag (an XML declaration) and after it (the drawing). */
  readonly before: string;
  readonly after: string;
  readonly selfClosing: boolean;
}

function root(svg: string): Root | null {
  const tag = ROOT.exec(svg);
  if (!tag) return null;
  const attributes = new Map<string, string>();
  for (const [, name, quoted] of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
    if (name !== undefined && quoted !== undefined && !attributes.has(name)) attributes.set(name, quoted);
  }
  return { attributes, before: tag[1] ?? '', after: svg.slice(tag[0].length), selfClosing: tag[3] === '/' };
}

/** An attribute's value without its quotes (the size attributes are numbers: no entity to decode). */
const value = (root: Root, name: string) => root.attributes.get(name)?.slice(1, -1);

/** pdfmake's stripUnits: the number a length starts with ("480", "480px"), undefined for none. */
function stripUnits(value: string | undefined): number | undefined {
  const n = parseFloat(value ?? '');
  return Number.isNaN(n) ? undefined : n;
}

/** As pdfmake's measureSVG: width and height, from the viewBox where either is missing. */
export function svgRootSize(svg: string): SvgSize | null {
  const found = root(svg);
  if (!found) return null;
  let width = stripUnits(value(found, 'width'));
  let height = stripUnits(value(found, 'height'));
  const viewBox = value(found, 'viewBox');
  if ((width === undefined || height === undefined) && viewBox !== undefined) {
    const parts = viewBox.split(/[,\s]+/);
    if (parts.length !== 4) {
      throw new Error(`Unexpected svg viewBox format, should have 4 entries but found: '${viewBox}'`);
    }
    width ??= stripUnits(parts[2]);
    height ??= stripUnits(parts[3]);
  }
  return { width, height };
}

/**
 * As pdfmake's writeDimensions: the SVG drawn at `size`, its own size kept as the viewBox (from its width and
 * height when it has none), so the drawing scales to fit. Null when the text has no root tag.
 */
export function svgWithRootSize(svg: string, size: SvgSize): string | null {
  const found = root(svg);
  if (!found) return null;
  const attributes = new Map(found.attributes);
  if (!attributes.has('viewBox')) {
    attributes.set('viewBox', `"0 0 ${stripUnits(value(found, 'width'))} ${stripUnits(value(found, 'height'))}"`);
  }
  attributes.set('width', `"${size.width}"`);
  attributes.set('height', `"${size.height}"`);
  const written = [...attributes].map(([name, quoted]) => ` ${name}=${quoted}`).join('');
  return `${found.before}<svg${written}${found.selfClosing ? '/' : ''}>${found.after}`;
}

/** Install in pdfmake, over SVGMeasure's two methods; cheap enough to run again on every layout. */
export function installSvgRoot(): void {
  const { measureSVG, writeDimensions } = pdfmake.SVGMeasure.prototype;
  pdfmake.SVGMeasure.prototype.measureSVG = function (svg) {
    return (typeof svg === 'string' && svgRootSize(svg)) || measureSVG.call(this, svg);
  };
  pdfmake.SVGMeasure.prototype.writeDimensions = function (svg, dimensions) {
    return (typeof svg === 'string' && svgWithRootSize(svg, dimensions)) || writeDimensions.call(this, svg, dimensions);
  };
}
