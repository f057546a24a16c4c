import type { TFunction } from 'i18next';
import { memo, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Row, RowEntity } from '../../../main/core/rows.ts';
import { adoptedTargetsIn } from '../../../main/core/revision.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { focusNewRow } from '../wizard/useFocusRow.ts';
import { descendantsOf } from '../../../main/core/liveRows.ts';
import { countsText } from './descendants.ts';
import { useDragReorder } from './dragReorder.ts';
import { usePlanActions, usePlanData } from './PlanData.tsx';
import { RowHistoryDialog } from './RowHistory.tsx';

interface RowListProps {
  entity: RowEntity;
  parentId?: string | null;
  /**
   * The heading of each item and what the undo message names ("คณะทำงานลำดับที่ 2"), in the language of `t`: the
   * message is said again in the language chosen while it shows.
   */
  itemLabel(row: Row, index: number, t: TFunction): string;
  addLabel: string;
  /** Values of a new row beyond the entity's defaults. */
  newValues?: () => Record<string, unknown>;
  children(row: Row, index: number): ReactNode;
}

/**
 * An ordered list of rows with the same controls everywhere: add at the end, move up or down, delete (undo
 * from the banner). Items can be dragged by their grip too, but the buttons stay: the keyboard can do all of it.
 */
export function RowList({ entity, parentId = null, itemLabel, addLabel, newValues, children }: RowListProps) {
  const { t } = useTranslation();
  const data = usePlanData();
  const rows = data.list(entity, parentId);
  const drag = useDragReorder(rows);
  const add = async () => {
    const created = await data.create([{ entity, parentId, values: newValues?.() ?? {} }]);
    if (created?.[0]) focusNewRow(created[0].id);
  };
  return (
    <div className="row-list">
      {rows.length > 0 && (
        <ol>
          {rows.map((row, i) => {
            const label = (tt: TFunction) => itemLabel(row, i, tt);
            return (
              <li key={row.id} className="row-item" aria-label={label(t)} data-row-id={row.id} {...drag.item(row)}>
                <RowItemHead row={row} label={label} siblings={rows} index={i} handle={drag.handle(row)} />
                {children(row, i)}
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" data-add-row onClick={() => void add()}>
        {addLabel}
      </button>
    </div>
  );
}

/**
 * The head of one item: its number, who entered it, and move up / move down / delete buttons. Moves are
 * among `siblings` (the rows shown around it), so a filtered list (one SWOT letter, one TOWS quadrant) moves
 * an item past its visible neighbours.
 */
export function RowItemHead({
  row,
  label,
  siblings,
  index,
  deletable = true,
  handle,
}: {
  row: Row;
  /** The row's name in a language: its heading here, and the undo message's, which follows a language switch. */
  label: (t: TFunction) => string;
  siblings: readonly Row[];
  index: number;
  deletable?: boolean;
  /** Drag-to-reorder grip (useDragReorder); lists without dragging leave it out. */
  handle?: HTMLAttributes<HTMLElement>;
}) {
  const { t } = useTranslation();
  const data = usePlanData();
  const name = label(t);
  const [confirming, setConfirming] = useState<Row[] | null>(null);
  const head = useRef<HTMLDivElement>(null);
  const remove = async () => {
    setConfirming(null);
    // Where the focus goes once the row is gone, found while it is still here: the same button on the next
    // row, else on the previous one, else the list's add button, or its section's when the list holds none
    // (a SWOT category's buttons sit below its list, which goes with its last row); never the page body.
    const neighbour = siblings[index + 1] ?? siblings[index - 1];
    const containers = [head.current?.closest('.row-list'), head.current?.closest('section')];
    if (!(await data.remove(row, label))) return;
    const target = neighbour
      ? document.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(neighbour.id)}"] [data-delete-row]`)
      : containers
          .map((container) => container?.querySelector<HTMLElement>('[data-add-row]'))
          .find((button) => button?.isConnected);
    target?.focus();
  };
  const askOrRemove = () => {
    const below = descendantsOf(data.rows, row.id);
    // No "delete these too?" for a delete that is refused anyway (an adopted target below): remove says so.
    const refused = adoptedTargetsIn(data.options.adoptedOn !== null, [row, ...below]).length > 0;
    if (below.length > 0 && !refused) setConfirming(below);
    else void remove();
  };
  return (
    <div className="row-item-head" ref={head}>
      {handle && (
        // Hidden from screen readers: the move buttons do the same from the keyboard.
        <span className="drag-handle" aria-hidden="true" title={t('rows.drag')} {...handle}>
          ⠿
        </span>
      )}
      <span className="row-number">{name}</span>
      <Provenance row={row} label={name} />
      <div className="row-controls">
        <button
          type="button"
          disabled={index === 0}
          aria-label={t('rows.moveUp', { what: name })}
          onClick={() => void data.move(row, index >= 2 ? siblings[index - 2]!.id : null)}
        >
          ↑
        </button>
        <button
          type="button"
          disabled={index === siblings.length - 1}
          aria-label={t('rows.moveDown', { what: name })}
          onClick={() => void data.move(row, siblings[index + 1]!.id)}
        >
          ↓
        </button>
        {deletable && (
          <button
            type="button"
            className="danger-link"
            data-delete-row
            aria-label={t('rows.delete', { what: name })}
            onClick={askOrRemove}
          >
            {t('rows.deleteShort')}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('workspace.confirmDeleteTitle', { what: name })}
          body={t('workspace.confirmDeleteBody', { children: countsText(t, confirming) })}
          confirmLabel={t('workspace.confirmDelete')}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => void remove()}
        />
      )}
    </div>
  );
}

/**
 * Which office entered a row (the op-log actor of its creation), and a button that opens the row's history.
 * `label` names the row to screen readers ("ประวัติการแก้ไขของ ตัวชี้วัดที่ 1.1.1"); without one, its text does.
 * Memoised (through usePlanActions): a save re-renders the provenance of the rows it changed, not of every row.
 */
export const Provenance = memo(function Provenance({ row, label }: { row: Row; label?: string }) {
  const { t } = useTranslation();
  const data = usePlanActions();
  const [open, setOpen] = useState(false);
  const office = data.officeOf(row.createdBy) ?? t('rows.thisOffice');
  const what =
    label ?? (String(row.data.name ?? row.data.text ?? row.data.statement ?? '').trim() || t('history.thisRow'));
  return (
    <span className="provenance">
      <span>{t('rows.enteredBy', { office })}</span>
      {' · '}
      <button
        type="button"
        className="link"
        aria-haspopup="dialog"
        aria-label={t('history.open', { what })}
        onClick={() => setOpen(true)}
      >
        {t('history.button')}
      </button>
      {open && <RowHistoryDialog row={row} what={what} onClose={() => setOpen(false)} />}
    </span>
  );
});
