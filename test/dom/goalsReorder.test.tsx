import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { comparePositions, positionBetween } from '../../main/core/position.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import { ok, renderWith, samplePlan } from './fakeApi.tsx';
import { planFake, row } from './planFake.tsx';

/** Drag to reorder in RowList (here the goals wizard's issues and goals): native drag events, as a browser sends them. */

// jsdom has no DragEvent: without one, a drag event would carry no pointer position (clientY).
globalThis.DragEvent ??= class DragEvent extends MouseEvent {} as typeof globalThis.DragEvent;

function fakeWithMove() {
  const fake = planFake([
    row('strategicIssue', { name: 'ประเด็นแรก' }, null, 'i1'),
    row('goal', { name: 'เป้าแรก' }, 'i1', 'g1'),
    row('goal', { name: 'เป้าที่สอง' }, 'i1', 'g2'),
    row('strategicIssue', { name: 'ประเด็นที่สอง' }, null, 'i2'),
    row('goal', { name: 'เป้าของประเด็นที่สอง' }, 'i2', 'g3'),
    row('strategicIssue', { name: 'ประเด็นที่สาม' }, null, 'i3'),
  ]);
  // As main: the row goes right after `after` among its siblings (first when null).
  fake.api['rows.move'] = async ({ id, after }) => {
    fake.calls.push({ channel: 'rows.move', input: { id, after } });
    const moved = fake.rows().find((r) => r.id === id)!;
    const siblings = fake
      .rows()
      .filter((r) => r.entity === moved.entity && r.parentId === moved.parentId && r.id !== id)
      .sort(comparePositions);
    const at = after === null ? -1 : siblings.findIndex((r) => r.id === after);
    const position = positionBetween(siblings[at]?.position ?? null, siblings[at + 1]?.position ?? null);
    return ok({ ...moved, position });
  };
  return fake;
}

const names = () => screen.getAllByLabelText('ชื่อประเด็นยุทธศาสตร์').map((box) => (box as HTMLTextAreaElement).value);

/** A drag from the item's grip to the lower (or upper) half of another item, with the box the browser lays out. */
function drag(from: HTMLElement, to: HTMLElement, half: 'upper' | 'lower') {
  to.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 100, width: 600, height: 80 });
  const grip = from.querySelector('.drag-handle')!;
  fireEvent.dragStart(grip);
  fireEvent.dragOver(to, { clientY: half === 'upper' ? 110 : 170 });
  fireEvent.drop(to, { clientY: half === 'upper' ? 110 : 170 });
  fireEvent.dragEnd(grip);
}

describe('drag to reorder', () => {
  it('dropping an item on the lower half of another moves it after that one, and on the upper half before', async () => {
    const fake = fakeWithMove();
    renderWith(<WizardScreen planId={samplePlan.id} wizard="goals" step={0} />, fake.api);
    const first = await screen.findByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 1' });
    drag(first, screen.getByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 3' }), 'lower');
    await waitFor(() => expect(names()).toEqual(['ประเด็นที่สอง', 'ประเด็นที่สาม', 'ประเด็นแรก']));
    expect(fake.callsTo('rows.move')).toEqual([{ id: 'i1', after: 'i3' }]);

    drag(
      screen.getByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 3' }),
      screen.getByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 1' }),
      'upper',
    );
    await waitFor(() => expect(names()).toEqual(['ประเด็นแรก', 'ประเด็นที่สอง', 'ประเด็นที่สาม']));
    expect(fake.callsTo('rows.move').at(-1)).toEqual({ id: 'i1', after: null });
    // The goals went with their issue and are numbered by its new place.
    await waitFor(() => {
      const moved = screen.getByRole('listitem', { name: 'ประเด็นยุทธศาสตร์ที่ 1' });
      expect(within(moved).getByRole('listitem', { name: 'เป้าประสงค์ที่ 1.2' })).toBeTruthy();
    });
  });

  it('a goal dropped among another issue’s goals, or where it already is, does not move', async () => {
    const fake = fakeWithMove();
    renderWith(<WizardScreen planId={samplePlan.id} wizard="goals" step={0} />, fake.api);
    const goal = await screen.findByRole('listitem', { name: 'เป้าประสงค์ที่ 1.1' });
    drag(goal, screen.getByRole('listitem', { name: 'เป้าประสงค์ที่ 2.1' }), 'lower');
    drag(goal, screen.getByRole('listitem', { name: 'เป้าประสงค์ที่ 1.2' }), 'upper');
    drag(goal, goal, 'lower');
    expect(fake.callsTo('rows.move')).toEqual([]);

    drag(goal, screen.getByRole('listitem', { name: 'เป้าประสงค์ที่ 1.2' }), 'lower');
    await waitFor(() => expect(fake.callsTo('rows.move')).toEqual([{ id: 'g1', after: 'g2' }]));
  });
});
