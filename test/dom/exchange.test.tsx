import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  RejectReason,
  type ArrivalChange,
  type ArrivalsView,
  type Conflict,
  type DeleteConflict,
  type ExchangeStatus,
  type ImportReport,
  type PackageOutcome,
} from '../../main/core/exchange/api.ts';
import type { Row } from '../../main/core/rows.ts';
import { ExchangeCard } from '../../renderer/src/exchange/ExchangeCard.tsx';
import { ExchangeScreen } from '../../renderer/src/exchange/ExchangeScreen.tsx';
import { localeResources } from '../../renderer/src/locales.ts';
import { fakeApi, fakeShell, ok, openStatus, renderWith, samplePlan } from './fakeApi.tsx';
import { row } from './planFake.tsx';

/** The exchange screen of a plan over a fake main: import outcomes, packages' text, arrivals, conflicts. */

const thaiErrors = (localeResources('th').exchange as { errors: Record<string, string> }).errors;

const KPI_NAME = 'ร้อยละของประชาชนที่รับรู้และเข้าใจนโยบายและผลการดำเนินงานของกรุงเทพมหานคร';
const issue = row('strategicIssue', { name: 'การสื่อสารนโยบายอย่างทั่วถึง' }, null, 'issue-1');
const goal = row('goal', { name: 'ประชาชนรับรู้นโยบาย' }, 'issue-1', 'goal-1');
const kpi = row('kpi', { name: KPI_NAME, unit: 'ร้อยละ' }, 'goal-1', 'kpi-1');
const target = row('kpiTarget', { year: 2567, target: 80 }, 'kpi-1', 'kpi-1:2567');
const ROWS: Row[] = [issue, goal, kpi, target];
const KPI_LABEL = `ตัวชี้วัด 1.1.1 ${KPI_NAME}`;

const SECRETARIAT = { code: 'BMA-PR', name: 'สำนักงานประชาสัมพันธ์', role: 'secretariat' as const };
const PHRA_NAKHON = { code: '1001', name: 'สำนักงานเขตพระนคร', role: 'contributor' as const };
const HOSTILE_NAME = '<img src=x onerror="window.__xss = 1">';
const HOSTILE_SCRIPT = '<script>window.__xss = 2</script>';

const STATUS: ExchangeStatus = {
  planId: samplePlan.id,
  identity: SECRETARIAT,
  secretariat: SECRETARIAT,
  assignments: [{ officeCode: '1001', officeName: PHRA_NAKHON.name, factors: true, kpiIds: ['kpi-1'], projectIds: [] }],
  lastExport: null,
  fingerprint: '1A2B 3C4D 5E6F 7081',
  unconfirmedOps: 0,
  heldOps: 0,
  unconfirmedRowIds: [],
  conflicts: 0,
  folder: { path: null, lastSyncAt: null, atStart: null },
};
const NO_ARRIVALS: ArrivalsView = { offices: [], arrivals: [] };

const outcome = (file: string, patch: Partial<PackageOutcome>): PackageOutcome => ({
  file,
  status: 'imported',
  opCount: 0,
  newOps: 0,
  changedCells: 0,
  conflicts: 0,
  ...patch,
});

interface Setup {
  arrivals?: ArrivalsView;
  conflicts?: Conflict[];
  deleteConflicts?: DeleteConflict[];
  importReport?: (files: { name: string; content: string }[]) => ImportReport;
  changes?: ArrivalChange[];
  /** Electron: main has dialogs (file, folder); the browser has none. */
  hasDialogs?: boolean;
  /** The shared folder as the app's sync at start left it. */
  atStartFolder?: ExchangeStatus['folder'];
  rows?: Row[];
}

function exchange({
  arrivals = NO_ARRIVALS,
  conflicts = [],
  deleteConflicts = [],
  importReport,
  changes = [],
  hasDialogs = false,
  atStartFolder,
  rows = ROWS,
}: Setup = {}) {
  let open = [...conflicts];
  let openDeletes = [...deleteConflicts];
  let folder: ExchangeStatus['folder'] = atStartFolder ?? { path: null, lastSyncAt: null, atStart: null };
  const fake = fakeApi({
    'plans.get': () => ok(samplePlan),
    // A copy per call: what an import adds to `rows` shows only to a screen that lists them again.
    'rows.list': () => ok([...rows]),
    'app.status': () => ok({ ...openStatus, hasDialogs }),
    'exchange.status': () => ok({ ...STATUS, conflicts: open.length + openDeletes.length, folder }),
    'exchange.folder.choose': () => ok((folder = { path: 'D:\\OneDrive\\แผนกลาง', lastSyncAt: null, atStart: null })),
    'exchange.folder.sync': () => {
      folder = { ...folder, lastSyncAt: '2026-11-27T07:00:00.000Z' };
      return ok({ status: 'done', packages: [], planIds: [] });
    },
    'exchange.arrivals': () => ok(arrivals),
    'exchange.conflicts': () => ok(open),
    'exchange.deleteConflicts': () => ok(openDeletes),
    'exchange.resolveDelete': ({ rowId }) => ok((openDeletes = openDeletes.filter((c) => c.rowId !== rowId))),
    'exchange.import': ({ files }) => ok(importReport!(files ?? [])),
    'exchange.acknowledgeOffice': () => ok(STATUS),
    'exchange.acceptSecretariatKey': () => ok(STATUS),
    'exchange.setAssignments': ({ assignments }) => ok({ ...STATUS, assignments }),
    'exchange.arrivalChanges': () => ok({ changes, total: changes.length }),
    'exchange.resolve': ({ entity, rowId, field }) => {
      open = open.filter((c) => !(c.entity === entity && c.rowId === rowId && c.field === field));
      return ok(open);
    },
  });
  const shell = fakeShell();
  renderWith(<ExchangeScreen planId={samplePlan.id} />, fake.api, shell);
  return { fake, shell };
}

