import type { Content, ContentCanvas, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatThaiDate, THAI_MONTHS } from '../thaiDate.ts';
import { formatPeriod, gregorianToBe } from '../years.ts';
import { CONTENT_WIDTH, paragraphs, paragraph } from './blocks.ts';
import { alignmentChapter } from './chapters/alignment.ts';
import { annexesChapter } from './chapters/annexes.ts';
import { evaluationChapter } from './chapters/evaluation.ts';
import { introChapter } from './chapters/intro.ts';
import { monitoringChapter } from './chapters/monitoring.ts';
import { planChapter } from './chapters/plan.ts';
import { situationChapter } from './chapters/situation.ts';
import { withThaiDigits } from './digits.ts';
import { documentInfo } from './info.ts';
import { CHAPTERS, type ChapterId } from './options.ts';
import { hasContent, layOutChapter, type Chapter, type Labels, type TocEntry } from './outline.ts';
import { pageSetup } from './page.ts';
import { planView, type BuildInput, type Ctx } from './source.ts';

/**
 * The full plan as Thai agencies print it: cover, foreword, table of contents, then chapters 1–6 and the
 * annexes in that order. A chapter is printed when it was chosen and its data is not empty; chapters are
 * numbered by their place among those printed.
 */

const BUILDERS: Record<ChapterId, (ctx: Ctx) => Chapter | null> = {
  intro: introChapter,
  evaluation: evaluationChapter,
  situation: situationChapter,
  plan: planChapter,
  alignment: alignmentChapter,
  monitoring: monitoringChapter,
  annexes: annexesChapter,
};

/** The chapters that have something to print, in order (the export panel offers only these). */
export function chaptersWithContent(input: BuildInput): ChapterId[] {
  const ctx: Ctx = { t: input.t, view: planView(input.source), options: input.options, outline: true };
  return CHAPTERS.filter((id) => hasContent(BUILDERS[id](ctx)));
}

/** The cover is page 0: the foreword is printed as page 1 and the cover carries no header or footer. */
export const PLAN_FIRST_NUMBERED_PAGE = 2;

export function buildPlanDocument({ source, options, t }: BuildInput): TDocumentDefinitions {
  const view = planView(source);
  const ctx: Ctx = { t, view, options };
  const chosen = new Set(options.chapters);
  const chapters = CHAPTERS.filter((id) => chosen.has(id))
    .map((id) => BUILDERS[id](ctx))
    .filter(hasContent);
  const labels: Labels = {
    chapter: (n) => t('pdf.doc.chapterN', { n }),
    annexes: t('pdf.doc.chapter.annexes'),
    annex: (letter) => t('pdf.doc.annexN', { letter }),
  };
  const body: Content[] = [];
  const toc: TocEntry[] = [];
  let n = 0;
  for (const chapter of chapters) {
    if (chapter.id !== 'annexes') n += 1;
    const laid = layOutChapter(chapter, n, labels);
    body.push(...laid.content);
    toc.push(...laid.toc);
  }
  const doc: TDocumentDefinitions = {
    ...pageSetup(view.plan.title),
    ...documentInfo({
      title: view.plan.title,
      subject: t('pdf.doc.subject'),
      plan: view.plan,
      language: options.language,
      t,
    }),
    content: [...cover(ctx), ...foreword(ctx), ...contents(t, toc), ...body],
  };
  return options.thaiDigits ? withThaiDigits(doc) : doc;
}

/** The period in brackets ("(พ.ศ. 2566–2570)") on a line of its own, as covers set it, not broken inside. */
function coverTitle(title: string): string {
  return title.replace(/\s*(\((?:พ\.ศ\.|B\.E\.)[^)]*\))/, '\n$1');
}

/** The title already carries the period in most plans ("… ระยะ 5 ปี (พ.ศ. 2566–2570)"): do not print it twice. */
function titleHasPeriod(title: string, start: number, end: number): boolean {
  return title.includes(String(start)) && title.includes(String(end));
}

