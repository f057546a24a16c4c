import { render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakOpportunities, setThaiLexicon } from '../../main/core/thaiBreak.ts';
import { installThaiLexicon } from '../../main/services/thaiLexicon.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { ThaiText } from '../../renderer/src/thai/ThaiText.tsx';
import { translator } from '../../main/services/locales.ts';
import { renderWith, samplePlan } from './fakeApi.tsx';
import { next, openWizard, planFake, row } from './planFake.tsx';

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
    // The step's heading is "ขั้นที่ 2 จาก 4: ตัวชี้วัด", one Thai word after the count (ตัวชี้วัด whole, not ตัวชี้|วัด).
    for (const [place, least] of [
      [h1, 2],
      [h2, 1],
      [intro, 2],
    ] as const) {
      const words = [...place.querySelectorAll('span.thai-word')].map((s) => s.textContent ?? '');
      // Split into words at the segmenter's breaks, and nothing inserted into what is read.
      expect(words.length, place.textContent ?? '').toBeGreaterThanOrEqual(least);
      expect(place.textContent?.replace(/\s/g, '')).toContain(words.join('').replace(/\s/g, ''));
    }
    // ตัวชี้วัด stays one word in the step's heading (Phaen's own words), not ตัวชี้|วัด.
    expect([...h2.querySelectorAll('span.thai-word')].map((s) => s.textContent)).toEqual(['ตัวชี้วัด']);
    expect(document.querySelector('.workspace-plan span.thai-word')).not.toBeNull();
  });
});

/**
 * Where the browser may wrap a run of displayed text, read off the DOM: at each <wbr>, and after a space that is
 * not inside a no-wrap word span. `loose` collects Thai letters outside those spans, where ICU would decide.
 */
function offeredBreaks(nodes: readonly Node[]): { text: string; breaks: number[]; loose: string } {
  let text = '';
  let loose = '';
  const breaks: number[] = [];
  const walk = (node: Node, inWord: boolean) => {
    if (node.nodeName === 'WBR') breaks.push(text.length);
    if (node.nodeType === Node.TEXT_NODE) {
      const data = node.textContent ?? '';
      if (!inWord) {
        for (const m of data.matchAll(/\s+(?=\S)/g)) breaks.push(text.length + m.index + m[0].length);
        loose += data.replace(/[^\u0E01-\u0E4E]/g, '');
      }
      text += data;
    }
    const word = inWord || (node instanceof HTMLElement && node.classList.contains('thai-word'));
    node.childNodes.forEach((child) => walk(child, word));
  };
  nodes.forEach((node) => walk(node, false));
  return { text, breaks: [...new Set(breaks)].filter((k) => k > 0 && k < text.length), loose };
}

/** The nodes ThaiText drew inside `element`: from its first word span to the last word span after it. */
function thaiTextNodes(element: Element): Node[] {
  const nodes = [...element.childNodes];
  const isWord = (n: Node) => n instanceof HTMLElement && n.classList.contains('thai-word');
  const first = nodes.findIndex(isWord);
  if (first === -1) return [];
  let last = first;
  for (let i = first; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (isWord(n)) last = i;
    else if (!(n.nodeName === 'WBR' || (n.nodeType === Node.TEXT_NODE && !n.textContent?.trim()))) break;
  }
  return nodes.slice(first, last + 1);
}

/** The segmenter's break opportunities inside the text (not at its end). */
const segmenterBreaks = (text: string) => breakOpportunities(text).filter((k) => k > 0 && k < text.length);

/** ICU's word boundaries (what Chromium would wrap at on its own) between two Thai letters. */
const icuBreaks = (text: string) =>
  [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)]
    .map((s) => s.index)
    .filter((k) => k > 0 && /[\u0E01-\u0E4E]{2}/.test(text.slice(k - 1, k + 1)));

// Real Thai government prose: the BMA's news of the workshop this app follows (shared/seed), cut at its spaces
// into phrases as long as KPI and project names.
const SEED = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'bma-pr-workshop-news.txt'), 'utf8');
const PHRASES = SEED.split(/\s+/).filter((p) => /^[\u0E01-\u0E4E]{25,}$/.test(p));

