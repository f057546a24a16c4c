import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMPLETENESS_RULES, PLAN_PARTS, completenessMessageKey } from '../../main/core/planContent.ts';
import type { Row } from '../../main/core/rows.ts';
import { parseHash, routeHash } from '../../renderer/src/route.ts';
import { PlanEditor } from '../../renderer/src/screens/PlanEditor.tsx';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { i18n } from '../../renderer/src/i18n.ts';
import { fakeShell, lastToast, renderWith, samplePlan } from './fakeApi.tsx';
import { optionsRow, planFake, row } from './planFake.tsx';

const NATIONAL = { catalogId: 'national-strategy-2561-2580', version: '2561' };
const ISSUE = 'การเสริมสร้างภาพลักษณ์และความเชื่อมั่นต่อกรุงเทพมหานคร';
const plan = samplePlan.id;

// jsdom lays nothing out, so it has no scrollIntoView; the focus hook calls it before focusing.
beforeAll(() => {
  Element.prototype.scrollIntoView = vi.fn();
});

/**
 * No vision; an issue aligned with nothing, with a goal that has neither a KPI nor a strategy and a goal whose
 * KPI misses 2568 and has percentages over 100, and whose strategy has a project with a budget but no unit.
 */
function content(): Row[] {
  const issue = row('strategicIssue', { name: ISSUE }, null, 'issue-1');
  const goal = row('goal', { name: 'ประชาชนเชื่อมั่นในการทำงานของกรุงเทพมหานคร' }, issue.id, 'goal-1');
  const goal2 = row('goal', { name: 'ข่าวสารถึงประชาชนทุกกลุ่ม' }, issue.id, 'goal-2');
  const kpi = row('kpi', { name: 'ร้อยละของประชาชนที่เชื่อมั่น', unit: 'ร้อยละ', periodTarget: 120 }, goal2.id, 'kpi-1');
  const targets = [2566, 2567, 2569, 2570].map((year) =>
    row('kpiTarget', { year, target: year === 2570 ? 105 : 80 }, kpi.id, `kpi-1:${year}`),
  );
  const strategy = row('strategy', { name: 'บริหารจัดการประเด็นข่าว' }, goal2.id, 'strategy-1');
  const project = row('project', { name: 'โครงการศูนย์ข่าว', kind: 'programme' }, strategy.id, 'project-1');
  const budget = row('projectBudget', { year: 2566, amount: 500000 }, project.id, 'project-1:2566');
  return [issue, goal, goal2, kpi, ...targets, strategy, project, budget];
}

/**
 * A plan every rule passes: a vision; an aligned issue with a goal, whose KPI has a target within its unit for
 * every year of the plan (2566–2570), and a strategy with a project that has a unit and a budget.
 */
function complete(): Row[] {
  const vision = row('vision', { text: 'กรุงเทพมหานครเป็นที่เชื่อมั่นของประชาชน' }, null, 'vision-1');
  const issue = row('strategicIssue', { name: ISSUE }, null, 'issue-1');
  const aligned = row('alignmentLink', { catalogId: NATIONAL.catalogId, itemId: 'ns-1' }, issue.id, 'issue-1:x:ns-1');
  const goal = row('goal', { name: 'ประชาชนเชื่อมั่นในการทำงานของกรุงเทพมหานคร' }, issue.id, 'goal-1');
  const kpi = row('kpi', { name: 'ร้อยละของประชาชนที่เชื่อมั่น', unit: 'ร้อยละ', periodTarget: 80 }, goal.id, 'kpi-1');
  const targets = [2566, 2567, 2568, 2569, 2570].map((year) =>
    row('kpiTarget', { year, target: 70 + (year - 2566) * 2 }, kpi.id, `kpi-1:${year}`),
  );
  const strategy = row('strategy', { name: 'บริหารจัดการประเด็นข่าว' }, goal.id, 'strategy-1');
  const project = row(
    'project',
    { name: 'โครงการศูนย์ข่าว', kind: 'project', responsibleUnit: 'สำนักประชาสัมพันธ์' },
    strategy.id,
    'project-1',
  );
  const budget = row('projectBudget', { year: 2566, amount: 500000 }, project.id, 'project-1:2566');
  return [vision, issue, aligned, goal, kpi, ...targets, strategy, project, budget];
}

