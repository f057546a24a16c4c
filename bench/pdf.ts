/**
 * PDF benchmark (`npm run bench`): renders a generated plan-like document of about 100 A4 pages (numbered
 * headings, Thai paragraphs, KPI tables with one column per plan year, budget tables, a table of contents,
 * footers with Thai page numbers) through the real engine and worker, and prints the time and the peak
 * memory of the process (the worker thread included). The Thai text comes from the shipped sample plan,
 * varied per paragraph so that no cache sees the same paragraph twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildDocument } from '../main/core/pdf/index.ts';
import { CHAPTERS as ALL_CHAPTERS } from '../main/core/pdf/options.ts';
import { COMPACT_LEXICON_FILE } from '../main/core/compactLexicon.ts';
import { ThaiBreaker } from '../main/core/thaiBreak.ts';
import { ThaiLexicon } from '../main/core/thaiLexicon.ts';
import { toThaiDigits } from '../main/core/years.ts';
import { translator } from '../main/services/locales.ts';
import { PAGE_COUNT, PAGE_NUMBER, renderPdf } from '../main/services/pdf/render.ts';
import { FREQUENCY_FILE, LEXICON_FILE, readCompactLexicon } from '../main/services/thaiLexicon.ts';
import { generatedRows, generatedSource } from '../test/harness/pdfPlan.ts';

const CHAPTERS = 6;
const SECTIONS = 14;
const YEARS = [2566, 2567, 2568, 2569, 2570];

function line(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

/** Every long Thai string of the sample plan: real sentences of a real plan. */
function sampleTexts(): string[] {
  const file = join(import.meta.dirname, '..', 'resources', 'sample', 'bma-pr-2566-2570.plan.json');
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length > 40 && /[\u0E00-\u0E7F]/.test(value)) out.push(...value.split('\n'));
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')));
  return out.filter((s) => s.length > 20);
}

function planDocument(texts: string[]): TDocumentDefinitions {
  let n = 0;
  const sentence = () => texts[n++ % texts.length] ?? '';
  const paragraph = (id: string) => `${id} ${sentence()} ${sentence()} ${sentence()} โดยมุ่งเน้นผลสัมฤทธิ์ตามตัวชี้วัดที่ ${id}`;
  const content: Content[] = [
    { text: 'แผนยุทธศาสตร์การประชาสัมพันธ์กรุงเทพมหานคร ระยะ ๕ ปี', style: 'title', pageBreak: 'after' },
    { toc: { title: { text: 'สารบัญ', style: 'h1' } } },
  ];
  for (let c = 1; c <= CHAPTERS; c++) {
    content.push({ text: `บทที่ ${c} ${sentence().slice(0, 40)}`, style: 'h1', tocItem: true, pageBreak: 'before' });
    for (let s = 1; s <= SECTIONS; s++) {
      const id = `${c}.${s}`;
      content.push({ text: `${id} ${sentence().slice(0, 50)}`, style: 'h2', tocItem: true });
      content.push({ text: paragraph(id), alignment: 'justify' }, { text: paragraph(`${id}.1`) });
      content.push({
        ul: [sentence(), sentence(), { text: [{ text: 'หมายเหตุ ', bold: true }, sentence()] }],
      });
      const header = ['ตัวชี้วัด', 'หน่วยนับ', ...YEARS.map((y) => toThaiDigits(String(y)))];
      const rows = Array.from({ length: 6 }, (_, r) => [
        `${id}.${r + 1} ${sentence().slice(0, 70)}`,
        'ร้อยละ',
        ...YEARS.map((_y, i) => String(60 + ((r * 7 + i * 5 + c) % 40))),
      ]);
      content.push({
        table: { headerRows: 1, widths: ['*', 40, 32, 32, 32, 32, 32], body: [header, ...rows] },
        layout: 'phaenGrid',
        fontSize: 14,
        margin: [0, 6, 0, 6],
      });
    }
  }
  return {
    pageSize: 'A4',
    pageMargins: [85, 57, 57, 57],
    content,
    footer: { text: `หน้า ${PAGE_NUMBER} จาก ${PAGE_COUNT}`, alignment: 'center', fontSize: 12 },
    styles: { title: { fontSize: 28, bold: true }, h1: { fontSize: 20, bold: true }, h2: { fontSize: 17, bold: true } },
  };
}

const doc = planDocument(sampleTexts());
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);