describe('Thai word breaks in the side navigation and the tables', () => {
  it("offers breaks in the side navigation titles only at the segmenter's word boundaries", async () => {
    openWizard(planFake(), 'goals', 2);
    const nav = await screen.findByRole('navigation', { name: th('workspace.nav') });
    const titles = within(nav).getAllByRole('link').concat(within(nav).getAllByRole('button'));
    expect(titles.length).toBeGreaterThan(10);
    for (const title of titles) {
      const label = title.querySelector(':scope > span:not(.progress-mark)') ?? title;
      // Every Thai letter is in a word span: the browser has no other place to wrap it.
      expect(offeredBreaks([label]).loose, label.textContent ?? '').toBe('');
      const { text, breaks } = offeredBreaks(thaiTextNodes(label));
      if (text) expect(breaks, text).toEqual(segmenterBreaks(text));
    }
    // The audit's cases: (จุด|แข็ง จุดอ่อน), ค่า|นิยม and งบ|ประมาณ are each one word now.
    const words = [...nav.querySelectorAll('span.thai-word')].map((w) => w.textContent);
    expect(words).toEqual(expect.arrayContaining([expect.stringContaining('จุดแข็ง'), expect.stringContaining('ค่านิยม')]));
    expect(words.some((w) => w?.includes('งบประมาณ'))).toBe(true);
  });

  it("offers breaks in KPI names of the targets table only at the segmenter's word boundaries", async () => {
    expect(PHRASES.length).toBeGreaterThan(5);
    const names = PHRASES.slice(0, 6);
    const rows = [
      row('strategicIssue', { name: 'การประชาสัมพันธ์เชิงรุก' }, null, 'i1'),
      row('goal', { name: 'ประชาชนรับรู้ข่าวสาร' }, 'i1', 'g1'),
      ...names.map((name, i) => row('kpi', { name, unit: 'ร้อยละ' }, 'g1', `k${i}`)),
    ];
    openWizard(planFake(rows), 'goals', 2);
    await screen.findByRole('heading', { name: /ขั้นที่ 3 จาก 4/ });
    const cells = screen.getAllByRole('rowheader');
    let icuOnly = 0;
    for (const name of names) {
      const cell = cells.find((c) => c.textContent?.includes(name));
      expect(cell, name).toBeDefined();
      const { text, breaks, loose } = offeredBreaks(thaiTextNodes(cell!));
      // The KPI's number, then its name.
      expect(text).toMatch(new RegExp(`^\\d+\\.\\d+\\.\\d+ ${name}$`));
      expect(loose).toBe('');
      expect(breaks, name).toEqual(segmenterBreaks(text));
      expect(breaks.length, name).toBeGreaterThan(1);
      icuOnly += icuBreaks(text).filter((k) => !breaks.includes(k)).length;
    }
    // Places where ICU alone would wrap inside a dictionary word are not offered.
    expect(icuOnly).toBeGreaterThan(0);
  });

  it("offers breaks in step reasons, the blocker notice and the plan's progress line only between words", async () => {
    // An issue without a name holds step 1; opened at step 2 the notice says so, and Next refuses a goal without
    // a KPI.
    const rows = [
      row('strategicIssue', { name: '' }, null, 'i1'),
      row('goal', { name: 'ประชาชนรับรู้ข่าวสาร' }, 'i1', 'g1'),
    ];
    const { user } = openWizard(planFake(rows), 'goals', 1);
    await screen.findByRole('heading', { name: /ขั้นที่ 2 จาก 4/ });
    await next(user);
    const alert = screen.getByRole('alert');
    const notice = document.querySelector('.review-warning')!;
    const state = document.querySelector('.plan-nav-state')!;
    const places = [...alert.querySelectorAll('p, li'), ...notice.querySelectorAll('p, li'), state];
    expect(within(alert).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(notice.querySelectorAll('li').length).toBeGreaterThan(0);
    for (const place of places) {
      const { text, breaks } = offeredBreaks(thaiTextNodes(place));
      expect(offeredBreaks([place]).loose, place.textContent ?? '').toBe('');
      expect(text.length, place.textContent ?? '').toBeGreaterThan(0);
      expect(breaks, text).toEqual(segmenterBreaks(text));
    }
  });
});
