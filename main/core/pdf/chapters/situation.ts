import type { Block } from '../../doc/model.ts';
import { matrixDimensions, situationMatrix } from '../../situation.ts';
import type { SwotCategory } from '../../swot.ts';
import { analyse, factorCodes, positionReport, toFactor, type Factor, type SwotAnalysis } from '../../swotPlan.ts';
import { thaiDigitsInSvg } from '../digits.ts';
import { TABLE_SIZE, bullets, figure, groupRow, lead, numbered, paragraph, table, type Cell } from '../blocks.ts';
import { two } from '../format.ts';
import type { Chapter, Section } from '../outline.ts';
import { str, type Ctx } from '../source.ts';

/**
 * Chapter 3, situation analysis (การวิเคราะห์สถานการณ์และสภาพแวดล้อม): missions against the Bangkok 20-year
 * plan's dimensions; internal and external factors with weights, ratings and scores; the SWOT position with
 * the chart the wizard draws; the TOWS matrix. Figures from core/situation.ts and core/swotPlan.ts.
 */
export function situationChapter(ctx: Ctx): Chapter | null {
  const { t, view } = ctx;
  const options = view.single('planOptions');
  const analysis = analyse(
    view.all('factor').map((row) => toFactor(row)),
    options,
  );
  const codes = factorCodes(analysis);
  const sections: Section[] = [
    missionSection(ctx),
    factorSection(ctx, analysis, codes, 'internal'),
    factorSection(ctx, analysis, codes, 'external'),
    positionSection(ctx, analysis),
    towsSection(ctx, codes),
  ];
  return { id: 'situation', title: t('pdf.doc.chapter.situation'), sections };
}

/** A tick drawn as a path: Sarabun has no ✓ glyph, and a missing glyph would print as a box. */
const TICK =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 12" width="12" height="12"><path d="M2 6.5 L5 9.5 L10.5 2.5" fill="none" stroke="#1a1a1a" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>';

function missionSection({ t, view, options }: Ctx): Section {
  const missions = view.all('mission');
  const bangkok = view
    .single('planOptions')
    .frameworkCatalogs.map((choice) => view.catalog(choice.catalogId))
    .find((c) => c?.kind === 'bangkok-plan');
  const title = t('pdf.doc.situation.missions');
  if (missions.length === 0 || !bangkok) return { title, body: [] };
  const dimensions = matrixDimensions(bangkok);
  const matrix = situationMatrix(missions, view.all('missionLink'), bangkok);
  const served = (missionId: string, dimensionId: string) =>
    matrix.dimensions.find((d) => d.dimension.id === dimensionId)?.missionIds.includes(missionId) ?? false;
  const dimWidth = Math.max(18, Math.min(30, 210 / Math.max(1, dimensions.length)));
  const rows: Cell[][] = missions.map((m, i) => [
    `${i + 1}. ${str(m, 'text')}`,
    ...dimensions.map((d): Cell => (served(m.id, d.id) ? { svg: TICK, width: 9, alignment: 'center' } : '')),
  ]);
  rows.push([
    { text: t('situation.servedBy'), style: 'tableTotal' },
    ...matrix.dimensions.map((d): Cell => ({
      text: String(d.missionIds.length),
      style: 'tableTotal',
      alignment: 'center',
    })),
  ]);
  const body: Block[] = [
    lead(t('pdf.doc.situation.missionsLead', { plan: bangkok.titleTh, count: missions.length })),
    table(
      [
        { header: t('situation.missionColumn'), width: '*' },
        ...dimensions.map((d) => ({ header: d.code, width: dimWidth, align: 'center' as const })),
      ],
      rows,
      {
        caption: t('situation.matrixCaption'),
        thaiDigits: options.thaiDigits,
        headRows: [
          [
            { text: '', style: 'tableHeader', border: [true, true, true, false] },
            { text: t('situation.dimension'), style: 'tableHeader', colSpan: dimensions.length },
            ...dimensions.slice(1).map(() => ({ text: '' })),
          ],
        ],
      },
    ),
    { text: t('pdf.doc.situation.dimensionsLegend'), style: 'caption' },
    bullets(dimensions.map((d) => `${t('situation.dimension')} ${d.code} ${d.titleTh}`)),
  ];
  body.push(
    matrix.gaps.length === 0
      ? paragraph(t('situation.noGaps'))
      : paragraph(
          t('pdf.doc.situation.gaps', {
            count: matrix.gaps.length,
            list: matrix.gaps.map((d) => `${d.code} ${d.titleTh}`).join(', '),
          }),
        ),
  );
  return { title, body };
}

const SIDES = { internal: ['S', 'W'], external: ['O', 'T'] } as const;

