import type { Content, PageOrientation } from 'pdfmake/interfaces';
import type { ChapterId } from './options.ts';
import { thaiLetter } from './pageNumbers.ts';

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
  /** An annex (ภาคผนวก ก): its number is set in a column of its own width in the contents. */
  readonly annex?: boolean;
}

export interface Labels {
  /** "บทที่ 1" */
  chapter(n: number): string;
  /** "ภาคผนวก" */
  readonly annexes: string;
  /** "ภาคผนวก ก" before an annex's title */
  annex(letter: string): string;
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
  /** Never the last line of a page: the PDF engine moves it to the next page with what it heads. */
  readonly keepWithNext: true;
  /** A bookmark (pdfmake's outline) under the chapter's or section's, named as the contents name it. */
  readonly outline: true;
  readonly outlineParentId: string;
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
      // The PDF's bookmarks: chapters, their sections and subsections nested under them.
      outline: true,
      outlineText: annexes ? heading : `${heading} ${chapter.title}`,
    },
    ...(annexes ? [] : [{ text: chapter.title, style: 'chapterTitle' }]),
    ...(chapter.intro ?? []),
  ];
  const toc: TocEntry[] = [{ level: 0, number: heading, title: annexes ? '' : chapter.title, id }];
  let landscape = false;
  chapter.sections.filter(printed).forEach((section, i) => {
    const number = annexes ? labels.annex(thaiLetter(i)) : `${n}.${i + 1}`;
    const sectionId = `${id}-${i + 1}`;
    const title = `${number} ${section.title}`;
    // An annex, and a change of orientation, start a page.
    const turn = Boolean(section.landscape) !== landscape;
    landscape = Boolean(section.landscape);
    const heading: Heading = {
      text: title,
      id: sectionId,
      style: 'h2',
      keepWithNext: true,
      outline: true,
      outlineParentId: id,
      ...((annexes && i > 0) || turn ? { pageBreak: 'before' as const } : {}),
      ...(turn ? { pageOrientation: landscape ? ('landscape' as const) : ('portrait' as const) } : {}),
    };
    content.push(heading as Content, ...section.body);
    toc.push({ level: 1, number, title: section.title, id: sectionId, ...(annexes ? { annex: true } : {}) });
    (section.sections ?? [])
      .filter((sub) => sub.body.length > 0)
      .forEach((sub, j) =>
        content.push(subheading(number, j + 1, sub.title, annexes, sectionId) as Content, ...sub.body),
      );
  });
  return { content, toc };
}

function subheading(number: string, j: number, title: string, annexes: boolean, sectionId: string): Heading {
  const text = `${annexes ? '' : `${number}.${j} `}${title}`;
  return { text, style: 'h3', keepWithNext: true, outline: true, outlineParentId: sectionId };
}
