import { describe, expect, it } from 'vitest';
import { undoActionKey } from '../../renderer/src/undoLabel.ts';

describe('what an undo names', () => {
  it.each([
    ['delete', 'undo.action.delete'],
    ['create', 'undo.action.create'],
    ['edit:title,endYear', 'undo.action.edit'],
    ['delete:missionLink', 'undo.action.deleteRow'],
    ['create:factor', 'undo.action.createRow'],
    ['move:member', 'undo.action.moveRow'],
    ['edit:factor', 'undo.action.edit'],
    ['open-sample', 'undo.action.other'],
  ])('%s → %s', (label, key) => expect(undoActionKey(label)).toBe(key));
});
