import type { Block } from '../../doc/model.ts';
import { lead, paragraphs, table } from '../blocks.ts';
import type { Chapter } from '../outline.ts';
import { str, type Ctx } from '../source.ts';

/**
 * Chapter 6, monitoring and evaluation (การติดตามและประเมินผล): how the plan is followed up, as the
 * secretariat wrote it, and who reports each KPI from which data. Left out when neither is there.
 */
export function monitoringChapter({ t, view, options }: Ctx): Chapter | null {
  const text = view.single('document').monitoring;
  const kpis = view.all('kpi').filter((k) => str(k, 'responsibleUnit') !== '' || str(k, 'dataSource') !== '');
  const responsibility: Block[] = kpis.length
    ? [
        lead(t('pdf.doc.monitoring.responsibleLead')),
        table(
          [
            { header: t('glossary.kpi'), width: '*' },
            { header: t('pdf.doc.plan.responsible'), width: 120 },
            { header: t('pdf.doc.monitoring.dataSource'), width: 110 },
          ],
          kpis.map((k) => [
            `${view.numbers.get(k.id) ?? ''} ${str(k, 'name')}`,
            str(k, 'responsibleUnit'),
            str(k, 'dataSource'),
          ]),
          { caption: t('pdf.doc.monitoring.responsible'), thaiDigits: options.thaiDigits },
        ),
      ]
    : [];
  return {
    id: 'monitoring',
    title: t('pdf.doc.chapter.monitoring'),
    sections: [
      { title: t('pdf.doc.monitoring.approach'), body: paragraphs(text) },
      { title: t('pdf.doc.monitoring.responsible'), body: responsibility },
    ],
  };
}
