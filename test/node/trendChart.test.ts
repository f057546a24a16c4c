import { describe, expect, it } from 'vitest';
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
});