const packageFile = (name: string) => new File(['{}'], name, { type: 'application/json' });

async function upload(names: string[]) {
  const user = userEvent.setup();
  const input = await screen.findByLabelText('เลือกไฟล์แพ็กเกจ…');
  await user.upload(input, names.map(packageFile));
  return screen.findByRole('list', { name: 'ผลการนำเข้าแต่ละไฟล์' });
}

describe('import outcomes', () => {
  it('every refusal reason shows its Thai message with the file name, never the code', async () => {
    const reasons = RejectReason.options;
    const names = reasons.map((_, i) => `แพ็กเกจที่-${i + 1}.phaen-package`);
    const { fake } = exchange({
      importReport: () => ({
        status: 'done',
        planIds: [],
        packages: reasons.map((reason, i) =>
          outcome(names[i]!, { status: 'rejected', reason, detail: `english ${reason}` }),
        ),
      }),
    });
    const list = await upload(names);

    expect(fake.callsTo('exchange.import')).toEqual([
      { planId: samplePlan.id, files: names.map((name) => ({ name, content: '{}' })) },
    ]);
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(reasons.length);
    reasons.forEach((reason, i) => {
      expect(items[i]!.textContent).toContain(names[i]);
      expect(items[i]!.textContent).toContain('ไม่ได้นำเข้า ข้อมูลในเครื่องไม่เปลี่ยนแปลง');
      expect(items[i]!.textContent).toContain(thaiErrors[reason]);
      expect(thaiErrors[reason]).toMatch(/[\u0E00-\u0E7F]/);
    });
    // Neither the reason codes nor the English details reach the screen.
    const shown = list.textContent ?? '';
    for (const reason of reasons) expect(shown).not.toContain(reason);
    expect(shown).not.toContain('english');
    expect(screen.getByText(`นำเข้าแล้ว 0 ไฟล์ · เคยนำเข้าแล้ว 0 ไฟล์ · ไม่ได้นำเข้า ${reasons.length} ไฟล์`)).toBeTruthy();
  });

  it('a refusal caused by one operation names it, its field in Thai and the rule it broke', async () => {
    exchange({
      importReport: () => ({
        status: 'done',
        planIds: [],
        packages: [
          outcome('ยาวเกิน.phaen-package', {
            status: 'rejected',
            reason: 'too-long',
            operation: { id: 'op-1', entity: 'kpi', rowId: 'row-1', field: 'unit' },
            problem: 'validation.tooLong',
          }),
          outcome('เวลาซ้ำ.phaen-package', {
            status: 'rejected',
            reason: 'hlc-reused',
            operation: { id: 'op-2', entity: 'factor', rowId: 'row-2', field: 'evidence' },
            earlier: 'ส่งครั้งแรก.phaen-package',
          }),
        ],
      }),
    });
    const list = await upload(['ยาวเกิน.phaen-package', 'เวลาซ้ำ.phaen-package']);
    const [tooLong, reused] = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent ?? '');
    expect(tooLong).toContain('รายการแก้ไข op-1: ช่อง “หน่วยนับ/หน่วยงาน” ของตัวชี้วัด');
    expect(tooLong).toContain('ข้อความยาวเกินไป');
    expect(tooLong).not.toContain('ไฟล์ที่นำเข้าไว้ก่อน');
    // A clock (or a package id) reused with other content names the file that brought it first.
    expect(reused).toContain('รายการแก้ไข op-2: ช่อง “หลักฐาน');
    expect(reused).toContain('ไฟล์ที่นำเข้าไว้ก่อนซึ่งใช้รหัสไฟล์หรือเวลาแก้ไขเดียวกัน: “ส่งครั้งแรก.phaen-package”');
  });

  it('an imported file says from whom, how much changed and how many conflicts; a repeat says nothing changed', async () => {
    exchange({
      importReport: () => ({
        status: 'done',
        planIds: [samplePlan.id],
        packages: [
          outcome('พระนคร-1.phaen-package', {
            kind: 'contribution',
            sender: PHRA_NAKHON,
            exportedAt: '2026-11-27T05:30:00.000Z',
            opCount: 1200,
            newOps: 1200,
            changedCells: 1150,
            conflicts: 2,
          }),
          outcome('พระนคร-1-สำเนา.phaen-package', { status: 'already-imported', sender: PHRA_NAKHON }),
        ],
      }),
    });
    const items = within(await upload(['พระนคร-1.phaen-package', 'พระนคร-1-สำเนา.phaen-package'])).getAllByRole(
      'listitem',
    );
    expect(items[0]!.textContent).toContain('นำเข้าแล้ว');
    expect(items[0]!.textContent).toContain('จากสำนักงานเขตพระนคร (1001) ส่งเมื่อ 27 พ.ย. 2569');
    expect(items[0]!.textContent).toContain('การแก้ไขใหม่ 1,200 รายการ · เปลี่ยนค่าในแผน 1,150 ช่อง');
    expect(items[0]!.textContent).toContain('มีข้อมูลขัดแย้ง 2 รายการที่ต้องตัดสิน');
    expect(items[1]!.textContent).toContain('เคยนำเข้าแล้ว ไม่มีข้อมูลใดเปลี่ยน');
  });

  it('an import that brings rows updates the side navigation’s states at once, not at the next navigation', async () => {
    const rows: Row[] = [];
    exchange({
      rows,
      importReport: () => {
        rows.push(...ROWS);
        return {
          status: 'done',
          planIds: [samplePlan.id],
          packages: [outcome('พระนคร-1.phaen-package', { kind: 'contribution', sender: PHRA_NAKHON, newOps: 4 })],
        };
      },
    });
    await screen.findByRole('navigation', { name: 'แผนและขั้นตอนการจัดทำ' });
    const goals = () => {
      const nav = screen.getByRole('navigation', { name: 'แผนและขั้นตอนการจัดทำ' });
      const link = within(nav).getByRole('link', { name: 'กำหนดประเด็นยุทธศาสตร์ เป้าประสงค์ ตัวชี้วัดและค่าเป้าหมาย' });
      return document.getElementById(link.getAttribute('aria-describedby')!)!.textContent;
    };
    expect(goals()).toBe('ยังไม่เริ่ม');
    await upload(['พระนคร-1.phaen-package']);
    await waitFor(() => expect(goals()).toBe('กำลังทำ'));
  });

  it('accepting an office that is not assigned imports the same files again', async () => {
    const stranger = { code: '1030', name: 'สำนักงานเขตจตุจักร', role: 'contributor' as const };
    let accepted = false;
    const { fake } = exchange({
      importReport: () => ({
        status: 'done',
        planIds: accepted ? [samplePlan.id] : [],
        packages: [
          outcome('จตุจักร-1.phaen-package', {
            ...(accepted ? {} : { status: 'rejected' as const, reason: 'unknown-office' as const }),
            sender: stranger,
            planId: samplePlan.id,
          }),
        ],
      }),
    });
    const list = await upload(['จตุจักร-1.phaen-package']);
    expect(list.textContent).toContain(thaiErrors['unknown-office']);
    accepted = true;
    await userEvent
      .setup()
      .click(within(list).getByRole('button', { name: 'ยอมรับข้อมูลจากสำนักงานเขตจตุจักร (1030) แล้วนำเข้าอีกครั้ง' }));

    await waitFor(() => expect(fake.callsTo('exchange.import')).toHaveLength(2));
    expect(fake.callsTo('exchange.acknowledgeOffice')).toEqual([
      { planId: samplePlan.id, code: '1030', name: 'สำนักงานเขตจตุจักร' },
    ]);
    expect(fake.callsTo('exchange.import')[1]).toEqual(fake.callsTo('exchange.import')[0]);
    await screen.findByText('นำเข้าแล้ว 1 ไฟล์ · เคยนำเข้าแล้ว 0 ไฟล์ · ไม่ได้นำเข้า 0 ไฟล์');
  });

  it('a package signed by another key than the office’s shows the new key’s code; confirming registers that key', async () => {
    const senderKey = 'A'.repeat(43);
    let confirmed = false;
    const { fake } = exchange({
      importReport: () => ({
        status: 'done',
        planIds: confirmed ? [samplePlan.id] : [],
        packages: [
          outcome('พระนคร-2.phaen-package', {
            ...(confirmed ? {} : { status: 'rejected' as const, reason: 'key-changed' as const }),
            kind: 'contribution',
            sender: PHRA_NAKHON,
            planId: samplePlan.id,
            senderKey,
            fingerprint: 'C0DE 0000 1111 2222',
          }),
        ],
      }),
    });
    const list = await upload(['พระนคร-2.phaen-package']);
    expect(list.textContent).toContain(thaiErrors['key-changed']);
    expect(list.textContent).toContain('รหัสกุญแจของผู้ส่ง: C0DE 0000 1111 2222');
    confirmed = true;
    await userEvent.setup().click(
      within(list).getByRole('button', {
        name: 'ยืนยันกุญแจใหม่ของสำนักงานเขตพระนคร (1001) (รหัส C0DE 0000 1111 2222 ตรงกับที่หน่วยงานแจ้งทางโทรศัพท์แล้ว) แล้วนำเข้าอีกครั้ง',
      }),
    );
    await waitFor(() => expect(fake.callsTo('exchange.import')).toHaveLength(2));
    expect(fake.callsTo('exchange.acknowledgeOffice')).toEqual([
      { planId: samplePlan.id, code: '1001', name: PHRA_NAKHON.name, publicKey: senderKey },
    ]);
  });
});