const open = (step: number, rows: Row[], rowId?: string) => {
  const fake = planFake(rows);
  const shell = fakeShell();
  renderWith(<WizardScreen planId={plan} wizard="review" step={step} rowId={rowId} />, fake.api, shell);
  return { fake, shell };
};

describe('review wizard: completeness', () => {
  it('groups what a reviewer would reject by rule, counts it, and links each item to the row where it is fixed', async () => {
    open(2, [optionsRow([NATIONAL]), ...content()]);
    await screen.findByRole('heading', { name: /ขั้นที่ 3 จาก 3/ });
    // Vision, goal 1.1's KPI and strategy, 2568's target, two targets over 100, the unit, the alignment.
    expect(screen.getByText('พบ 8 รายการที่ผู้ตรวจแผนจะขอให้แก้ไข กดที่รายการเพื่อไปแก้ไข')).toBeTruthy();

    const section = (name: RegExp) => screen.getByRole('region', { name });
    const link = (name: string) => screen.getByRole('link', { name });
    // Only the vision is lacking plan-wide: every other part exists, and what lacks it is named by its row.
    expect(
      within(section(/สิ่งที่แผนยังไม่มีเลย/))
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([['แผนยังไม่มีวิสัยทัศน์', `#/plan/${plan}/direction/1`]]);
    expect(
      within(section(/เป้าประสงค์ที่ยังไม่มีตัวชี้วัด/))
        .getByText('1')
        .getAttribute('aria-label'),
    ).toBe('1 รายการ');
    expect(link('เป้าประสงค์ที่ 1.1 “ประชาชนเชื่อมั่นในการทำงานของกรุงเทพมหานคร” ยังไม่มีตัวชี้วัด').getAttribute('href')).toBe(
      `#/plan/${plan}/goals/2/goal-1`,
    );
    expect(link('เป้าประสงค์ที่ 1.1 “ประชาชนเชื่อมั่นในการทำงานของกรุงเทพมหานคร” ยังไม่มีกลยุทธ์').getAttribute('href')).toBe(
      `#/plan/${plan}/strategies/1/goal-1`,
    );
    expect(within(section(/เป้าประสงค์ที่ยังไม่มีกลยุทธ์/)).getAllByRole('link')).toHaveLength(1);
    // A missing year links to that year's cell (the kpiTarget id), encoded in the hash.
    expect(link('ตัวชี้วัดที่ 1.2.1 “ร้อยละของประชาชนที่เชื่อมั่น” ยังไม่มีค่าเป้าหมายของปี พ.ศ. 2568').getAttribute('href')).toBe(
      `#/plan/${plan}/goals/3/kpi-1%3A2568`,
    );
    const units = within(section(/ค่าเป้าหมายที่ไม่ตรงกับหน่วยนับ/)).getAllByRole('link');
    expect(units.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      [
        'ตัวชี้วัดที่ 1.2.1 “ร้อยละของประชาชนที่เชื่อมั่น” ค่าเป้าหมายปี พ.ศ. 2570 คือ 105 ซึ่งไม่ตรงกับหน่วยนับ “ร้อยละ”',
        `#/plan/${plan}/goals/3/kpi-1%3A2570`,
      ],
      [
        'ตัวชี้วัดที่ 1.2.1 “ร้อยละของประชาชนที่เชื่อมั่น” ค่าเป้าหมายตลอดแผนคือ 120 ซึ่งไม่ตรงกับหน่วยนับ “ร้อยละ”',
        `#/plan/${plan}/goals/3/kpi-1`,
      ],
    ]);
    expect(link('โครงการที่ 1.2.1.1 “โครงการศูนย์ข่าว” ยังไม่ระบุหน่วยงานรับผิดชอบ').getAttribute('href')).toBe(
      `#/plan/${plan}/strategies/2/project-1`,
    );
    expect(link(`ประเด็นยุทธศาสตร์ที่ 1 “${ISSUE}” ยังไม่สอดคล้องกับยุทธศาสตร์ แผน หรือนโยบายใด`).getAttribute('href')).toBe(
      `#/plan/${plan}/review/1/issue-1`,
    );
    // Rules with nothing to say are left out.
    expect(screen.queryByRole('region', { name: /ประเด็นยุทธศาสตร์ที่ยังไม่มีเป้าประสงค์/ })).toBeNull();
    expect(screen.queryByRole('region', { name: /กลยุทธ์ที่ยังไม่มีโครงการ/ })).toBeNull();
    expect(screen.queryByRole('region', { name: /โครงการที่ยังไม่มีงบประมาณ/ })).toBeNull();
  });

  it('says there is nothing to fix when every rule passes, and does not block Finish', async () => {
    const { shell } = open(2, [optionsRow([NATIONAL]), ...complete()]);
    await screen.findByText('ไม่พบรายการที่ต้องแก้ไข แผนครบถ้วนตามเกณฑ์การตรวจแล้ว');
    expect(screen.queryAllByRole('link', { name: /ยังไม่/ })).toHaveLength(0);
    await userEvent.setup().click(screen.getByRole('button', { name: 'เสร็จสิ้น' }));
    await waitFor(() => expect(shell.navigate).toHaveBeenCalledWith({ name: 'plan', id: plan }));
  });

  it('shows the count on the plan page with a link to the panel', async () => {
    const fake = planFake([optionsRow([NATIONAL]), ...content()]);
    renderWith(<PlanEditor id={plan} />, fake.api);
    const card = await screen.findByRole('region', { name: 'ความครบถ้วนของแผน' });
    await within(card).findByText(/พบ 8 รายการที่ผู้ตรวจแผนจะขอให้แก้ไข/);
    expect(within(card).getByRole('link', { name: 'ดูรายการที่ต้องแก้ไข' }).getAttribute('href')).toBe(
      `#/plan/${plan}/review/3`,
    );
  });
});

