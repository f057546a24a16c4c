/**
 * The engine's style lookup (engine/styleLookup.ts, used by textBreaker.ts's cachedStyleProperty) reads pdfmake's
 * style stack in place instead of pushing on it: it must answer exactly what pdfmake's own StyleContextStack
 * answers, for named styles, style arrays, styles that extend others (cycles included), overrides that set a
 * property to null, 0 or false, items with a section, and the default style. Likewise the named styles the
 * engine resolves into the nodes before a render: pdfmake must answer the same for the node either way.
 */
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { STYLE_NAMES, structureRole } from '../../main/core/pdf/structure.ts';
import { type StyleContextStackState, pdfmake } from '../../main/services/pdf/engine/internals.ts';
import { cleanDocument } from '../../main/services/pdf/engine/prepare.ts';
import { isStyleStack, stackProperty, styleProperty } from '../../main/services/pdf/engine/styleLookup.ts';
import { STYLE_CACHE, cachedStyleProperty } from '../../main/services/pdf/engine/textBreaker.ts';

interface PdfmakeStack extends StyleContextStackState {
  push(entry: unknown): void;
  getProperty(property: string): unknown;
  auto(item: object, callback: () => unknown): unknown;
}
const StackClass = pdfmake.StyleContextStack as unknown as new (
  dictionary: StyleContextStackState['styleDictionary'],
  defaultStyle?: Record<string, unknown>,
) => PdfmakeStack;

const DICTIONARY: StyleContextStackState['styleDictionary'] = {
  h2: { fontSize: 18, bold: true },
  table: { fontSize: 14, alignment: 'left', margin: [0, 4, 0, 10] },
  quiet: { bold: null, color: null },
  zero: { fontSize: 0, bold: false },
  red: { color: 'red' },
  blue: { color: 'blue', italics: true },
  // extends: the last parent first; a cycle is read once.
  mixed: { extends: ['red', 'blue'] },
  loopA: { extends: 'loopB', alignment: null },
  loopB: { extends: ['red', 'loopA'], fontSize: 12 },
  diamond: { extends: ['mixed', 'loopB'] },
};
const DEFAULT_STYLE = { font: 'Sarabun', fontSize: 16, alignment: 'justify' };
const PROPERTIES = ['font', 'fontSize', 'bold', 'italics', 'color', 'alignment', 'margin', 'noWrap'];

/** Stacks as pdfmake builds them while it lays out nested nodes. */
const STACKS: unknown[][] = [
  [],
  ['h2'],
  ['table', { fontSize: 10 }],
  ['table', 'h2', { bold: false }],
  ['mixed', 'quiet'],
  ['loopA'],
  ['diamond', { color: null }],
  ['missing', 'zero', { alignment: 'center', margin: [0, 4, 0, 0] }],
  [new String('red'), { italics: 0 }],
];
const ITEMS: object[] = [
  {},
  { text: 'ก', style: 'h2' },
  { style: ['table', 'blue'] },
  { style: ['h2', 'table'] },
  { style: ['loopB', 'missing'], color: 'green' },
  { style: 'quiet', bold: true },
  { section: 'a', style: 'h2' },
  { fontSize: 0, noWrap: false },
  { style: '' },
];

function stackOf(entries: unknown[], defaultStyle: Record<string, unknown> | undefined = DEFAULT_STYLE): PdfmakeStack {
  const stack = new StackClass(DICTIONARY, defaultStyle);
  for (const entry of entries) stack.push(entry);
  return stack;
}

/** pdfmake 0.3's static getStyleProperty, step by step with the stack's own (unreplaced) methods. */
function pdfmakeStyleProperty(item: object, stack: PdfmakeStack, property: string, defaultValue: unknown): unknown {
  const own = (item as Record<string, unknown>)[property];
  if (own !== undefined && own !== null) return own;
  const value = stack.auto(item, () => stack.getProperty(property));
  return value !== undefined && value !== null ? value : defaultValue;
}