describe('a secretariat on a new computer', () => {
  it('its plan package refused under a new key shows the key’s code; the office confirms it and imports again', async () => {
    const senderKey = 'B'.repeat(43);
    let confirmed = false;
    const { fake } = exchange({
      importReport: () => ({
        status: 'done',
        planIds: confirmed ? [samplePlan.id] : [],
        packages: [
          outcome('แผน-PR-5.phaen-package', {
            ...(confirmed ? {} : { status: 'rejected' as const, reason: 'key-changed' as const }),
            kind: 'plan',
            sender: SECRETARIAT,
            planId: samplePlan.id,
            senderKey,
            fingerprint: '5EC2 E7A2 1A7E 0001',
          }),
        ],
      }),
    });
    const list = await upload(['แผน-PR-5.phaen-package']);
    expect(list.textContent).toContain(thaiErrors['key-changed']);
    expect(list.textContent).toContain('รหัสกุญแจของผู้ส่ง: 5EC2 E7A2 1A7E 0001');
    expect(list.textContent).toContain('ฝ่ายเลขานุการอาจย้ายไปใช้เครื่องใหม่');
    expect(within(list).queryByRole('button', { name: /ยืนยันกุญแจใหม่ของสำนักงานประชาสัมพันธ์ \(BMA-PR\) \(รหัส/ })).toBeNull();
    confirmed = true;
    await userEvent.setup().click(
      within(list).getByRole('button', {
        name: 'ยืนยันกุญแจใหม่ของฝ่ายเลขานุการ สำนักงานประชาสัมพันธ์ (BMA-PR) (รหัส 5EC2 E7A2 1A7E 0001 ตรงกับที่ฝ่ายเลขานุการแจ้งทางโทรศัพท์แล้ว) แล้วนำเข้าอีกครั้ง',
      }),
    );
    await waitFor(() => expect(fake.callsTo('exchange.import')).toHaveLength(2));
    expect(fake.callsTo('exchange.acceptSecretariatKey')).toEqual([{ planId: samplePlan.id, publicKey: senderKey }]);
    expect(fake.callsTo('exchange.acknowledgeOffice')).toEqual([]);
  });
});

describe('text from packages', () => {
  it('names, titles and values with markup show as text and run nothing', async () => {
    const hostile = { code: 'X1', name: HOSTILE_NAME, role: 'contributor' as const };
    const fileName = `${HOSTILE_NAME}.phaen-package`;
    const w = window as { __xss?: number };
    exchange({
      arrivals: {
        offices: [
          {
            code: 'X1',
            name: HOSTILE_NAME,
            assigned: false,
            acknowledged: true,
            fingerprint: null,
            arrivals: 1,
            lastArrivalAt: '2026-11-27T05:00:00.000Z',
          },
        ],
        arrivals: [
          {
            id: '5a3b1e00-0000-4000-8000-000000000001',
            kind: 'contribution',
            office: hostile,
            fileName,
            exportedAt: '2026-11-27T04:00:00.000Z',
            importedAt: '2026-11-27T05:00:00.000Z',
            opCount: 1,
            newOps: 1,
            changedCells: 1,
            conflicts: 1,
          },
        ],
      },
      conflicts: [
        {
          entity: 'kpi',
          rowId: 'kpi-1',
          field: 'responsibleUnit',
          values: [
            { opId: 'a', at: '2026-11-27T04:00:00.000Z', office: hostile, value: HOSTILE_SCRIPT, winner: true },
            { opId: 'b', at: '2026-11-27T03:00:00.000Z', office: SECRETARIAT, value: 'ส่วนประชาสัมพันธ์', winner: false },
          ],
        },
      ],
      importReport: () => ({
        status: 'done',
        planIds: [],
        packages: [
          outcome(fileName, {
            status: 'rejected',
            reason: 'claims-secretariat',
            sender: { ...hostile, name: HOSTILE_SCRIPT },
            planTitle: `<b>แผน</b>${HOSTILE_NAME}`,
            exportedAt: '2026-11-27T04:00:00.000Z',
          }),
        ],
      }),
    });
    const list = await upload([fileName]);
    const main = screen.getByRole('main');

    expect(list.textContent).toContain(fileName);
    expect(list.textContent).toContain(HOSTILE_SCRIPT);
    expect(list.textContent).toContain(`แผน “<b>แผน</b>${HOSTILE_NAME}”`);
    expect(main.textContent).toContain(`${HOSTILE_NAME} (X1)`);
    expect(within(main).getByRole('group', { name: 'ค่าที่แต่ละหน่วยงานแก้ไข' }).textContent).toContain(HOSTILE_SCRIPT);
    expect(main.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(w.__xss).toBeUndefined();
  });
});

describe('arrivals', () => {
  it('per office what arrived, and an arrival opens to what it changed, by the rows’ names', async () => {
    const { fake } = exchange({
      arrivals: {
        offices: [
          {
            code: '1001',
            name: PHRA_NAKHON.name,
            assigned: true,
            acknowledged: false,
            fingerprint: '9F00 12AB 34CD 56EF',
            arrivals: 1,
            lastArrivalAt: '2026-11-27T05:00:00.000Z',
          },
          {
            code: '1004',
            name: 'สำนักงานเขตบางรัก',
            assigned: true,
            acknowledged: false,
            fingerprint: null,
            arrivals: 0,
            lastArrivalAt: null,
          },
        ],
        arrivals: [
          {
            id: '5a3b1e00-0000-4000-8000-000000000002',
            kind: 'contribution',
            office: PHRA_NAKHON,
            fileName: 'พระนคร-1.phaen-package',
            exportedAt: '2026-11-27T04:00:00.000Z',
            importedAt: '2026-11-27T05:00:00.000Z',
            opCount: 3,
            newOps: 3,
            changedCells: 2,
            conflicts: 0,
          },
        ],
      },
      changes: [
        {
          entity: 'kpi',
          rowId: 'kpi-1',
          field: 'responsibleUnit',
          value: 'ฝ่ายปกครอง',
          at: '2026-11-27T04:00:00.000Z',
          current: false,
        },
        {
          entity: 'kpiTarget',
          rowId: 'kpi-1:2567',
          field: 'target',
          value: 85.5,
          at: '2026-11-27T04:00:00.000Z',
          current: true,
        },
        {
          entity: 'kpi',
          rowId: 'kpi-9',
          field: 'name',
          value: 'ตัวชี้วัดที่ถูกลบ',
          at: '2026-11-27T04:00:00.000Z',
          current: true,
        },
      ],
    });
    const region = await screen.findByRole('region', { name: 'ข้อมูลที่ได้รับ' });
    expect(
      within(region).getByRole('row', {
        name: /สำนักงานเขตพระนคร \(1001\) ได้รับมอบหมาย 1 27 พ\.ย\. 2569 .* 9F00 12AB 34CD 56EF/,
      }),
    ).toBeTruthy();
    expect(
      within(region).getByRole('row', { name: 'สำนักงานเขตบางรัก (1004) ได้รับมอบหมาย 0 ยังไม่ได้ส่ง ยังไม่มี' }),
    ).toBeTruthy();

    const arrival = within(region).getByRole('listitem', { name: /สำนักงานเขตพระนคร \(1001\)/ });
    const toggle = within(arrival).getByRole('button', { name: 'ดูสิ่งที่เปลี่ยน' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.setup().click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await within(arrival).findByText(KPI_LABEL);
    expect(fake.callsTo('exchange.arrivalChanges')).toEqual([{ arrivalId: '5a3b1e00-0000-4000-8000-000000000002' }]);
    const text = arrival.textContent ?? '';
    expect(text).toContain('หน่วยงานที่รับผิดชอบ: ฝ่ายปกครอง (มีการแก้ไขที่ใหม่กว่าแทนที่แล้ว)');
    expect(text).toContain(`ค่าเป้าหมาย ปี พ.ศ. 2567 ของ${KPI_LABEL}`);
    expect(text).toContain('ค่าเป้าหมาย: 85.5');
    expect(text).toContain('ตัวชี้วัด (ไม่มีในแผนแล้ว)');
    expect(text).not.toContain('kpi-1');
  });
});

describe('conflicts', () => {
  const unitConflict: Conflict = {
    entity: 'kpi',
    rowId: 'kpi-1',
    field: 'responsibleUnit',
    values: [
      { opId: 'a', at: '2026-11-27T06:00:00.000Z', office: SECRETARIAT, value: 'ส่วนประชาสัมพันธ์', winner: true },
      {
        opId: 'b',
        at: '2026-11-27T05:00:00.000Z',
        office: PHRA_NAKHON,
        value: 'ฝ่ายปกครอง สำนักงานเขตพระนคร',
        winner: false,
      },
    ],
  };

  it('shows both values side by side with office and B.E. time, and choosing one settles it', async () => {
    const { fake, shell } = exchange({ conflicts: [unitConflict] });
    const region = await screen.findByRole('region', { name: 'ข้อมูลขัดแย้งที่รอตัดสิน (1 รายการ)' });
    const item = within(region).getByRole('listitem', { name: `${KPI_LABEL}: หน่วยงานที่รับผิดชอบ` });
    const values = within(item).getByRole('group', { name: 'ค่าที่แต่ละหน่วยงานแก้ไข' });
    expect(values.textContent).toContain('สำนักงานประชาสัมพันธ์ (BMA-PR) (เครื่องนี้)27 พ.ย. 2569');
    expect(values.textContent).toContain('สำนักงานเขตพระนคร (1001)27 พ.ย. 2569');
    expect(within(values).getAllByText('แผนแสดงค่านี้อยู่')).toHaveLength(1);
    expect(screen.getByRole('link', { name: '1 รายการ (ดูด้านล่าง)' })).toBeTruthy();

    await userEvent.setup().click(within(item).getByRole('button', { name: 'ใช้ค่านี้: สำนักงานเขตพระนคร (1001)' }));

    await waitFor(() => expect(screen.queryByRole('region', { name: /ข้อมูลขัดแย้งที่รอตัดสิน/ })).toBeNull());
    expect(fake.callsTo('exchange.resolve')).toEqual([
      {
        planId: samplePlan.id,
        entity: 'kpi',
        rowId: 'kpi-1',
        field: 'responsibleUnit',
        value: 'ฝ่ายปกครอง สำนักงานเขตพระนคร',
      },
    ]);
    expect(shell.notify).toHaveBeenCalledWith({
      text: `${KPI_LABEL}: หน่วยงานที่รับผิดชอบ ใช้ค่า “ฝ่ายปกครอง สำนักงานเขตพระนคร” แล้ว`,
    });
  });

  it('a typed number is checked before it is sent; Thai digits and grouping are read', async () => {
    const { fake } = exchange({
      conflicts: [
        {
          entity: 'kpiTarget',
          rowId: 'kpi-1:2567',
          field: 'target',
          values: [
            { opId: 'a', at: '2026-11-27T06:00:00.000Z', office: SECRETARIAT, value: 80, winner: true },
            { opId: 'b', at: '2026-11-27T05:00:00.000Z', office: PHRA_NAKHON, value: 1250, winner: false },
          ],
        },
      ],
    });
    const user = userEvent.setup();
    const item = await screen.findByRole('listitem', { name: `ค่าเป้าหมาย ปี พ.ศ. 2567 ของ${KPI_LABEL}: ค่าเป้าหมาย` });
    expect(within(item).getByRole('group', { name: 'ค่าที่แต่ละหน่วยงานแก้ไข' }).textContent).toContain('1,250');
    const typed = within(item).getByLabelText('หรือพิมพ์ค่าใหม่');
    await user.type(typed, 'แปดสิบ');
    await user.click(within(item).getByRole('button', { name: 'ใช้ค่าที่พิมพ์' }));
    expect(within(item).getByText('กรุณากรอกตัวเลข เช่น 1,250 หรือ 12.5')).toBeTruthy();
    expect(typed.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('exchange.resolve')).toEqual([]);

    await user.clear(typed);
    await user.type(typed, '๑,๐๐๐');
    await user.click(within(item).getByRole('button', { name: 'ใช้ค่าที่พิมพ์' }));
    await waitFor(() =>
      expect(fake.callsTo('exchange.resolve')).toEqual([
        { planId: samplePlan.id, entity: 'kpiTarget', rowId: 'kpi-1:2567', field: 'target', value: 1000 },
      ]),
    );
  });

  it('a choice from a list is only chosen, shown in words', async () => {
    exchange({
      conflicts: [
        {
          entity: 'kpi',
          rowId: 'kpi-1',
          field: 'direction',
          values: [
            { opId: 'a', at: '2026-11-27T06:00:00.000Z', office: SECRETARIAT, value: 'higher', winner: true },
            { opId: 'b', at: '2026-11-27T05:00:00.000Z', office: null, value: 'lower', winner: false },
          ],
        },
      ],
    });
    const item = await screen.findByRole('listitem', { name: `${KPI_LABEL}: ทิศทางของค่า` });
    const values = within(item).getByRole('group', { name: 'ค่าที่แต่ละหน่วยงานแก้ไข' }).textContent;
    expect(values).toContain('ค่าสูงดี');
    expect(values).toContain('ค่าต่ำดี');
    expect(values).toContain('หน่วยงานที่ไม่ทราบชื่อ');
    expect(within(item).queryByLabelText('หรือพิมพ์ค่าใหม่')).toBeNull();
  });

  it('a row moved or deleted by two offices says where to and whether, never ids or order keys', async () => {
    const moved = (field: string, a: unknown, b: unknown): Conflict => ({
      entity: 'kpi',
      rowId: 'kpi-1',
      field,
      values: [
        { opId: `${field}-a`, at: '2026-11-27T06:00:00.000Z', office: SECRETARIAT, value: a, winner: true },
        { opId: `${field}-b`, at: '2026-11-27T05:00:00.000Z', office: PHRA_NAKHON, value: b, winner: false },
      ],
    });
    exchange({ conflicts: [moved('parentId', 'goal-1', 'goal-gone'), moved('deleted', true, false)] });
    const parent = await screen.findByRole('listitem', { name: `${KPI_LABEL}: รายการแม่` });
    const parents = within(parent).getByRole('group', { name: 'ค่าที่แต่ละหน่วยงานแก้ไข' }).textContent;
    expect(parents).toContain('เป้าประสงค์ 1.1 ประชาชนรับรู้นโยบาย');
    expect(parents).toContain('รายการที่ไม่มีในแผนแล้ว');
    expect(parents).not.toContain('goal-');
    expect(within(parent).queryByLabelText('หรือพิมพ์ค่าใหม่')).toBeNull();
    const deleted = screen.getByRole('listitem', { name: `${KPI_LABEL}: ลบ` });
    const choices = within(deleted).getByRole('group', { name: 'ค่าที่แต่ละหน่วยงานแก้ไข' }).textContent;
    expect(choices).toContain('ลบรายการนี้');
    expect(choices).toContain('คงรายการนี้ไว้');
  });
});

describe('shared folder', () => {
  it('in the browser says why it cannot be used, and offers no button that cannot work', async () => {
    const { fake } = exchange();
    const region = await screen.findByRole('region', { name: 'โฟลเดอร์กลาง' });
    expect(region.textContent).toContain('ใช้โฟลเดอร์กลางได้เฉพาะในโปรแกรมบนเครื่อง เพราะเว็บเบราว์เซอร์ไม่อนุญาต');
    expect(within(region).queryByRole('button')).toBeNull();
    expect(fake.callsTo('exchange.folder.choose')).toEqual([]);
  });

  it('in the desktop app a chosen folder is looked at once, and its last sync shows in B.E.', async () => {
    const { fake } = exchange({ hasDialogs: true });
    const user = userEvent.setup();
    const region = await screen.findByRole('region', { name: 'โฟลเดอร์กลาง' });
    await user.click(within(region).getByRole('button', { name: 'เลือกโฟลเดอร์กลาง…' }));

    await within(region).findByText('ไม่พบแพ็กเกจใหม่ในโฟลเดอร์กลาง');
    expect(fake.callsTo('exchange.folder.sync')).toHaveLength(1);
    expect(region.textContent).toContain('D:\\OneDrive\\แผนกลาง');
    await waitFor(() => expect(region.textContent).toContain('ซิงก์ล่าสุด27 พ.ย. 2569'));
    expect(within(region).getByRole('button', { name: 'ซิงก์เดี๋ยวนี้' })).toBeTruthy();
    // The package buttons are main's dialogs here: a file, or a whole folder.
    const receive = screen.getByRole('region', { name: 'รับข้อมูลจากหน่วยงาน' });
    expect(within(receive).getByRole('button', { name: 'นำเข้าทั้งโฟลเดอร์…' })).toBeTruthy();
  });
});

describe('what the shared folder brought at start', () => {
  const AT_START: ExchangeStatus['folder'] = {
    path: 'D:\\OneDrive\\แผนกลาง',
    lastSyncAt: '2026-11-27T01:30:00.000Z',
    atStart: {
      at: '2026-11-27T01:30:00.000Z',
      packages: [
        outcome('1001-000001.phaen-package', {
          kind: 'contribution',
          planId: samplePlan.id,
          sender: PHRA_NAKHON,
          newOps: 12,
          changedCells: 7,
        }),
        outcome('other-plan.phaen-package', { kind: 'contribution', planId: '2b1e3c4d-0000-4000-8000-000000000001' }),
        outcome('half-copied.phaen-package', { status: 'rejected', reason: 'damaged' }),
      ],
    },
  };

  it('the plan page counts this plan’s arrivals and the refused files, with the B.E. time of the start', async () => {
    const fake = fakeApi({ 'exchange.status': () => ok({ ...STATUS, folder: AT_START }) });
    renderWith(<ExchangeCard planId={samplePlan.id} />, fake.api, fakeShell());
    const card = await screen.findByRole('region', { name: 'แลกเปลี่ยนข้อมูลกับหน่วยงานอื่น' });
    await within(card).findByText(/ได้รับแพ็กเกจใหม่ของแผนนี้จากโฟลเดอร์กลาง 1 ไฟล์$/);
    expect(card.textContent).toContain('เมื่อเปิดโปรแกรม (27 พ.ย. 2569');
    expect(card.textContent).toContain('มีไฟล์ในโฟลเดอร์กลางที่นำเข้าไม่ได้ 1 ไฟล์');
  });

  it('the plan page says nothing of a start that brought nothing', async () => {
    const quiet = { ...AT_START, atStart: { at: AT_START.lastSyncAt!, packages: [] } };
    const fake = fakeApi({ 'exchange.status': () => ok({ ...STATUS, folder: quiet }) });
    renderWith(<ExchangeCard planId={samplePlan.id} />, fake.api, fakeShell());
    await waitFor(() => expect(fake.callsTo('exchange.status')).toHaveLength(1));
    const card = await screen.findByRole('region', { name: 'แลกเปลี่ยนข้อมูลกับหน่วยงานอื่น' });
    expect(card.textContent).not.toContain('เมื่อเปิดโปรแกรม');
  });

  it('the shared folder card lists each file of the start until the user syncs', async () => {
    exchange({ hasDialogs: true, atStartFolder: AT_START });
    const user = userEvent.setup();
    const region = await screen.findByRole('region', { name: 'โฟลเดอร์กลาง' });
    await within(region).findByText(/^เมื่อเปิดโปรแกรม \(27 พ.ย. 2569.*พบไฟล์ใหม่ดังนี้$/);
    const files = within(region).getByRole('list', { name: 'ผลการนำเข้าแต่ละไฟล์' });
    expect(within(files).getAllByRole('listitem')).toHaveLength(3);
    expect(files.textContent).toContain(thaiErrors.damaged);

    await user.click(within(region).getByRole('button', { name: 'ซิงก์เดี๋ยวนี้' }));
    await within(region).findByText('ไม่พบแพ็กเกจใหม่ในโฟลเดอร์กลาง');
    expect(within(region).queryByRole('list', { name: 'ผลการนำเข้าแต่ละไฟล์' })).toBeNull();
  });
});

describe('assignments', () => {
  it('an office of the plan with a Thai abbreviation as its code is assigned under that code, closing dot left out', async () => {
    const pr = row('office', { code: 'สปส.', name: 'สำนักงานประชาสัมพันธ์' }, null, 'office-pr');
    const { fake } = exchange({ rows: [...ROWS, pr] });
    const user = userEvent.setup();
    const region = await screen.findByRole('region', { name: 'มอบหมายงานให้หน่วยงาน' });
    await user.selectOptions(within(region).getByLabelText('เพิ่มหน่วยงานจากรายชื่อหน่วยงานที่ร่วมจัดทำแผน'), 'office-pr');
    await user.click(within(region).getByRole('button', { name: 'เพิ่มหน่วยงาน' }));
    await within(region).findByText('บันทึกการมอบหมายแล้ว');
    const saved = fake.callsTo('exchange.setAssignments').at(-1)!.assignments;
    expect(saved.map((a) => [a.officeCode, a.officeName])).toEqual([
      ['1001', PHRA_NAKHON.name],
      ['สปส', 'สำนักงานประชาสัมพันธ์'],
    ]);
  });

  it('a code typed with a closing dot is the same office as the one without: refused as a duplicate', async () => {
    const { fake } = exchange();
    const user = userEvent.setup();
    const region = await screen.findByRole('region', { name: 'มอบหมายงานให้หน่วยงาน' });
    const first = within(region).getByLabelText('รหัสหน่วยงาน');
    await user.clear(first);
    await user.type(first, 'สยป.');
    await user.tab();
    await within(region).findByText('บันทึกการมอบหมายแล้ว');
    expect(
      fake
        .callsTo('exchange.setAssignments')
        .at(-1)!
        .assignments.map((a) => a.officeCode),
    ).toEqual(['สยป']);

    await user.click(within(region).getByRole('button', { name: 'เพิ่มหน่วยงาน' }));
    const second = (await within(region).findAllByLabelText('รหัสหน่วยงาน'))[1]!;
    await user.type(second, 'สยป');
    await user.tab();
    await within(region).findByText('รหัสนี้ซ้ำกับหน่วยงานอื่นในรายการ');
    expect(fake.callsTo('exchange.setAssignments').every((call) => call.assignments.length === 1)).toBe(true);
  });
});

describe('deletes that met edits', () => {
  const deletedKpi = { ...row('kpi', { name: 'จำนวนช่องทางสื่อสารออนไลน์', unit: 'ช่องทาง' }, 'goal-1', 'kpi-2') };
  const newTarget = row('kpiTarget', { year: 2568, target: 12 }, 'kpi-2', 'kpi-2:2568');
  const orphan: DeleteConflict = {
    kind: 'orphan',
    entity: 'kpiTarget',
    rowId: 'kpi-2:2568',
    deleted: { entity: 'kpi', rowId: 'kpi-2', at: '2026-11-27T05:00:00.000Z', office: SECRETARIAT },
    edited: { field: 'target', at: '2026-11-27T06:00:00.000Z', office: PHRA_NAKHON },
    rows: [newTarget, deletedKpi, goal],
  };

  it('names who added what under which deleted item, and restoring it settles the conflict', async () => {
    const { fake, shell } = exchange({ deleteConflicts: [orphan] });
    const region = await screen.findByRole('region', { name: 'รายการที่ถูกลบขณะที่อีกหน่วยงานแก้ไข (1 รายการ)' });
    const [item] = within(region).getAllByRole('listitem');
    const text = item!.textContent!;
    // The target named once, under its deleted KPI (not "of" it as well); the KPI unnumbered, as it is in no list.
    expect(text).toContain(
      'สำนักงานเขตพระนคร (1001) เพิ่มค่าเป้าหมาย ปี พ.ศ. 2568 ใต้ตัวชี้วัด จำนวนช่องทางสื่อสารออนไลน์ ซึ่งสำนักงานประชาสัมพันธ์ (BMA-PR) (เครื่องนี้) ลบแล้ว',
    );
    expect(text).toContain('ลบเมื่อ 27 พ.ย. 2569');
    expect(screen.getByRole('link', { name: '1 รายการ (ดูด้านล่าง)' })).toBeTruthy();

    await userEvent
      .setup()
      .click(within(item!).getByRole('button', { name: /^นำตัวชี้วัด .*จำนวนช่องทางสื่อสารออนไลน์ กลับมา$/ }));

    await waitFor(() => expect(screen.queryByRole('region', { name: /รายการที่ถูกลบ/ })).toBeNull());
    expect(fake.callsTo('exchange.resolveDelete')).toEqual([
      { planId: samplePlan.id, rowId: 'kpi-2:2568', keep: true },
    ]);
    expect(shell.notify).toHaveBeenCalledWith({ text: expect.stringMatching(/จำนวนช่องทางสื่อสารออนไลน์ กลับมาแล้ว$/) });
  });

  it('confirming the delete sends keep: false', async () => {
    const { fake } = exchange({ deleteConflicts: [orphan] });
    const region = await screen.findByRole('region', { name: /รายการที่ถูกลบ/ });
    await userEvent.setup().click(within(region).getByRole('button', { name: /^ยืนยันการลบค่าเป้าหมาย ปี พ.ศ. 2568/ }));
    await waitFor(() =>
      expect(fake.callsTo('exchange.resolveDelete')).toEqual([
        { planId: samplePlan.id, rowId: 'kpi-2:2568', keep: false },
      ]),
    );
  });
});
