import type { Content, PageOrientation } from 'pdfmake/interfaces';
import { CONTENT_WIDTH, LANDSCAPE_WIDTH } from './blocks.ts';
import { estimateHeight, KEEP_LIMIT } from './estimate.ts';
import type { ChapterId } from './options.ts';

/**
 * A chapter as its builder describes it (titles and bodies, no numbers) and how it is laid out: the chapter
 * starts a page under its centred title ("บทที่ 1" over "บทนำ"); sections and subsections are numbered from
 * the chapter's place among the chapters printed (1.1, 1.1.1), so leaving a chapter or a section out never
 * leaves a gap. A section without body and subsections is not printed. Annexes are lettered (ภาคผนวก ก).
 */
export interface Subsection {
  readonly title: string;
  readonly body: readonly Content[];
}

export interface Section extends Subsection {
  readonly sections?: readonly Subsection[];
  /** On landscape pages of its own (a table too wide for portrait); the next section returns to portrait. */
  readonly landscape?: boolean;
}

export interface Chapter {
  readonly id: ChapterId;
  readonly title: string;
  /** Text under the chapter title, before its first section. */
  readonly intro?: readonly Content[];
  readonly sections: readonly Section[];
}

export interface TocEntry {
  readonly level: 0 | 1;
  /** "บทที่ 1", "1.1", "ภาคผนวก ก" */
  readonly number: string;
  readonly title: string;
  /** The id of the heading it points at (pdfmake pageReference). */
  readonly id: string;
}

export interface Labels {
  /** "บทที่ 1" */
  chapter(n: number): string;
  /** "ภาคผนวก" */
  readonly annexes: string;
  /** "ภาคผนวก ก" before an annex's title */
  annex(letter: string): string;
}

/** The Thai letters annexes are named by (ภาคผนวก ก, ข, ค …), skipping ฃ and ฅ, which are no longer written. */
const ANNEX_LETTERS = 'กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ';

function annexLetter(index: number): string {
  return ANNEX_LETTERS[index] ?? String(index + 1);
}

const printed = (s: Section): boolean => s.body.length > 0 || (s.sections ?? []).some((sub) => sub.body.length > 0);

export function hasContent(chapter: Chapter | null): chapter is Chapter {
  return chapter !== null && ((chapter.intro?.length ?? 0) > 0 || chapter.sections.some(printed));
}

interface Heading {
  readonly text: string;
  readonly style: string;
  /** The anchor a table-of-contents line points at. */
  readonly id?: string;
  readonly pageBreak?: 'before';
  readonly pageOrientation?: PageOrientation;
}

/**
 * A heading with the block under it, so that a heading never ends a page on its own: held together when the
 * block is surely shorter than a page (estimate.ts); a longer table or list may start on the heading's page
 * and runs on (table heads repeat). The worker takes no pdfmake callbacks (pageBreakBefore), so this is
 * decided here.
 */
function withHeading(heading: Heading, body: readonly Content[], width: number): Content[] {
  const first = body[0];
  if (first === undefined || estimateHeight([heading, first], width) > KEEP_LIMIT) return [heading as Content, ...body];
  const { pageBreak, pageOrientation, ...rest } = heading;
  return [
    {
      stack: [rest as Content, first],
      unbreakable: true,
      ...(pageBreak ? { pageBreak } : {}),
      ...(pageOrientation ? { pageOrientation } : {}),
    },
    ...body.slice(1),
  ];
}

/** Content and TOC entries of one chapter, the n-th printed (1-based). */
export function layOutChapter(chapter: Chapter, n: number, labels: Labels): { content: Content[]; toc: TocEntry[] } {
  const annexes = chapter.id === 'annexes';
  const id = `chapter-${chapter.id}`;
  const heading = annexes ? labels.annexes : labels.chapter(n);
  const content: Content[] = [
    {
      text: heading,
      style: annexes ? 'chapterTitle' : 'chapterNumber',
      id,
      pageBreak: 'before',
      pageOrientation: 'portrait',
    },
    ...(annexes ? [] : [{ text: chapter.title, style: 'chapterTitle' }]),
    ...(chapter.intro ?? []),
  ];
  const toc: TocEntry[] = [{ level: 0, number: heading, title: annexes ? '' : chapter.title, id }];
  let landscape = false;
  chapter.sections.filter(printed).forEach((section, i) => {
    const number = annexes ? labels.annex(annexLetter(i)) : `${n}.${i + 1}`;
    const sectionId = `${id}-${i + 1}`;
    const title = `${number} ${section.title}`;
    // An annex, and a change of orientation, start a page.
    const turn = Boolean(section.landscape) !== landscape;
    landscape = Boolean(section.landscape);
    const subsections = (section.sections ?? []).filter((sub) => sub.body.length > 0);
    const [first, ...rest] = subsections;
    const body: Content[] = [...section.body];
    const width = landscape ? LANDSCAPE_WIDTH : CONTENT_WIDTH;
    content.push(
      ...withHeading(
        {
          text: title,
          id: sectionId,
          style: 'h2',
          ...((annexes && i > 0) || turn ? { pageBreak: 'before' as const } : {}),
          ...(turn ? { pageOrientation: landscape ? ('landscape' as const) : ('portrait' as const) } : {}),
        },
        // A section that opens with a subsection keeps its heading with the subsection's heading and first block.
        body.length > 0 || !first ? body : withHeading(subheading(number, 1, first.title, annexes), first.body, width),
        width,
      ),
    );
    toc.push({ level: 1, number, title: section.title, id: sectionId });
    const remaining = body.length > 0 ? subsections : rest;
    const offset = body.length > 0 ? 0 : 1;
    remaining.forEach((sub, j) =>
      content.push(...withHeading(subheading(number, j + 1 + offset, sub.title, annexes), sub.body, width)),
    );
  });
  return { content, toc };
}

function subheading(number: string, j: number, title: string, annexes: boolean): Heading {
  return { text: `${annexes ? '' : `${number}.${j} `}${title}`, style: 'h3' };
}
