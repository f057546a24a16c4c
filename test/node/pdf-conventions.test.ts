import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { baht, withUnit } from '../../main/core/pdf/format.ts';
import { buildDocument } from '../../main/core/pdf/index.ts';
import { CHAPTERS, type PdfKind } from '../../main/core/pdf/options.ts';
import type { PlanSource } from '../../main/core/pdf/source.ts';
import { translator } from '../../main/services/locales.ts';
import { outOfHierarchy } from '../harness/pdf.ts';
import { RESOURCES, documentTexts, generatedRows, generatedSource, sampleSource } from '../harness/pdfPlan.ts';

/** Thai printing conventions of the document builders (core/pdf): order, money, units. Before rendering. */

const th = translator(RESOURCES, 'th');

function build(source: PlanSource, kind: PdfKind = 'plan', thaiDigits = false): TDocumentDefinitions {
  return buildDocument(kind, {
    source,
    options: { language: 'th', thaiDigits, chapters: CHAPTERS, date: '2021-09-13' },
    t: th,
  }).doc;
}

/** The KPI numbers (x.y.z) that start the strings from `from` up to `to`, in printed order. */
function kpiNumbersBetween(all: readonly string[], from: string, to: string): string[] {
  // The last time the heading is printed: the first is its line in the table of contents.
  const start = all.lastIndexOf(from);
  const end = all.indexOf(to, start + 1);
  expect(start).toBeGreaterThanOrEqual(0);
  return all
    .slice(start, end < 0 ? undefined : end)
    .map((s) => /^([0-9]+\.[0-9]+\.[0-9]+) /.exec(s)?.[1])
    .filter((n): n is string => n !== undefined);
}

describe('order of printed lists', () => {
  // Positions order siblings only (the app keys each sibling list on its own, as the sample plan does): sorted
  // by position alone, the first KPI of every goal would come before any second one.
  const generated = generatedSource(generatedRows({ issues: 3, goals: 3, kpis: 3 }));
  const index = new Map<string, number>();
  const rows = generated.rows.map((row) => {
    const key = `${row.entity}|${row.parentId ?? ''}`;
    const i = index.get(key) ?? 0;
    index.set(key, i + 1);
    return { ...row, position: `a${i}` };
  });
  const plans = { sample: sampleSource(), generated: { ...generated, rows } };

  for (const [name, source] of Object.entries(plans)) {
    it(`lists KPIs in hierarchical order in the monitoring table and the annex (${name} plan)`, () => {
      const all = documentTexts(build(source));
      const monitoring = kpiNumbersBetween(
        all,
        th('pdf.doc.monitoring.responsibleLead'),
        th('pdf.doc.chapter.annexes'),
      );
      const annex = kpiNumbersBetween(
        all,
        `ภาคผนวก ก ${th('pdf.doc.annexes.kpis')}`,
        `ภาคผนวก ข ${th('pdf.doc.annexes.offices')}`,
      );
      const kpiCount = source.rows.filter((r) => r.entity === 'kpi').length;
      expect(monitoring.length).toBe(kpiCount);
      expect(annex.length).toBeGreaterThan(0);
      for (const list of [monitoring, annex]) expect(outOfHierarchy(list)).toEqual([]);
    });
  }
});

describe('money and units', () => {
  it('prints satang with two decimals and whole baht with none', () => {
    expect(baht(800000.5)).toBe('800,000.50');
    expect(baht(14450000.05)).toBe('14,450,000.05');
    expect(baht(8750000)).toBe('8,750,000');
    expect(baht(0.1 + 0.2)).toBe('0.30');
    expect(baht(1000.004)).toBe('1,000');
    expect(baht(null)).toBe('–');
  });

  it('writes ร้อยละ before its number and every other unit after it, joined by a no-break space', () => {
    expect(withUnit('90', 'ร้อยละ')).toBe('ร้อยละ\u00A090');
    expect(withUnit('4', 'ครั้ง')).toBe('4\u00A0ครั้ง');
    expect(withUnit('90', 'เปอร์เซ็นต์')).toBe('90\u00A0เปอร์เซ็นต์');
    expect(withUnit('90', '%')).toBe('90%');
    expect(withUnit('12', ' ')).toBe('12');
  });

  it('prints budgets with satang as two decimals in the project and budget tables and the budget lead', () => {
    const source = sampleSource();
    const rows = source.rows.map((r) =>
      r.entity === 'projectBudget' && r.data.year === 2566 && r.data.amount === 2500000
        ? { ...r, data: { ...r.data, amount: 2500000.5 } }
        : r,
    );
    const all = documentTexts(build({ ...source, rows })).join('\n');
    expect(all).toContain('2,500,000.50');
    expect(all).not.toMatch(/[0-9],[0-9]{3}\.[0-9](?![0-9])/);
    expect(all).toMatch(/[0-9]{3}\.50\u00A0บาท/);
  });

  it('prints a KPI target in percent as "ร้อยละ 90" in the summary handout and the annex, in both digit sets', () => {
    for (const kind of ['plan', 'summary'] as const) {
      const arabic = documentTexts(build(sampleSource(), kind)).join('\n');
      expect(arabic).toContain('ร้อยละ\u00A090');
      // ร้อยละ as a unit after its number (a KPI's name may begin "ร้อยละของ…", which is no unit).
      expect(arabic).not.toMatch(/[0-9][ \u00A0]ร้อยละ(?![\u0E00-\u0E7F])/);
      const thai = documentTexts(build(sampleSource(), kind, true)).join('\n');
      expect(thai).toContain('ร้อยละ\u00A0๙๐');
      expect(thai).not.toMatch(/[๐-๙][ \u00A0]ร้อยละ(?![\u0E00-\u0E7F])/);
    }
  });
});

