import { useMemo, useState } from 'react';
import type { SheetGrid } from '../../../main/core/xlsx/grid.ts';
import { columnChoices } from '../../../main/core/xlsx/kpiImport.ts';
import type { OpenedWorkbook } from './XlsxOpen.tsx';

/**
 * What every .xlsx import panel keeps while the user maps a workbook: the file, the chosen sheet, the mapping
 * guessed for it (`guess`, redone whenever another sheet is chosen), the columns to map from, and the reason
 * the last file could not be opened. `close` drops the file after a confirm or a cancel.
 */
export function useSheetMapping<M extends { readonly headerRows: number }>(guess: (grid: SheetGrid) => M) {
  const [workbook, setWorkbook] = useState<OpenedWorkbook | null>(null);
  const [sheet, setSheet] = useState(0);
  const [mapping, setMapping] = useState<M | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const grid = workbook?.sheets[sheet];
  const choices = useMemo(() => (grid && mapping ? columnChoices(grid, mapping.headerRows) : []), [grid, mapping]);

  const choose = (book: OpenedWorkbook, index: number) => {
    setWorkbook(book);
    setSheet(index);
    setMapping(guess(book.sheets[index]!));
    setFailure(null);
  };
  const close = () => {
    setWorkbook(null);
    setMapping(null);
  };
  return { workbook, sheet, grid, mapping, setMapping, choices, failure, setFailure, choose, close };
}
