import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { translator } from '../../main/services/locales.ts';
import { PAGE_MARGINS } from '../../main/core/pdf/blocks.ts';
import { comparable, extractPages, popplerText } from '../harness/pdf.ts';
import { thaiDigitsInText } from '../../main/core/pdf/digits.ts';
import { overprinted, pastMargin, pdfjsBoxes, popplerBoxes } from '../harness/textBoxes.ts';
import { monitoredPlanText, NARRATIVE_Q2, NOTE_Q2, type MonitoredOptions } from '../harness/monitoredPlan.ts';
import { RESOURCES } from '../harness/pdfPlan.ts';
import { useTempDir } from '../harness/tmp.ts';
import { BIN, requireBuiltCli } from '../harness/cli.ts';
import { buildDocument } from '../../main/core/pdf/index.ts';
import { getPlanExchange, savePlanExchange } from '../../main/services/exchange/state.ts';
import { exportPlanFile, importPlanFile, parsePlanFile, serialisePlanFile } from '../../main/services/planFile.ts';
import { getPlan } from '../../main/services/plans.ts';
import { listRows } from '../../main/services/rows.ts';
import { today } from '../../main/core/thaiDate.ts';
import { planSourceFromStore } from '../../main/services/pdf/source.ts';
import { renderPdf } from '../../main/services/pdf/render.ts';
import { openStore } from '../harness/store.ts';

/**
 * The progress report as `phaen report` makes it from a plan file (the sample plan after adoption with its
 * offices' quarters: test/harness/monitoredPlan.ts), read back with pdf.js and poppler for the PDF and mammoth
 * for the Word file; the figures are checked against hand calculation, the refusals for their messages and
 * for writing nothing.
 */

const tempDir = useTempDir();
const th = translator(RESOURCES, 'th');
const en = translator(RESOURCES, 'en');

requireBuiltCli();

