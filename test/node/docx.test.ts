import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Heading } from '../../main/core/doc/model.ts';
import { buildModel } from '../../main/core/pdf/index.ts';
import { CHAPTERS, type PdfKind } from '../../main/core/pdf/options.ts';
import { thaiDigitsInText } from '../../main/core/pdf/digits.ts';
import { joinEraYears } from '../../main/core/pdf/text.ts';
import { dispatch, type Output } from '../../main/core/contract.ts';
import type { AppErrorShape } from '../../main/core/errors.ts';
import { safeFileName } from '../../main/services/files.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { translator } from '../../main/services/locales.ts';
import { Session, type FileDialogs } from '../../main/services/session.ts';
import { installThaiLexicon } from '../../main/services/thaiLexicon.ts';
import { RESOURCES, SAMPLE_FILE, sampleSource } from '../harness/pdfPlan.ts';
import { sha256 } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';
import { BIN, requireBuiltCli } from '../harness/cli.ts';

/**
 * The plan as a Word file, made by the built command line as a user would (`phaen docx`), read back by
 * readers that share nothing with the writer: mammoth for the text and the headings Word shows, the raw
 * OOXML (unzipped) for styles, fields, sections, header and footer; and, where LibreOffice is installed,
 * converted to PDF and read as pages. The expected headings come from the same document model the PDF
 * prints, so Word and PDF cannot drift apart.
 */

const tempDir = useTempDir();
const th = translator(RESOURCES, 'th');
const en = translator(RESOURCES, 'en');

requireBuiltCli();
beforeAll(() => {
  installThaiLexicon(RESOURCES);
});

function phaen(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The full plan (or a handout) as `phaen docx` writes it. */
function docx(...flags: string[]): string {
  const out = join(tempDir(), 'แผน.docx');
  const run = phaen('docx', SAMPLE_FILE, out, ...flags);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return out;
}

/** The parts of the .docx package, as text. */
function parts(file: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [name, name.endsWith('.xml') ? strFromU8(bytes) : '']),
  );
}

/** Every heading of the document model, as the document prints it (era years joined, as in the PDF). */
function modelHeadings(kind: PdfKind, thaiDigits: boolean): Heading[] {
  const options = { language: 'th' as const, thaiDigits, chapters: CHAPTERS, date: '2026-12-07', captionLists: true };
  const model = buildModel(kind, { source: sampleSource(), options, t: th });
  return model.content.filter((b): b is Heading => typeof b === 'object' && 'kind' in b && b.kind === 'heading');
}

const plainText = (html: string) =>
  html
    .replace(/<br \/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const tagged = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'g'))].map((m) => plainText(m[1]!));
const spaced = (text: string) => joinEraYears(text).replace(/\s+/g, ' ').trim();