describe('targets kept for years a shortened plan no longer has', () => {
  // The plan ran to 2570 when its targets were entered; it now ends in 2569.
  const shortened = { ...samplePlan, endYear: 2569 };
  const TARGET = 'kpi-1:2570';

  it('lists each in the completeness panel, with the step where it is removed and the way to extend the period', async () => {
    const fake = planFake([optionsRow([NATIONAL]), ...complete()], [], shortened);
    renderWith(<WizardScreen planId={plan} wizard="review" step={2} />, fake.api, fakeShell());
    await screen.findByText('พบ 1 รายการที่ผู้ตรวจแผนจะขอให้แก้ไข กดที่รายการเพื่อไปแก้ไข');
    const section = screen.getByRole('region', { name: /ค่าเป้าหมายของปีที่อยู่นอกช่วงปีของแผน/ });
    expect(
      within(section)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      [
        'ตัวชี้วัดที่ 1.1.1 “ร้อยละของประชาชนที่เชื่อมั่น” มีค่าเป้าหมาย พ.ศ. 2570 ซึ่งอยู่นอกช่วงปีของแผน (ไม่นับรวม) ลบค่าเป้าหมายนี้ หรือขยายช่วงปีของแผน',
        `#/plan/${plan}/goals/3/${encodeURIComponent(TARGET)}`,
      ],
      ['ขยายช่วงปีของแผน', `#/plan/${plan}`],
    ]);
  });

  it('shows them on the targets step, holds Next on them, and removes one by the keyboard', async () => {
    const fake = planFake([optionsRow([NATIONAL]), ...complete()], [], shortened);
    const shell = fakeShell();
    renderWith(<WizardScreen planId={plan} wizard="goals" step={2} rowId={TARGET} />, fake.api, shell);
    const list = await screen.findByRole('region', { name: 'ค่าเป้าหมายของปีที่อยู่นอกช่วงปีของแผน' });
    expect(within(list).getByRole('listitem').textContent).toMatch(
      /^ตัวชี้วัดที่ 1\.1\.1 ร้อยละของประชาชนที่เชื่อมั่น: ค่าเป้าหมาย พ\.ศ\. 2570 คือ 78 ร้อยละ/,
    );
    // The year columns stop at 2569: the kept target has no cell of its own.
    expect(screen.queryByLabelText('ค่าเป้าหมาย พ.ศ. 2570: ร้อยละของประชาชนที่เชื่อมั่น')).toBeNull();
    const remove = within(list).getByRole('button', { name: 'ลบค่าเป้าหมาย พ.ศ. 2570 ของตัวชี้วัดที่ 1.1.1' });
    // The completeness link lands here, on the listed target; Tab then reaches its remove button.
    await waitFor(() => expect(document.activeElement).toBe(remove.closest('li')));
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement).toBe(remove);
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    expect(within(await screen.findByRole('alert')).getByRole('listitem').textContent).toBe(
      'ตัวชี้วัดที่ 1.1.1 “ร้อยละของประชาชนที่เชื่อมั่น” มีค่าเป้าหมาย พ.ศ. 2570 ซึ่งอยู่นอกช่วงปีของแผน จึงไม่นับรวม ลบออกหรือขยายช่วงปีของแผน',
    );
    remove.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.rows().some((r) => r.id === TARGET)).toBe(false));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'ค่าเป้าหมายของปีที่อยู่นอกช่วงปีของแผน' })).toBeNull());
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    // It was the only one: the focus goes to the step's heading, not to the page's body.
    expect(document.activeElement?.id).toBe('step-heading');
    expect(lastToast(shell).text).toMatch(/ลบค่าเป้าหมาย พ\.ศ\. 2570 ของตัวชี้วัดที่ 1\.1\.1/);
  });
});

