import { XmlDocument, XmlElement, XmlTextNode } from 'xmldoc';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../main/core/pdf/index.ts';
import { translator } from '../../main/services/locales.ts';
import { pdfmake } from '../../main/services/pdf/engine/internals.ts';
import { installSvgRoot, svgRootSize, svgWithRootSize } from '../../main/services/pdf/engine/svgRoot.ts';
import { RESOURCES, sampleSource } from '../harness/pdfPlan.ts';

/**
 * Charts' sizes read and written on the root tag alone (engine/svgRoot.ts) against what pdfmake's SVGMeasure
 * does with the whole document parsed by xmldoc: every SVG the sample plan prints, in both digit sets, must
 * measure the same and come out, drawn at a size, as the same XML tree. (The reference is written out here
 * with xmldoc: pdfmake's methods may already be the engine's in this thread.)
 */

const th = translator(RESOURCES, 'th');

function planSvgs(thaiDigits: boolean): string[] {
  const { doc } = buildDocument('plan', {
    source: sampleSource(),
    options: { language: 'th', thaiDigits, chapters: ['evaluation', 'situation', 'plan'], date: '2021-09-13' },
    t: th,
  });
  const svgs: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      if (typeof node.svg === 'string') svgs.push(node.svg);
      else Object.values(node).forEach(walk);
    }
  };
  walk(doc);
  return svgs;
}

/** An element as data: name, attributes and children, whitespace-only text left out (as svg-to-pdfkit draws). */
interface Tree {
  readonly name: string;
  readonly attr: Record<string, string>;
  readonly children: readonly (Tree | string)[];
}
function tree(element: XmlElement): Tree {
  return {
    name: element.name,
    attr: { ...element.attr },
    children: element.children.flatMap((child): (Tree | string)[] =>
      child instanceof XmlElement
        ? [tree(child)]
        : child instanceof XmlTextNode && child.text.trim() !== ''
          ? [child.text]
          : [],
    ),
  };
}

/** pdfmake's measureSVG: the root's width and height (our charts all have both). */
function xmldocSize(svg: string) {
  const { attr } = new XmlDocument(svg);
  return { width: parseFloat(attr.width!), height: parseFloat(attr.height!) };
}

/** pdfmake's writeDimensions: viewBox from the own size where missing, then the size drawn. */
function xmldocSized(svg: string, size: { width: number; height: number }): Tree {
  const doc = new XmlDocument(svg);
  doc.attr.viewBox ??= `0 0 ${parseFloat(doc.attr.width!)} ${parseFloat(doc.attr.height!)}`;
  doc.attr.width = String(size.width);
  doc.attr.height = String(size.height);
  return tree(doc);
}

describe('charts measured on their root tag', () => {
  it.each([false, true])(
    'give every chart of the sample plan the size pdfmake reads and the same drawing at any size (Thai digits: %s)',
    (thaiDigits) => {
      const svgs = planSvgs(thaiDigits);
      // The achievement chart, the SWOT position, the strategy map and the ticks of the situation table.
      expect(svgs.length).toBeGreaterThanOrEqual(4);
      for (const svg of svgs) {
        expect(svgRootSize(svg)).toEqual(xmldocSize(svg));
        const size = { width: 451.5, height: 213.25 };
        const ours = svgWithRootSize(svg, size)!;
        // Only the root tag changes: the drawing is the text that was given, byte for byte.
        expect(ours.slice(ours.indexOf('>'))).toBe(svg.slice(svg.indexOf('>')));
        expect(tree(new XmlDocument(ours))).toEqual(xmldocSized(svg, size));
      }
    },
  );

  it('keep the drawing’s own size as its viewBox when it has none, and an XML declaration before it', () => {
    const svg = `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120px" height='80' aria-label="a &amp; b"><rect width="1" height="1"/></svg>`;
    expect(svgRootSize(svg)).toEqual({ width: 120, height: 80 });
    const sized = svgWithRootSize(svg, { width: 60, height: 40 })!;
    expect(sized).toBe(
      `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40" aria-label="a &amp; b" viewBox="0 0 120 80"><rect width="1" height="1"/></svg>`,
    );
    expect(tree(new XmlDocument(sized))).toEqual(xmldocSized(svg, { width: 60, height: 40 }));
  });

  it('leave a text without an svg root tag to pdfmake, which refuses it', () => {
    expect(svgRootSize('<html></html>')).toBeNull();
    expect(svgWithRootSize('not svg', { width: 1, height: 1 })).toBeNull();
    installSvgRoot();
    const measure = pdfmake.SVGMeasure.prototype;
    expect(() => measure.measureSVG('<html></html>')).toThrow(/Invalid svg document/);
    expect(measure.measureSVG('<svg width="3" height="4"/>')).toEqual({ width: 3, height: 4 });
  });
});
