import type { TFunction } from 'i18next';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import type { OfficeRef } from '../../../main/core/exchange/api.ts';
import { numbering } from '../../../main/core/planContent.ts';
import type { Row } from '../../../main/core/rows.ts';
import { entityLabel, fieldLabel as coreFieldLabel, rowName } from '../../../main/core/entityLabels.ts';
import { errorText, shownValue, translate } from '../format.ts';

/**
 * What exchange screens say about operations: which row and field they touched, and their values, in words a
 * person reads ("ตัวชี้วัด 1.1.1 ร้อยละของประชาชน…: หน่วยนับ"), never ids. Names come from the plan's rows as
 * they are now; a row that is no longer in the plan is named by its kind only.
 */

const LONGEST_NAME = 80;
/** Per-year rows (id `${parentId}:${year}`): named by their year and their parent. */
const YEARLY = new Set(['kpiTarget', 'prevKpiYear', 'projectBudget']);
/** Rows that only link their parent to something: named by their parent. */
const LINKS = new Set(['alignmentLink', 'missionLink']);

const clip = (text: string) => (text.length > LONGEST_NAME ? `${text.slice(0, LONGEST_NAME)}…` : text);

export interface RowLabeler {
  (entity: string, rowId: string): string;
  /** Any row of the plan by its id alone (a parent named in a conflict), null when it is not there. */
  of(rowId: string): string | null;
  /** A row without its parent, for a sentence that names the parent itself ("… ใต้ตัวชี้วัด …"). */
  alone(entity: string, rowId: string): string;
}

/**
 * Labels for the rows of one plan, numbered as the plan numbers them (core/planContent.ts). `others` are rows
 * not in the plan as shown (deleted ones a conflict names): named, but not numbered, since a number counting
 * them would differ from the one the plan shows for its live rows.
 */
export function rowLabeler(t: TFunction, rows: readonly Row[], others: readonly Row[] = []): RowLabeler {
  const byId = new Map([...others, ...rows].map((r) => [r.id, r]));
  const numbers = numbering(rows);
  const entityName = (entity: string) => entityKindLabel(t, entity);

  const label = (entity: string, rowId: string, depth: number, withParent = true): string => {
    if (entity === 'plan') return entityName('plan');
    const row = byId.get(rowId);
    if (!row) return t('exchange.ui.rowGone', { entity: entityName(entity) });
    const parent = row.parentId && depth < 3 && withParent ? byId.get(row.parentId) : undefined;
    const parentLabel = parent ? label(parent.entity, parent.id, depth + 1) : '';
    if (YEARLY.has(entity)) {
      const year = row.data.year;
      if (!withParent) return t('exchange.ui.rowYearAlone', { entity: entityName(entity), year });
      return t('exchange.ui.rowYear', { entity: entityName(entity), year, parent: parentLabel });
    }
    if (LINKS.has(entity)) {
      return withParent
        ? t('exchange.ui.rowOf', { entity: entityName(entity), parent: parentLabel })
        : entityName(entity);
    }
    const name = clip(rowName(row.entity, row.data));
    if (entity === 'factor') {
      const swot = t(`history.enum.swot.${String(row.data.swot)}`, { defaultValue: '' });
      return t('exchange.ui.rowFactor', { entity: entityName(entity), swot, name });
    }
    const number = numbers.get(row.id);
    return [entityName(entity), number, name].filter(Boolean).join(' ');
  };
  return Object.assign((entity: string, rowId: string) => label(entity, rowId, 0), {
    of: (rowId: string) => {
      const row = byId.get(rowId);
      return row ? label(row.entity, row.id, 0) : null;
    },
    alone: (entity: string, rowId: string) => label(entity, rowId, 0, false),
  });
}

/** A kind of row's name as core names it ("เป้าประสงค์"). */
export function entityKindLabel(t: TFunction, entity: string): string {
  return entityLabel(translate(t), entity);
}

/** A field's name as core names it: the plan form's labels for the plan itself, the history's for rows. */
export function fieldLabel(t: TFunction, entity: string, field: string): string {
  return coreFieldLabel(translate(t), entity, field);
}

/**
 * A conflicting value of a field: structure fields say what they mean (the row's parent by name, kept or
 * deleted), since their stored form (ids, order keys) means nothing to a reader.
 */
export function cellValue(t: TFunction, language: string, label: RowLabeler, field: string, value: unknown): string {
  if (field === 'parentId') {
    return typeof value === 'string' ? (label.of(value) ?? t('exchange.ui.rowGoneShort')) : t('history.empty');
  }
  if (field === 'position') return t('exchange.ui.structureValue.position');
  if (field === 'deleted')
    return t(value === true ? 'exchange.ui.structureValue.deleted' : 'exchange.ui.structureValue.kept');
  return shownValue(t, language, field, value);
}

/** "สำนักงานเขตพระนคร (1001)"; an office no package named (not expected) says so. */
export function officeLabel(t: TFunction, office: Pick<OfficeRef, 'code' | 'name'> | null): string {
  return office ? t('exchange.ui.office', { name: office.name, code: office.code }) : t('exchange.ui.unknownOffice');
}

/** An exchange action's own reason (`exchange.errors.<problem>`, sent as field `_`), else the generic one. */
export function exchangeErrorText(t: TFunction, error: AppErrorShape): string {
  const key = error.fields?._;
  return key?.startsWith('exchange.errors.') ? t(key, { defaultValue: errorText(t, error) }) : errorText(t, error);
}
