import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { Catalog, localVersion } from '../../main/core/catalog.ts';
import type { NewRowInput } from '../../main/core/contract.ts';
import { ROW_DEFAULTS, deterministicRowId, type Row, type RowEntity } from '../../main/core/rows.ts';
import type { Plan } from '../../main/core/plan.ts';
import { DEFAULT_SETTINGS } from '../../main/core/settings.ts';
import { WizardScreen } from '../../renderer/src/screens/WizardScreen.tsx';
import type { WizardId } from '../../renderer/src/wizard/types.ts';
import { fakeApi, fakeShell, ok, openStatus, renderWith, samplePlan } from './fakeApi.tsx';
import { testRow } from '../harness/rows.ts';

/**
 * The dom tier's fake main for the wizards: rows in memory (create with fixed or chosen ids, update, delete)
 * and the shipped catalogs read from resources/catalogs, with saves kept as new versions.
 */
const dir = join(import.meta.dirname, '..', '..', 'resources', 'catalogs');
export const shippedCatalogs = (): Catalog[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => Catalog.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));

export function row(
  entity: RowEntity,
  data: Record<string, unknown>,
  parentId: string | null = null,
  id?: string,
): Row {
  return testRow(entity, data, { parentId, id });
}

export function planFake(initial: Row[] = [], saved: Catalog[] = [], plan: Plan = samplePlan) {
  let rows = [...initial];
  let settings = DEFAULT_SETTINGS;
  const shipped = shippedCatalogs();
  const local = [...saved];
  let n = 0;
  // Like main: fixed ids where the entity has them, else the id the renderer chose, else a fresh UUID (fields
  // such as factorIds are checked as UUIDs); positions in creation order.
  const make = (input: NewRowInput): Row => {
    const data = { ...ROW_DEFAULTS[input.entity], ...input.values };
    const parentId = input.parentId ?? null;
    const id = deterministicRowId(input.entity, plan.id, parentId, data) ?? input.id ?? crypto.randomUUID();
    return { ...row(input.entity, data, parentId, id), planId: plan.id, position: `b${String(++n).padStart(6, '0')}` };
  };
  const versions = () => [
    ...shipped.map((catalog) => ({ catalog, shipped: true })),
    ...local.map((catalog) => ({ catalog, shipped: false })),
  ];
  const fake = fakeApi({
    'plans.get': () => ok(plan),
    'app.status': () => ok(openStatus),
    // Kept like main keeps them, so a screen opened again (a restart) reads what the last one stored.
    'settings.get': () => ok(settings),
    'settings.set': (patch) => ok((settings = { ...settings, ...patch })),
    'rows.list': () => ok(rows),
    'rows.create': ({ rows: input }) => {
      const made = input.map(make);
      rows = [...rows.filter((r) => !made.some((m) => m.id === r.id)), ...made];
      return ok(made);
    },
    'rows.update': ({ id, edits }) => {
      rows = rows.map((r) =>
        r.id === id ? { ...r, data: { ...r.data, ...Object.fromEntries(edits.map((e) => [e.field, e.value])) } } : r,
      );
      return ok(rows.find((r) => r.id === id)!);
    },
    'rows.delete': ({ id }) => {
      rows = rows.filter((r) => r.id !== id && r.parentId !== id);
      return ok({});
    },
    'catalogs.list': () => {
      const all = versions();
      const latest = new Map(all.map((v) => [v.catalog.id, v.catalog.version]));
      return ok(
        all.map(({ catalog: { items, source: _source, ...head }, shipped: isShipped }) => ({
          ...head,
          shipped: isShipped,
          latest: latest.get(head.id) === head.version,
          itemCount: items.filter((i) => !i.retired).length,
        })),
      );
    },
    'catalogs.get': ({ catalogId, version }) => {
      const found = versions().find((v) => v.catalog.id === catalogId && v.catalog.version === version);
      return found ? ok(found.catalog) : { ok: false, error: { code: 'not-found', detail: catalogId } };
    },
    'catalogs.save': ({ catalog }) => {
      const taken = versions()
        .filter((v) => v.catalog.id === catalog.id)
        .map((v) => v.catalog.version);
      const made = Catalog.parse({ ...catalog, version: localVersion(catalog.version, taken) });
      local.push(made);
      return ok(made);
    },
  });
  return { ...fake, rows: () => rows, shipped, local };
}

export const BANGKOK = { catalogId: 'bangkok-20y-2556-2575', version: '2556' };

/** The plan's options row aligned to the given catalogs. */
export const optionsRow = (frameworkCatalogs: { catalogId: string; version: string }[]) =>
  row('planOptions', { frameworkCatalogs }, null, samplePlan.id);

export type PlanFake = ReturnType<typeof planFake>;

/** One step of a wizard on the fake; `shell` records where the wizard navigates to. */
export function openWizard(fake: PlanFake, wizard: WizardId, step: number) {
  const shell = fakeShell();
  renderWith(<WizardScreen planId={samplePlan.id} wizard={wizard} step={step} />, fake.api, shell);
  return { user: userEvent.setup(), shell };
}

/**
 * Presses Next and waits for its answer: Next first waits for pending saves, so its move or its reasons to stay
 * come some promises after the click (the step is aria-busy meanwhile). Reading the alert right after the click
 * raced those saves: it failed now and then on a loaded machine, more often with more to render (PlanNav).
 */
export const next = async (user: UserEvent) => {
  await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
  await waitFor(() => expect(document.querySelector('.step-card[aria-busy="true"]')).toBeNull());
};

/** The reasons the wizard's alert gives for staying on the step. */
export const alertTexts = () =>
  within(screen.getByRole('alert'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

/**
 * A text matcher for text shown in word spans (ThaiText: a no-wrap span per word, nothing inserted): the
 * innermost element whose whole textContent is `text` (spaces collapsed and trimmed, as testing-library does),
 * as testing-library's own matcher reads only an element's own text nodes.
 */
export const wholeText =
  (text: string | RegExp) =>
  (_content: string, element: Element | null): boolean => {
    const matches = (el: Element) => {
      const shown = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      return typeof text === 'string' ? shown === text : text.test(shown);
    };
    return element !== null && matches(element) && ![...element.children].some(matches);
  };
