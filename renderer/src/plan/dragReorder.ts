import { useRef, type DragEvent, type HTMLAttributes } from 'react';
import type { Row } from '../../../main/core/rows.ts';
import { usePlanData } from './PlanData.tsx';
import './dragReorder.css';

/**
 * Drag and drop among the items of one list, with native HTML5 drag events: a handle starts the drag, every
 * item is a drop target, and a drop moves the row before or after the item it lands on (its upper or lower
 * half) through data.move, as the move buttons do. Each list only takes its own rows, so a goal dragged over
 * another issue's goals (a nested list) is never dropped there.
 */
export function useDragReorder(rows: readonly Row[]) {
  const data = usePlanData();
  // The row being dragged from this list, and the item marked as the drop place. Refs and a data attribute,
  // not state: dragover fires many times a second, and re-rendering a long list for each would stutter.
  const dragging = useRef<Row | null>(null);
  const marked = useRef<HTMLElement | null>(null);

  const mark = (element: HTMLElement | null, before = false) => {
    if (marked.current && marked.current !== element) delete marked.current.dataset.drop;
    marked.current = element;
    if (element) element.dataset.drop = before ? 'before' : 'after';
  };
  const isBefore = (e: DragEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return e.clientY < box.top + box.height / 2;
  };

  const handle = (row: Row): HTMLAttributes<HTMLElement> => ({
    draggable: true,
    onDragStart: (e) => {
      e.stopPropagation();
      dragging.current = row;
      if (e.dataTransfer) {
        e.dataTransfer.effectAllowed = 'move';
        // Firefox starts a drag only with data set.
        e.dataTransfer.setData('text/plain', row.id);
        const item = e.currentTarget.closest('li');
        if (item) e.dataTransfer.setDragImage(item, 16, 16);
      }
    },
    onDragEnd: () => {
      dragging.current = null;
      mark(null);
    },
  });

  const item = (row: Row): HTMLAttributes<HTMLElement> => ({
    onDragOver: (e) => {
      if (!dragging.current) return;
      // This list's drag: the lists around it must not take it too.
      e.preventDefault();
      e.stopPropagation();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
      mark(e.currentTarget, isBefore(e));
    },
    onDragLeave: (e) => {
      if (marked.current === e.currentTarget && !e.currentTarget.contains(e.relatedTarget as Node | null)) mark(null);
    },
    onDrop: (e) => {
      const moved = dragging.current;
      if (!moved) return;
      e.preventDefault();
      e.stopPropagation();
      dragging.current = null;
      mark(null);
      const before = isBefore(e);
      const others = rows.filter((r) => r.id !== moved.id);
      const at = others.findIndex((r) => r.id === row.id);
      if (at < 0) return;
      // Dropped where it already is: nothing to record in the history.
      if ((before ? at : at + 1) === rows.findIndex((r) => r.id === moved.id)) return;
      void data.move(moved, before ? (others[at - 1]?.id ?? null) : row.id);
    },
  });

  return { handle, item };
}
