import type { Cell } from '../../doc/model.ts';
import type { Row } from '../../rows.ts';
import { table } from '../blocks.ts';
import { amount, withUnit } from '../format.ts';
import type { Chapter, Section } from '../outline.ts';
import { num, str, type Ctx } from '../source.ts';

/**
 * Annexes (ภาคผนวก): the KPI details sheet (definition, baseline, data source, who reports it), one per KPI
 * that has a definition, and the offices that took part in drafting the plan.
 */
export function annexesChapter({ t, view, options }: Ctx): Chapter | null {
  const kpis = view.all('kpi').filter((k) => str(k, 'definition') !== '');
  const offices = view.all('office').filter((o) => str(o, 'name') !== '');
  const details: Section = {
    title: t('pdf.doc.annexes.kpis'),
    body: kpis.map((kpi) => kpiSheet(t, kpi, view.numbers.get(kpi.id) ?? '', options.thaiDigits)),
  };
  const officeList: Section = {
    title: t('pdf.doc.annexes.offices'),
    body: offices.length
      ? [
          table(
            [
              { header: t('pdf.doc.no'), width: 30, align: 'center' },
              { header: t('setup.officeCode'), width: 70, align: 'center' },
              { header: t('setup.officeName'), width: '*' },
            ],
            offices.map((o, i) => [String(i + 1), str(o, 'code'), str(o, 'name')]),
            { caption: t('pdf.doc.annexes.offices'), thaiDigits: options.thaiDigits },
          ),
        ]
      : [],
  };
  return { id: 'annexes', title: t('pdf.doc.chapter.annexes'), sections: [details, officeList] };
}

/** A KPI's sheet: a two-column table of label and value, kept on one page. */
function kpiSheet(t: Ctx['t'], kpi: Row, number: string, thaiDigits: boolean) {
  const baseline = num(kpi, 'baselineValue');
  const baselineYear = num(kpi, 'baselineYear');
  const target = num(kpi, 'periodTarget');
  const unit = str(kpi, 'unit');
  const line = (label: string, value: string): Cell[] => [
    { text: label, bold: true, fillColor: '#f0f3f7' },
    { text: value || t('evaluation.dash') },
  ];
  const sheet = table(
    [
      { header: t('glossary.kpi'), width: 120 },
      { header: `${number} ${str(kpi, 'name')}`, width: '*' },
    ],
    [
      line(t('pdf.doc.annexes.definition'), str(kpi, 'definition')),
      line(t('pdf.doc.plan.unit'), unit),
      line(
        t('pdf.doc.plan.baseline'),
        baseline === null
          ? ''
          : `${withUnit(amount(baseline), unit)}${baselineYear === null ? '' : ` (${baselineYear})`}`,
      ),
      line(t('pdf.doc.annexes.periodTarget'), target === null ? '' : withUnit(amount(target), unit)),
      line(
        t('pdf.doc.annexes.direction'),
        t(`evaluation.directions.${kpi.data.direction === 'lower' ? 'lower' : 'higher'}`),
      ),
      line(t('pdf.doc.monitoring.dataSource'), str(kpi, 'dataSource')),
      line(t('pdf.doc.plan.responsible'), str(kpi, 'responsibleUnit')),
    ],
    { caption: t('pdf.doc.tableCaptions.kpiSheet', { number }), thaiDigits },
  );
  // A card read as one: it moves whole to the next page (one taller than a page is split by the engine).
  return { ...sheet, unbreakable: true };
}
