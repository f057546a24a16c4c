/** @vitest-environment jsdom */
import { describe, expect, it } from 'vitest';
import { strategyMapSvg, type StrategyMapOptions } from '../../main/core/charts/strategyMap.ts';
import { textWidth } from '../../main/core/charts/textWidth.ts';
import { numbering } from '../../main/core/planContent.ts';
import type { Row, RowEntity } from '../../main/core/rows.ts';
import { breakOpportunities } from '../../main/core/thaiBreak.ts';
import { toThaiDigits } from '../../main/core/years.ts';
import { testRow } from '../harness/rows.ts';

const options: StrategyMapOptions = {
  title: 'แผนที่ยุทธศาสตร์',
  headings: { issue: 'ประเด็นยุทธศาสตร์', goal: 'เป้าประสงค์', strategy: 'กลยุทธ์', project: 'โครงการ/แผนงาน' },
  missing: { goal: 'ยังไม่มีเป้าประสงค์', strategy: 'ยังไม่มีกลยุทธ์', project: 'ยังไม่มีโครงการ' },
  unnamed: '(ยังไม่ได้ตั้งชื่อ)',
  empty: 'ยังไม่มีประเด็นยุทธศาสตร์',
  continued: '(ต่อ)',
};

/** A plan's content as listRows returns it: built top down, siblings in creation order. */
function plan() {
  const rows: Row[] = [];
  const add = (entity: RowEntity, name: string, parent: Row | null = null) => {
    const row = testRow(entity, { name }, { parentId: parent?.id ?? null });
    rows.push(row);
    return row;
  };
  const issue1 = add('strategicIssue', 'การพัฒนาระบบการสื่อสารและประชาสัมพันธ์เชิงรุก');
  const goal11 = add('goal', 'ประชาชนได้รับข้อมูลข่าวสารของกรุงเทพมหานครอย่างทั่วถึง รวดเร็ว และถูกต้อง', issue1);
  const strategy111 = add('strategy', 'พัฒนาช่องทางการสื่อสารดิจิทัลให้เข้าถึงประชาชนทุกกลุ่ม', goal11);
  add('project', 'โครงการพัฒนาแพลตฟอร์มสื่อสังคมออนไลน์ของกรุงเทพมหานคร', strategy111);
  add('project', 'โครงการผลิตสื่อวิดีโอสั้นเผยแพร่นโยบายผู้บริหาร', strategy111);
  add('strategy', 'เสริมสร้างเครือข่ายประชาสัมพันธ์ระดับสำนักงานเขต', goal11);
  const issue2 = add('strategicIssue', 'การเสริมสร้างภาพลักษณ์ที่ดีของกรุงเทพมหานคร');
  add('goal', 'ภาพลักษณ์ของกรุงเทพมหานครเป็นที่ยอมรับและเชื่อมั่นของประชาชน', issue2);
  add('strategicIssue', '');
  // Rows the map does not draw: they must change nothing.
  add('factor', 'ข่าวปลอมแพร่กระจายเร็ว');
  return rows;
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

/** Text with its spaces taken out: wrapped lines put back together, whichever spaces the breaks took. */
const squeeze = (text: string) => text.replace(/ /g, '');

const boxes = (doc: Document, level: string) => [...doc.querySelectorAll(`g[data-level="${level}"]`)];
const rect = (g: Element) => {
  const r = g.querySelector('rect')!;
  const n = (a: string) => Number(r.getAttribute(a));
  return { x: n('x'), y: n('y'), width: n('width'), height: n('height') };
};
/** A box's number and its name, as drawn (the number is the bold text before the name's lines). */
const boxText = (g: Element) => {
  const texts = [...g.querySelectorAll('text')];
  const numbered =
    texts[0]?.getAttribute('font-weight') === '700' && /^[\d\u0E50-\u0E59.]+$/.test(texts[0].textContent ?? '');
  return {
    number: numbered ? texts[0]!.textContent : '',
    lines: (numbered ? texts.slice(1) : texts).map((t) => t.textContent ?? ''),
  };
};

describe('strategy map (SVG)', () => {
  it('draws every issue, goal, strategy and project once, numbered as planContent numbers them, column by column', () => {
    const rows = plan();
    const [svg, ...more] = strategyMapSvg(rows, options);
    expect(more).toHaveLength(0);
    const doc = parse(svg!);
    const numbers = numbering(rows);
    const drawn = ['issue', 'goal', 'strategy', 'project'].flatMap((level) => boxes(doc, level));
    const withRows = drawn.filter((g) => g.hasAttribute('data-row-id'));
    const expected = rows.filter((r) => ['strategicIssue', 'goal', 'strategy', 'project'].includes(r.entity));
    expect(withRows.map((g) => g.getAttribute('data-row-id')).sort()).toEqual(expected.map((r) => r.id).sort());
    for (const g of withRows) expect(boxText(g).number).toBe(numbers.get(g.getAttribute('data-row-id')!));
    expect(withRows.filter((g) => g.getAttribute('data-level') === 'project').map((g) => boxText(g).number)).toEqual([
      '1.1.1.1',
      '1.1.1.2',
    ]);

    // Columns left to right in hierarchy order; the headings name them.
    const lefts = ['issue', 'goal', 'strategy', 'project'].map((level) => rect(boxes(doc, level)[0]!).x);
    expect([...lefts].sort((a, b) => a - b)).toEqual(lefts);
    const texts = [...doc.getElementsByTagName('text')].map((t) => t.textContent);
    for (const heading of Object.values(options.headings)) expect(texts).toContain(heading);
    expect(doc.documentElement.getAttribute('aria-label')).toBe('แผนที่ยุทธศาสตร์');
    expect(doc.querySelector('title')?.textContent).toBe('แผนที่ยุทธศาสตร์');
  });

  it('shows in dashed boxes where a level is still empty, and names an unnamed issue', () => {
    const doc = parse(strategyMapSvg(plan(), options)[0]!);
    const missing = [...doc.querySelectorAll('g[data-missing]')].map(
      (g) => `${g.getAttribute('data-missing')}: ${boxText(g).lines.join(' ')}`,
    );
    // Strategy 1.1.2 has no project, goal 2.1 no strategy, issue 3 no goal.
    expect(missing.sort()).toEqual(['goal: ยังไม่มีเป้าประสงค์', 'project: ยังไม่มีโครงการ', 'strategy: ยังไม่มีกลยุทธ์']);
    for (const g of doc.querySelectorAll('g[data-missing] rect'))
      expect(g.getAttribute('stroke-dasharray')).toBeTruthy();
    const unnamed = boxes(doc, 'issue').find((g) => boxText(g).number === '3')!;
    expect(boxText(unnamed).lines).toEqual(['(ยังไม่ได้ตั้งชื่อ)']);
  });

  it('connects each item to its parent: one line per child, from the parent box to the child box', () => {
    const doc = parse(strategyMapSvg(plan(), options)[0]!);
    // Under the issues: goals 1.1, 2.1 and issue 3's placeholder; under the goals: strategies 1.1.1, 1.1.2 and
    // goal 2.1's placeholder; under the strategies: projects 1.1.1.1, 1.1.1.2 and strategy 1.1.2's placeholder.
    const paths = [...doc.querySelectorAll('path')].map((p) =>
      p
        .getAttribute('d')!
        .match(/-?[\d.]+/g)!
        .map(Number),
    );
    expect(paths).toHaveLength(9);
    const goal = rect(boxes(doc, 'goal').find((g) => boxText(g).number === '1.1')!);
    const strategies = boxes(doc, 'strategy')
      .filter((g) => boxText(g).number.startsWith('1.1.'))
      .map(rect);
    // M x y H mid V y' H x': from the goal's right edge, middle, to each strategy's left edge, middle.
    const fromGoal = paths.filter(
      ([x, y]) => Math.abs(x! - (goal.x + goal.width)) < 0.02 && Math.abs(y! - (goal.y + goal.height / 2)) < 0.02,
    );
    expect(fromGoal).toHaveLength(2);
    expect(fromGoal.map((d) => [d[3], d[4]])).toEqual(
      strategies.map((s) => [expect.closeTo(s.y + s.height / 2, 1), expect.closeTo(s.x, 1)]),
    );
  });

  it('keeps typed markup as text: names with < & and quotes parse and read back unchanged', () => {
    const name = 'โครงการ <script>alert("x")</script> & ข่าว \'จริง\'';
    const rows = [testRow('strategicIssue', { name }, { id: 'issue-"<&>' })];
    const doc = parse(strategyMapSvg(rows, { ...options, title: 'แผนที่ <ทดสอบ> & "ชื่อ"' })[0]!);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(squeeze(boxText(boxes(doc, 'issue')[0]!).lines.join(''))).toBe(squeeze(name));
    expect(boxes(doc, 'issue')[0]!.getAttribute('data-row-id')).toBe('issue-"<&>');
    expect(doc.documentElement.getAttribute('aria-label')).toBe('แผนที่ <ทดสอบ> & "ชื่อ"');
  });

  it('wraps names inside their boxes, breaking Thai only between words', () => {
    const rows = plan();
    const doc = parse(strategyMapSvg(rows, { ...options, width: 640 })[0]!);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const g of doc.querySelectorAll('g[data-row-id]')) {
      const box = rect(g);
      const name = String(byId.get(g.getAttribute('data-row-id')!)!.data.name) || options.unnamed;
      const texts = [...g.querySelectorAll('text')];
      for (const t of texts) {
        const x = Number(t.getAttribute('x'));
        const bold = t.getAttribute('font-weight') === '700';
        expect(x + textWidth(t.textContent!, { fontSize: 14, bold })).toBeLessThanOrEqual(box.x + box.width);
        expect(Number(t.getAttribute('y'))).toBeLessThan(box.y + box.height);
      }
      const { lines } = boxText(g);
      if (lines.length > 1) {
        // The lines put back together are the name, and every place they were cut is a break opportunity.
        const allowed = new Set(breakOpportunities(name));
        let at = 0;
        for (const line of lines.slice(0, -1)) {
          at = name.indexOf(line, at) + line.length;
          const next = name[at] === ' ' ? at + 1 : at;
          expect(allowed.has(next)).toBe(true);
        }
        expect(squeeze(lines.join(''))).toBe(squeeze(name));
      }
    }
    // Narrow columns do wrap: the long goal name takes several lines.
    expect(boxText(boxes(doc, 'goal')[0]!).lines.length).toBeGreaterThan(2);
  });

  it('gives the same bytes for the same plan, and follows a reorder with new numbers', () => {
    const rows = plan();
    expect(strategyMapSvg(rows, options)).toEqual(strategyMapSvg([...rows], options));
    // Issue 2 moved before issue 1 (listRows order): it becomes number 1.
    const issues = rows.filter((r) => r.entity === 'strategicIssue');
    const reordered = [issues[1]!, ...rows.filter((r) => r !== issues[1])];
    const doc = parse(strategyMapSvg(reordered, options)[0]!);
    const first = boxes(doc, 'issue').find((g) => boxText(g).number === '1')!;
    expect(first.getAttribute('data-row-id')).toBe(issues[1]!.id);
  });

  it('splits into parts between issues when that balances, each part with the headings', () => {
    const rows: Row[] = [];
    for (const n of [1, 2, 3, 4]) {
      const issue = testRow('strategicIssue', { name: `ประเด็นยุทธศาสตร์ที่ ${n}` });
      const goal = testRow('goal', { name: 'เป้าประสงค์' }, { parentId: issue.id });
      const strategy = testRow('strategy', { name: 'กลยุทธ์' }, { parentId: goal.id });
      rows.push(issue, goal, strategy, testRow('project', { name: 'โครงการ' }, { parentId: strategy.id }));
    }
    const parts = strategyMapSvg(rows, { ...options, parts: 2 }).map(parse);
    expect(parts).toHaveLength(2);
    expect(parts.map((doc) => boxes(doc, 'issue').map((g) => boxText(g).number))).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    for (const doc of parts) {
      expect([...doc.getElementsByTagName('text')].map((t) => t.textContent)).toContain('ประเด็นยุทธศาสตร์');
      expect(doc.documentElement.getAttribute('aria-label')).toMatch(/^แผนที่ยุทธศาสตร์ \([12]\/2\)$/);
    }
    expect(parts.flatMap((doc) => [...doc.querySelectorAll('text')]).some((t) => t.textContent?.includes('(ต่อ)'))).toBe(
      false,
    );
  });

  it('splits one long issue between its goals, repeating the issue as continued, every goal drawn once', () => {
    const issue = testRow('strategicIssue', { name: 'การพัฒนาระบบการสื่อสาร' });
    const goals = Array.from({ length: 6 }, (_, i) =>
      testRow('goal', { name: `เป้าประสงค์ที่ ${i + 1} ของประเด็นเดียว` }, { parentId: issue.id }),
    );
    const parts = strategyMapSvg([issue, ...goals], { ...options, parts: 2 }).map(parse);
    expect(parts).toHaveLength(2);
    const goalIds = parts.flatMap((doc) => boxes(doc, 'goal').map((g) => g.getAttribute('data-row-id')));
    expect(goalIds).toEqual(goals.map((g) => g.id));
    expect(parts.map((doc) => boxes(doc, 'goal').length)).toEqual([3, 3]);
    expect(squeeze(boxText(boxes(parts[0]!, 'issue')[0]!).lines.join(''))).toBe('การพัฒนาระบบการสื่อสาร');
    expect(squeeze(boxText(boxes(parts[1]!, 'issue')[0]!).lines.join(''))).toBe('การพัฒนาระบบการสื่อสาร(ต่อ)');
  });

  it('asks for more parts than there are goals: as many parts as there are goals', () => {
    const issue = testRow('strategicIssue', { name: 'ประเด็นเดียว' });
    const goal = testRow('goal', { name: 'เป้าประสงค์เดียว' }, { parentId: issue.id });
    expect(strategyMapSvg([issue, goal], { ...options, parts: 3 })).toHaveLength(1);
  });

  it('draws item numbers and names in Thai digits when asked, placing each name after the wider Thai number', () => {
    const rows = plan();
    const issue = rows.find((r) => r.entity === 'strategicIssue')!;
    // Digits in a name follow the document's rule: Thai, except in a code against a Latin letter (S1).
    const named = rows.map((r) => (r === issue ? { ...r, data: { name: 'นโยบาย 9 ดี 9 ด้าน ตามกรอบ S1' } } : r));
    const arabic = parse(strategyMapSvg(named, { ...options, width: 640 })[0]!);
    const thai = parse(strategyMapSvg(named, { ...options, width: 640, digits: 'thai' })[0]!);
    const numbers = numbering(named);
    const pad = 14 * 0.5;
    let compared = 0;
    for (const g of thai.querySelectorAll('g[data-row-id]')) {
      const id = g.getAttribute('data-row-id')!;
      const { number, lines } = boxText(g);
      expect(number).toBe(toThaiDigits(numbers.get(id)!));
      // The name starts after the number as measured in Thai digits, so the two never overlap ...
      const box = rect(g);
      const [numberText, firstLine] = [...g.querySelectorAll('text')];
      const numberEnd = Number(numberText!.getAttribute('x')) + textWidth(number!, { fontSize: 14, bold: true });
      expect(Number(firstLine!.getAttribute('x'))).toBeGreaterThan(numberEnd);
      expect(Number(firstLine!.getAttribute('x'))).toBeCloseTo(
        box.x + pad + textWidth(`${number} `, { fontSize: 14, bold: true }),
        1,
      );
      // ... and every line still ends inside its box.
      for (const t of g.querySelectorAll('text')) {
        const bold = t.getAttribute('font-weight') === '700';
        const end = Number(t.getAttribute('x')) + textWidth(t.textContent!, { fontSize: 14, bold });
        expect(end).toBeLessThanOrEqual(box.x + box.width);
      }
      // Thai digits are wider: the name starts further right than in the Arabic drawing.
      const same = arabic.querySelector(`g[data-row-id="${id}"]`)!;
      const arabicX = Number(same.querySelectorAll('text')[1]!.getAttribute('x'));
      expect(Number(firstLine!.getAttribute('x'))).toBeGreaterThan(arabicX);
      expect(/[0-9]/.test(number!)).toBe(false);
      if (id === issue.id) expect(squeeze(lines.join(''))).toBe(squeeze('นโยบาย ๙ ดี ๙ ด้าน ตามกรอบ S1'));
      compared++;
    }
    expect(compared).toBe(9);
    // Headings and placeholders carry no digits here; the title of a split map numbers its parts in Thai.
    const parts = strategyMapSvg(named, { ...options, parts: 2, digits: 'thai' }).map(parse);
    expect(parts.map((doc) => doc.documentElement.getAttribute('aria-label'))).toEqual([
      'แผนที่ยุทธศาสตร์ (๑/๒)',
      'แผนที่ยุทธศาสตร์ (๒/๒)',
    ]);
  });

  it('draws Arabic digits by default and when asked, the same bytes either way', () => {
    const rows = plan();
    const drawn = strategyMapSvg(rows, options);
    expect(strategyMapSvg(rows, { ...options, digits: 'arabic' })).toEqual(drawn);
    expect(drawn.join('')).not.toMatch(/[\u0E50-\u0E59]/);
    const doc = parse(drawn[0]!);
    expect(boxes(doc, 'goal').map((g) => boxText(g).number)).toEqual(['1.1', '2.1', '']);
  });

  it('says so when the plan has no strategic issue yet', () => {
    const [svg, ...more] = strategyMapSvg([testRow('factor', { statement: 'x' })], options);
    expect(more).toHaveLength(0);
    const doc = parse(svg!);
    expect(doc.querySelectorAll('g[data-level]')).toHaveLength(0);
    expect(doc.querySelector('text')?.textContent).toBe('ยังไม่มีประเด็นยุทธศาสตร์');
  });
});