describe('phaen docx, the full plan', () => {
  let file: string;
  let xml: Record<string, string>;
  beforeAll(() => {
    file = docx('--lists');
    xml = parts(file);
  }, 120_000);

  it('has the PDF’s chapters and numbered sections as Word headings, in the same order (mammoth)', async () => {
    const { value: html } = await mammoth.convertToHtml({ path: file });
    const headings = modelHeadings('plan', false);
    const chapters = headings.filter((h) => h.level === 1).map((h) => spaced(`${h.number} ${h.title}`));
    const sections = headings.filter((h) => h.level === 2).map((h) => spaced(`${h.number} ${h.title}`));
    const h1 = tagged(html, 'h1');
    // The foreword and the lists of tables and figures are unnumbered chapter-level headings before them.
    expect(h1.slice(0, 3)).toEqual([
      th('pdf.doc.foreword.title'),
      th('pdf.doc.captions.tables'),
      th('pdf.doc.captions.figures'),
    ]);
    expect(h1.slice(3)).toEqual(chapters);
    expect(tagged(html, 'h2')).toEqual(sections);
    expect(sections).toContain(spaced(`1.1 ${th('pdf.doc.intro.background')}`));
    const text = plainText(html);
    expect(text).toContain('ตารางที่ 1 ');
    expect(text).toContain('แผนภาพที่ 1 ');
    expect(text).toContain(th('pdf.doc.plan.total'));
  });

  it('sets TH SarabunPSK and Thai for complex script, 16 pt body, Thai-distributed Body Text and caption styles', () => {
    const styles = xml['word/styles.xml']!;
    expect(styles).toMatch(/<w:rFonts [^>]*w:cs="TH SarabunPSK"/);
    expect(styles).toMatch(/<w:rFonts [^>]*w:ascii="TH SarabunPSK"/);
    expect(styles).toMatch(/<w:szCs w:val="32"\/>/);
    expect(styles).toMatch(/<w:lang [^>]*w:bidi="th-TH"/);
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'BodyText', 'Caption']) {
      expect(styles, id).toContain(`w:styleId="${id}"`);
    }
    const body = /<w:style [^>]*w:styleId="BodyText">.*?<\/w:style>/s.exec(styles)![0];
    expect(body).toContain('<w:jc w:val="thaiDistribute"/>');
    const document = xml['word/document.xml']!;
    expect(document).toContain('<w:pStyle w:val="BodyText"/>');
    expect(document).toContain('<w:pStyle w:val="Caption"/>');
    // No drawn text: no text boxes, nothing positioned on the page.
    expect(document).not.toMatch(/<w:txbxContent|<wp:anchor|<w:framePr/);
  });

  it('has a contents field Word updates, with the entries already in it, and lists of tables and figures whose pages are fields', () => {
    const document = xml['word/document.xml']!;
    const field = /<w:instrText[^>]*>(TOC [^<]*)<\/w:instrText>/.exec(document)![1]!;
    expect(field).toContain('\\o &quot;1-2&quot;');
    expect(field).toContain('\\h');
    expect(xml['word/settings.xml']).toMatch(/<w:updateFields( w:val="true")?\/>/);
    const start = document.indexOf(field);
    const toc = document.slice(start, document.indexOf('fldCharType="end"', start));
    expect(toc).toContain(th('pdf.doc.chapterN', { n: 1 }));
    expect(document).toMatch(/PAGEREF _table_1/);
    expect(document).toMatch(/<w:bookmarkStart w:name="_table_1"/);
  });

  it('is A4 with 3 cm left and 2 cm right, an unnumbered cover, front matter ก ข ค and the body from 1, and landscape budget tables', () => {
    const document = xml['word/document.xml']!;
    const sections = [...document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    expect(sections.length).toBeGreaterThanOrEqual(4);
    for (const s of sections) {
      expect(s).toMatch(/<w:pgSz w:w="11906" w:h="16838"|<w:pgSz w:w="16838" w:h="11906"/);
      expect(s).toMatch(/w:right="1134"[^>]*w:left="1701"/);
    }
    expect(sections[0]).not.toContain('w:fmt=');
    expect(sections[1]).toMatch(/<w:pgNumType w:start="1" w:fmt="thaiLetters"\/>/);
    expect(sections[2]).toMatch(/<w:pgNumType w:start="1" w:fmt="decimal"\/>/);
    // Later sections continue the numbers: no second start.
    for (const s of sections.slice(3)) expect(s).not.toContain('w:start=');
    expect(sections.some((s) => s.includes('w:orient="landscape"'))).toBe(true);
  });

  it('has the running head in the header and the page number as a field in the footer', () => {
    const plan = JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as { plan: { title: string } };
    const headers = Object.keys(xml).filter((n) => /^word\/header\d+\.xml$/.test(n));
    const footers = Object.keys(xml).filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(headers.some((n) => plainText(xml[n]!).includes(spaced(plan.plan.title)))).toBe(true);
    expect(footers.some((n) => /<w:instrText[^>]*>\s*PAGE\s*</.test(xml[n]!))).toBe(true);
  });

  it('repeats every table’s head rows, never splits a row and right-aligns figures', () => {
    const document = xml['word/document.xml']!;
    const tables = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
    const data = tables.filter((t) => t.includes('<w:tblHeader/>'));
    expect(data.length).toBeGreaterThan(10);
    for (const t of data) expect(/<w:tr>.*?<\/w:tr>/s.exec(t)![0]).toContain('<w:tblHeader/>');
    const budget = data.find((t) => plainText(t).includes(th('pdf.doc.plan.budgetYears')))!;
    expect(budget).toContain('<w:cantSplit/>');
    expect(budget).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>[0-9,]+</);
  });

  it('draws charts and the strategy map as SVG pictures with a PNG beside each', () => {
    const media = Object.keys(xml).filter((n) => n.startsWith('word/media/'));
    expect(media.filter((n) => n.endsWith('.svg')).length).toBeGreaterThanOrEqual(3);
    expect(media.filter((n) => n.endsWith('.png')).length).toBe(media.filter((n) => n.endsWith('.svg')).length);
    expect(xml['word/document.xml']).toContain('asvg:svgBlip');
  });
});

