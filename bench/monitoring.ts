/**
 * Monitoring benchmark (issue 14): a plan of 1,000 KPIs assigned to 50 offices, every office reporting its 20
 * KPIs for the plan's 20 fiscal quarters offline and sending them as a contribution package. Measures the
 * secretariat's import of the 50 packages (20,000 quarter rows), the data the dashboard works from (the
 * rows.list service call, then the period's figures and trends of core/monitoringReport.ts), the progress
 * report's render (PDF in the engine's worker, and Word), and the process's peak memory. Real files with the
 * app's durability settings, real office installations (each its own database and key), the real import.
 * The set-up (the secretariat's plan, and the offices, which work on their own computers) runs in a child
 * process (this script with `set-up <dir>`); this process then opens the secretariat's database as the app does
 * on the day the packages arrive, so its peak memory is the secretariat's import, dashboard and report alone; and
 * then (this script with `report <dir>`) the report alone, as the secretariat prints after a restart. A script,
 * not a test; prints one figure per line, wall times with the CPU time the process used (every thread).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_THRESHOLDS } from '../main/core/evaluation.ts';
import { monitoringRows } from '../main/core/monitoringPlan.ts';
import { periodReport, trend } from '../main/core/monitoringReport.ts';
import { buildDocument, buildModel } from '../main/core/pdf/index.ts';
import { rasteriser } from '../main/services/docx/images.ts';
import { renderDocx } from '../main/services/docx/render.ts';
import { buildPackage, recordExport } from '../main/services/exchange/export.ts';
import { importPackages, incomingText, readIncoming } from '../main/services/exchange/import.ts';
import { getPlanExchange, savePlanExchange } from '../main/services/exchange/state.ts';
import { translator } from '../main/services/locales.ts';
import { defaultFontsDir } from '../main/services/pdf/engine/fontFiles.ts';
import { renderPdf } from '../main/services/pdf/render.ts';
import { planSourceFromStore } from '../main/services/pdf/source.ts';
import { createPlan } from '../main/services/plans.ts';
import { createRows, listRows, type NewRow } from '../main/services/rows.ts';
import { Store } from '../main/services/store/store.ts';
import { installThaiLexicon } from '../main/services/thaiLexicon.ts';
import { bmaDraft } from '../test/harness/store.ts';

const OFFICES = 50;
const KPIS = 1_000;
const PROJECTS = 100;
const RESOURCES = join(import.meta.dirname, '..', 'resources');
const mode = process.argv[2];
const dir = mode ? process.argv[3]! : mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'phaen-bench-monitoring-'));
const open = (name: string) => Store.open(join(dir, name), { backupDir: join(dir, `${name}-backups`) });
const officeCode = (i: number) => String(1001 + i);
const peakMb = () => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (t0: number) => performance.now() - t0;
/**
 * Wall time since t0 with the process's CPU time since cpu0 (user + system, every thread: the PDF worker's
 * too): on a machine shared with other work the wall time says as much about the others.
 */
const took = (t0: number, cpu0: NodeJS.CpuUsage) => {
  const cpu = process.cpuUsage(cpu0);
  return `${ms(t0).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`;
};
function line(label: string, value: string): void {
  console.log(`${label.padEnd(60)} ${value}`);
}
const years = Array.from({ length: bmaDraft.endYear - bmaDraft.startYear + 1 }, (_, i) => bmaDraft.startYear + i);

if (mode === 'set-up') {
  await planAtSecretariat();
  await offices();
} else if (mode === 'report') await reportAlone();
else await secretariatSide();

