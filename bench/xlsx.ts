/**
 * Excel export of the plan the size issue 4 names (30 issues, 200 goals, 1,000 KPIs with five yearly targets,
 * 500 projects with five yearly budgets; bench/planContent.ts): the time to build the tables in core, to write
 * the .xlsx with exceljs, the file's size, reading it back as the import does, and the process's peak memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { planBook } from '../main/core/xlsx/planBook.ts';
import { translator } from '../main/services/locales.ts';
import { planSourceFromStore } from '../main/services/pdf/source.ts';
import { createPlan } from '../main/services/plans.ts';
import { readXlsxGrids } from '../main/services/xlsx/read.ts';
import { writeXlsx } from '../main/services/xlsx/write.ts';
import { bmaDraft, openStore } from '../test/harness/store.ts';
import { CONTENT_SIZE, seedPlanContent } from './planContent.ts';

const RESOURCES = join(import.meta.dirname, '..', 'resources');

function line(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

const dir = mkdtempSync(join(tmpdir(), 'phaen-bench-xlsx-'));
try {
  const store = await openStore(dir);
  const plan = createPlan(store, bmaDraft);
  seedPlanContent(store, plan.id);
  const source = planSourceFromStore(store, RESOURCES, plan.id);
  const t = translator(RESOURCES, 'th');
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const book = planBook(source, t);
  const t1 = performance.now();
  const bytes = await writeXlsx(book);
  const t2 = performance.now();
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const grids = await readXlsxGrids(bytes);
  const t3 = performance.now();
  clearInterval(sample);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const size = `${CONTENT_SIZE.kpis} KPIs, ${CONTENT_SIZE.projects} projects`;
  const rows = book.sheets.reduce((n, s) => n + s.rows.length, 0);
  line(`xlsx ${size}: tables in core (${rows} rows)`, `${(t1 - t0).toFixed(0)} ms`);
  line('xlsx: written by exceljs', `${(t2 - t1).toFixed(0)} ms`);
  line('xlsx: export total (tables + file)', `${(t2 - t0).toFixed(0)} ms`);
  line('xlsx: file size', `${(bytes.length / 1024).toFixed(0)} KiB`);
  line(`xlsx: read back for import (${grids.length} sheets)`, `${(t3 - t2).toFixed(0)} ms`);
  line('xlsx: peak rss (sampled every 5 ms)', `${(peakRss / 2 ** 20).toFixed(1)} MiB`);
  line('xlsx: rss growth over the plan loaded', `${((peakRss - rssBefore) / 2 ** 20).toFixed(1)} MiB`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
