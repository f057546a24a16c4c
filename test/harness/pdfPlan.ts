import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument } from '../../main/core/pdf/index.ts';
import { CHAPTERS, type PdfKind } from '../../main/core/pdf/options.ts';
import type { PlanSource } from '../../main/core/pdf/source.ts';
import type { Row, RowEntity } from '../../main/core/rows.ts';
import { translator } from '../../main/services/locales.ts';
import { parsePlanFile } from '../../main/services/planFile.ts';
import { planSourceFromFile } from '../../main/services/pdf/source.ts';
import { int, rng } from './random.ts';
import { TEST_PLAN_ID, testRow } from './rows.ts';
import { SEED_TEXT } from './seed.ts';
import { bmaDraft } from './store.ts';

/** Plans to print in tests: the shipped sample, and generated plans of any size in real Thai (shared/seed). */

export const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');
export const SAMPLE_FILE = join(RESOURCES, 'sample', 'bma-pr-2566-2570.plan.json');

export function sampleSource(): PlanSource {
  return planSourceFromFile(parsePlanFile(readFileSync(SAMPLE_FILE, 'utf8')), RESOURCES);
}

/**
 * A Thai document of every chapter, dated as the founding workshop was; a report covers quarter 2 of B.E. 2568
 * (the monitored plan's reported quarter).
 */
export function thaiDocument(source: PlanSource, kind: PdfKind, thaiDigits: boolean) {
  return buildDocument(kind, {
    source,
    options: {
      language: 'th',
      thaiDigits,
      chapters: CHAPTERS,
      date: '2021-09-13',
      ...(kind === 'report' ? { period: { year: 2568, quarter: 2 } } : {}),
    },
    t: translator(RESOURCES, 'th'),
  });
}

/** Phrases of the founding news item, cut at spaces: names that read like a Thai plan's. */
const PHRASES = SEED_TEXT.split(/\s+/).filter((w) => /^[\u0E00-\u0E7F]{6,30}$/.test(w));

export const HEADER = { id: TEST_PLAN_ID, ...bmaDraft };

export interface PlanSize {
  readonly issues?: number;
  readonly goals?: number;
  readonly kpis?: number;
  readonly strategies?: number;
  readonly projects?: number;
  readonly seed?: number;
}

/**
 * The plan's content part (chapter 4) of the given size per parent: issues → goals → KPIs with a target per
 * year, and strategies → projects with a budget per year. Only those rows: the other chapters stay empty.
 */
export function generatedRows({
  issues = 3,
  goals = 2,
  kpis = 2,
  strategies = 2,
  projects = 1,
  seed = 1,
}: PlanSize = {}): Row[] {
  const next = rng(seed);
  const phrase = (n: number) => Array.from({ length: n }, () => PHRASES[int(next, 0, PHRASES.length - 1)]).join(' ');
  const rows: Row[] = [];
  const add = (entity: RowEntity, data: Record<string, unknown>, parentId: string | null = null, id?: string) => {
    const row = testRow(entity, data, { parentId, id });
    rows.push(row);
    return row;
  };
  for (let i = 0; i < issues; i++) {
    const issue = add('strategicIssue', { name: phrase(3) });
    for (let g = 0; g < goals; g++) {
      const goal = add('goal', { name: phrase(4) }, issue.id);
      for (let k = 0; k < kpis; k++) {
        const unit = k % 2 === 0 ? 'ร้อยละ' : 'คน';
        const kpi = add(
          'kpi',
          {
            name: phrase(4),
            unit,
            baselineValue: int(next, 10, 90),
            baselineYear: 2565,
            definition: phrase(8),
            dataSource: phrase(2),
            responsibleUnit: phrase(1),
          },
          goal.id,
        );
        for (let year = HEADER.startYear; year <= HEADER.endYear; year++) {
          const target = unit === 'ร้อยละ' ? int(next, 50, 100) : int(next, 100, 3_000_000);
          add('kpiTarget', { year, target }, kpi.id, `${kpi.id}:${year}`);
        }
      }
      for (let s = 0; s < strategies; s++) {
        const strategy = add('strategy', { name: phrase(4) }, goal.id);
        for (let p = 0; p < projects; p++) {
          const project = add('project', { name: phrase(4), responsibleUnit: phrase(2) }, strategy.id);
          for (let year = HEADER.startYear; year <= HEADER.endYear; year++) {
            add('projectBudget', { year, amount: int(next, 1, 500) * 10_000 }, project.id, `${project.id}:${year}`);
          }
        }
      }
    }
  }
  return rows;
}

export function generatedSource(rows: readonly Row[] = generatedRows()): PlanSource {
  return { plan: HEADER, rows, catalogs: [] };
}

/** Every string a document prints (text, list items, table cells, header and footer), in order. */
export function documentTexts(doc: TDocumentDefinitions): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      for (const key of ['text', 'stack', 'columns', 'ul', 'ol', 'content', 'header', 'footer']) walk(node[key]);
      if (node.table && typeof node.table === 'object') walk((node.table as { body: unknown }).body);
    }
  };
  walk(doc.content);
  walk(doc.header);
  walk(doc.footer);
  return out;
}

/**
 * `source` with its background (chapter 1) set to `paragraphs`, one paragraph each: the sample's own and a
 * generated plan's (none) never run a paragraph over a page, so widows and orphans have nothing to judge there.
 */
export function withBackground(source: PlanSource, paragraphs: readonly string[]): PlanSource {
  const background = paragraphs.join('\n');
  const has = source.rows.some((r) => r.entity === 'document');
  const rows = has
    ? source.rows.map((r) => (r.entity === 'document' ? { ...r, data: { ...r.data, background } } : r))
    : [...source.rows, testRow('document', { background })];
  return { ...source, rows };
}
