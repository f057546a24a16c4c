import { render, screen } from '@testing-library/react';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setThaiLexicon } from '../../main/core/thaiBreak.ts';
import { installThaiLexicon } from '../../main/services/thaiLexicon.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { ThaiText } from '../../renderer/src/thai/ThaiText.tsx';
import { translator } from '../../main/services/locales.ts';
import { renderWith, samplePlan } from './fakeApi.tsx';
import { planFake } from './planFake.tsx';

const th = translator(join(import.meta.dirname, '..', '..', 'resources'), 'th');

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
    expect(words.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(words.some((w) => w?.includes('รับผิดชอบ'))).toBe(true);
    expect(words).toContain('ร้อยละ 90');
    expect(p.querySelectorAll('wbr').length).toBe(words.length - 1);
  });

  it('leaves text with no Thai letters as it is', () => {
    const { container } = render(<ThaiText text="ISO 9001" />);
    expect(container.innerHTML).toBe('ISO 9001');
  });
});

describe('Thai text in the wizards', () => {
  it('wraps the plan title, the wizard and step headings and step intros between words only', async () => {
    renderWith(<WizardScreen planId={samplePlan.id} wizard="goals" step={1} />, planFake([]).api);
    const h2 = await screen.findByRole('heading', { level: 2 });
    const h1 = screen.getByRole('heading', { level: 1 });
    const intro = screen.getByText((_, node) => node?.tagName === 'P' && node.textContent === th('goals.kpisIntro'));
    for (const place of [h1, h2, intro]) {
      const words = [...place.querySelectorAll('span.thai-word')].map((s) => s.textContent ?? '');
      // Split into words at the segmenter's breaks, and nothing inserted into what is read.
      expect(words.length, place.textContent ?? '').toBeGreaterThan(1);
      expect(place.textContent?.replace(/\s/g, '')).toContain(words.join('').replace(/\s/g, ''));
    }
    expect(document.querySelector('.workspace-plan span.thai-word')).not.toBeNull();
  });
});