describe('completeness wording', () => {
  it('has a message and a heading for every rule, in Thai and in English, with the values each shows', () => {
    for (const language of ['th', 'en'] as const) {
      const t = i18n.getFixedT(language);
      for (const rule of COMPLETENESS_RULES) {
        const key = completenessMessageKey(rule);
        expect(i18n.exists(`review.completeness.rule.${rule}`, { lng: language, fallbackLng: false })).toBe(true);
        if (rule === 'planLacks') {
          // The plan as a whole lacks a part: no row, so no number or name; each part has its own wording.
          for (const [part] of PLAN_PARTS) {
            expect(i18n.exists(`${key}_${part}`, { lng: language, fallbackLng: false })).toBe(true);
            expect(t(key, { context: part })).toBe(t(`${key}_${part}`));
          }
          continue;
        }
        expect(i18n.exists(key, { lng: language, fallbackLng: false })).toBe(true);
        const message = t(key, { number: '1.2', name: 'ชื่อ', year: 2568, target: 120, unit: 'ร้อยละ' });
        expect(message).toContain('ชื่อ');
        if (rule === 'kpiMissingTarget') expect(message).toContain('2568');
        if (rule === 'targetNotInUnit') expect(message).toMatch(/2568.*120.*ร้อยละ/);
      }
    }
  });
});

