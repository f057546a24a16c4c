import { describe, expect, it } from 'vitest';
import { textWidth } from '../../main/core/charts/textWidth.ts';
import { trendChartSvg } from '../../main/core/charts/trendChart.ts';

/** The trend chart the dashboard and the progress report share (core/charts/trendChart.ts), read as SVG. */

const values = (svg: string, series: string) =>
  [...(new RegExp(`<g data-series="${series}">(.*?)</g>`).exec(svg)?.[1] ?? '').matchAll(/data-value="([^"]+)"/g)].map(
    (m) => Number(m[1]),
  );

describe('trend chart', () => {
  const input = {
    title: 'ผลสำเร็จเฉลี่ย <รายไตรมาส>',
    labels: ['ไตรมาส 1/68', 'ไตรมาส 2/68', 'ไตรมาส 3/68', 'ไตรมาส 4/68'],
    series: [
      { name: 'ประเด็นที่ 1', values: [40, null, 80, 90] },
      { name: 'ทั้งแผน', values: [50, 60, 70, 80], emphasis: true },
    ],
  };

  it('marks every quarter with a value and breaks the line where a quarter has none, never dropping to zero', () => {
    const svg = trendChartSvg(input);
    expect(values(svg, 'ประเด็นที่ 1')).toEqual([40, 80, 90]);
    expect(values(svg, 'ทั้งแผน')).toEqual([50, 60, 70, 80]);
    const issue = /<g data-series="ประเด็นที่ 1">(.*?)<\/g>/.exec(svg)![1]!;
    // Quarter 1 stands alone; quarters 3–4 make the one line.
    expect(issue.match(/<polyline/g)).toHaveLength(1);
    const whole = /<g data-series="ทั้งแผน">(.*?)<\/g>/.exec(svg)![1]!;
    expect(whole.match(/<polyline points="([^"]+)"/)![1]!.split(' ')).toHaveLength(4);
  });

  it('keeps the scale at 100 % unless a value goes over, then rounds up to the next 50 %', () => {
    expect(trendChartSvg(input)).toContain('>100%</text>');
    expect(trendChartSvg(input)).not.toContain('>150%</text>');
    const over = trendChartSvg({ ...input, series: [{ name: 'เกิน', values: [120, 130, null, null] }] });
    expect(over).toContain('>150%</text>');
    expect(over).not.toContain('>200%</text>');
  });

  it('escapes the words it is given and names itself for screen readers', () => {
    const svg = trendChartSvg(input);
    expect(svg).toContain('aria-label="ผลสำเร็จเฉลี่ย &lt;รายไตรมาส&gt;"');
    expect(svg).not.toContain('<รายไตรมาส>');
    for (const label of input.labels) expect(svg).toContain(`>${label}</text>`);
  });

  // The sample plan's issue names, as the progress report labels them: longer than a column of the legend.
  const issues = [
    '1 การสื่อสารนโยบายและผลการดำเนินงานของกรุงเทพมหานครอย่างทั่วถึง ถูกต้อง และทันเหตุการณ์',
    '2 การมีส่วนร่วมของประชาชนและเครือข่ายประชาสัมพันธ์ในการพัฒนาเมือง',
    '3 การพัฒนาบุคลากรและระบบงานประชาสัมพันธ์สู่ยุคดิจิทัล',
  ];
  const quarters = ['ไตรมาส 1/66', 'ไตรมาส 2/66', 'ไตรมาส 3/66', 'ไตรมาส 4/66', 'ไตรมาส 1/67', 'ไตรมาส 2/67'];
  const long = (width: number, digits?: 'thai' | 'arabic') =>
    trendChartSvg({
      title: 'ผลสำเร็จเฉลี่ย',
      labels: quarters,
      series: [
        ...issues.map((name, i) => ({ name, values: quarters.map((_, q) => 40 + 10 * i + q) })),
        { name: 'ทั้งแผน', values: quarters.map(() => 60), emphasis: true },
        { name: 'ตามแผน (เฉลี่ยเท่ากันทุกไตรมาส)', values: quarters.map(() => 50), dashed: true },
      ],
      width,
      ...(digits ? { digits } : {}),
    });

  /** Each legend entry's box and the measured extent of its lines, read from the SVG. */
  function legendOf(svg: string) {
    return [...svg.matchAll(/<g data-legend="\d+" data-box="([^"]+)">(.*?)<\/g>/g)].map((m) => {
      const [x, y, w, h] = m[1]!.split(' ').map(Number) as [number, number, number, number];
      const lines = [...m[2]!.matchAll(/<text x="([^"]+)" y="([^"]+)"[^>]*>([^<]*)<\/text>/g)].map((t) => ({
        right: Number(t[1]) + textWidth(t[3]!, { fontSize: 14 }),
        baseline: Number(t[2]),
        text: t[3]!,
      }));
      return { x, y, w, h, lines };
    });
  }

  it('lays the legend out from measured names: long names wrap inside their column, no entry over another or past the edge', () => {
    for (const width of [720, 480, 320]) {
      for (const digits of ['arabic', 'thai'] as const) {
        const svg = long(width, digits);
        const entries = legendOf(svg);
        expect(entries).toHaveLength(5);
        entries.forEach((a, i) => {
          expect(a.x + a.w, `entry ${i} at ${width}`).toBeLessThanOrEqual(width);
          for (const line of a.lines) {
            expect(line.right, line.text).toBeLessThanOrEqual(a.x + a.w + 0.01);
            expect(line.baseline).toBeGreaterThan(a.y);
            expect(line.baseline).toBeLessThan(a.y + a.h);
          }
          for (const b of entries.slice(i + 1)) {
            const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            expect(apart, `entries ${i} and ${entries.indexOf(b)} at ${width}`).toBe(true);
          }
        });
        // Every name is drawn whole, in however many lines it takes.
        const drawn = entries.map((e) => e.lines.map((l) => l.text).join(''));
        const shown = (s: string) => (digits === 'thai' ? s.replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]!) : s);
        issues.forEach((name, i) => expect(drawn[i]!.replace(/ /g, '')).toBe(shown(name).replace(/ /g, '')));
        // The svg is as tall as its legend.
        const height = Number(/height="([\d.]+)"/.exec(svg)![1]);
        for (const e of entries) expect(e.y + e.h).toBeLessThanOrEqual(height);
      }
    }
  });

  it('draws no text over another: scale figures, quarters (the first under the 0 % figure) and legend', () => {
    for (const digits of ['arabic', 'thai'] as const) {
      const svg = long(720, digits);
      // Every text's box from its measured width, its anchor and Sarabun's extent (1.068 em up, 0.232 em down).
      const boxes = [...svg.matchAll(/<text x="([^"]+)" y="([^"]+)"([^>]*)>([^<]*)<\/text>/g)].map((m) => {
        const size = Number(/font-size="([\d.]+)"/.exec(m[3]!)?.[1] ?? 14);
        const w = textWidth(m[4]!, { fontSize: size });
        const anchor = /text-anchor="(\w+)"/.exec(m[3]!)?.[1] ?? 'start';
        const x0 = Number(m[1]) - (anchor === 'end' ? w : anchor === 'middle' ? w / 2 : 0);
        const base = Number(m[2]);
        return { text: m[4]!, x0, x1: x0 + w, y0: base - 1.068 * size, y1: base + 0.232 * size };
      });
      expect(boxes.some((b) => b.text === (digits === 'thai' ? 'ไตรมาส ๑/๖๖' : 'ไตรมาส 1/66'))).toBe(true);
      const over = boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter((b) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0))
          .map((b) => `${a.text} / ${b.text}`),
      );
      expect(over).toEqual([]);
      for (const b of boxes) expect(b.x0, b.text).toBeGreaterThanOrEqual(0);
    }
  });

  it('draws every figure and label in Thai digits when asked, none in Arabic', () => {
    const svg = long(720, 'thai');
    const texts = [...svg.matchAll(/>([^<]+)</g)].map((m) => m[1]!);
    expect(texts.join(' ')).not.toMatch(/[0-9]/);
    expect(texts).toContain('๑๐๐%');
    expect(texts).toContain('ไตรมาส ๒/๖๗');
    expect(svg).toContain('aria-label="ผลสำเร็จเฉลี่ย"');
    // In Arabic digits the same chart keeps them.
    expect(long(720)).toContain('>ไตรมาส 2/67</text>');
  });
});