/** One render: wall time, CPU time of the whole process (worker thread included), pages, bytes. */
async function measure(): Promise<{ ms: number; cpuMs: number; pages: number; bytes: number }> {
  let pages = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const pdf = await renderPdf(doc, {
    digits: 'thai',
    firstNumberedPage: 2,
    onProgress: (_d, total) => (pages = total),
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, pages, bytes: pdf.length };
}

// First render: a new worker thread (module loading, fonts, cold JIT), as for the first export of a session.
const cold = await measure();
// Second render: the worker kept warm by the pool, as for every later export within a minute.
const warm = await measure();
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const docPeakRss = peakRss;

line(
  `PDF: ${cold.pages} A4 pages, first render (new worker)`,
  `${cold.ms.toFixed(0)} ms (cpu ${cold.cpuMs.toFixed(0)} ms)`,
);
line(
  `PDF: ${warm.pages} A4 pages, next render (warm worker)`,
  `${warm.ms.toFixed(0)} ms (cpu ${warm.cpuMs.toFixed(0)} ms)`,
);
line('PDF: size', `${(warm.bytes / 2 ** 20).toFixed(2)} MiB`);
line('PDF: peak rss (process, worker included)', `${(docPeakRss / 2 ** 20).toFixed(1)} MiB`);
line('PDF: max rss (getrusage)', `${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);

// The same through the plan builders (main/core/pdf), as an export does it: a generated plan of about 100 pages
// (chapter 4 with Thai digits), where moving headings off a page foot costs extra layouts.
const built = buildDocument('plan', {
  source: generatedSource(generatedRows({ issues: 6, goals: 4, kpis: 4, strategies: 2, projects: 2 })),
  options: { language: 'th', thaiDigits: true, chapters: ALL_CHAPTERS, date: '2021-09-13' },
  t: translator(join(import.meta.dirname, '..', 'resources'), 'th'),
});
let planPages = 0;
const t1 = performance.now();
const cpu1 = process.cpuUsage();
await renderPdf(built.doc, {
  numbering: built.numbering,
  onProgress: (_d, total) => (planPages = total),
});
// CPU time too: on a shared machine the wall time says more about the neighbours than about the render.
const planCpu = process.cpuUsage(cpu1);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
line(
  `PDF: generated plan, ${planPages} pages, full export render`,
  `${(performance.now() - t1).toFixed(0)} ms (cpu ${((planCpu.user + planCpu.system) / 1000).toFixed(0)} ms)`,
);
// The whole bench process so far (the two renders above, the plan builders, then this export): what a session
// that exported the 100-page plan holds at most.
line('PDF: peak rss, generated plan export included', `${(peakRss / 2 ** 20).toFixed(1)} MiB`);

// Thai segmentation (main/core/thaiBreak.ts): loading the shipped lexicon, as the PDF worker, an export in the
// main process and the command line each do once, then segmenting every text of the 100-page document above.
// The lexicon loads two ways: chosen from the lists (the source tree) and from the compact file the build
// writes beside the bundle (services/thaiLexicon.ts), which the app and `phaen pdf` load.
// CPU time of this thread, next to wall time: on a shared machine the wall clock mostly measures the others.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const resources = join(import.meta.dirname, '..', 'resources');
const compactFile = readFileSync(join(import.meta.dirname, '..', 'out', 'main', COMPACT_LEXICON_FILE), 'utf8');
let lexicon: ThaiLexicon | undefined;
for (const [label, load] of [
  [
    'from the lists',
    () =>
      ThaiLexicon.parse(
        readFileSync(join(resources, LEXICON_FILE), 'utf8'),
        readFileSync(join(resources, FREQUENCY_FILE), 'utf8'),
      ),
  ],
  ["from the build's compact file", () => readCompactLexicon(compactFile)],
] as const) {
  const loads: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const [t, c] = [performance.now(), cpuMs()];
    lexicon = load();
    loads.push({ wall: performance.now() - t, cpu: cpuMs() - c });
  }
  const [firstLoad] = loads;
  const bestLoad = Math.min(...loads.map((l) => l.cpu));
  line(
    `Thai lexicon: ${lexicon?.size ?? 0} words ${label}, first / best of 3`,
    `${firstLoad?.wall.toFixed(0)} ms (cpu ${firstLoad?.cpu.toFixed(0)} / ${bestLoad.toFixed(0)} ms)`,
  );
}

const texts: string[] = [];
const collect = (value: unknown): void => {
  if (typeof value === 'string') texts.push(value);
  else if (Array.isArray(value)) value.forEach(collect);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
};
collect(doc.content);
const chars = texts.reduce((n, t) => n + t.length, 0);
for (const [label, breaker] of [
  ['dictionary', new ThaiBreaker(lexicon)],
  ['ICU alone', new ThaiBreaker()],
] as const) {
  const [t, c] = [performance.now(), cpuMs()];
  for (const text of texts) breaker.breakOpportunities(text);
  const [ms, cpu] = [performance.now() - t, cpuMs() - c];
  line(
    `Thai segmentation (${label}): 100-page plan, ${chars} chars`,
    `${ms.toFixed(0)} ms (cpu ${cpu.toFixed(0)} ms, ${(chars / cpu / 1000).toFixed(2)} M chars/s)`,
  );
}
