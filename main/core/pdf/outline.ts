import type { Block, Heading, TocEntry } from '../doc/model.ts';
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
  readonly body: readonly Block[];
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
  readonly intro?: readonly Block[];
  readonly sections: readonly Section[];
}

export type { TocEntry } from '../doc/model.ts';

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

/** Content and TOC entries of one chapter, the n-th printed (1-based). */
export function layOutChapter(chapter: Chapter, n: number, labels: Labels): { content: Block[]; toc: TocEntry[] } {
  const annexes = chapter.id === 'annexes';
  const id = `chapter-${chapter.id}`;
  const number = annexes ? labels.annexes : labels.chapter(n);
  const content: Block[] = [
    // Chapters start a page in portrait; the PDF's bookmarks nest sections and subsections under them.
    {
      kind: 'heading',
      level: 1,
      number,
      title: annexes ? '' : chapter.title,
      id,
      pageBreak: true,
      orientation: 'portrait',
    },
    ...(chapter.intro ?? []),
  ];
  const toc: TocEntry[] = [{ level: 0, number, title: annexes ? '' : chapter.title, id }];
  let landscape = false;
  chapter.sections.filter(printed).forEach((section, i) => {
    const number = annexes ? labels.annex(thaiLetter(i)) : `${n}.${i + 1}`;
    const sectionId = `${id}-${i + 1}`;
    // An annex, and a change of orientation, start a page.
    const turn = Boolean(section.landscape) !== landscape;
    landscape = Boolean(section.landscape);
    const heading: Heading = {
      kind: 'heading',
      level: 2,
      number,
      title: section.title,
      id: sectionId,
      parentId: id,
      ...((annexes && i > 0) || turn ? { pageBreak: true } : {}),
      ...(turn ? { orientation: landscape ? ('landscape' as const) : ('portrait' as const) } : {}),
    };
    content.push(heading, ...section.body);
    toc.push({ level: 1, number, title: section.title, id: sectionId, ...(annexes ? { annex: true } : {}) });
    (section.sections ?? [])
      .filter((sub) => sub.body.length > 0)
      .forEach((sub, j) =>
        content.push(
          {
            kind: 'heading',
            level: 3,
            number: annexes ? '' : `${number}.${j + 1}`,
            title: sub.title,
            parentId: sectionId,
          },
          ...sub.body,
        ),
      );
  });
  return { content, toc };
}
