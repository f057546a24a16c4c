import { join } from 'node:path';
import { expect } from 'vitest';
import { breakPieces } from '../../../main/core/thaiBreak.ts';
import { installThaiLexicon } from '../../../main/services/thaiLexicon.ts';
import { translator } from '../../../main/services/locales.ts';
import { BMA_PLAN, createPlan, openWizard, type Spec } from './common.ts';

/** Thai prose on screen wraps between words (renderer/src/thai/ThaiText.tsx), as the shipped segmenter cuts it. */

const RESOURCES = join(import.meta.dirname, '..', '..', '..', 'resources');
const th = translator(RESOURCES, 'th');

export const thaiTextSpecs: Spec[] = [
  {
    name: 'a long Thai hint at 1366×768 breaks only between the words of the dictionary, loaded at start without visiting the map',
    async run(page) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await createPlan(page, BMA_PLAN);
      await openWizard(page, th('wizards.goals'), 1, 4);
      const intro = th('goals.issuesIntro');
      const hint = page.locator('p', { hasText: intro.slice(0, 20) }).first();
      await hint.waitFor();
      // The dictionary's words, as the PDF cuts them too (ICU alone would cut elsewhere).
      installThaiLexicon(RESOURCES);
      // Each word's span without the space after it (ThaiText keeps that outside).
      const words = breakPieces(intro).map((word) => word.trimEnd());
      const shown = () => hint.locator('span.thai-word').allTextContents();
      await expect.poll(shown, { timeout: 10_000 }).toEqual(words);
      expect(await hint.textContent()).toBe(intro);
      // Laid out by the browser: each word on one line, and the hint over more than one line.
      const lines = await hint.evaluate((p) =>
        [...p.querySelectorAll('span.thai-word')].map((span) => {
          const rects = [...span.getClientRects()].filter((r) => r.width > 0);
          return { rects: rects.length, top: Math.round(rects[0]?.top ?? 0) };
        }),
      );
      expect(lines.filter((l) => l.rects !== 1)).toEqual([]);
      expect(new Set(lines.map((l) => l.top)).size).toBeGreaterThan(1);
    },
  },
];
