/**
 * pdfmake's style lookup without its allocations. StyleContextStack.getStyleProperty pushes the item and its
 * named styles on the stack, asks getProperty through a new closure, and getProperty makes a closure and a Set
 * for every named style it passes; pdfmake asks some twenty properties per measured word, so the render spent
 * more of its time in the garbage collector than in the lookups. This walks the same places in the same order
 * (the item, its named styles from the last, the stack from the top, the default style) and reads them in place.
 */
import type { StyleContextStackState } from './internals.ts';

type StyleDictionary = StyleContextStackState['styleDictionary'];

/** What pdfmake counts as a set property (helpers/variableType.js isValue): neither undefined nor null. */
export const isValue = (value: unknown): boolean => value !== undefined && value !== null;

/** A named style's property, following `extends` as pdfmake does (the last parent first, a cycle read once). */
function fromStyle(dictionary: StyleDictionary, name: string, property: string, visited?: Set<string>): unknown {
  const style = dictionary[name];
  if (!style) return undefined;
  const own = style[property];
  if (isValue(own)) return own;
  if (!style.extends) return undefined;
  // Only styles that extend others need the guard against cycles: allocate it only for them.
  const seen = visited ?? new Set<string>();
  seen.add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    const parent = String(parents[i]);
    if (seen.has(parent)) continue;
    const value = fromStyle(dictionary, parent, property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/** One entry of the stack (a style name or an override object): its value of `property`, if it sets one. */
function fromEntry(dictionary: StyleDictionary, entry: unknown, property: string): unknown {
  if (typeof entry === 'string' || entry instanceof String) return fromStyle(dictionary, String(entry), property);
  return entry === null || entry === undefined ? undefined : (entry as Record<string, unknown>)[property];
}

/** `stack.getProperty(property)`: the value nearest the top of the stack, else the default style's. */
export function stackProperty(stack: StyleContextStackState, property: string): unknown {
  const { styleOverrides, styleDictionary } = stack;
  for (let i = styleOverrides.length - 1; i >= 0; i--) {
    const value = fromEntry(styleDictionary, styleOverrides[i], property);
    if (isValue(value)) return value;
  }
  return stack.defaultStyle?.[property];
}

/**
 * StyleContextStack.getStyleProperty(item, stack, property, defaultValue) as pdfmake 0.3 answers it: the item's
 * own value, else what the stack says with the item (and its named styles) pushed on it, which here are read
 * without being pushed. An item with a `section` is not pushed by pdfmake either.
 */
export function styleProperty(
  item: object,
  stack: StyleContextStackState | null | undefined,
  property: string,
  defaultValue: unknown,
): unknown {
  const fields = item as Record<string, unknown>;
  if (isValue(fields[property])) return fields[property];
  if (!stack) return defaultValue;
  if (typeof item !== 'string' && !(item instanceof String) && fields.section === undefined && fields.style) {
    const names = Array.isArray(fields.style) ? (fields.style as unknown[]) : [fields.style];
    for (let i = names.length - 1; i >= 0; i--) {
      const value = fromEntry(stack.styleDictionary, names[i], property);
      if (isValue(value)) return value;
    }
  }
  const value = stackProperty(stack, property);
  return isValue(value) ? value : defaultValue;
}

/** Whether `stack` is a StyleContextStack this module can read (pdfmake 0.3's fields). */
export function isStyleStack(stack: unknown): stack is StyleContextStackState {
  return (
    typeof stack === 'object' &&
    stack !== null &&
    Array.isArray((stack as StyleContextStackState).styleOverrides) &&
    typeof (stack as StyleContextStackState).styleDictionary === 'object'
  );
}
