/**
 * The compact form of the shipped Thai lexicon that the build writes beside the main and renderer bundles
 * (core/compactLexicon.ts, services/thaiLexicon.ts, electron.vite.config.ts): the same words at the same costs
 * as the lists it was made from, and never taken for other lists.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPACT_LEXICON_FILE, compactLexiconStamp, decodeCompactLexicon } from '../../main/core/compactLexicon.ts';
import { ThaiLexicon, lexiconForm } from '../../main/core/thaiLexicon.ts';
import {
  FREQUENCY_FILE,
  LEXICON_ADDITIONS_FILE,
  LEXICON_FILE,
  compactLexiconFile,
  readCompactLexicon,
} from '../../main/services/thaiLexicon.ts';
import { useTempDir } from '../harness/tmp.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const RESOURCES = join(ROOT, 'resources');
const wordList = readFileSync(join(RESOURCES, LEXICON_FILE), 'utf8');
const additions = readFileSync(join(RESOURCES, LEXICON_ADDITIONS_FILE), 'utf8');
const frequencyList = readFileSync(join(RESOURCES, FREQUENCY_FILE), 'utf8');
const tempDir = useTempDir();

describe('the compact Thai lexicon', () => {
  it('gives every listed word the cost the lists give it, and leaves out what they leave out', () => {
    const parsed = ThaiLexicon.parse(`${wordList}\n${additions}`, frequencyList);
    const compact = readCompactLexicon(compactLexiconFile(RESOURCES));
    expect(compact.size).toBe(parsed.size);
    expect(compact.unknownCost).toBe(parsed.unknownCost);
    const differing = `${wordList}\n${additions}`
      .split('\n')
      .map((line) => lexiconForm(line) ?? line)
      .filter((word) => compact.cost(word) !== parsed.cost(word));
    expect(differing).toEqual([]);
    // Derivations the corpus does not count as words stay out; users' words still layer on top.
    expect(parsed.has('การประสานงาน')).toBe(false);
    expect(compact.has('การประสานงาน')).toBe(false);
    expect(compact.with(['คลองเตย']).has('คลองเตย')).toBe(true);
  });

  it('finds the words that start at a place of the text, each at the cost of the first layer that has it', () => {
    const counts = new Map([
      ['ห้อง', 900],
      ['ประชุม', 90],
      ['ห้องประชุม', 9],
    ]);
    const shipped = ThaiLexicon.of(counts.keys(), counts);
    const text = 'ห้องประชุมใหญ่';
    const everyOffset = Array.from({ length: text.length + 1 }, (_, k) => k);
    const wordsAt = (lexicon: ThaiLexicon, start: number) => {
      const found: [string, number][] = [];
      lexicon.wordsFrom(text, everyOffset, start, (j, cost) => found.push([text.slice(start, j), cost]));
      return found;
    };
    expect(wordsAt(shipped, 0)).toEqual([
      ['ห้อง', shipped.cost('ห้อง')],
      ['ห้องประชุม', shipped.cost('ห้องประชุม')],
    ]);
    expect(wordsAt(shipped, 4)).toEqual([['ประชุม', shipped.cost('ประชุม')]]);
    expect(wordsAt(shipped, 10)).toEqual([]);
    // A user's word is a common word, whatever the corpus says: its cost, not the shipped one, counts.
    const withUsers = shipped.with(['ห้องประชุม', 'ใหญ่']);
    expect(withUsers.cost('ห้องประชุม')).toBeLessThan(shipped.cost('ห้องประชุม')!);
    expect(wordsAt(withUsers, 0)).toEqual([
      ['ห้อง', shipped.cost('ห้อง')],
      ['ห้องประชุม', withUsers.cost('ห้องประชุม')],
    ]);
    expect(wordsAt(withUsers, 10)).toEqual([['ใหญ่', withUsers.cost('ใหญ่')]]);
  });

  it('is stamped with the lists it was made from, so the bundle never takes it for other lists', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'lexicon'));
    copyFileSync(join(RESOURCES, FREQUENCY_FILE), join(dir, FREQUENCY_FILE));
    copyFileSync(join(RESOURCES, LEXICON_ADDITIONS_FILE), join(dir, LEXICON_ADDITIONS_FILE));
    writeFileSync(join(dir, LEXICON_FILE), wordList);
    const same = compactLexiconFile(dir);
    expect(same).toBe(compactLexiconFile(RESOURCES));

    writeFileSync(join(dir, LEXICON_FILE), `${wordList}\nคลองเตย\n`);
    const changed = compactLexiconFile(dir);
    expect(changed.split('\n', 1)[0]).not.toBe(same.split('\n', 1)[0]);
    expect(readCompactLexicon(same).has('คลองเตย')).toBe(false);
    expect(readCompactLexicon(changed).has('คลองเตย')).toBe(true);
  });

  it('is the one the build wrote beside the main and the renderer bundles, for the shipped lists', () => {
    const file = compactLexiconFile(RESOURCES);
    for (const bundle of ['main', 'renderer']) {
      expect(readFileSync(join(ROOT, 'out', bundle, COMPACT_LEXICON_FILE), 'utf8'), bundle).toBe(file);
    }
  });

  it("reads the same with any base64 decoder, as the screen reads it with the browser's", () => {
    const file = compactLexiconFile(RESOURCES);
    const node = readCompactLexicon(file);
    // Not Node's Buffer: fresh arrays at offset 0, as Uint8Array.fromBase64 gives them in Chromium.
    const plain = decodeCompactLexicon(file, (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    expect(plain.size).toBe(node.size);
    for (const word of ['ผู้รับผิดชอบ', 'งบประมาณ', 'ตัวชี้วัด', 'ห้องประชุม', 'การประสานงาน']) {
      expect(plain.cost(word), word).toBe(node.cost(word));
    }
  });

  it('refuses text of another format', () => {
    expect(compactLexiconStamp(wordList)).toBeUndefined();
    expect(() => readCompactLexicon(wordList)).toThrow(/not a compact Thai lexicon/);
  });
});
