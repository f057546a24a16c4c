import type { Content, ContentCanvas, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatThaiDate, THAI_MONTHS } from '../thaiDate.ts';
import { formatPeriod, gregorianToBe, toThaiDigits } from '../years.ts';
import { textWidth, wrapText } from '../charts/textWidth.ts';
import { BODY_SIZE, CONTENT_WIDTH, paragraphs, paragraph, thSarabun } from './blocks.ts';
import { type NumberedCaption, numberCaptions } from './captions.ts';
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
import type { Leader, PageNumbering } from './pageNumbers.ts';
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

/** The plan's page numbering, but for the digits (index.ts adds those). */
type PlanNumbering = Omit<PageNumbering, 'digits'>;

/**
 * The full plan and how its pages are numbered: the cover unnumbered, the front matter (foreword, contents,
 * the lists of tables and figures when asked for) lettered ก ข ค, the body from 1 at the first chapter.
 */
export function buildPlanDocument({ source, options, t }: BuildInput): {
  doc: TDocumentDefinitions;
  numbering: PlanNumbering;
} {
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
  const laidOut: Content[] = [];
  const toc: TocEntry[] = [];
  let n = 0;
  for (const chapter of chapters) {
    if (chapter.id !== 'annexes') n += 1;
    const laid = layOutChapter(chapter, n, labels);
    laidOut.push(...laid.content);
    toc.push(...laid.toc);
  }
  const { content: body, captions } = numberCaptions(laidOut, t);
  const lists = options.captionLists ? captionLists(t, captions, options.thaiDigits) : [];
  const front: TocEntry[] = [
    { level: 0, number: '', title: t('pdf.doc.foreword.title'), id: FOREWORD_ID },
    ...lists.map((list) => ({ level: 0 as const, number: '', title: list.title, id: list.id })),
  ];
  const doc: TDocumentDefinitions = {
    ...pageSetup(view.plan.title),
    ...documentInfo({
      title: view.plan.title,
      subject: t('pdf.doc.subject'),
      plan: view.plan,
      language: options.language,
      t,
    }),

    content: [
      ...cover(ctx),
      ...foreword(ctx),
      ...contents(t, [...front, ...toc], options.thaiDigits),
      ...lists.flatMap((list) => list.content),
      ...body,
    ],
  };
  const numbering: PlanNumbering = {
    // The cover is the first page: numbers start on the second.
    firstPage: 2,
    ...(toc[0] ? { bodyStart: toc[0].id } : {}),
    frontMatter: options.language === 'th' ? 'thai' : 'roman',
    unnumberedLabel: t('pdf.doc.cover.pageLabel'),
  };
  return { doc: options.thaiDigits ? withThaiDigits(doc) : doc, numbering };
}

/** The cover title's type: TH SarabunPSK 28 pt bold. */
const COVER_TITLE = { fontSize: thSarabun(28), bold: true };

/** The period in brackets ("(พ.ศ. 2566–2570)") on a line of its own, as covers set it, not broken inside. */
function coverTitle(title: string): string {
  return title.replace(/\s*(\((?:พ\.ศ\.|B\.E\.)[^)]*\))/, '\n$1');
}

/**
 * The width to set the cover title in so that its lines come out balanced: the narrowest at which no part of
 * it takes more lines than at the full width, so a centred title does not end in a short line ("ระยะ 5 ปี"
 * alone). The engine breaks the lines itself, where Thai allows; the text is not changed.
 */
