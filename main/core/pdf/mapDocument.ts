import type { Block, DocModel } from '../doc/model.ts';
import { strategyMapSvg, type StrategyMapOptions } from '../charts/strategyMap.ts';
import { PAGE_HEIGHT, PAGE_WIDTH, TABLE_SIZE, chartUnitsFor } from './blocks.ts';
import { documentInfo } from './info.ts';
import type { Translate } from './options.ts';
import { planView, type BuildInput } from './source.ts';

/**
 * The strategy map handout: the same drawing as the review wizard (charts/strategyMap.ts), split in two and
 * printed on two landscape A4 pages, each with the plan's title and "(1/2)", so either page can be posted on
 * its own. A plan small enough for one page prints on one; a plan so large that two pages would print its
 * text below the tables' size prints on as many as keep it there.
 */

const CM = 72 / 2.54;
const MARGINS: [number, number, number, number] = [2 * CM, 1.5 * CM, 2 * CM, 1.2 * CM];
/** Landscape. */
const WIDTH = PAGE_HEIGHT - MARGINS[0] - MARGINS[2];
const HEIGHT = PAGE_WIDTH - MARGINS[1] - MARGINS[3];
/** Room for the title lines above the drawing. */
const TITLE_HEIGHT = 56;
/** The drawing's widths tried: the widest prints its text at the tables' size, narrower ones larger. */
const WIDTHS = [Math.floor(chartUnitsFor(WIDTH)), 800, 550];

/** The map's words (the same drawing prints in chapter 4 through fittedMap). */
function mapOptions(t: Translate, parts: number, width: number, thaiDigits: boolean): StrategyMapOptions {
  return {
    title: t('pdf.map.title'),
    headings: {
      issue: t('glossary.strategicIssue'),
      goal: t('glossary.goal'),
      strategy: t('glossary.strategy'),
      project: t('pdf.map.projects'),
    },
    missing: { goal: t('pdf.map.noGoal'), strategy: t('pdf.map.noStrategy'), project: t('pdf.map.noProject') },
    unnamed: t('pdf.map.unnamed'),
    empty: t('pdf.map.empty'),
    continued: t('pdf.map.continued'),
    width,
    parts,
    // The document pass (withThaiDigits) leaves drawings alone: the map converts before it places its text.
    digits: thaiDigits ? 'thai' : 'arabic',
  };
}

const svgSize = (svg: string, attribute: 'width' | 'height') =>
  Number(new RegExp(`<svg[^>]* ${attribute}="([0-9.]+)"`).exec(svg)?.[1] ?? 0);

/**
 * The map in as few pieces as print its text at least `least` pt in the box (from `parts` up, a piece per
 * page), drawn at whichever of `widths` needs the fewest pieces, of those the one that prints its text
 * largest: a narrower drawing wraps names into taller boxes but scales up more. Returns the pieces and the
 * printed size of their text (pt), below `least` only when a single project's box is taller than the box or
 * no width is narrow enough. Each try is a full layout of the map, so callers give few widths.
 */
export function fittedMap(
  rows: BuildInput['source']['rows'],
  t: Translate,
  box: readonly [number, number],
  parts: number,
  widths: readonly number[],
  thaiDigits: boolean,
  least: number,
): { svgs: string[]; textSize: number } {
  const FONT = 14;
  const attempt = (width: number, asked: number) => {
    const svgs = strategyMapSvg(rows, mapOptions(t, asked, width, thaiDigits));
    const height = Math.max(...svgs.map((svg) => svgSize(svg, 'height')));
    return { svgs, textSize: FONT * Math.min(box[0] / width, box[1] / height) };
  };
  const fitted = (width: number) => {
    let asked = parts;
    let map = attempt(width, asked);
    // Fewer pieces than asked: the map cannot be cut further.
    while (map.textSize < least && map.svgs.length >= asked) {
      // The height shrinks about as the parts grow: jump near the count needed, then one at a time.
      asked = Math.max(asked + 1, Math.ceil((asked * least) / map.textSize) - 1);
      map = attempt(width, asked);
    }
    return map;
  };
  // A drawing wider than this prints its text below `least` however it is cut.
  const narrow = widths.filter((width) => (FONT * box[0]) / width >= least);
  const maps = narrow.length > 0 ? narrow.map(fitted) : widths.map((width) => attempt(width, parts));
  const readable = (map: { textSize: number }) => map.textSize >= least;
  return maps.reduce((best, map) =>
    readable(map) !== readable(best)
      ? readable(map)
        ? map
        : best
      : map.svgs.length < best.svgs.length || (map.svgs.length === best.svgs.length && map.textSize > best.textSize)
        ? map
        : best,
  );
}

export function buildMapDocument({ source, options, t }: BuildInput): DocModel {
  const view = planView(source);
  // Two pages, or more when two would print the map's text below the tables' size.
  const parts = fittedMap(view.rows, t, [WIDTH, HEIGHT - TITLE_HEIGHT], 2, WIDTHS, options.thaiDigits, TABLE_SIZE).svgs;
  const content: Block[] = parts.flatMap((svg, i): Block[] => [
    {
      text: view.plan.title,
      fontSize: 16,
      bold: true,
      alignment: 'center',
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    },
    {
      text: parts.length > 1 ? t('pdf.map.pageOf', { page: i + 1, pages: parts.length }) : t('pdf.map.title'),
      fontSize: 13,
      alignment: 'center',
      color: '#444444',
      margin: [0, 0, 0, 6],
    },
    { svg, fit: [WIDTH, HEIGHT - TITLE_HEIGHT], alignment: 'center', alt: t('pdf.map.title') },
  ]);
  return {
    ...documentInfo({
      title: `${t('pdf.map.title')}: ${view.plan.title}`,
      subject: t('pdf.map.title'),
      plan: view.plan,
      language: options.language,
      t,
    }),
    orientation: 'landscape',
    margins: MARGINS,
    setting: 'handout',
    numbering: { digits: options.thaiDigits ? 'thai' : 'arabic', firstPage: 1 },
    thaiDigits: options.thaiDigits,
    content,
  };
}