function cover({ t, view, options }: Ctx): Content[] {
  const { plan } = view;
  const rule = (width: number): ContentCanvas => ({
    canvas: [
      {
        type: 'line',
        x1: (CONTENT_WIDTH - width) / 2,
        y1: 0,
        x2: (CONTENT_WIDTH + width) / 2,
        y2: 0,
        lineWidth: 1.2,
        lineColor: '#1f4e8c',
      },
    ],
    margin: [0, 14, 0, 14],
  });
  return [
    { ...rule(260), margin: [0, 190, 0, 18] },
    {
      text: coverTitle(plan.title),
      fontSize: 28,
      bold: true,
      alignment: 'center',
      lineHeight: 1.1,
      margin: [0, 0, 0, 8],
    },
    ...(titleHasPeriod(plan.title, plan.startYear, plan.endYear)
      ? []
      : [
          {
            text: t('pdf.doc.cover.period', { period: formatPeriod(plan.startYear, plan.endYear) }),
            fontSize: 24,
            bold: true,
            alignment: 'center' as const,
          },
        ]),
    rule(260),
    {
      stack: [
        { text: plan.organisation, fontSize: 20, bold: true },
        { text: t('pdf.doc.cover.date', { date: formatThaiDate(options.date) }), fontSize: 18, margin: [0, 6, 0, 0] },
      ],
      alignment: 'center',
      margin: [0, 200, 0, 0],
    },
  ];
}

/** "กันยายน 2564": the month and year a foreword is signed with. */
function monthYear(iso: string): string {
  const [year, month] = iso.split('-').map(Number);
  return `${THAI_MONTHS[(month ?? 1) - 1]} ${gregorianToBe(year ?? 0)}`;
}

function foreword({ t, view, options }: Ctx): Content[] {
  const { plan } = view;
  const written = view.single('document').foreword;
  const text = written.trim()
    ? paragraphs(written)
    : [
        paragraph(
          t('pdf.doc.foreword.default', {
            title: plan.title,
            organisation: plan.organisation,
            period: formatPeriod(plan.startYear, plan.endYear),
          }),
        ),
      ];
  return [
    { text: t('pdf.doc.foreword.title'), style: 'chapterTitle', pageBreak: 'before' },
    ...text,
    {
      stack: [plan.organisation, options.language === 'th' ? monthYear(options.date) : formatThaiDate(options.date)],
      alignment: 'right',
      margin: [0, 24, 0, 0],
    },
  ];
}

/**
 * The table of contents: chapter lines bold, sections indented with their titles hanging after the number,
 * page numbers at the right (pdfmake pageReference; the engine prints them in the document's digits).
 */
function contents(t: Ctx['t'], entries: readonly TocEntry[]): Content[] {
  const top = (entry: TocEntry): [number, number, number, number] => [0, entry.level === 0 ? 6 : 0, 0, 0];
  const line = (entry: TocEntry): Content => ({
    columns: [
      ...(entry.level === 0
        ? [
            {
              width: '*',
              text: `${entry.number} ${entry.title}`.trim(),
              bold: true,
              linkToDestination: entry.id,
              margin: top(entry),
            },
          ]
        : [
            { width: 24, text: '' },
            { width: entry.number.length > 5 ? 'auto' : 36, text: entry.number, linkToDestination: entry.id },
            { width: '*', text: entry.title, linkToDestination: entry.id },
          ]),
      {
        // Wide enough for "00000", which pdfmake lays out before it knows the page number.
        width: 52,
        pageReference: entry.id,
        alignment: 'right',
        bold: entry.level === 0,
        margin: top(entry),
      },
    ],
    columnGap: 4,
  });
  return [
    { text: t('pdf.doc.toc.title'), style: 'chapterTitle', pageBreak: 'before' },
    { text: t('pdf.doc.toc.page'), alignment: 'right', bold: true },
    ...entries.map(line),
  ];
}