function balancedWidth(title: string): number {
  // A point of slack: the engine measures with the font itself, this with its advance tables.
  const lines = (part: string, width: number) => wrapText(part, width - 1, COVER_TITLE).length;
  return Math.max(
    ...title.split('\n').map((part) => {
      const count = lines(part, CONTENT_WIDTH);
      if (count < 2) return Math.min(CONTENT_WIDTH, textWidth(part, COVER_TITLE) + 1);
      let low = CONTENT_WIDTH / count;
      let high = CONTENT_WIDTH;
      while (high - low > 1) {
        const mid = (low + high) / 2;
        if (lines(part, mid) > count) low = mid;
        else high = mid;
      }
      return high;
    }),
  );
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
  const side = (CONTENT_WIDTH - balancedWidth(coverTitle(plan.title))) / 2;
  return [
    { ...rule(260), margin: [0, 190, 0, 18] },
    {
      text: coverTitle(plan.title),
      ...COVER_TITLE,
      alignment: 'center',
      lineHeight: 1.1,
      margin: [side, 0, side, 8],
    },
    ...(titleHasPeriod(plan.title, plan.startYear, plan.endYear)
      ? []
      : [
          {
            text: t('pdf.doc.cover.period', { period: formatPeriod(plan.startYear, plan.endYear) }),
            fontSize: thSarabun(24),
            bold: true,
            alignment: 'center' as const,
          },
        ]),
    rule(260),
    {
      stack: [
        { text: plan.organisation, fontSize: thSarabun(20), bold: true },
        {
          text: t('pdf.doc.cover.date', { date: formatThaiDate(options.date) }),
          fontSize: thSarabun(18),
          margin: [0, 6, 0, 0],
        },
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
    // A bookmark as the chapters have (outline.ts), so a reader finds the front matter from the viewer's panel.
    { text: t('pdf.doc.foreword.title'), style: 'chapterTitle', pageBreak: 'before', id: FOREWORD_ID, outline: true },
    ...text,
    {
      stack: [plan.organisation, options.language === 'th' ? monthYear(options.date) : formatThaiDate(options.date)],
      alignment: 'right',
      margin: [0, 24, 0, 0],
    },
  ];
}

const FOREWORD_ID = 'foreword';

/** Room right of every contents line for its page number, which hangs in it on the entry's last line. */
const PAGE_ROOM = 34;
/** Between an entry's number and its text. */
const NUMBER_GAP = 8;

/**
 * An entry's text, then its page number on its last line after a dot leader (the engine's `leader`:
 * services/pdf/engine/pageLabels.ts), hung in the room kept free right of the text. The number is laid out
 * tiny, so that it never pushes the text's last word, or itself, to a line of its own; the engine draws it
 * at the body size in that room. The space before it is where a full line may break.
 */
function entryText(text: string, id: string): Content {
  const leader: Leader = { room: PAGE_ROOM, fontSize: BODY_SIZE };
  return {
    width: '*',
    text: [
      { text: `${text} `, linkToDestination: id },
      { text: '', pageReference: id, leader, fontSize: 0.1, noWrap: true },
    ],
    margin: [0, 0, PAGE_ROOM, 0],
  } as Content;
}

/**
 * The width of the widest of `numbers` as printed (bold for chapter lines), so that a column of numbers
 * never wraps one of them (๔.๑๐ as ๔.๑ / ๐) and the texts beside them start in one line.
 */
function numberWidth(numbers: readonly string[], bold: boolean, thaiDigits: boolean): number {
  const widths = numbers.map((number) =>
    textWidth(thaiDigits ? toThaiDigits(number) : number, { fontSize: BODY_SIZE, bold }),
  );
  return Math.ceil(Math.max(0, ...widths)) + NUMBER_GAP;
}

/**
 * The table of contents as Word sets it with a tab leader: each entry's number in a column of its own,
 * the text beside it with its wrapped lines indented under the text (not under the number), and the page
 * number at the right margin on the entry's last line after a row of dots (the engine's leader, set on the
 * page reference: services/pdf/engine/pageLabels.ts). Chapter lines bold; sections indented under their
 * chapter's title; front matter (foreword, lists) without a number.
 */
function contents(t: Ctx['t'], entries: readonly TocEntry[], thaiDigits: boolean): Content[] {
  const numbered = (level: 0 | 1, annex: boolean) =>
    entries.filter((e) => e.level === level && e.title !== '' && e.number !== '' && Boolean(e.annex) === annex);
  const widths = {
    chapter: numberWidth(
      numbered(0, false).map((e) => e.number),
      true,
      thaiDigits,
    ),
    section: numberWidth(
      numbered(1, false).map((e) => e.number),
      false,
      thaiDigits,
    ),
    annex: numberWidth(
      numbered(1, true).map((e) => e.number),
      false,
      thaiDigits,
    ),
  };
  const line = (entry: TocEntry): Content => {
    const bold = entry.level === 0;
    const text = entry.title === '' ? entry.number : entry.title;
    const hasNumber = entry.number !== '' && entry.title !== '';
    const width = entry.level === 0 ? widths.chapter : entry.annex ? widths.annex : widths.section;
    return {
      columns: [
        ...(entry.level === 1 ? [{ width: widths.chapter, text: '' }] : []),
        ...(hasNumber ? [{ width, text: entry.number, noWrap: true, linkToDestination: entry.id }] : []),
        entryText(text, entry.id),
      ],
      columnGap: 0,
      bold,
      margin: [0, entry.level === 0 ? 6 : 0, 0, 0],
    } as Content;
  };
  return [
    { text: t('pdf.doc.toc.title'), style: 'chapterTitle', pageBreak: 'before', outline: true },
    { text: t('pdf.doc.toc.page'), alignment: 'right', bold: true },
    ...entries.map(line),
  ];
}

/**
 * The lists of tables and of figures (สารบัญตาราง, สารบัญแผนภาพ), each on a page of its own after the
 * contents, set as the contents are: label, caption, leader, page. A list with nothing in it is not printed.
 */
function captionLists(
  t: Ctx['t'],
  captions: readonly NumberedCaption[],
  thaiDigits: boolean,
): { id: string; title: string; content: Content[] }[] {
  const kinds = [
    { kind: 'table' as const, id: 'list-of-tables', title: t('pdf.doc.captions.tables') },
    { kind: 'figure' as const, id: 'list-of-figures', title: t('pdf.doc.captions.figures') },
  ];
  return kinds.flatMap(({ kind, id, title }) => {
    const items = captions.filter((c) => c.kind === kind);
    if (items.length === 0) return [];
    const labelWidth = numberWidth(
      items.map((c) => c.label),
      false,
      thaiDigits,
    );
    const content: Content[] = [
      { text: title, style: 'chapterTitle', pageBreak: 'before', id, outline: true },
      { text: t('pdf.doc.toc.page'), alignment: 'right', bold: true },
      ...items.map(
        (c): Content =>
          ({
            columns: [
              { width: labelWidth, text: c.label, noWrap: true, linkToDestination: c.id },
              entryText(c.title, c.id),
            ],
            columnGap: 0,
          }) as Content,
      ),
    ];
    return [{ id, title, content }];
  });
}