describe('phaen docx --thai-digits', () => {
  it('writes numbers, B.E. years, headings and page numbers in Thai digits', async () => {
    const file = docx('--thai-digits');
    const { value: html } = await mammoth.convertToHtml({ path: file });
    const sections = modelHeadings('plan', true).filter((h) => h.level === 2);
    const h2 = tagged(html, 'h2');
    expect(h2).toHaveLength(sections.length);
    sections.forEach((h, k) => expect(h2[k]!.startsWith(thaiDigitsInText(h.number))).toBe(true));
    expect(h2[0]!.startsWith('๑.๑ ')).toBe(true);
    const text = plainText(html);
    expect(text).toContain('๒๕๖๖');
    expect(text).not.toContain('2566');
    const xml = parts(file);
    expect(xml['word/document.xml']).toMatch(/<w:pgNumType w:start="1" w:fmt="thaiNumbers"\/>/);
    expect(xml['word/numbering.xml']).toContain('<w:numFmt w:val="thaiNumbers"/>');
  });
});

describe('phaen docx, the handouts and bad input', () => {
  it('writes the one-page summary and the strategy map handouts', async () => {
    const summary = (await mammoth.extractRawText({ path: docx('--handout', 'summary') })).value;
    expect(summary).toContain(th('pdf.summary.heading'));
    expect(summary).toContain(th('pdf.doc.plan.vision'));
    const map = parts(docx('--handout', 'map'));
    expect(Object.keys(map).filter((n) => n.endsWith('.svg'))).toHaveLength(2);
    expect(map['word/document.xml']).toContain('w:orient="landscape"');
  });

  it('refuses a file that is not a plan, in Thai and English, and leaves an existing file as it was', () => {
    const dir = tempDir();
    const input = join(dir, 'broken.json');
    writeFileSync(input, '{"format": "phaen.plan", "version": 1, "plan": ');
    const out = join(dir, 'out.docx');
    const run = phaen('docx', input, out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(th('docx.cli.invalidPlan', { file: input }));
    expect(run.stderr).toContain(en('docx.cli.invalidPlan', { file: input }));
    expect(readdirSync(dir)).toEqual(['broken.json']);
    writeFileSync(out, 'earlier');
    const before = sha256(out);
    expect(phaen('docx', input, out).code).toBe(1);
    expect(sha256(out)).toBe(before);
    expect(phaen('docx', SAMPLE_FILE).stderr).toContain(th('docx.cli.usage'));
  });
});

describe('the export channels, format docx', () => {
  it('save a Word file where the dialog says, through the PDF export’s job, and hand one back for download without a dialog', async () => {
    const dir = tempDir();
    const asked: string[] = [];
    const dialogs: FileDialogs = {
      saveFile: async (name, kind) => (asked.push(`${kind}:${name}`), join(dir, 'chosen.docx')),
      openFile: async () => null,
      openFolder: async () => null,
    };
    for (const withDialog of [true, false]) {
      const session = await Session.start({ dataDir: tempDir(), backupIntervalMs: 0 });
      const handlers = createHandlers({
        session,
        dialogs: withDialog ? dialogs : null,
        resourcesDir: RESOURCES,
        version: 'test',
      });
      const call = async <T>(channel: string, payload: unknown = {}) =>
        (await dispatch(handlers, channel, payload)) as { ok: true; data: T } | { ok: false; error: AppErrorShape };
      const sample = await call<Output<'plans.openSample'>>('plans.openSample');
      if (!sample.ok) throw new Error(sample.error.detail);
      const input = { planId: sample.data.id, kind: 'summary', thaiDigits: true, chapters: [], format: 'docx' };
      const started = await call<Output<'pdf.start'>>('pdf.start', input);
      if (!started.ok || started.data.status !== 'started') throw new Error('expected a job');
      let done: Output<'pdf.progress'>;
      for (;;) {
        const progress = await call<Output<'pdf.progress'>>('pdf.progress', { jobId: started.data.jobId });
        if (!progress.ok) throw new Error(progress.error.detail);
        if (progress.data.state !== 'running') {
          done = progress.data;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      session.close();
      const bytes =
        done.result?.status === 'download'
          ? Buffer.from(done.result.base64, 'base64')
          : done.result?.status === 'saved'
            ? readFileSync(done.result.fileName)
            : null;
      if (!bytes) throw new Error(`expected a file, got ${JSON.stringify(done)}`);
      if (done.result?.status === 'download') expect(done.result.fileName).toMatch(/\.docx$/);
      const file = join(tempDir(), 'back.docx');
      writeFileSync(file, bytes);
      expect((await mammoth.extractRawText({ path: file })).value).toContain('๒๕๖๖');
    }
    expect(asked).toEqual([`docx:${safeFileName(sampleSource().plan.title, 120)}${th('pdf.fileSuffix.summary')}.docx`]);
    expect(readdirSync(dir)).toEqual(['chosen.docx']);
  }, 120_000);
});

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find(existsSync);

/** The .docx as LibreOffice lays it out, as a PDF (a profile of its own: no clash with a running LibreOffice). */
function converted(file: string): Buffer {
  const dir = tempDir();
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'ignore', timeout: 180_000 },
  );
  return readFileSync(join(dir, 'แผน.pdf'));
}

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
const pdfPages = (pdf: Buffer) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))![1]);