describe('style lookup read in place', () => {
  it('answers every property of every stack as pdfmake getProperty does', () => {
    // Compared with pdfmake's own code, not with an engine that replaced it in this process.
    expect(String((StackClass.prototype as PdfmakeStack).getProperty)).toContain('getStylePropertyFromStyle');
    let compared = 0;
    for (const entries of STACKS) {
      for (const defaultStyle of [DEFAULT_STYLE, undefined]) {
        const stack = stackOf(entries, defaultStyle);
        for (const property of PROPERTIES) {
          expect(stackProperty(stack, property), `${JSON.stringify(entries)} ${property}`).toEqual(
            stack.getProperty(property),
          );
          compared++;
        }
      }
    }
    expect(compared).toBe(STACKS.length * 2 * PROPERTIES.length);
  });

  it('answers every item on every stack as pdfmake getStyleProperty does, leaving the stack as it was', () => {
    const fallback = Symbol('default');
    for (const entries of STACKS) {
      const stack = stackOf(entries);
      for (const item of ITEMS) {
        for (const property of PROPERTIES) {
          const expected = pdfmakeStyleProperty(item, stack, property, fallback);
          expect(
            styleProperty(item, stack, property, fallback),
            `${JSON.stringify([entries, item, property])}`,
          ).toEqual(expected);
        }
      }
      expect(stack.styleOverrides).toEqual(entries);
    }
    // No stack: the item's own value or the default, as pdfmake.
    expect(styleProperty({ fontSize: 9 }, null, 'fontSize', 12)).toBe(9);
    expect(styleProperty({}, undefined, 'fontSize', 12)).toBe(12);
  });

  it('answers the same through the per-item cache of the measured pieces, and asks pdfmake for a stack it cannot read', () => {
    const asked: string[] = [];
    const lookup = cachedStyleProperty((_item, _stack, property) => {
      asked.push(property);
      return 'pdfmake';
    });
    const stack = stackOf(['table', { color: 'grey' }]);
    const cache = { stack, values: new Map<string, unknown>() };
    const piece = { text: 'ก', style: 'h2', [STYLE_CACHE]: cache };
    for (const property of PROPERTIES) {
      const expected = pdfmakeStyleProperty(piece, stack, property, 'fallback');
      expect(lookup(piece, stack, property, 'fallback')).toEqual(expected);
      expect(lookup(piece, stack, property, 'fallback')).toEqual(expected); // from the cache this time
    }
    expect([...cache.values.keys()].sort()).toEqual([...PROPERTIES].sort());
    expect(asked).toEqual([]);

    expect(isStyleStack({ styleOverrides: 'h2' })).toBe(false);
    expect(lookup({}, { styleOverrides: 'h2' }, 'fontSize', 12)).toBe('pdfmake');
    expect(asked).toEqual(['fontSize']);
  });
});

const requireCjs = createRequire(import.meta.url);
const { getNodeMargin } = requireCjs('pdfmake/js/helpers/node.js') as {
  getNodeMargin(node: object, stack: PdfmakeStack): unknown;
};

describe('named styles resolved into the nodes (prepare.ts cleanDocument)', () => {
  const NAMED: object[] = [
    { text: 'หัวข้อ', style: 'h2' },
    { text: 'ตาราง', style: ['table', 'blue'], bold: null },
    { text: 'ย่อหน้า', style: ['h2', 'table'], fontSize: 11, margin: [1, 2, 3, 4] },
    { text: 'เงียบ', style: ['red', 'quiet'], color: undefined },
    { text: 'ศูนย์', style: 'zero' },
    { text: [{ text: 'ก', style: 'blue' }, 'ข'], style: 'h2' },
  ];
  const LEFT_NAMED: object[] = [
    { text: 'ส่วน', style: 'h2', section: 'x' },
    { text: 'ขยาย', style: 'mixed' },
    { text: 'ขอบ', style: 'h2', marginTop: 3 },
    { text: 'ไม่มี', style: ['h2', 'missing'] },
  ];
  const doc = { content: [...NAMED, ...LEFT_NAMED], styles: DICTIONARY } as unknown as TDocumentDefinitions;
  const cleaned = cleanDocument(doc).content as unknown as Record<string, unknown>[];

  it('gives pdfmake the same style answers and margins with the names gone from its stack', () => {
    const fallback = Symbol('default');
    NAMED.forEach((node, i) => {
      const resolved = cleaned[i] ?? {};
      expect(resolved.style).toBeUndefined();
      for (const ancestors of STACKS) {
        for (const property of PROPERTIES) {
          const expected = pdfmakeStyleProperty(node, stackOf(ancestors), property, fallback);
          expect(pdfmakeStyleProperty(resolved, stackOf(ancestors), property, fallback), `${i} ${property}`).toEqual(
            expected,
          );
        }
      }
      expect(getNodeMargin(resolved, stackOf([]))).toEqual(getNodeMargin(node, stackOf([])));
    });
    // An inline run's own style is resolved as well.
    const runs = (cleaned[5]?.text ?? []) as Record<string, unknown>[];
    expect(runs[0]).toMatchObject({ text: 'ก', color: 'blue', italics: true });
  });

  it('keeps the names for the tagged structure, and leaves named what pdfmake merges by other rules', () => {
    expect(cleaned.slice(0, NAMED.length).map((node) => node[STYLE_NAMES])).toEqual(
      NAMED.map((node) => {
        const { style } = node as { style: unknown };
        return Array.isArray(style) ? style : [style];
      }),
    );
    expect(structureRole(cleaned[0] ?? {})).toBe('H2');
    expect(cleaned.slice(NAMED.length)).toEqual(LEFT_NAMED);
  });
});
