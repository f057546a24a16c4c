import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, ExchangeStatus } from '../../../../main/core/exchange/api.ts';
import { unassigned } from '../../../../main/core/exchange/assignments.ts';
import type { Row } from '../../../../main/core/rows.ts';
import { useApi } from '../../ApiContext.tsx';
import { usePlanData, usePlanSaveState } from '../../plan/PlanData.tsx';

/**
 * The plan's exchange status as a monitoring step reads it: asked once when the step opens and again after each
 * save (the autosave's debounce and main's answer), never per keystroke. One per step, handed to
 * what needs it (the office's own parts, its reminders, the secretariat's arrivals and dashboard).
 */
export interface StepStatus {
  readonly status: ExchangeStatus;
  /**
   * The rows as they were when the status was asked. A row not among them (by identity) changed here since,
   * typed or saved after the status was computed: not sent yet, whatever the status says of it.
   */
  readonly asked: ReadonlySet<Row>;
}

/**
 * Null until the first answer: a step waits for it rather than show what it will narrow a moment later. The
 * element returned goes into the step: it alone follows the autosave's state (a keystroke re-renders it, not
 * the step's table), and asks again each time a save settles.
 */
export function useStepStatus(): readonly [StepStatus | null, ReactNode] {
  const api = useApi();
  const data = usePlanData();
  const planId = data.plan.id;
  const [step, setStep] = useState<StepStatus | null>(null);
  const [asks, setAsks] = useState(0);
  const rowsNow = useEffectEvent(() => data.rows);
  useEffect(() => {
    let live = true;
    const asked = new Set(rowsNow());
    void api['exchange.status']({ planId }).then((r) => {
      if (live && r.ok) setStep({ status: r.data, asked });
    });
    return () => {
      live = false;
    };
  }, [api, planId, asks]);
  return [step, <AskAfterSaves key="ask-after-saves" onSaved={() => setAsks((n) => n + 1)} />];
}

/** Calls `onSaved` each time the autosave settles after the step opened (core's rows are then as shown). */
function AskAfterSaves({ onSaved }: { onSaved(): void }) {
  const save = usePlanSaveState();
  const [opened] = useState(save);
  const settled = save.kind === 'saved' && save !== opened ? save : null;
  const saved = useEffectEvent(onSaved);
  useEffect(() => {
    if (settled) saved();
  }, [settled]);
  return null;
}

/** The rows not yet sent: those the status counts unconfirmed, and those changed here since it was asked. */
export function unsentRowIds({ status, asked }: StepStatus, rows: readonly Row[]): Set<string> {
  const ids = new Set(status.unconfirmedRowIds);
  for (const row of rows) if (!asked.has(row)) ids.add(row.id);
  return ids;
}

/**
 * The KPIs and projects this installation reports on, when it is an office taking part in a secretariat's plan:
 * only its assigned ones, since its package carries only those (core/exchange/assignments.ts) and results typed
 * for another office's KPI would stay here unsent. Null for the secretariat, or for a plan not received from one:
 * everything is theirs.
 */
export function ownParts(status: ExchangeStatus): Assignment | null {
  const identity = status.identity;
  if (identity?.role !== 'contributor' || !status.secretariat || status.secretariat.code === identity.code) return null;
  return status.assignments.find((a) => a.officeCode === identity.code) ?? unassigned(identity.code, identity.name);
}

/** What a monitoring step shows until its status is known. */
export function StatusLoading() {
  const { t } = useTranslation();
  return (
    <p className="muted" aria-busy="true">
      {t('monitoring.statusLoading')}
    </p>
  );
}
