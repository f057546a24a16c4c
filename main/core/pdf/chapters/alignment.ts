import type { Cell } from '../../doc/model.ts';
import type { Catalog, CatalogItem } from '../../catalog.ts';
import type { Row } from '../../rows.ts';
import { paragraph, table } from '../blocks.ts';
import type { Chapter, Section } from '../outline.ts';
import { str, type Ctx } from '../source.ts';

/**
 * Chapter 5, alignment with the national and Bangkok frameworks (ความสอดคล้องกับแผนระดับต่าง ๆ): per framework
 * the plan aligned to, each entry it serves with the issues, goals and projects of this plan that serve it.
 * Entries come from the catalog version the plan keeps; a link to an entry that version lacks still prints,
 * by its id, rather than vanish from paper.
 */
export function alignmentChapter({ t, view, options }: Ctx): Chapter | null {
  const links = view.all('alignmentLink');
  if (links.length === 0) return null;
  const rowsById = new Map(view.rows.map((r) => [r.id, r]));
  const order = view.single('planOptions').frameworkCatalogs.map((c) => c.catalogId);
  const catalogIds = [...new Set([...order, ...links.map((l) => String(l.data.catalogId))])].filter((id) =>
    links.some((l) => l.data.catalogId === id),
  );
  const title = (c: Catalog) => (options.language === 'en' ? c.titleEn : c.titleTh);
  const itemTitle = (item: CatalogItem) => (options.language === 'en' ? (item.titleEn ?? item.titleTh) : item.titleTh);
  const kind = (row: Row) =>
    row.entity === 'strategicIssue'
      ? t('glossary.strategicIssue')
      : row.entity === 'goal'
        ? t('glossary.goal')
        : t('glossary.project');
  const label = (row: Row) => `${kind(row)} ${view.numbers.get(row.id) ?? ''} ${str(row, 'name')}`;

  const sections: Section[] = catalogIds.map((catalogId) => {
    const catalog = view.catalog(catalogId);
    const own = links.filter((l) => l.data.catalogId === catalogId);
    const items = catalog?.items ?? [];
    const position = (itemId: string) => {
      const i = items.findIndex((item) => item.id === itemId);
      return i < 0 ? items.length : i;
    };
    const itemIds = [...new Set(own.map((l) => String(l.data.itemId)))].sort((a, b) => position(a) - position(b));
    const hasNotes = own.some((l) => str(l, 'note') !== '');
    const rows: Cell[][] = itemIds.map((itemId) => {
      const item = items.find((i) => i.id === itemId);
      const serving = own
        .filter((l) => l.data.itemId === itemId)
        .map((l) => ({ link: l, row: l.parentId === null ? undefined : rowsById.get(l.parentId) }))
        .filter((x): x is { link: Row; row: Row } => x.row !== undefined);
      const cells: Cell[] = [
        { text: item ? `${item.code} ${itemTitle(item)}` : itemId },
        { stack: serving.map(({ row }) => ({ text: label(row), margin: [0, 0, 0, 1] })) },
      ];
      if (hasNotes) cells.push({ stack: serving.map(({ link }) => ({ text: str(link, 'note') })) });
      return cells;
    });
    return {
      title: t('pdf.doc.alignment.with', { framework: catalog ? title(catalog) : catalogId }),
      body: [
        table(
          [
            { header: t('pdf.doc.alignment.entry'), width: 160 },
            { header: t('pdf.doc.alignment.serving'), width: '*' },
            ...(hasNotes ? [{ header: t('pdf.doc.alignment.note'), width: 100 }] : []),
          ],
          rows,
          {
            caption: t('pdf.doc.alignment.with', { framework: catalog ? title(catalog) : catalogId }),
            thaiDigits: options.thaiDigits,
          },
        ),
      ],
    };
  });
  return {
    id: 'alignment',
    title: t('pdf.doc.chapter.alignment'),
    intro: [paragraph(t('pdf.doc.alignment.lead', { count: catalogIds.length }))],
    sections,
  };
}