function factorSection(
  { t, view, options: { thaiDigits } }: Ctx,
  analysis: SwotAnalysis,
  codes: ReadonlyMap<string, string>,
  side: 'internal' | 'external',
): Section {
  const title = t(`pdf.doc.situation.${side}`);
  const letters = SIDES[side];
  if (letters.every((c) => analysis.factors[c].length === 0)) return { title, body: [] };
  const options = view.single('planOptions');
  const framework = side === 'internal' ? options.internalFramework : options.externalFramework;
  const rows: Cell[][] = [];
  for (const letter of letters) {
    const factors = analysis.factors[letter];
    if (factors.length === 0) continue;
    rows.push(groupRow(t(`swot.letter.${letter}`), 4));
    for (const f of factors) rows.push(factorRow(t, f, codes, framework));
    const weight = factors.reduce((s, f) => s + f.weight, 0);
    rows.push([
      { text: t('pdf.doc.situation.total', { letter: t(`swot.letter.${letter}`) }), style: 'tableTotal' },
      { text: two(weight), style: 'tableTotal', alignment: 'right' },
      { text: '', style: 'tableTotal' },
      { text: two(analysis.scores[letter]), style: 'tableTotal', alignment: 'right' },
    ]);
  }
  return {
    title,
    body: [
      lead(
        t('pdf.doc.situation.factorsLead', {
          framework: t(`swot.framework.${framework}`),
          min: options.ratingMin,
          max: options.ratingMax,
        }),
      ),
      table(
        [
          { header: t('swot.weights.factor'), width: '*' },
          { header: t('pdf.doc.situation.weight'), width: 50, align: 'right' },
          { header: t('pdf.doc.situation.rating'), width: 46, align: 'right' },
          { header: t('swot.weights.score'), width: 62, align: 'right' },
        ],
        rows,
        { caption: title, thaiDigits },
      ),
    ],
  };
}

function factorRow(t: Ctx['t'], f: Factor, codes: ReadonlyMap<string, string>, framework: string): Cell[] {
  return [
    {
      text: [
        { text: `${codes.get(f.id) ?? ''} `, bold: true },
        f.statement,
        // The category by its name in the document's language (โครงสร้างและนโยบาย), not the workshop's bilingual
        // label ("S1 Structure โครงสร้างและนโยบาย") the wizard shows beside the framework's codes.
        {
          text: `\n${t(`pdf.doc.situation.category.${framework}.${f.group}`)}`,
          color: '#555555',
        },
      ],
    },
    { text: two(f.weight), alignment: 'right' },
    { text: two(f.rating), alignment: 'right' },
    { text: two(f.score), alignment: 'right' },
  ];
}

function positionSection({ t, options }: Ctx, analysis: SwotAnalysis): Section {
  const title = t('swot.summary.positionHeading');
  if (analysis.missingSides.length > 0) return { title, body: [] };
  const report = positionReport(analysis, t);
  return {
    title,
    body: [
      paragraph(report.x),
      paragraph(report.y),
      paragraph(report.quadrant),
      // The chart is 480 units square (swotChart.ts): printed where its 14-unit labels come out at table size.
      figure(
        options.thaiDigits ? thaiDigitsInSvg(report.svg) : report.svg,
        report.chartCaption,
        (480 * TABLE_SIZE) / 14,
      ),
    ],
  };
}

/** The TOWS matrix as workshops draw it: S and W across, O and T down, strategies where they meet. */
function towsSection({ t, view, options }: Ctx, codes: ReadonlyMap<string, string>): Section {
  const title = t('tows.stepMatrix');
  const strategies = view.all('towsStrategy').filter((s) => str(s, 'text') !== '');
  if (strategies.length === 0) return { title, body: [] };
  const cell = (type: string): Cell => {
    const list = strategies.filter((s) => s.data.type === type);
    const items = list.map((s) => {
      const ids = Array.isArray(s.data.factorIds) ? (s.data.factorIds as string[]) : [];
      const cited = ids.map((id) => codes.get(id)).filter((c): c is string => c !== undefined);
      const chosen = s.data.chosen === true;
      return { text: `${str(s, 'text')}${cited.length ? ` (${cited.join(', ')})` : ''}`, bold: chosen };
    });
    return {
      stack: [
        { text: `${type} ${t(`tows.type.${type}`)}`, bold: true, margin: [0, 0, 0, 2] },
        items.length ? { ol: items } : { text: t('evaluation.dash') },
      ],
    };
  };
  const head = (letter: SwotCategory): Cell => ({ text: t(`swot.letter.${letter}`), style: 'tableHeader' });
  return {
    title,
    body: [
      lead(t('pdf.doc.situation.towsLead')),
      table(
        [
          { header: '', width: 58 },
          { header: t('swot.letter.S'), width: '*' },
          { header: t('swot.letter.W'), width: '*' },
        ],
        [
          [head('O'), cell('SO'), cell('WO')],
          [head('T'), cell('ST'), cell('WT')],
        ],
        // Not the step's name: "ตาราง TOWS Matrix" printed as "ตารางที่ 11 ตาราง TOWS Matrix".
        { caption: t('pdf.doc.situation.towsCaption'), thaiDigits: options.thaiDigits },
      ),
      { text: t('pdf.doc.situation.towsNote'), style: 'note' },
      ...chosenList(t, strategies),
    ],
  };
}

function chosenList(t: Ctx['t'], strategies: readonly { data: Record<string, unknown> }[]): Block[] {
  const chosen = strategies.filter((s) => s.data.chosen === true).map((s) => String(s.data.text ?? '').trim());
  if (chosen.length === 0) return [];
  return [paragraph(t('pdf.doc.situation.chosen', { count: chosen.length })), numbered(chosen)];
}
