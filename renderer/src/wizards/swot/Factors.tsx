import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FRAMEWORK_CATEGORIES, type Row } from '../../../../main/core/rows.ts';
import type { SwotCategory } from '../../../../main/core/swot.ts';
import {
  SIDE_FRAMEWORKS,
  SIDE_LETTERS,
  frameworkOf,
  type Framework,
  type Side,
} from '../../../../main/core/swotPlan.ts';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowSelect, RowText } from '../../plan/RowFields.tsx';
import { RowItemHead } from '../../plan/RowList.tsx';
import { focusNewRow } from '../../wizard/useFocusRow.ts';

/**
 * A framework category's name: the plan's current framework first, since codes repeat between frameworks
 * with different names (C-PEST P การเมืองและกฎหมาย, PESTEL P การเมือง), then the side's other framework. Its
 * name alone, as the printed plan names it ("โครงสร้างและนโยบาย"): the framework's own code ("S1 Structure",
 * "T Technological") would read as strength S1 or threat T1 beside the factors' codes.
 */
export function categoryName(t: TFunction, side: Side, code: string, current: Framework): string {
  const framework = [current, ...SIDE_FRAMEWORKS[side]].find((fw) =>
    (FRAMEWORK_CATEGORIES[fw] as readonly string[]).includes(code),
  );
  if (!framework) return code;
  return t(`pdf.doc.situation.category.${framework}.${code}`);
}

/**
 * Step 2: the side's factors grouped by the categories of the chosen framework. Factors filed under the
 * other framework stay listed (not dropped) with a category choice to bring them into this one.
 */
export function Factors({ side }: { side: Side }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const framework = frameworkOf(side, data.options);
  const categories: readonly string[] = FRAMEWORK_CATEGORIES[framework];
  const letters: readonly unknown[] = SIDE_LETTERS[side];
  const rows = data.list('factor').filter((r) => letters.includes(data.value(r, 'swot')));
  const categoryOf = (r: Row) => String(data.value(r, 'category'));
  const parked = rows.filter((r) => !categories.includes(categoryOf(r)));
  return (
    <>
      {data.list('office').length === 0 && <p className="hint">{t('swot.factors.noOffices')}</p>}
      {categories.map((code) => {
        const name = categoryName(t, side, code, framework);
        return (
          <section key={code} className="swot-group" aria-label={name}>
            <h3>{name}</h3>
            <FactorList
              side={side}
              rows={rows.filter((r) => categoryOf(r) === code)}
              itemLabel={(i, tt) =>
                tt('swot.factors.itemLabel', { category: categoryName(tt, side, code, framework), n: i + 1 })
              }
            />
            <div className="swot-add">
              {SIDE_LETTERS[side].map((letter) => (
                <button
                  key={letter}
                  type="button"
                  data-add-row
                  aria-label={t('swot.addIn', { what: t(`swot.add.${letter}`), category: name })}
                  onClick={() =>
                    void data
                      .create([{ entity: 'factor', values: { swot: letter, category: code } }])
                      .then((made) => made?.[0] && focusNewRow(made[0].id))
                  }
                >
                  {t(`swot.add.${letter}`)}
                </button>
              ))}
            </div>
          </section>
        );
      })}
      {parked.length > 0 && (
        <section className="swot-group swot-parked" aria-label={t('swot.factors.otherHeading')}>
          <h3>{t('swot.factors.otherHeading')}</h3>
          <p className="hint">{t('swot.factors.otherHint', { framework: t(`swot.framework.${framework}`) })}</p>
          <FactorList
            side={side}
            rows={parked}
            itemLabel={(i, tt) => tt('swot.factors.otherItem', { n: i + 1 })}
            recategorise={categories.map((value) => ({
              value,
              label: categoryName(t, side, value, framework),
            }))}
          />
        </section>
      )}
    </>
  );
}

interface FactorListProps {
  side: Side;
  rows: Row[];
  /** In the language of `t` (RowList's itemLabel). */
  itemLabel(index: number, t: TFunction): string;
  /** For factors of the other framework: the categories they can move into. */
  recategorise?: { value: string; label: string }[];
}

/** Like RowList, over a filtered set of factors: moving up or down places a row among the shown ones only. */
function FactorList({ side, rows, itemLabel, recategorise }: FactorListProps) {
  const { t } = useTranslation();
  const data = usePlanData();
  if (rows.length === 0) return <p className="muted">{t('swot.factors.emptyCategory')}</p>;
  const kinds = SIDE_LETTERS[side].map((value: SwotCategory) => ({ value, label: t(`swot.letter.${value}`) }));
  return (
    <ol className="row-list swot-factors">
      {rows.map((row, i) => {
        const label = (tt: TFunction) => itemLabel(i, tt);
        const code = String(data.value(row, 'category'));
        return (
          <li key={row.id} className="row-item" aria-label={label(t)} data-row-id={row.id}>
            <RowItemHead row={row} label={label} siblings={rows} index={i} />
            <div className="grid-2">
              <RowSelect row={row} field="swot" label={t(`swot.${side}.kind`)} options={kinds} />
              <OfficeSelect row={row} />
              {recategorise && (
                <RowSelect
                  row={row}
                  field="category"
                  label={t('swot.factors.category')}
                  options={[
                    { value: code, label: categoryName(t, side, code, frameworkOf(side, data.options)) },
                    ...recategorise,
                  ]}
                />
              )}
            </div>
            <RowText row={row} field="statement" label={t('swot.factors.statement')} multiline />
            <RowText row={row} field="evidence" label={t('swot.factors.evidence')} multiline />
          </li>
        );
      })}
    </ol>
  );
}

/** The office that proposed a factor, from the plan's office rows; "not stated" saves null, not "". */
function OfficeSelect({ row }: { row: Row }) {
  const { t } = useTranslation();
  const data = usePlanData();
  const id = useId();
  const offices = data.list('office');
  // Own state: the choice shows at once, before the (deferred) plan-wide update.
  const [value, setValue] = useState(() => {
    const saved = data.value(row, 'sourceOfficeId');
    return typeof saved === 'string' ? saved : '';
  });
  return (
    <div className="field">
      <label htmlFor={id}>{t('swot.factors.office')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          data.edit(row, 'sourceOfficeId', e.target.value === '' ? null : e.target.value);
          void data.flush();
        }}
      >
        <option value="">{t('swot.factors.noOffice')}</option>
        {offices.map((o) => (
          <option key={o.id} value={o.id}>
            {[o.data.code, o.data.name].filter((s) => String(s ?? '').trim() !== '').join(' ')}
          </option>
        ))}
      </select>
    </div>
  );
}
