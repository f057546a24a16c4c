/**
 * Word benchmark (`npm run bench`): the .docx of the same generated plan of about 100 pages as the PDF
 * benchmark (bench/pdf.ts: chapter 4 with Thai digits), built once as the document model and written by the
 * Word renderer (services/docx) as an export does it, in a process of its own so that the peak memory is the
 * Word export's. Time, CPU time, file size and peak memory; then the shipped sample plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildModel } from '../main/core/pdf/index.ts';
import { CHAPTERS, type PdfKind } from '../main/core/pdf/options.ts';
import type { PlanSource } from '../main/core/pdf/source.ts';
import { rasteriser } from '../main/services/docx/images.ts';
import { renderDocx } from '../main/services/docx/render.ts';
import { translator } from '../main/services/locales.ts';
import { parsePlanFile } from '../main/services/planFile.ts';
import { planSourceFromFile } from '../main/services/pdf/source.ts';
import { installThaiLexicon } from '../main/services/thaiLexicon.ts';
import { generatedRows, generatedSource } from '../test/harness/pdfPlan.ts';

const RESOURCES = join(import.meta.dirname, '..', 'resources');
const t = translator(RESOURCES, 'th');
installThaiLexicon(RESOURCES);
const rasterise = rasteriser(join(RESOURCES, 'fonts'));

function line(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

async function measure(label: string, source: PlanSource, kind: PdfKind = 'plan'): Promise<void> {
  const t0 = performance.now();
  const cpu = process.cpuUsage();
  const model = buildModel(kind, {
    source,
    options: { language: 'th', thaiDigits: true, chapters: CHAPTERS, date: '2021-09-13' },
    t,
  });
  const built = performance.now();
  const bytes = await renderDocx(model, { rasterise, fontsDir: join(RESOURCES, 'fonts') });
  const used = process.cpuUsage(cpu);
  line(
    `Word: ${label}`,
    `${(performance.now() - t0).toFixed(0)} ms (model ${(built - t0).toFixed(0)} ms, cpu ${((used.user + used.system) / 1000).toFixed(0)} ms), ${(bytes.length / 2 ** 10).toFixed(0)} KiB`,
  );
}

await measure(
  'generated plan (~100 PDF pages), .docx',
  generatedSource(generatedRows({ issues: 6, goals: 4, kpis: 4, strategies: 2, projects: 2 })),
);
line('Word: peak rss (getrusage)', `${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
const sample = planSourceFromFile(
  parsePlanFile(readFileSync(join(RESOURCES, 'sample', 'bma-pr-2566-2570.plan.json'), 'utf8')),
  RESOURCES,
);
await measure('sample plan, .docx (warm)', sample);
await measure('sample plan, strategy map handout', sample, 'map');
