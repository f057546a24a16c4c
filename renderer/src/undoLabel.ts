import { ROW_ENTITY_NAMES, type RowEntity } from '../../main/core/rows.ts';

/**
 * The locale key (undo.action.*) naming what an undo took back, from the op-log group label main returns:
 * plan actions are 'create', 'delete', 'duplicate', 'import', 'edit:<fields>'; actions on the parts of a plan
 * are '<kind>:<entity>' (create, edit, delete, move), and an undo of an undo is 'undo:<label>'.
 */
export function undoActionKey(label: string): string {
  const [kind = '', detail = ''] = label.split(':');
  const onRow = (ROW_ENTITY_NAMES as readonly string[]).includes(detail as RowEntity);
  if (kind === 'edit') return 'undo.action.edit';
  if (onRow && ['create', 'delete', 'move'].includes(kind)) return `undo.action.${kind}Row`;
  if (!onRow && ['create', 'delete', 'duplicate', 'import'].includes(kind)) return `undo.action.${kind}`;
  return 'undo.action.other';
}