function phaen(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function planFile(options: MonitoredOptions = {}): string {
  const file = join(tempDir(), 'แผน.plan.json');
  writeFileSync(file, monitoredPlanText(options));
  return file;
}

/** `a` comes before `b` in `text`, both present. */
function inOrder(text: string, ...parts: string[]): void {
  const at = parts.map((p) => text.indexOf(comparable(p)));
  for (const [i, p] of parts.entries()) expect(at[i], p).toBeGreaterThanOrEqual(0);
  expect([...at].sort((x, y) => x - y)).toEqual(at);
}

const PLAN_TITLE = 'แผนยุทธศาสตร์การประชาสัมพันธ์กรุงเทพมหานคร';

/** 2.1.1's quarter 2 of 2568 left out, and 2.1.2 (the KPI after it) reporting nothing in 2568. */
const UNREPORTED: MonitoredOptions = {
  unreported: [
    { kpi: 3, year: 2568, quarter: 2 },
    { kpi: 4, year: 2568, quarter: 1 },
    { kpi: 4, year: 2568, quarter: 2 },
  ],
};

/**
 * 2.1.2's row as read back, up to the next table: a KPI with nothing reported has no status, which its status
 * cell says in words. Its standing ("ยังไม่รายงานผลไตรมาส 2") is taken out first, so only the status cell can match.
 */
function statusOfSilentKpi(text: string): string {
  const row = text.slice(text.indexOf(comparable('2.1.2 ')), text.indexOf(comparable('ตารางที่ 5')));
  return row.replaceAll(comparable('ยังไม่รายงานผล'), '');
}

/**
 * The secretariat's database: the monitored plan, 2.1.1's quarter 2 of 2568 not in, and three offices assigned
 * (พระนคร 1.1.1 and project 1.1.1.1, ดุสิต 2.1.1, บางรัก nothing).
 */
async function assignedOffices() {
  const store = await openStore(tempDir());
  const file = parsePlanFile(monitoredPlanText({ unreported: [{ kpi: 3, year: 2568, quarter: 2 }] }));
  const { plan } = importPlanFile(store, file);
  // In the file's order, as monitoredPlanText counts them: 1.1.1 first, 2.1.1 fourth.
  const [kpi111, , , kpi211] = file.rows.filter((r) => r.entity === 'kpi').map((r) => r.id);
  const project = file.rows.find((r) => r.entity === 'project')!.id;
  savePlanExchange(store.db, {
    ...getPlanExchange(store.db, plan.id),
    assignments: [
      { officeCode: '1001', officeName: 'สำนักงานเขตพระนคร', factors: false, kpiIds: [kpi111!], projectIds: [project] },
      { officeCode: '1002', officeName: 'สำนักงานเขตดุสิต', factors: false, kpiIds: [kpi211!], projectIds: [] },
      // Nothing to report: a dash, as for the KPIs assigned to no office.
      { officeCode: '1003', officeName: 'สำนักงานเขตบางรัก', factors: false, kpiIds: [], projectIds: [] },
    ],
  });
  return { store, planId: plan.id };
}

describe('phaen report', () => {
  it('prints the quarter’s report with its figures as calculated by hand, in the plan’s order (pdf.js and poppler)', async () => {
    const out = join(tempDir(), 'รายงาน.pdf');
    const run = phaen('report', planFile(), out, '--year', '2568', '--quarter', '2');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const pdf = new Uint8Array(readFileSync(out));
    const pdfjs = comparable((await extractPages(pdf)).join('\n'));
    // Order as poppler reads the page's lines (-layout). Its default mode orders the text blocks by Breuel's
    // column rules instead, reading a table row by row only where it finds a grid of aligned cell blocks. Our
    // tables defeat that finding: their lines are 1.91 em apart (Word's TH SarabunPSK pitch), over the 1.5 em
    // poppler allows between the lines of one block, so each line of a wrapped cell is a block of its own and
    // a two-line name beside one-line figures makes no grid; and the 8.5 pt between a right-aligned figure and
    // the next cell's text, under the 1 em (9.5 pt) that parts blocks, joins the two into one. So in the project
    // table it reads the figures of the first rows, then the last rows whole, then the first rows' names, though
    // every row is drawn on its own line (pdf.js and -layout read the rows in order).
    const poppler = { text: comparable(popplerText(pdf, 'default')), ordered: comparable(popplerText(pdf, 'layout')) };
    for (const { text, ordered } of [{ text: pdfjs, ordered: pdfjs }, poppler]) {
      expect(text).toContain(comparable(`รายงานผลการดำเนินงานตาม${PLAN_TITLE}`));
      expect(text).toContain(comparable('ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2568'));
      expect(text).toContain(comparable('1 ตุลาคม 2567 ถึง 31 มีนาคม 2568'));
      inOrder(
        ordered,
        th('monitoring.report.part.summary'),
        th('monitoring.report.part.kpis'),
        '1.1.1 ร้อยละของประชาชนที่รับรู้',
        '1.1.2 จำนวนผู้ติดตาม',
        '1.2.1',
        '2.1.1',
        '3.1.2',
        th('monitoring.report.part.projects'),
        '1.1.1.1',
        '3.1.2.1',
        th('monitoring.report.part.problems'),
        NARRATIVE_Q2,
        NOTE_Q2,
      );
      // 1.1.2: target 3,400,000 คน, a count at the quarter's end, so the whole target is expected from quarter 1;
      // 3,264,000 at the end of quarter 2: 96.0 %, level 4 of the plan's thresholds, amber, in words; the office
      // reported it delayed.
      expect(text).toContain(comparable('3,400,000 คน3,400,000 คน3,264,000 คน96.0ต่ำกว่าเป้าหมายล่าช้า'));
      // 1.1.1 is a rate: 83 against the year's 87 from the first quarter on.
      expect(text).toContain(comparable('ร้อยละ 87ร้อยละ 87ร้อยละ 8395.4'));
      // Project 1.1.1.1: 2,700,000 planned, 1,350,000 allocated, 337,500 disbursed in each of two quarters.
      expect(text).toContain(comparable('2,700,0001,350,000675,00025.040.0ล่าช้า'));
      // The whole plan: 6,650,000 planned in 2568.
      expect(text).toContain(comparable('6,650,000'));
    }
  });

  it('says a KPI’s quarter was not reported instead of judging its earlier quarter, and a KPI with nothing reported “not reported” in its status (pdf.js and poppler)', async () => {
    const out = join(tempDir(), 'รายงาน.pdf');
    expect(phaen('report', planFile(UNREPORTED), out, '--year', '2568', '--quarter', '2').code).toBe(0);
    const pdf = new Uint8Array(readFileSync(out));
    for (const text of [comparable((await extractPages(pdf)).join('\n')), comparable(popplerText(pdf, 'default'))]) {
      // 2.1.1, a running total: 1,500 คน for 2568, 750 expected by quarter 2 (not quarter 1's 375); only quarter
      // 1's 150 came in, named as quarter 1's, with no share and no light but "quarter 2 not reported" (the
      // cells wrap line by line, so their parts are asked apart).
      for (const part of ['1,500 คน', '750 คน', '150 คน', '(ไตรมาส 1)', 'ยังไม่รายงานผล'])
        expect(text).toContain(comparable(part));
      expect(text).not.toContain(comparable('375 คน'));
      expect(statusOfSilentKpi(text)).toContain(comparable(th('monitoring.report.statusUnreported')));
    }
  });

  it('makes the annual report of the whole fiscal year, judged at quarter 4 by hand calculation, in Thai digits when asked', async () => {
    const out = join(tempDir(), 'รายงานประจำปี.pdf');
    expect(phaen('report', planFile(), out, '--year', '2567', '--thai-digits').code).toBe(0);
    const text = comparable((await extractPages(new Uint8Array(readFileSync(out)))).join('\n'));
    expect(text).toContain(comparable('ประจำปีงบประมาณ พ.ศ. ๒๕๖๗'));
    expect(text).toContain(comparable(th('monitoring.report.noProblems')));
    expect(text).not.toContain(comparable('2567'));
    // The year judged at quarter 4: 1.1.2 (3,200,000 คน in 2567, a count at the quarter's end) at its count at
    // the end of quarter 4, 3,136,000, not the sum of the quarters: 98.0 %, amber; 1.1.1 (ร้อยละ 86, a rate) at
    // 102 % of it, ร้อยละ 88: 102.3 %.
    for (const part of ['๓,๒๐๐,๐๐๐', '๓,๑๓๖,๐๐๐', '๙๘.๐ต่ำกว่าเป้าหมายล่าช้า', 'ร้อยละ ๘๘๑๐๒.๓'])
      expect(text).toContain(comparable(part));
  });

  it('draws the charts of a Thai-digit report in Thai digits, their legends whole and clear of each other (pdf.js and poppler)', async () => {
    const out = join(tempDir(), 'รายงานเลขไทย.pdf');
    expect(phaen('report', planFile(), out, '--year', '2568', '--quarter', '2', '--thai-digits').code).toBe(0);
    const pdf = new Uint8Array(readFileSync(out));
    for (const text of [(await extractPages(pdf)).join('\n'), popplerText(pdf, 'default')]) {
      // The quarters under both charts, the scale's figures and the legend's issue numbers.
      for (const drawn of ['ไตรมาส ๒/๖๘', 'ไตรมาส ๔/๖๗', '๑๐๐%', '๕๐%', '๐%', '๒ การมีส่วนร่วมของประชาชน']) {
        expect(comparable(text)).toContain(comparable(drawn));
      }
      expect(text.match(/[0-9]+/g), 'Arabic digits in a Thai-digit report').toBeNull();
    }
    // The achievement chart's legend names the issues in full (never shortened with "…"), no entry over
    // another or over the chart, none cut at the margin.
    const boxes = await pdfjsBoxes(pdf);
    expect(overprinted(boxes)).toEqual([]);
    expect(overprinted(popplerBoxes(pdf))).toEqual([]);
    expect(pastMargin(boxes, PAGE_MARGINS[2])).toEqual([]);
    expect(boxes.filter((b) => b.text.includes('…'))).toEqual([]);
  });

  it('writes the same report as a Word file, by the output’s extension, a KPI with nothing reported “not reported” in its status (mammoth)', async () => {
    const out = join(tempDir(), 'รายงาน.docx');
    const run = phaen('report', planFile(UNREPORTED), out, '--year', '2568', '--quarter', '2');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { value: html } = await mammoth.convertToHtml({ path: out });
    const text = comparable(html.replace(/<[^>]+>/g, ' '));
    inOrder(
      text,
      'ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2568',
      th('monitoring.report.part.summary'),
      '1.1.2 จำนวนผู้ติดตาม',
      '3,264,000',
      '96.0',
      th('monitoring.report.part.problems'),
      NARRATIVE_Q2,
    );
    expect(statusOfSilentKpi(text)).toContain(comparable(th('monitoring.report.statusUnreported')));
  });

  it('sums per reporting office as the secretariat assigned them, with whether each office’s quarter arrived (the app’s database; pdf.js and poppler)', async () => {
    const { store, planId: id } = await assignedOffices();
    try {
      for (const thaiDigits of [false, true]) {
        const { doc, numbering } = buildDocument('report', {
          source: planSourceFromStore(store, RESOURCES, id),
          options: {
            language: 'th',
            thaiDigits,
            chapters: [],
            date: '2025-05-01',
            period: { year: 2568, quarter: 2 },
          },
          t: th,
        });
        const pdf = await renderPdf(doc, { numbering });
        const digits = (s: string) => (thaiDigits ? thaiDigitsInText(s) : s);
        const layout = comparable(popplerText(pdf, 'layout'));
        for (const text of [
          comparable((await extractPages(pdf)).join('\n')),
          comparable(popplerText(pdf, 'default')),
        ]) {
          expect(text).toContain(comparable(th('monitoring.report.officeCaption', { quarter: digits('ไตรมาส 2') })));
          // พระนคร: 1.1.1 (83 of the 87 expected, 95.4 %) and project 1.1.1.1 (675,000 of 2,700,000, 25.0 %), both in.
          for (const part of ['สำนักงานเขตพระนคร', '95.4', '2,700,000', '675,000', '25.0', 'ส่งครบแล้ว (2/2)'])
            expect(text).toContain(comparable(digits(part)));
          // ดุสิต: 2.1.1 missing quarter 2, due 15 April 2025: late on the day of the report.
          for (const part of ['สำนักงานเขตดุสิต', 'ล่าช้า (0/1)', th('monitoring.dashboard.noOffice')])
            expect(text).toContain(comparable(digits(part)));
          expect(text).toContain(comparable(digits('สำนักงานเขตบางรัก 0 – 0 0 – –')));
        }
        // Row by row as laid out: each office's name, count and figures on its line.
        for (const line of ['สำนักงานเขตพระนคร 1 95.4 2,700,000 675,000 25.0 ส่งครบแล้ว', 'สำนักงานเขตดุสิต 1 – 0 0 – ล่าช้า'])
          expect(layout).toContain(comparable(digits(line)));
        // Each arrival on one line, level with its office's name, not its count wrapped below the state.
        for (const boxes of [await pdfjsBoxes(pdf), popplerBoxes(pdf)]) {
          for (const [office, count] of [
            ['สำนักงานเขตพระนคร', '(2/2)'],
            ['สำนักงานเขตดุสิต', '(0/1)'],
          ] as const) {
            const arrival = boxes.find((b) => b.text.includes(digits(count)));
            expect(arrival, count).toBeDefined();
            const level = boxes.filter((b) => b.page === arrival!.page && Math.abs(b.y1 - arrival!.y1) < 2);
            expect(level.map((b) => b.text).join(' '), count).toContain(office);
          }
        }
      }
    } finally {
      store.close();
    }
  });

  it('prints from the plan file the app exports the same report as the app, its table per reporting office included (pdf.js and poppler)', async () => {
    const { store, planId } = await assignedOffices();
    try {
      // As the app's "export as JSON" writes it (services/handlers.ts plans.exportJson).
      const input = join(tempDir(), 'ส่งออก.plan.json');
      const assignments = getPlanExchange(store.db, planId).assignments;
      writeFileSync(
        input,
        serialisePlanFile(exportPlanFile(getPlan(store, planId), listRows(store, planId), assignments)),
      );
      const out = join(tempDir(), 'รายงาน.pdf');
      const run = phaen('report', input, out, '--year', '2568', '--quarter', '2');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const cli = new Uint8Array(readFileSync(out));
      // The app's report of the same plan on the same day (the arrivals are judged against the day).
      const { doc, numbering } = buildDocument('report', {
        source: planSourceFromStore(store, RESOURCES, planId),
        options: { language: 'th', thaiDigits: false, chapters: [], date: today(), period: { year: 2568, quarter: 2 } },
        t: th,
      });
      const app = await renderPdf(doc, { numbering });
      expect((await extractPages(cli)).join('\n')).toBe((await extractPages(app)).join('\n'));
      expect(popplerText(cli, 'default')).toBe(popplerText(app, 'default'));
      const text = comparable(popplerText(cli, 'layout'));
      expect(text).toContain(comparable(th('monitoring.report.officeCaption', { quarter: 'ไตรมาส 2' })));
      for (const line of ['สำนักงานเขตพระนคร 1 95.4 2,700,000 675,000 25.0 ส่งครบแล้ว', 'สำนักงานเขตดุสิต 1 – 0 0 – ล่าช้า'])
        expect(text).toContain(comparable(line));
    } finally {
      store.close();
    }
  });

  it('refuses a plan not adopted, a year outside the plan and a quarter other than 1–4, writing nothing', () => {
    const out = join(tempDir(), 'ไม่มี.pdf');
    const cases: [string[], number, string, Record<string, unknown>?][] = [
      [[planFile({ adopted: false }), out, '--year', '2568'], 1, 'monitoring.report.notAdopted'],
      [[planFile(), out, '--year', '2572'], 1, 'monitoring.report.yearOutside', { year: 2572, start: 2566, end: 2570 }],
      [[planFile(), out, '--year', '2568', '--quarter', '5'], 2, 'monitoring.report.cli.badQuarter'],
      [[planFile(), out], 2, 'monitoring.report.cli.badYear'],
      [[planFile(), join(tempDir(), 'x.txt'), '--year', '2568'], 2, 'monitoring.report.cli.badFormat'],
    ];
    for (const [args, code, key, values] of cases) {
      const run = phaen('report', ...args);
      expect(run.code, key).toBe(code);
      expect(run.stderr).toContain(th(key, values));
      expect(run.stderr).toContain(en(key, values));
      expect(existsSync(out)).toBe(false);
    }
  });
});