describe('review wizard: alignment', () => {
  it('says when the plan chose no framework and links to the set-up step where it is chosen', async () => {
    open(0, content());
    await screen.findByText('แผนนี้ยังไม่ได้เลือกกรอบยุทธศาสตร์ที่ต้องสอดคล้อง');
    expect(screen.getByRole('link', { name: /กรอบการจัดทำแผนที่ต้องสอดคล้อง/ }).getAttribute('href')).toBe(
      `#/plan/${plan}/setup/3`,
    );
  });

  it('shows issues, goals and projects × the entries, flagging gaps and the issue aligned with nothing', async () => {
    open(0, [optionsRow([NATIONAL]), ...content()]);
    const table = await screen.findByRole('table', { name: 'ยุทธศาสตร์ชาติ พ.ศ. 2561–2580' });
    // The issue, its two goals and the programme under goal 1.2's strategy; six national strategies.
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.getAttribute('data-row-id')),
    ).toEqual([null, 'issue-1', 'goal-1', 'goal-2', 'project-1', null]);
    expect(within(table).getAllByRole('checkbox')).toHaveLength(24);
    expect(
      within(table).getByRole('checkbox', {
        name: 'แผนงานที่ 1.2.1.1 × 6. ยุทธศาสตร์ชาติด้านการปรับสมดุลและพัฒนาระบบการบริหารจัดการภาครัฐ',
      }),
    ).toBeTruthy();
    expect(within(table).getAllByText('⚠ ช่องว่าง')).toHaveLength(12); // 6 headers + 6 footer cells
    expect(screen.getByText('ช่องว่าง 6 ข้อจาก 6 ข้อ ยังไม่มีรายการใดในแผนรองรับ')).toBeTruthy();
    expect(within(table).getByRole('row', { name: /ประเด็นยุทธศาสตร์ที่ 1/ }).textContent).toContain(
      '⚠ ยังไม่สอดคล้องกับกรอบใด',
    );
    expect(screen.getByText('มี 1 ประเด็นยุทธศาสตร์ที่ยังไม่สอดคล้องกับกรอบใดเลย:').closest('[role="status"]')).toBeTruthy();
  });

  it('ticks a cell as an alignmentLink row, which clears the issue and the gap, and unticks it with undo', async () => {
    const { fake, shell } = open(0, [optionsRow([NATIONAL]), ...content()]);
    const user = userEvent.setup();
    const cell = await screen.findByRole('checkbox', { name: 'ประเด็นยุทธศาสตร์ที่ 1 × 1. ยุทธศาสตร์ชาติด้านความมั่นคง' });
    await user.click(cell);
    expect(fake.callsTo('rows.create').at(-1)?.rows).toEqual([
      { entity: 'alignmentLink', parentId: 'issue-1', values: { catalogId: NATIONAL.catalogId, itemId: 'ns-1' } },
    ]);
    await screen.findByText('ประเด็นยุทธศาสตร์ทุกประเด็นสอดคล้องกับกรอบอย่างน้อย 1 ข้อแล้ว');
    expect((cell as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('ช่องว่าง 5 ข้อจาก 6 ข้อ ยังไม่มีรายการใดในแผนรองรับ')).toBeTruthy();

    await user.click(cell);
    await waitFor(() => expect(fake.callsTo('rows.delete')).toEqual([{ id: `issue-1:${NATIONAL.catalogId}:ns-1` }]));
    expect(lastToast(shell)).toEqual({
      text: 'ลบ “ประเด็นยุทธศาสตร์ที่ 1 × 1. ยุทธศาสตร์ชาติด้านความมั่นคง” แล้ว',
      undo: true,
      planId: samplePlan.id,
    });
    await screen.findByText('มี 1 ประเด็นยุทธศาสตร์ที่ยังไม่สอดคล้องกับกรอบใดเลย:');
    // The notice, still showing, names the cell again in English after a switch (the entry's English title).
    try {
      await act(() => i18n.changeLanguage('en'));
      expect(lastToast(shell).text).toBe('Deleted “Strategic issue 1 × 1. Security”');
    } finally {
      await act(() => i18n.changeLanguage('th'));
    }
  });

  it('is one Tab stop: the arrows move between cells, Space ticks, and Tab leaves the matrix for what follows', async () => {
    const { fake } = open(0, [optionsRow([NATIONAL]), ...content()]);
    const user = userEvent.setup();
    const name = (item: string, entry: string) => `${item} × ${entry}`;
    const first = await screen.findByRole('checkbox', {
      name: name('ประเด็นยุทธศาสตร์ที่ 1', '1. ยุทธศาสตร์ชาติด้านความมั่นคง'),
    });
    const cells = screen.getAllByRole('checkbox');
    expect(cells.filter((c) => c.tabIndex === 0)).toEqual([first]);
    first.focus();
    await user.keyboard('{ArrowRight}{ArrowDown}');
    const moved = screen.getByRole('checkbox', {
      name: name('เป้าประสงค์ที่ 1.1', '2. ยุทธศาสตร์ชาติด้านการสร้างความสามารถในการแข่งขัน'),
    });
    expect(document.activeElement).toBe(moved);
    await user.keyboard(' ');
    await waitFor(() =>
      expect(fake.callsTo('rows.create').at(-1)?.rows).toEqual([
        { entity: 'alignmentLink', parentId: 'goal-1', values: { catalogId: NATIONAL.catalogId, itemId: 'ns-2' } },
      ]),
    );
    // The cell last visited is the one Tab comes back to; Tab from it leaves the table.
    expect(cells.filter((c) => c.tabIndex === 0)).toEqual([moved]);
    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^เป้าประสงค์ที่ 1\.1 × 6\. /);
    await user.tab();
    expect(document.activeElement?.getAttribute('type')).not.toBe('checkbox');
  });

  it('lands on the linked row: its first checkbox gets the focus and the row is scrolled to', async () => {
    open(0, [optionsRow([NATIONAL]), ...content()], 'issue-1');
    const cell = await screen.findByRole('checkbox', { name: 'ประเด็นยุทธศาสตร์ที่ 1 × 1. ยุทธศาสตร์ชาติด้านความมั่นคง' });
    await waitFor(() => expect(document.activeElement).toBe(cell));
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
    expect(cell.closest('tr')?.classList.contains('row-target')).toBe(true);
  });

  it('falls back to the parent row when a fixed-id row has no element of its own', async () => {
    // An alignment link's id names its issue first: the hook finds the issue's row.
    open(0, [optionsRow([NATIONAL]), ...content()], `issue-1:${NATIONAL.catalogId}:ns-9`);
    const cell = await screen.findByRole('checkbox', { name: 'ประเด็นยุทธศาสตร์ที่ 1 × 1. ยุทธศาสตร์ชาติด้านความมั่นคง' });
    await waitFor(() => expect(document.activeElement).toBe(cell));
  });
});

