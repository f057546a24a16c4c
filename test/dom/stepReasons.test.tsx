import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/src/i18n.ts';
import { routeHash } from '../../renderer/src/route.ts';
import { WIZARDS } from '../../renderer/src/wizards/index.ts';
import { samplePlan } from './fakeApi.tsx';
import { openWizard, planFake, row, wholeText } from './planFake.tsx';

/**
 * What the wizards say about their steps is always words: no reason, state or blocker shows an i18n key
 * (a key whose values were not passed falls back to the key itself), and a step that holds the way says why.
 */

/** The locale files' top-level keys ("planContent", "workspace", …): a key shown raw starts with one of them. */
const NAMESPACES = [
  ...new Set(
    readdirSync(join(import.meta.dirname, '..', '..', 'resources', 'locales'))
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) =>
        Object.keys(
          JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'locales', f), 'utf8')) as object,
        ),
      ),
  ),
];
const RAW_KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[A-Za-z_.]+`, 'g');

/** Every i18n key found in the document's text, hidden descriptions and tooltips included. */
function rawKeys(): string[] {
  const texts = [
    document.body.textContent ?? '',
    ...[...document.querySelectorAll('[title],[aria-label]')].flatMap((el) => [
      el.getAttribute('title') ?? '',
      el.getAttribute('aria-label') ?? '',
    ]),
  ];
  return texts.flatMap((text) => text.match(RAW_KEY) ?? []);
}

const heading = (step: number) => screen.findByRole('heading', { name: new RegExp(`(ขั้นที่|Step) ${step + 1} `) });

describe('the words of every wizard step', () => {
  for (const language of ['th', 'en'] as const) {
    it(`shows no i18n key in any step of any wizard of an empty plan, side navigation included (${language})`, async () => {
      await i18n.changeLanguage(language);
      const found: string[] = [];
      for (const wizard of WIZARDS)
        for (let step = 0; step < wizard.steps.length; step++) {
          openWizard(planFake(), wizard.id, step);
          await heading(step);
          // The navigation's states are computed when idle (deferred): wait for them.
          await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
          found.push(...rawKeys().map((key) => `${wizard.id}/${step + 1}: ${key}`));
          cleanup();
        }
      expect(found).toEqual([]);
      // Not a test that cannot fail: the pattern finds a key where one is shown.
      const shown = document.body.appendChild(document.createElement('p'));
      shown.textContent = 'ยังไม่เริ่ม: planContent.completeness.planLacks';
      expect(rawKeys()).toEqual(['planContent.completeness.planLacks']);
      shown.remove();
    }, 120_000);
  }
});

describe('a step that holds the way', () => {
  it('says why in every wizard: on an empty plan every blocker notice lists its reasons', async () => {
    const empty: string[] = [];
    for (const wizard of WIZARDS) {
      const last = wizard.steps.length - 1;
      openWizard(planFake(), wizard.id, last);
      await heading(last);
      const notice = screen.queryByText(wholeText(/ยังไม่ผ่าน จึงยังไม่ควรทำขั้นนี้ต่อ:$/))?.parentElement;
      if (notice && within(notice).queryAllByRole('listitem').length === 0) empty.push(wizard.id);
      cleanup();
    }
    expect(empty).toEqual([]);
  }, 60_000);

  it('lists a refused value left on an earlier step as the reason, on the step and in the side navigation', async () => {
    // Monitoring of an adopted plan with one KPI: only a refused quarter result holds step 2 back.
    const fake = planFake([
      row('planOptions', { adoptedOn: '2566-10-02' }, null, samplePlan.id),
      row('strategicIssue', { name: 'ประชาสัมพันธ์เชิงรุก' }, null, 'i1'),
      row('goal', { name: 'ประชาชนรับรู้ข่าวสาร' }, 'i1', 'g1'),
      row('kpi', { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ' }, 'g1', 'k1'),
    ]);
    const at = routeHash({ name: 'wizard', id: samplePlan.id, wizard: 'monitoring', step: 1 });
    await fake.api['settings.set']({
      unsaved: { [samplePlan.id]: { 'k1|result': { text: 'แปดสิบ', message: 'validation.number', at } } },
    });
    openWizard(fake, 'monitoring', 3);
    await heading(3);
    const notice = (
      await screen.findByText(wholeText('ขั้นที่ 2 “ผลการดำเนินงานตามตัวชี้วัดรายไตรมาส” ยังไม่ผ่าน จึงยังไม่ควรทำขั้นนี้ต่อ:'))
    ).parentElement!;
    expect(
      within(notice)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain('ยังมี 1 ช่องที่กรอกค่าไม่ผ่านเกณฑ์และยังไม่ได้บันทึก แก้ไขหรือลบค่านั้นก่อน');
  });
});