async function secretariatSide(): Promise<void> {
  try {
    let t0 = performance.now();
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, 'set-up', dir], {
      stdio: 'inherit',
    });
    if (child.status !== 0) throw new Error(`the set-up process failed (${String(child.status ?? child.signal)})`);
    line(`set-up in its own process`, `${ms(t0).toFixed(0)} ms`);
    // The secretariat as it starts the app on the day the packages arrive: its plan is on disk, nothing in memory.
    const secretariat = await open('secretariat.sqlite');
    const planId = readFileSync(join(dir, 'plan-id'), 'utf8');
    // The files as a shared folder or the command line hands them over: the import reads each when it gets to it.
    const contributions = Array.from({ length: OFFICES }, (_, i) =>
      readIncoming(join(dir, `${officeCode(i)}.phaen-package`)),
    );
    const bytes = contributions.reduce((n, file) => n + file.size, 0);
    line(`${OFFICES} contributions, total size`, `${(bytes / 1024 / 1024).toFixed(1)} MB`);
    line('  peak memory of the secretariat before the import', peakMb());

    t0 = performance.now();
    let cpu0 = process.cpuUsage();
    const result = importPackages(secretariat, contributions);
    const imported = result.packages.filter((p) => p.status === 'imported').length;
    line(`import ${OFFICES} offices' quarter results at once (${imported} imported)`, took(t0, cpu0));
    const refused = result.packages.find((p) => p.status !== 'imported');
    // Figures of a dashboard without the offices' results would measure nothing: a refusal stops the bench.
    if (refused) throw new Error(`${refused.file} refused: ${refused.reason ?? ''}: ${refused.detail ?? ''}`);
    line('  peak memory of the secretariat after the import', peakMb());

    // The dashboard: rows.list (the service call), then the period's figures and the trends in the renderer.
    const period = { year: years.at(-1)!, quarter: 4 as const };
    const dashboard: number[] = [];
    let rowCount = 0;
    for (let run = 0; run < 5; run++) {
      t0 = performance.now();
      const rows = listRows(secretariat, planId);
      const listed = ms(t0);
      // As the dashboard does: the rows indexed once, the period (per reporting office too, with the status's
      // assignments) and its trend read from the index.
      const index = monitoringRows(rows);
      const offices = getPlanExchange(secretariat.db, planId).assignments;
      periodReport(index, period, DEFAULT_THRESHOLDS, { offices, today: '2027-10-20', dueDays: 15 });
      trend(index, years[0]!, period, DEFAULT_THRESHOLDS);
      dashboard.push(ms(t0));
      rowCount = rows.length;
      if (run === 0) line(`  rows.list (${rowCount} rows), first run`, `${listed.toFixed(0)} ms`);
    }
    dashboard.sort((a, b) => a - b);
    line(`dashboard data (rows.list + figures + 20-quarter trends), median of 5`, `${dashboard[2]!.toFixed(0)} ms`);

    // What the process holds before the report is mostly the import's garbage, which V8 and malloc keep for reuse
    // (measured after this import and a full collection: 16 MB of the heap live, 360 MB resident), and the PDF
    // worker's heap is a heap of its own on top. So the report's own share is the growth of the resident memory
    // over this, sampled while it runs; the report alone, as after a restart, runs in a child process below.
    const beforeReport = process.memoryUsage().rss;
    line('  memory of the secretariat before the report (RSS)', mb(beforeReport));
    const report = await reportPdf(secretariat, planId, period);
    line('  growth of the memory by the report PDF (RSS sampled)', mb(report.peakRss - beforeReport));
    const input = report.input;
    t0 = performance.now();
    cpu0 = process.cpuUsage();
    const fontsDir = defaultFontsDir();
    const docx = await renderDocx(buildModel('report', input), { rasterise: rasteriser(fontsDir), fontsDir });
    line(`report Word file (${(docx.length / 1024 / 1024).toFixed(1)} MB)`, took(t0, cpu0));
    secretariat.close();
    line('peak memory of the secretariat (max RSS; the PDF worker is a thread in it)', peakMb());
    const alone = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, 'report', dir], {
      stdio: 'inherit',
    });
    if (alone.status !== 0) throw new Error(`the report process failed (${String(alone.status ?? alone.signal)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The report PDF of `period` as the app makes it (the plan read from the store, the document built, its pages
 * rendered in the engine's worker), timed, with the resident memory sampled every 20 ms meanwhile.
 */
async function reportPdf(store: Store, planId: string, period: { year: number; quarter: 4 }) {
  installThaiLexicon(RESOURCES);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const input = {
    source: planSourceFromStore(store, RESOURCES, planId),
    options: { language: 'th' as const, thaiDigits: false, chapters: [], date: '2027-10-20', period },
    t: translator(RESOURCES, 'th'),
  };
  const built = buildDocument('report', input);
  const buildMs = ms(t0);
  let pages = 0;
  const pdf = await renderPdf(built.doc, { numbering: built.numbering, onProgress: (_done, total) => (pages = total) });
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  line(
    `report PDF (${pages} pages, ${(pdf.length / 1024 / 1024).toFixed(1)} MB): read + build + render`,
    took(t0, cpu0),
  );
  line('  of which reading the plan and building the document', `${buildMs.toFixed(0)} ms`);
  return { input, peakRss };
}

/** The report PDF alone in a process of its own: the secretariat prints after a restart, the import's garbage gone. */
async function reportAlone(): Promise<void> {
  const store = await open('secretariat.sqlite');
  const before = process.memoryUsage().rss;
  const { peakRss } = await reportPdf(store, readFileSync(join(dir, 'plan-id'), 'utf8'), {
    year: years.at(-1)!,
    quarter: 4,
  });
  store.close();
  line('  the same report in a process of its own: memory before it (RSS)', mb(before));
  line('    its peak memory (max RSS; the PDF worker is a thread in it)', peakMb());
  line('    growth of the memory by the report PDF (RSS sampled)', mb(peakRss - before));
}

/** The secretariat's plan of 1,000 KPIs with its assignments, and its plan package in `dir`. */
async function planAtSecretariat(): Promise<void> {
  const t0 = performance.now();
  const secretariat = await open('secretariat.sqlite');
  secretariat.setSettings({ office: { code: 'PR', name: 'สำนักงานประชาสัมพันธ์', role: 'secretariat' } });
  const plan = createPlan(secretariat, bmaDraft);
  createRows(secretariat, plan.id, [{ entity: 'planOptions', values: { adoptedOn: '2022-09-20' } }]);
  // 10 issues × 10 goals × 10 KPIs, a target a year; a strategy per goal, a project per goal with a budget a year.
  const issues = createRows(
    secretariat,
    plan.id,
    Array.from({ length: 10 }, (_, i) => ({
      entity: 'strategicIssue' as const,
      values: { name: `ประเด็นยุทธศาสตร์ ${i + 1}` },
    })),
  );
  const goals = createRows(
    secretariat,
    plan.id,
    issues.flatMap((issue, i) =>
      Array.from({ length: 10 }, (_, g) => ({
        entity: 'goal' as const,
        parentId: issue.id,
        values: { name: `เป้าประสงค์ ${i + 1}.${g + 1}` },
      })),
    ),
  );
  const kpis = createRows(
    secretariat,
    plan.id,
    goals.flatMap((goal, g) =>
      Array.from({ length: KPIS / goals.length }, (_, k) => ({
        entity: 'kpi' as const,
        parentId: goal.id,
        values: {
          name: `จำนวนผู้รับบริการข้อมูลข่าวสารของกรุงเทพมหานคร ตัวที่ ${g * 10 + k + 1}`,
          unit: k % 2 ? 'ร้อยละ' : 'คน',
          responsibleUnit: `สำนักงานเขต ${1001 + ((g * 10 + k) % OFFICES)}`,
        },
      })),
    ),
  );
  createRows(
    secretariat,
    plan.id,
    kpis.flatMap((kpi, k) =>
      years.map((year) => ({
        entity: 'kpiTarget' as const,
        parentId: kpi.id,
        values: { year, target: k % 2 ? 80 : 4_000 },
      })),
    ),
  );
  const strategies = createRows(
    secretariat,
    plan.id,
    goals.map((goal) => ({ entity: 'strategy' as const, parentId: goal.id, values: { name: 'กลยุทธ์' } })),
  );
  const projects = createRows(
    secretariat,
    plan.id,
    strategies.slice(0, PROJECTS).map((s, p) => ({
      entity: 'project' as const,
      parentId: s.id,
      values: {
        name: `โครงการประชาสัมพันธ์ที่ ${p + 1}`,
        startYear: years[0],
        endYear: years.at(-1),
        responsibleUnit: `สำนักงานเขต ${1001 + (p % OFFICES)}`,
      },
    })),
  );
  createRows(
    secretariat,
    plan.id,
    projects.flatMap((project) =>
      years.map((year) => ({
        entity: 'projectBudget' as const,
        parentId: project.id,
        values: { year, amount: 1_000_000 },
      })),
    ),
  );
  createRows(
    secretariat,
    plan.id,
    Array.from({ length: OFFICES }, (_, i) => ({
      entity: 'office' as const,
      values: { code: officeCode(i), name: `สำนักงานเขต ${officeCode(i)}` },
    })),
  );
  // Office i reports KPIs i, i + 50, i + 100 … (20 of them) and projects i and i + 50.
  const kpisOf = (i: number) => kpis.filter((_, k) => k % OFFICES === i);
  const projectsOf = (i: number) => projects.filter((_, p) => p % OFFICES === i);
  savePlanExchange(secretariat.db, {
    ...getPlanExchange(secretariat.db, plan.id),
    assignments: Array.from({ length: OFFICES }, (_, i) => ({
      officeCode: officeCode(i),
      officeName: `สำนักงานเขต ${officeCode(i)}`,
      factors: false,
      kpiIds: kpisOf(i).map((k) => k.id),
      projectIds: projectsOf(i).map((p) => p.id),
    })),
  });
  const planPackage = buildPackage(secretariat, plan.id);
  recordExport(secretariat, planPackage, planPackage.fileName);
  line(`set-up: plan of ${KPIS} KPIs, ${PROJECTS} projects, ${OFFICES} offices`, `${ms(t0).toFixed(0)} ms`);

  writeFileSync(join(dir, 'plan.phaen-package'), planPackage.text);
  writeFileSync(join(dir, 'plan-id'), plan.id);
  secretariat.close();
}

/**
 * The offices, in the set-up process: each installation takes the plan package, enters its assigned KPIs' and
 * projects' every quarter and writes its contribution package to `dir`. One installation takes the plan
 * package; the others start as copies of its data folder that took a new identity (their own office id and
 * key: Store.takeNewIdentity, as the app offers for a copied folder), so set-up does not import the plan 50 times.
 */
async function offices(): Promise<void> {
  let t0 = performance.now();
  const first = await open('office-template.sqlite');
  const taken = importPackages(first, [
    incomingText('plan.phaen-package', readFileSync(join(dir, 'plan.phaen-package'), 'utf8')),
  ]);
  const planId = taken.packages[0]!.planId!;
  const assignments = getPlanExchange(first.db, planId).assignments;
  const rows = new Map(listRows(first, planId).map((r) => [r.id, r]));
  first.close();
  line('  an office takes the plan package', `${ms(t0).toFixed(0)} ms`);
  t0 = performance.now();
  for (let i = 0; i < OFFICES; i++) {
    copyFileSync(join(dir, 'office-template.sqlite'), join(dir, `office-${i}.sqlite`));
    const copy = await open(`office-${i}.sqlite`);
    copy.takeNewIdentity();
    copy.close();
    // Reopened, as the app does, so that the op log writes under the new id.
    const office = await open(`office-${i}.sqlite`);
    office.setSettings({ office: { code: officeCode(i), name: `สำนักงานเขต ${officeCode(i)}`, role: 'contributor' } });
    const assignment = assignments.find((a) => a.officeCode === officeCode(i))!;
    createRows(office, planId, quartersOf(assignment.kpiIds, assignment.projectIds));
    const built = buildPackage(office, planId);
    recordExport(office, built, built.fileName);
    writeFileSync(join(dir, `${officeCode(i)}.phaen-package`), built.text);
    office.close();
  }
  line('    of which entering and exporting (per office)', `${(ms(t0) / OFFICES).toFixed(0)} ms`);
  line('  peak memory of the set-up process (one office open at a time)', peakMb());

  /** What an office reports: its KPIs' and projects' every quarter of the plan's years. */
  function quartersOf(kpiIds: readonly string[], projectIds: readonly string[]): NewRow[] {
    const quarters: NewRow[] = [];
    for (const kpiId of kpiIds)
      for (const year of years)
        for (const quarter of [1, 2, 3, 4])
          quarters.push({
            entity: 'kpiQuarter',
            parentId: kpiId,
            values: {
              year,
              quarter,
              result: (rows.get(kpiId)!.data.unit === 'ร้อยละ' ? 20 : 1_000) * quarter,
              status: 'on-track',
              narrative: quarter === 2 ? 'ดำเนินการตามแผน' : '',
            },
          });
    for (const projectId of projectIds)
      for (const year of years)
        for (const quarter of [1, 2, 3, 4])
          quarters.push({
            entity: 'projectQuarter',
            parentId: projectId,
            values: {
              year,
              quarter,
              progress: quarter * 25,
              allocated: 250_000,
              disbursed: 200_000,
              status: 'on-track',
            },
          });
    return quarters;
  }
}