describe('review wizard: strategy map', () => {
  it('draws the map from the plan, names what is missing, and lists the same tree for screen readers', async () => {
    open(1, content());
    const map = await screen.findByRole('img', { name: 'แผนที่ยุทธศาสตร์' });
    expect([...map.querySelectorAll('g[data-row-id]')].map((g) => g.getAttribute('data-row-id'))).toEqual(
      expect.arrayContaining(['issue-1', 'goal-1', 'goal-2', 'strategy-1', 'project-1']),
    );
    expect(map.querySelector('g[data-missing="strategy"]')?.textContent).toBe('ยังไม่มีกลยุทธ์');
    const list = screen.getByText('ดูแผนที่ยุทธศาสตร์เป็นรายการ').closest('details')!;
    expect(within(list).getByText('1.2.1.1').parentElement?.textContent).toBe('1.2.1.1 โครงการศูนย์ข่าว');
  });

  it('follows the interface language', async () => {
    open(1, content());
    await screen.findByRole('img', { name: 'แผนที่ยุทธศาสตร์' });
    await act(() => i18n.changeLanguage('en'));
    const map = await screen.findByRole('img', { name: 'Strategy map' });
    expect(map.textContent).toContain('Strategic issue');
  });
});

describe('row links in the route', () => {
  it('keeps a row id in the hash, encoded, and reads it back', () => {
    const route = { name: 'wizard', id: plan, wizard: 'goals', step: 2, rowId: 'kpi-1:2568' } as const;
    expect(routeHash(route)).toBe(`#/plan/${plan}/goals/3/kpi-1%3A2568`);
    expect(parseHash(routeHash(route))).toEqual(route);
    expect(parseHash(`#/plan/${plan}/goals/3`)).toEqual({ name: 'wizard', id: plan, wizard: 'goals', step: 2 });
    // A stray % in a hand-typed hash does not throw.
    expect(parseHash(`#/plan/${plan}/goals/3/50%`)).toMatchObject({ rowId: '50%' });
  });
});
