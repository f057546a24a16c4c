import type { Block, CaptionList, DocModel } from '../doc/model.ts';
import { formatThaiDate, THAI_MONTHS } from '../thaiDate.ts';
import { formatPeriod, gregorianToBe } from '../years.ts';
import { PAGE_MARGINS, paragraphs, paragraph } from './blocks.ts';
import { type NumberedCaption, numberCaptions } from './captions.ts';
import { alignmentChapter } from './chapters/alignment.ts';
import { annexesChapter } from './chapters/annexes.ts';
import { evaluationChapter } from './chapters/evaluation.ts';
import { introChapter } from './chapters/intro.ts';
import { monitoringChapter } from './chapters/monitoring.ts';
import { planChapter } from './chapters/plan.ts';
import { situationChapter } from './chapters/situation.ts';
import { documentInfo } from './info.ts';
import { CHAPTERS, type ChapterId } from './options.ts';
import { hasContent, layOutChapter, type Chapter, type Labels, type TocEntry } from './outline.ts';
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

/**
 * The full plan and how its pages are numbered: the cover unnumbered, the front matter (foreword, contents,
 * the lists of tables and figures when asked for) lettered ก ข ค, the body from 1 at the first chapter.
 */
export function buildPlanDocument({ source, options, t }: BuildInput): DocModel {
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
  const laidOut: Block[] = [];
  const toc: TocEntry[] = [];
  let n = 0;
  for (const chapter of chapters) {
    if (chapter.id !== 'annexes') n += 1;
    const laid = layOutChapter(chapter, n, labels);
    laidOut.push(...laid.content);
    toc.push(...laid.toc);
  }
  const { content: body, captions } = numberCaptions(laidOut, t);
  const lists = options.captionLists ? captionLists(t, captions) : [];
  const front: TocEntry[] = [
    { level: 0, number: '', title: t('pdf.doc.foreword.title'), id: FOREWORD_ID },
    ...lists.map((list) => ({ level: 0 as const, number: '', title: list.title, id: list.id })),
  ];
  return {
    ...documentInfo({
      title: view.plan.title,
      subject: t('pdf.doc.subject'),
      plan: view.plan,
      language: options.language,
      t,
    }),
    orientation: 'portrait',
    margins: PAGE_MARGINS,
    setting: 'plan',
    runningHead: view.plan.title,
    numbering: {
      digits: options.thaiDigits ? 'thai' : 'arabic',
      // The cover is the first page: numbers start on the second.
      firstPage: 2,
      ...(toc[0] ? { bodyStart: toc[0].id } : {}),
      frontMatter: options.language === 'th' ? 'thai' : 'roman',
      unnumberedLabel: t('pdf.doc.cover.pageLabel'),
    },
    thaiDigits: options.thaiDigits,
    content: [
      cover(ctx),
      ...foreword(ctx),
      { kind: 'contents', title: t('pdf.doc.toc.title'), pageHead: t('pdf.doc.toc.page'), entries: [...front, ...toc] },
      ...lists,
      ...body,
    ],
  };
}

/** The title already carries the period in most plans ("… ระยะ 5 ปี (พ.ศ. 2566–2570)"): do not print it twice. */
function titleHasPeriod(title: string, start: number, end: number): boolean {
  return title.includes(String(start)) && title.includes(String(end));
}

function cover({ t, view, options }: Ctx): Block {
  const { plan } = view;
  return {
    kind: 'cover',
    title: plan.title,
    ...(titleHasPeriod(plan.title, plan.startYear, plan.endYear)
      ? {}
      : { period: t('pdf.doc.cover.period', { period: formatPeriod(plan.startYear, plan.endYear) }) }),
    organisation: plan.organisation,
    date: t('pdf.doc.cover.date', { date: formatThaiDate(options.date) }),
  };
}

/** "กันยายน 2564": the month and year a foreword is signed with. */
function monthYear(iso: string): string {
  const [year, month] = iso.split('-').map(Number);
  return `${THAI_MONTHS[(month ?? 1) - 1]} ${gregorianToBe(year ?? 0)}`;
}

function foreword({ t, view, options }: Ctx): Block[] {
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
    { text: t('pdf.doc.foreword.title'), style: 'chapterTitle', pageBreak: 'before', id: FOREWORD_ID },
    ...text,
    {
      stack: [plan.organisation, options.language === 'th' ? monthYear(options.date) : formatThaiDate(options.date)],
      alignment: 'right',
      margin: [0, 24, 0, 0],
    },
  ];
}

const FOREWORD_ID = 'foreword';

/**
 * The lists of tables and of figures (สารบัญตาราง, สารบัญแผนภาพ), each on a page of its own after the
 * contents. A list with nothing in it is not printed.
 */
function captionLists(t: Ctx['t'], captions: readonly NumberedCaption[]): CaptionList[] {
  const kinds = [
    { kind: 'table' as const, id: 'list-of-tables', title: t('pdf.doc.captions.tables') },
    { kind: 'figure' as const, id: 'list-of-figures', title: t('pdf.doc.captions.figures') },
  ];
  return kinds.flatMap(({ kind, id, title }): CaptionList[] => {
    const items = captions.filter((c) => c.kind === kind);
    if (items.length === 0) return [];
    return [{ kind: 'captionList', id, title, pageHead: t('pdf.doc.toc.page'), items }];
  });
}