describe('Thai names in a Thai document', () => {
  const QUADRANTS = { SO: 'เชิงรุก', ST: 'เชิงป้องกัน', WO: 'เชิงแก้ไข', WT: 'เชิงรับ' };
  const ENGLISH = ['Stars', 'Cash Cows', 'Question Marks', 'Dogs'];

  /** The SWOT position chart as the document embeds it. */
  function swotChart(doc: TDocumentDefinitions): string {
    const found: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const node = value as Record<string, unknown>;
        if (typeof node.svg === 'string' && node.svg.includes('data-quadrant')) found.push(node.svg);
        Object.values(node).forEach(walk);
      }
    };
    walk(doc.content);
    expect(found).toHaveLength(1);
    return found[0]!;
  }

  it('names the SWOT quadrants by their TOWS posture in Thai, and by the English names in English', () => {
    const thai = swotChart(build(sampleSource()));
    for (const name of Object.values(QUADRANTS)) expect(thai).toContain(`>${name}<`);
    for (const name of ENGLISH) expect(thai).not.toContain(name);
    const en = translator(RESOURCES, 'en');
    const english = buildDocument('plan', {
      source: sampleSource(),
      options: { language: 'en', thaiDigits: false, chapters: CHAPTERS, date: '2021-09-13' },
      t: en,
    }).doc;
    for (const name of ENGLISH) expect(swotChart(english)).toContain(`>${name}<`);
  });

  it('keeps the SWOT chart’s axis values and names inside the frame, clear of its edges', () => {
    const svg = swotChart(build(sampleSource(), 'plan', true));
    const frame = [...svg.matchAll(/<rect x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)"/g)].map((m) =>
      m.slice(1, 4).map(Number),
    );
    const left = Math.min(...frame.map(([x]) => x!));
    const right = Math.max(...frame.map(([x, , w]) => x! + w!));
    const top = Math.min(...frame.map(([, y]) => y!));
    const bottom = Math.max(...frame.map(([, y, w]) => y! + w!));
    const ticks = [
      ...svg.matchAll(/<text x="([0-9.]+)" y="([0-9.]+)" text-anchor="(\w+)"[^>]*font-size="12">([^<]+)</g),
    ];
    expect(ticks.map((m) => m[4])).toEqual(['-๔.๐๐', '๔.๐๐', '๔.๐๐', '-๔.๐๐']);
    for (const [, x, y, anchor] of ticks) {
      // Start-anchored text lies right of x, end-anchored left of it; baselines at least 4 px inside.
      if (anchor === 'start') expect(Number(x)).toBeGreaterThan(left);
      if (anchor === 'end') expect(Number(x)).toBeLessThan(right);
      expect(Number(x)).toBeGreaterThan(left);
      expect(Number(y)).toBeGreaterThan(top + 10);
      expect(Number(y)).toBeLessThan(bottom - 4);
    }
  });

  it('names factor categories in Thai only in the Thai document (no "S1 Structure", "M2 Money")', () => {
    const all = documentTexts(build(sampleSource())).join('\n');
    expect(all).toContain('ประสิทธิภาพทางการเงิน');
    expect(all).not.toMatch(/\b(Structure|Money|Material|Management|Customer|Economic|Technological)\b/);
  });
});
