import { wrapText } from './textWidth.ts';

/**
 * A chart's legend laid out from measured text: entries in columns of equal width, each a swatch and its
 * name wrapped at Thai word boundaries within the column, rows as tall as their longest entry. So no entry
 * runs into its neighbour or past the chart's edge whatever the names' length and digits. Among the
 * column counts that leave a column wide enough to read, the one giving the fewest lines of text wins; a
 * tie goes to fewer columns, whose names wrap less (a name on one line reads better than two half-lines).
 */

export interface LegendOptions {
  /** Left edge and width of the band the legend may use. */
  readonly left: number;
  readonly width: number;
  /** Top of the first row. */
  readonly top: number;
  readonly fontSize: number;
}

export interface LegendEntry {
  /** The entry's box: swatch and text, from the top of its first line to the bottom of its last. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Where the text starts, right of the swatch. */
  readonly textX: number;
  /** Baseline of each line. */
  readonly baselines: readonly number[];
  readonly lines: readonly string[];
}

export interface Legend {
  readonly entries: readonly LegendEntry[];
  /** Bottom of the last row. */
  readonly bottom: number;
  /** Lines of text from top to bottom (each row counts its longest entry). */
  readonly lines: number;
}

/** Swatch and the gap after it, in em. */
const SWATCH = 2;
/** Space between columns and between rows, in em. */
const GUTTER = 1.2;
const ROW_GAP = 0.3;
/** Narrowest column worth offering, in em: about ten Thai letters after the swatch. */
const MIN_COLUMN = 10;
/** Sarabun reaches 1.068 em above the baseline and 0.232 em below; 1.4 em keeps stacked marks clear. */
const LINE = 1.4;
const ASCENT = 1.07;

function laidOut(names: readonly string[], columns: number, o: LegendOptions): Legend {
  const em = o.fontSize;
  const column = (o.width - GUTTER * em * (columns - 1)) / columns;
  const wrapped = names.map((name) => {
    const lines = wrapText(name, column - SWATCH * em, { fontSize: em });
    return lines.length > 0 ? lines : [''];
  });
  const entries: LegendEntry[] = [];
  let top = o.top;
  let lines = 0;
  for (let first = 0; first < names.length; first += columns) {
    const row = wrapped.slice(first, first + columns);
    const tallest = Math.max(...row.map((lines) => lines.length));
    row.forEach((lines, c) => {
      const x = o.left + c * (column + GUTTER * em);
      entries.push({
        x,
        y: top,
        width: column,
        height: lines.length * LINE * em,
        textX: x + SWATCH * em,
        baselines: lines.map((_, i) => top + ASCENT * em + i * LINE * em),
        lines,
      });
    });
    top += tallest * LINE * em + ROW_GAP * em;
    lines += tallest;
  }
  return { entries, bottom: top - ROW_GAP * em, lines };
}

export function layoutLegend(names: readonly string[], options: LegendOptions): Legend {
  const most = Math.max(1, Math.min(names.length, Math.floor(options.width / (MIN_COLUMN * options.fontSize))));
  let best = laidOut(names, 1, options);
  for (let columns = 2; columns <= most; columns++) {
    const legend = laidOut(names, columns, options);
    if (legend.lines < best.lines) best = legend;
  }
  return best;
}