describe.skipIf(!soffice)('the .docx opened in LibreOffice', () => {
  it('lays out the full plan in Thai: every chapter, a sensible page count, only embedded Thai fonts', () => {
    const pdf = converted(docx());
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const h of modelHeadings('plan', false).filter((x) => x.level === 1))
      expect(text).toContain(h.title || h.number);
    // The PDF export of the same plan has 29 pages; Word's line pitch and table rows take more, not several times more.
    expect(pdfPages(pdf)).toBeGreaterThan(25);
    expect(pdfPages(pdf)).toBeLessThan(70);
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    // No glyph left to a fallback font: every font is the one TH SarabunPSK resolves to here, embedded.
    const family = execFileSync('fc-match', ['-f', '%{family}', 'TH SarabunPSK'], { encoding: 'utf8' }).split(',')[0]!;
    for (const line of fonts) {
      expect(line).toContain(family);
      expect(line).toMatch(/ yes (yes|no) (yes|no) /);
    }
  }, 240_000);

  it('keeps the summary handout on one page, as the PDF does, in the Sarabun the file embeds', () => {
    for (const digits of [[], ['--thai-digits']]) {
      const pdf = converted(docx('--handout', 'summary', ...digits));
      expect(pdfPages(pdf)).toBe(1);
      const text = pdfText(pdf).replace(/\s+/g, '');
      expect(text).toContain(th('pdf.summary.heading').replace(/\s+/g, ''));
      const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' }).split('\n').slice(2);
      // Not the system's substitute for TH SarabunPSK: the four faces in the .docx, embedded again in the PDF.
      for (const line of fonts.filter(Boolean))
        expect(line).toMatch(/\+Sarabun-(Regular|Bold) .* yes (yes|no) (yes|no) /);
    }
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync(docx('--handout', 'summary')))));
    expect(names.filter((n) => n.startsWith('word/fonts/'))).toHaveLength(4);
  }, 240_000);

  it('keeps the strategy map handout on two landscape pages', () => {
    const pdf = converted(docx('--handout', 'map'));
    expect(pdfPages(pdf)).toBe(2);
    expect(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' })).toMatch(
      /Page size:\s+841\.\d+ x 595\.\d+/,
    );
  }, 240_000);
});
