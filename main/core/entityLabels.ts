import type { Translate } from './pdf/options.ts';
import { STRUCTURE_FIELDS } from './rowHistory.ts';

/**
 * How a kind of row and its fields are named to a reader ("เป้าประสงค์", "หน่วยนับ"), in whichever language `t`
 * speaks: one table for every screen and message that names an operation (exchange screens, row history, the
 * command line's refusals). The stored code ("goal", "parentId") is what logs and English details keep; it is
 * shown only for a name no locale file has.
 */

export function entityLabel(t: Translate, entity: string): string {
  return t(`exchange.ui.entity.${entity}`, { defaultValue: entity });
}

export function fieldLabel(t: Translate, entity: string, field: string): string {
  if (STRUCTURE_FIELDS.has(field)) return t(`exchange.ui.structure.${field}`);
  if (entity === 'plan') return t(`fields.${field}`, { defaultValue: field });
  return t(`history.field.${field}`, { defaultValue: field });
}
