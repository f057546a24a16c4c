import { MAX_ROWS_PER_CREATE } from '../../../../main/core/contract.ts';
import { pasteCreation, type PastedKpi } from '../../../../main/core/previousPlanPaste.ts';
import type { PlanData } from '../../plan/PlanData.tsx';
import type { Shell } from '../../shell.ts';

/**
 * The KPIs of a paste or an Excel import, created in one rows.create call: one undo takes them all back, and a
 * failure writes none of them. A table too large for one call (more than a whole previous plan, 1,000 KPIs
 * with ten years, needs) is refused with a message rather than written in parts. True when created.
 */
export async function createPastedKpis(data: PlanData, shell: Shell, kpis: readonly PastedKpi[]): Promise<boolean> {
  const rows = pasteCreation(kpis, data.rows, () => crypto.randomUUID());
  if (rows.length > MAX_ROWS_PER_CREATE) {
    shell.notify({ kind: 'error', text: (t) => t('xlsx.import.tooMany', { count: kpis.length }) });
    return false;
  }
  return (await data.create(rows)) !== null;
}
