import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { breakOpportunities, breakPieces } from '../../../main/core/thaiBreak.ts';
import { installThaiLexicon } from '../../../main/services/thaiLexicon.ts';
import { translator } from '../../../main/services/locales.ts';
import { BMA_PLAN, createPlan, openWizard, type Spec } from './common.ts';

/** Thai prose on screen wraps between words (renderer/src/thai/ThaiText.tsx), as the shipped segmenter cuts it. */

const RESOURCES = join(import.meta.dirname, '..', '..', '..', 'resources');
const th = translator(RESOURCES, 'th');

/**
 * The side navigation's titles as Chromium laid them out: each title's text and the offsets where its second and
 * later lines begin, from the line box of each character (Range.getClientRects).
 */
function navLines(page: Page) {
  return page.locator('nav.plan-nav').evaluate((nav) =>
    [...nav.querySelectorAll('a > span:not(.progress-mark), button > span:not(.progress-mark)')].map((label) => {
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let text = '';
      let top: number | null = null;
      const starts: number[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = node.textContent ?? '';
        for (let i = 0; i < data.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = [...range.getClientRects()].find((r) => r.width > 0);
          // A space at a line's end has no box of its own; a mark (่ ั) shares its letter's box.
          if (box && top !== null && box.top > top + 4 && data[i]!.trim()) starts.push(text.length + i);
          if (box) top = Math.max(top ?? box.top, box.top);
        }
        text += data;
      }
      return { text, starts };
    }),
  );
}

export const thaiTextSpecs: Spec[] = [
  {
    name: 'the side navigation at 1366×768 and 1920×1080 wraps its titles only between the dictionary words',
    async run(page) {
      installThaiLexicon(RESOURCES);
      const shots = join(tmpdir(), 'phaen-screens');
      mkdirSync(shots, { recursive: true });
      await page.setViewportSize({ width: 1366, height: 768 });
      await createPlan(page, BMA_PLAN);
      await openWizard(page, th('wizards.goals'), 1, 4);
      for (const [width, height] of [
        [1366, 768],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        // Once the lexicon is in, the titles are cut as the PDF cuts them (งบประมาณ, ค่านิยม, จุดแข็ง whole).
        await expect
          .poll(() => page.locator('nav.plan-nav span.thai-word', { hasText: 'งบประมาณ' }).count(), { timeout: 10_000 })
          .toBeGreaterThan(0);
        const titles = await navLines(page);
        const wrapped = titles.filter((title) => title.starts.length > 0);
        // Several titles take two lines in the 15.5rem column, so the check below has line ends to judge.
        expect(wrapped.length, `${width}`).toBeGreaterThan(3);
        for (const { text, starts } of wrapped) {
          const allowed = breakOpportunities(text);
          expect(
            starts.filter((k) => !allowed.includes(k)).map((k) => `${text.slice(0, k)}|${text.slice(k)}`),
            `${width}`,
          ).toEqual([]);
        }
        await page.screenshot({ path: join(shots, `nav-goals-${width}.png`) });
      }
    },
  },
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
