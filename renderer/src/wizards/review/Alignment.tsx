import type { TFunction } from 'i18next';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, CatalogItem } from '../../../../main/core/catalog.ts';
import { completeness, numbering } from '../../../../main/core/planContent.ts';
import type { Row } from '../../../../main/core/rows.ts';
import type { FrameworkChoice } from '../../../../main/core/situation.ts';
import { usePlanData, type PlanData } from '../../plan/PlanData.tsx';
import { FRAMEWORKS_STEP_ID } from '../catalogs/FrameworksStep.tsx';
import { useCatalog, useCatalogText, useFrameworkChoices } from '../catalogs/useCatalogs.ts';
import { stepHash } from './links.ts';
import { ThaiText } from '../../thai/ThaiText.tsx';

/**
 * Step 1: every strategic issue, goal and project (numbered) × the entries of each framework catalog the plan
 * aligns to. A ticked cell is an alignmentLink row (id `${itemId}:${catalogId}:${entryId}`): ticking creates
 * it, unticking deletes it (undo from the banner). Coverage is said in words as well as colour: catalog
 * entries no plan item serves (gaps) and issues aligned with nothing at all (the completeness rule).
 */

type Level = 'issue' | 'goal' | 'project' | 'programme';

/** The matrix's least item column and its entry columns, in rem (review.css's scroll padding clears the first). */
const ITEM_REM = 17;
const ENTRY_REM = 6;

interface PlanItem {
  readonly row: Row;
  readonly level: Level;
  /**
   * "ประเด็นยุทธศาสตร์ที่ 1", "โครงการที่ 1.1.1.1" in the language of `t`: what a checkbox's name and the undo
   * message say (the message again after a language switch).
   */
  label(t: TFunction): string;
}

/** The rows that can be aligned, grouped by issue: the issue, then each goal followed by its projects. */
function planGroups(data: PlanData): PlanItem[][] {
  const numbers = numbering(data.rows);
  const item = (row: Row, level: Level): PlanItem => ({
    row,
    level,
    label: (t) => t(`review.alignment.level.${level}`, { number: numbers.get(row.id) ?? '' }),
  });
  // A programme (แผนงาน) is a project row of another kind: it is called by its own name.
  const project = (row: Row) => item(row, row.data.kind === 'programme' ? 'programme' : 'project');
  return data
    .list('strategicIssue')
    .map((issue) => [
      item(issue, 'issue'),
      ...data
        .list('goal', issue.id)
        .flatMap((goal) => [
          item(goal, 'goal'),
          ...data.list('strategy', goal.id).flatMap((strategy) => data.list('project', strategy.id).map(project)),
        ]),
    ]);
}

