/** @vitest-environment jsdom */
import { describe, expect, it } from 'vitest';
import { chartScale, swotChartSvg, type SwotChartInput } from '../../main/core/charts/swotChart.ts';
import { textWidth } from '../../main/core/charts/textWidth.ts';
import { thaiDigitsInSvg } from '../../main/core/pdf/digits.ts';

const input: SwotChartInput = {
  x: 0.9,
  y: 1.6,
  quadrants: {
    SO: ['Stars', 'เอื้อและแข็ง', 'SO กลยุทธ์เชิงรุก'],
    WO: ['Question Marks', 'เอื้อแต่อ่อน'],
    WT: ['Dogs', 'ไม่เอื้อและอ่อน'],
    ST: ['Cash Cows', 'ไม่เอื้อแต่แข็ง'],
  },
  axes: { S: 'จุดแข็ง (S)', W: 'จุดอ่อน (W)', O: 'โอกาส (O)', T: 'อุปสรรค (T)' },
  title: 'แผนภาพตำแหน่ง SWOT',
};

/** Parse as strict XML: a stray & or < in a label would make this fail. */
function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const texts = (doc: Document) => [...doc.getElementsByTagName('text')].map((t) => t.textContent);

describe('SWOT position chart (SVG)', () => {
  it('draws the point where x = S − W and y = O − T land on the axes', () => {
    const doc = parse(swotChartSvg(input));
    const point = doc.querySelector('circle[data-point]')!;
    const scale = chartScale(input);
    // Default reach: the point within the inner 60% of the axis (1.6 / 0.6 = 2.67, rounded up).
    expect(scale.reach).toBe(3);
    expect(Number(point.getAttribute('cx'))).toBeCloseTo(scale.centre + (0.9 / 3) * scale.half, 1);
    expect(Number(point.getAttribute('cy'))).toBeCloseTo(scale.centre - (1.6 / 3) * scale.half, 1);
    // Right of and above the centre: the Stars quadrant, which is the one highlighted.
    expect(Number(point.getAttribute('cx'))).toBeGreaterThan(scale.centre);
    expect(Number(point.getAttribute('cy'))).toBeLessThan(scale.centre);
    expect(doc.querySelector('rect[data-current]')!.getAttribute('data-quadrant')).toBe('SO');
  });

  it('maps each sign pair to its side of the axes and a point on an axis to no quadrant', () => {
    const at = (x: number, y: number) => {
      const doc = parse(swotChartSvg({ ...input, x, y, extent: 4 }));
      const c = doc.querySelector('circle[data-point]')!;
      return {
        cx: Number(c.getAttribute('cx')),
        cy: Number(c.getAttribute('cy')),
        current: doc.querySelector('rect[data-current]')?.getAttribute('data-quadrant') ?? null,
      };
    };
    const { centre, half } = chartScale({ x: 0, y: 0, extent: 4 });
    expect(at(-2, 1)).toEqual({ cx: centre - half / 2, cy: centre - half / 4, current: 'WO' });
    expect(at(-4, -4)).toEqual({ cx: centre - half, cy: centre + half, current: 'WT' });
    expect(at(2, -1).current).toBe('ST');
    expect(at(0, 3).current).toBeNull();
    // A point beyond the extent widens the axes instead of leaving the chart.
    expect(chartScale({ x: 6.2, y: 0, extent: 4 }).reach).toBe(7);
  });

  it('keeps the point’s figures inside the point’s quadrant, in Arabic or Thai digits (measured)', () => {
    const { centre, half } = chartScale({ x: 0, y: 0, extent: 4 });
    for (let x = -4; x <= 4; x += 0.25) {
      for (const y of [-3.5, -0.5, 0.5, 3.5]) {
        if (x === 0) continue;
        for (const thai of [false, true]) {
          const svg = swotChartSvg({ ...input, x, y, extent: 4 });
          const label = parse(thai ? thaiDigitsInSvg(svg) : svg).querySelector('text[data-figures]')!;
          const at = Number(label.getAttribute('x'));
          const width = textWidth(label.textContent!, { fontSize: 14, bold: true });
          const [left, right] = label.getAttribute('text-anchor') === 'end' ? [at - width, at] : [at, at + width];
          const [from, to] = x > 0 ? [centre, centre + half] : [centre - half, centre];
          expect(left, `${label.textContent} at x = ${x}`).toBeGreaterThanOrEqual(from);
          expect(right, `${label.textContent} at x = ${x}`).toBeLessThanOrEqual(to);
        }
      }
    }
    // Thai digits where the document asks for them.
    expect(thaiDigitsInSvg(swotChartSvg({ ...input, x: 2, y: 1.5 }))).toContain('>(๒.๐๐, ๑.๕๐)</text>');
  });

  it('labels the quadrants and axes in Thai, in Sarabun, with an accessible name', () => {
    const doc = parse(swotChartSvg(input));
    const svg = doc.documentElement;
    expect(svg.getAttribute('font-family')).toBe('Sarabun');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('แผนภาพตำแหน่ง SWOT');
    expect(texts(doc)).toEqual(
      expect.arrayContaining(['Stars', 'เอื้อและแข็ง', 'ไม่เอื้อแต่แข็ง', 'จุดแข็ง (S)', 'อุปสรรค (T)', '(0.90, 1.60)']),
    );
  });

  it('escapes every text passed in', () => {
    const nasty = '<script>alert("x")</script> & \'Q\'';
    const svg = swotChartSvg({
      ...input,
      title: nasty,
      axes: { ...input.axes, S: nasty },
      quadrants: { ...input.quadrants, SO: [nasty] },
    });
    expect(svg).not.toContain('<script>');
    const doc = parse(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(texts(doc).filter((t) => t === nasty)).toHaveLength(2);
    expect(doc.documentElement.getAttribute('aria-label')).toBe(nasty);
    expect(doc.getElementsByTagName('title')[0]!.textContent).toBe(nasty);
  });
});
