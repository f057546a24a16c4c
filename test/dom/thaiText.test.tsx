import { render } from '@testing-library/react';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setThaiLexicon } from '../../main/core/thaiBreak.ts';
import { installThaiLexicon } from '../../main/services/thaiLexicon.ts';
import { ThaiText } from '../../renderer/src/thai/ThaiText.tsx';

// The shipped lexicon, as the screen has it once loaded (renderer/src/thai/lexicon.ts).
beforeAll(() => installThaiLexicon(join(import.meta.dirname, '..', '..', 'resources')));
afterAll(() => setThaiLexicon(undefined));

describe('Thai text on screen', () => {
  it('offers a line break only between words, and keeps the text exactly as typed', () => {
    const text = 'ผู้รับผิดชอบโครงการ ร้อยละ 90';
    const { container } = render(
      <p>
        <ThaiText text={text} />
      </p>,
    );
    const p = container.querySelector('p')!;
    // Nothing inserted: the accessible name, find-in-page and a copy read what was typed.
    expect(p.textContent).toBe(text);
    const words = [...p.querySelectorAll('span.thai-word')].map((s) => s.textContent);
    // รับผิดชอบ is one word (ICU alone would break รับผิด|ชอบ), and ร้อยละ stays with its number.
    expect(words.join('')).toBe(text);
    expect(words.some((w) => w?.includes('รับผิดชอบ'))).toBe(true);
    expect(words).toContain('ร้อยละ 90');
    expect(p.querySelectorAll('wbr').length).toBe(words.length - 1);
  });

  it('leaves text with no Thai letters as it is', () => {
    const { container } = render(<ThaiText text="ISO 9001" />);
    expect(container.innerHTML).toBe('ISO 9001');
  });
});
