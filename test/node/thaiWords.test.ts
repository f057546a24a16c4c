/**
 * Users' words for Thai line breaking (issue 10 #2): kept in the workspace database, served on the contract,
 * refused with a field message when they are no Thai word, and honoured by the PDF engine.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, type Output } from '../../main/core/contract.ts';
import { breakOpportunities } from '../../main/core/thaiBreak.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { renderPdfWithLines } from '../../main/services/pdf/render.ts';
import { Session } from '../../main/services/session.ts';
import { installThaiLexicon } from '../../main/services/thaiLexicon.ts';
import { addThaiWord, listThaiWords, removeThaiWord } from '../../main/services/thaiWords.ts';
import { RESOURCES_DIR, paragraphs } from '../harness/pdf.ts';
import { count, openStore } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();

/** A district the shipped lexicon splits (คลอง|เตย) and a community with a typing error (เเ for แ). */
const DISTRICT = 'คลองเตย';

describe("users' Thai words", () => {
  it('are stored as segmentation reads them, in Thai order, once each, and survive reopening the file', async () => {
    const dir = tempDir();
    let store = await openStore(dir);
    addThaiWord(store, ' คลองเตย ');
    addThaiWord(store, 'เเจ้งวัฒนะ'); // typed with two SARA E
    expect(addThaiWord(store, 'แจ้งวัฒนะ')).toEqual(['คลองเตย', 'แจ้งวัฒนะ']);
    store.close();
    store = await openStore(dir);
    expect(listThaiWords(store)).toEqual(['คลองเตย', 'แจ้งวัฒนะ']);
    expect(removeThaiWord(store, 'คลองเตย')).toEqual(['แจ้งวัฒนะ']);
    store.close();
  });

  it('refuses what is no Thai word, with a message for the field, and writes nothing', async () => {
    const store = await openStore(tempDir());
    for (const bad of ['', 'ISO 9001', 'คลอง เตย', 'ร้อยละ90', 'ก'.repeat(21)]) {
      expect(() => addThaiWord(store, bad)).toThrow(/not a Thai word/);
    }
    expect(count(store, 'thai_words')).toBe(0);
    store.close();
  });

  it('are served on the thaiWords channels', async () => {
    const session = await Session.start({ dataDir: tempDir(), backupIntervalMs: 0 });
    const handlers = createHandlers({ session, dialogs: null, resourcesDir: RESOURCES_DIR, version: 'test' });
    const added = await dispatch(handlers, 'thaiWords.add', { word: DISTRICT });
    expect(added.ok && (added.data as Output<'thaiWords.add'>)).toEqual([DISTRICT]);
    const refused = await dispatch(handlers, 'thaiWords.add', { word: 'abc' });
    expect(refused.ok ? null : refused.error.fields).toEqual({ word: 'print.wordsInvalid' });
    const listed = await dispatch(handlers, 'thaiWords.list', {});
    expect(listed.ok && listed.data).toEqual([DISTRICT]);
    session.close();
  });

  it('keep a name whole in the PDF where the shipped lexicon alone breaks it', async () => {
    // A cell with room for the name (59 pt) and no word wider: a line ends at คลอง|เตย unless the name is
    // one word, and no word needs cutting as a last resort.
    const text = `เขต${DISTRICT}จัดงานที่ชุมชน${DISTRICT}`;
    const doc = (width: number) => ({
      pageSize: 'A4' as const,
      content: [{ table: { widths: [width], body: [[{ text }]] } }],
    });
    const breaksInsideName = (lines: Awaited<ReturnType<typeof renderPdfWithLines>>['lines']) =>
      paragraphs(lines).flatMap((group) => {
        const joined = group.map((l) => l.text).join('');
        const ends = group.slice(0, -1).map((_, i) => group.slice(0, i + 1).reduce((n, l) => n + l.text.length, 0));
        return ends.filter((k) => joined.slice(k - 4, k) === 'คลอง' && joined.slice(k, k + 3) === 'เตย');
      });

    installThaiLexicon(RESOURCES_DIR);
    expect(breakOpportunities(text)).toContain(text.indexOf(DISTRICT) + 4);
    const without = await renderPdfWithLines(doc(80));
    expect(breaksInsideName(without.lines).length).toBeGreaterThan(0);

    const withWord = await renderPdfWithLines(doc(80), { userWords: [DISTRICT] });
    expect(breaksInsideName(withWord.lines)).toEqual([]);
    expect(withWord.lines.length).toBeGreaterThan(1);
  });
});