export function Alignment() {
  const { t } = useTranslation();
  const data = usePlanData();
  const [choices] = useFrameworkChoices();
  const groups = planGroups(data);
  const unaligned = new Set(
    completeness(data.rows, data.plan)
      .filter((i) => i.rule === 'issueNotAligned')
      .map((i) => i.rowId),
  );

  if (choices.length === 0) {
    const href = stepHash(data.plan.id, 'setup', FRAMEWORKS_STEP_ID);
    return (
      <div className="notice">
        <p>{t('review.alignment.noFrameworks')}</p>
        {href && (
          <a className="link" href={href}>
            {t('review.alignment.chooseFrameworks')}
          </a>
        )}
      </div>
    );
  }
  if (groups.length === 0) {
    const href = stepHash(data.plan.id, 'goals', 'issues');
    return (
      <div className="notice">
        <p>{t('review.alignment.noIssues')}</p>
        {href && (
          <a className="link" href={href}>
            {t('review.alignment.addIssues')}
          </a>
        )}
      </div>
    );
  }

  const issues = groups.map((g) => g[0]!);
  const lonely = issues.filter((i) => unaligned.has(i.row.id));
  return (
    <>
      <p>
        <ThaiText text={t('review.alignment.intro')} />
      </p>
      <div className={lonely.length > 0 ? 'notice review-warning' : 'notice'} role="status">
        {lonely.length === 0 ? (
          <p>{t('review.alignment.allIssuesAligned')}</p>
        ) : (
          <>
            <p>{t('review.alignment.issuesUnaligned', { count: lonely.length })}</p>
            <ul>
              {lonely.map((i) => (
                <li key={i.row.id}>
                  {i.label(t)} {String(data.value(i.row, 'name') ?? '')}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {choices.map((choice) => (
        <CatalogMatrix key={choice.catalogId} choice={choice} groups={groups} unaligned={unaligned} />
      ))}
    </>
  );
}

function CatalogMatrix({
  choice,
  groups,
  unaligned,
}: {
  choice: FrameworkChoice;
  groups: readonly PlanItem[][];
  unaligned: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const text = useCatalogText();
  const catalog = useCatalog(choice);
  if (!catalog || catalog.state === 'loading') return <p aria-busy="true">{t('review.alignment.loading')}</p>;
  if (catalog.state === 'failed') {
    return (
      <p className="notice notice-error">
        {t('review.alignment.loadFailed', { catalog: choice.catalogId, version: text.version(choice.version) })}
      </p>
    );
  }
  return <MatrixTable catalog={catalog.value} groups={groups} unaligned={unaligned} />;
}

function MatrixTable({
  catalog,
  groups,
  unaligned,
}: {
  catalog: Catalog;
  groups: readonly PlanItem[][];
  unaligned: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const data = usePlanData();
  const text = useCatalogText();
  // Cells on their way to main, with the state they are going to: shown at once; a second click meanwhile is
  // ignored (not disabled: a disabled checkbox would drop the keyboard focus).
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const entries = catalog.items.filter((item) => !item.retired);
  const links = new Map(
    data
      .list('alignmentLink')
      .filter((l) => l.data.catalogId === catalog.id)
      .map((l) => [l.id, l]),
  );
  const cellId = (item: PlanItem, entry: CatalogItem) => `${item.row.id}:${catalog.id}:${entry.id}`;
  const entryName = (entry: CatalogItem) => `${entry.code}. ${text.item(entry)}`;
  const cellName = (item: PlanItem, entry: CatalogItem, tt: TFunction = t) =>
    tt('review.alignment.cell', { item: item.label(tt), entry: entryName(entry) });
  const served = (entry: CatalogItem) => groups.flat().filter((item) => links.has(cellId(item, entry))).length;
  const gaps = entries.filter((entry) => served(entry) === 0);
  const gapIds = new Set(gaps.map((g) => g.id));
  const headingId = `align-${catalog.id}`;
  const items = groups.flat();
  // One Tab stop for the whole matrix (a grid of hundreds of checkboxes would take as many Tabs to cross):
  // the cell last visited, reached again by Tab; arrows move within the grid, Space ticks.
  const [at, setAt] = useState({ row: 0, col: 0 });
  const table = useRef<HTMLTableElement>(null);
  const moveBy = (e: KeyboardEvent, row: number, col: number) => {
    const step: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Home: [0, -col],
      End: [0, entries.length - 1 - col],
    };
    const by = step[e.key];
    if (!by) return;
    e.preventDefault();
    const to = {
      row: Math.min(Math.max(row + by[0], 0), items.length - 1),
      col: Math.min(Math.max(col + by[1], 0), entries.length - 1),
    };
    setAt(to);
    table.current?.querySelector<HTMLInputElement>(`[data-cell="${to.row}:${to.col}"]`)?.focus();
  };
  // A row or column gone (an item deleted elsewhere) must not leave the matrix without a Tab stop.
  const current = { row: Math.min(at.row, items.length - 1), col: Math.min(at.col, entries.length - 1) };

  const toggle = async (item: PlanItem, entry: CatalogItem, on: boolean) => {
    const id = cellId(item, entry);
    if (pending.has(id)) return;
    setPending((p) => new Map(p).set(id, on));
    const link = links.get(id);
    if (on && !link) {
      // No note given: a link ticked again revives its row with the note it had (main writes given values only).
      await data.create([
        { entity: 'alignmentLink', parentId: item.row.id, values: { catalogId: catalog.id, itemId: entry.id } },
      ]);
    } else if (!on && link) {
      await data.remove(link, (tt) => cellName(item, entry, tt));
    }
    setPending((p) => new Map([...p].filter(([k]) => k !== id)));
  };

  const heading = (
    <h3 id={headingId}>
      {text.title(catalog)}{' '}
      <span className="muted">{t('review.alignment.version', { version: text.version(catalog.version) })}</span>
    </h3>
  );
  // A catalog shipped without entries (the national PR action plan): there is nothing to tick until someone
  // enters them, which the set-up step's catalog editor does.
  if (entries.length === 0) {
    const href = stepHash(data.plan.id, 'setup', FRAMEWORKS_STEP_ID);
    return (
      <section className="review-catalog" aria-labelledby={headingId}>
        {heading}
        <p className="notice">
          {t('review.alignment.noEntries')}{' '}
          {href && (
            <a className="link" href={href}>
              {t('review.alignment.editEntries')}
            </a>
          )}
        </p>
      </section>
    );
  }

  return (
    <section className="review-catalog" aria-labelledby={headingId}>
      {heading}
      <p className={gaps.length > 0 ? 'review-gaps review-warning-text' : 'review-gaps'}>
        {gaps.length === 0
          ? t('review.alignment.noGaps')
          : t('review.alignment.gaps', { count: gaps.length, total: entries.length })}
      </p>
      <p className="hint">
        <ThaiText text={t('review.alignment.keys')} />
      </p>
      <div
        className="review-scroll"
        tabIndex={0}
        aria-label={t('review.alignment.scroll', { catalog: text.title(catalog) })}
      >
        {/* Fixed columns: an entry column is as wide as its head needs (6rem, a code over a title of five short
            lines) however many entries there are (23 master plans scroll sideways); the item column takes the
            rest of the card, at least 17rem (at 1920 px it was 17rem beside six 212 px columns of one checkbox,
            item names 4-5 lines deep). */}
        <table
          ref={table}
          className="review-matrix"
          style={{ width: `max(100%, ${ITEM_REM + entries.length * ENTRY_REM}rem)` }}
        >
          <caption className="visually-hidden">{text.title(catalog)}</caption>
          <colgroup>
            <col />
            {entries.map((entry) => (
              <col key={entry.id} style={{ width: `${ENTRY_REM}rem` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="review-item-col">
                <ThaiText text={t('review.alignment.itemColumn')} />
              </th>
              {entries.map((entry) => (
                <th
                  key={entry.id}
                  scope="col"
                  title={entryName(entry)}
                  className={gapIds.has(entry.id) ? 'gap' : undefined}
                >
                  <span className="review-entry-code">{entry.code}</span>
                  <span className="review-entry-title">
                    <ThaiText text={text.item(entry)} />
                  </span>
                  {gapIds.has(entry.id) && <span className="review-flag">{t('review.alignment.gapFlag')}</span>}
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group[0]!.row.id}>
              {group.map((item) => {
                const row = items.indexOf(item);
                const lonely = item.level === 'issue' && unaligned.has(item.row.id);
                return (
                  <tr
                    key={item.row.id}
                    data-row-id={item.row.id}
                    className={`review-${item.level === 'programme' ? 'project' : item.level}${lonely ? ' review-unaligned' : ''}`}
                  >
                    <th scope="row" className="review-item-col">
                      <span className="row-number">{item.label(t)}</span>{' '}
                      <span className="review-item-name">
                        {String(data.value(item.row, 'name') ?? '').trim() || t('review.unnamed')}
                      </span>
                      {lonely && <span className="review-flag">{t('review.alignment.unalignedFlag')}</span>}
                    </th>
                    {entries.map((entry, col) => {
                      const id = cellId(item, entry);
                      return (
                        <td key={entry.id} className={gapIds.has(entry.id) ? 'gap' : undefined}>
                          <input
                            type="checkbox"
                            data-cell={`${row}:${col}`}
                            tabIndex={row === current.row && col === current.col ? 0 : -1}
                            onFocus={() => setAt({ row, col })}
                            onKeyDown={(e) => moveBy(e, row, col)}
                            aria-label={cellName(item, entry)}
                            checked={pending.get(id) ?? links.has(id)}
                            aria-busy={pending.has(id) || undefined}
                            onChange={(e) => void toggle(item, entry, e.target.checked)}
                          />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row" className="review-item-col">
                {t('review.alignment.servedBy')}
              </th>
              {entries.map((entry) => {
                const count = served(entry);
                return (
                  <td key={entry.id} className={count === 0 ? 'gap' : undefined}>
                    {count === 0 ? t('review.alignment.gapFlag') : count}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
      {gaps.length > 0 && (
        <details className="review-gap-list">
          <summary>{t('review.alignment.gapListSummary', { count: gaps.length })}</summary>
          <ul>
            {gaps.map((g) => (
              <li key={g.id}>{entryName(g)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
