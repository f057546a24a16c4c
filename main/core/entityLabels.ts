import type { FieldProblem } from './errors.ts';
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

/** A row's own name as a reader knows it (an office by code and name, else its name or statement), or ''. */
export function rowName(entity: string, data: Readonly<Record<string, unknown>>): string {
  if (entity === 'office') return [data.code, data.name].filter((v) => typeof v === 'string' && v.trim()).join(' ');
  for (const key of ['name', 'statement', 'text', 'place']) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return '';
}

/**
 * The values of `planFile.problem` in `t`'s language: where the problem is ("งบประมาณปี 2567 ของโครงการ “…”"),
 * its message with its values, and how many more follow. One rule for the Home screen and the command line.
 */
export function problemSentenceValues(t: Translate, p: FieldProblem): Record<string, string> {
  const field = fieldLabel(t, p.entity, p.field);
  const where =
    p.entity === 'plan'
      ? t('planFile.where.plan', { field })
      : t(`planFile.where.${p.year === undefined ? 'row' : 'year'}${p.named ? 'Named' : ''}`, {
          field,
          year: p.year,
          entity: entityLabel(t, p.named?.entity ?? p.entity),
          name: p.named?.name,
        });
  return {
    where,
    message: t(p.message, p.values),
    more: p.more > 0 ? t('planFile.more', { count: p.more }) : '',
  };
}
