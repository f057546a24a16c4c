import { cpSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RejectReason } from '../../main/core/exchange/api.ts';
import {
  MAX_PACKAGE_BYTES,
  checksumInput,
  serialisePackage,
  type PackageFile,
} from '../../main/core/exchange/format.ts';
import { importPackages, incomingText, readIncoming } from '../../main/services/exchange/import.ts';
import { buildPackage, recordingExport, sha256Hex } from '../../main/services/exchange/export.ts';
import { chooseFolder, exportToFolder, syncFolder } from '../../main/services/exchange/folder.ts';
import { writeFileAtomic } from '../../main/services/files.ts';
import {
  acknowledgeOffice,
  actorKeys,
  getPlanExchange,
  registerKey,
  savePlanExchange,
} from '../../main/services/exchange/state.ts';
import { arrivalsView, exchangeStatus } from '../../main/services/exchange/views.ts';
import { keyFingerprint, newSigningKey } from '../../main/services/signing.ts';
import { rowFieldSchema, type RowEntity } from '../../main/core/rows.ts';
import { createPlan, updatePlan } from '../../main/services/plans.ts';
import { createRows, getRow, listRows, updateRow } from '../../main/services/rows.ts';
import type { Store } from '../../main/services/store/store.ts';
import {
  SECRETARIAT,
  dump,
  exportText,
  fileBytes,
  forgedContribution,
  importTexts,
  office,
  openReplica,
  reseal,
} from '../harness/exchange.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

const tempDir = useTempDir();
const locales = {
  th: JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/locales/th.exchange.json'), 'utf8')) as {
    exchange: { errors: Record<string, string> };
  },
  en: JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/locales/en.exchange.json'), 'utf8')) as {
    exchange: { errors: Record<string, string> };
  },
};

function firstOp(file: PackageFile) {
  return file.payload.groups[0]!.ops[0]!;
}

let secretariat: Store;
let district: Store;
let planId: string;
let contribution: string;
let factorId: string;
let secretariatDir: string;
let districtDir: string;

beforeEach(async () => {
  secretariatDir = join(tempDir(), 's');
  secretariat = await openReplica(secretariatDir, SECRETARIAT);
  planId = createPlan(secretariat, bmaDraft).id;
  // The district's factor: its source is the plan's row of that office, so it is the district's to edit.
  const [pranakhon] = createRows(secretariat, planId, [
    { entity: 'office', values: { code: '1001', name: 'สำนักงานเขตพระนคร' } },
  ]);
  const [factor] = createRows(secretariat, planId, [
    {
      entity: 'factor',
      values: { swot: 'S', category: 'S1', statement: 'มีช่องทางสื่อหลากหลาย', sourceOfficeId: pranakhon!.id },
    },
  ]);
  savePlanExchange(secretariat.db, {
    ...getPlanExchange(secretariat.db, planId),
    assignments: [{ officeCode: '1001', officeName: 'สำนักงานเขตพระนคร', factors: true, kpiIds: [], projectIds: [] }],
  });
  districtDir = join(tempDir(), 'a');
  district = await openReplica(districtDir, office('1001', 'สำนักงานเขตพระนคร'));
  importTexts(district, [exportText(secretariat, planId)]);
  factorId = factor!.id;
  updateRow(district, factor!.id, [
    { field: 'statement', value: 'มีช่องทางสื่อออนไลน์หลากหลาย' },
    { field: 'evidence', value: 'สถิติผู้ติดตาม' },
  ]);
  contribution = exportText(district, planId);
});

afterEach(() => {
  secretariat.close();
  district.close();
});

/** Import into the secretariat and check it was refused for `reason` with not one byte of the database changed. */
function expectRefused(
  texts: string[] | (() => ReturnType<typeof importPackages>),
  reason: RejectReason,
  options: { planId?: string } = {},
) {
  const before = { dump: dump(secretariat), bytes: fileBytes(secretariatDir) };
  const report = typeof texts === 'function' ? texts() : importTexts(secretariat, texts, options);
  expect(report.packages.map((p) => [p.status, p.reason])).toEqual([['rejected', reason]]);
  expect(report.planIds).toEqual([]);
  expect(dump(secretariat)).toEqual(before.dump);
  expect(fileBytes(secretariatDir)).toBe(before.bytes);
  // A Thai message (and an English one) for the UI to show.
  expect(locales.th.exchange.errors[reason]).toMatch(/[\u0E00-\u0E7F]/);
  expect(locales.en.exchange.errors[reason]).toBeTruthy();
}

describe('a bad package is refused with its reason and leaves the database byte for byte as it was', () => {
  it('accepts the unmodified contribution (the faults below are the only difference)', () => {
    expect(importTexts(secretariat, [contribution]).packages[0]!.status).toBe('imported');
  });

  it('truncated file', () => {
    expectRefused([contribution.slice(0, Math.floor(contribution.length / 2))], 'damaged');
    expectRefused([contribution.slice(0, -40)], 'damaged');
  });

  it('bit flips anywhere in the file', () => {
    const bytes = new TextEncoder().encode(contribution);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 7 }), (at, bit) => {
        const flipped = bytes.slice();
        flipped[at] = flipped[at]! ^ (1 << bit);
        const report = importPackages(secretariat, [
          { name: 'flipped.phaen-package', size: flipped.length, read: () => flipped },
        ]);
        expect(report.packages[0]!.status).toBe('rejected');
      }),
      { numRuns: 300, seed: 6 },
    );
    // Not one of them wrote anything: the checks come before the transaction.
    expectRefused([contribution.replace('มีช่องทาง', 'มีช่องทาx')], 'checksum');
  });

  it('wrong checksum', () => {
    const file = JSON.parse(contribution) as PackageFile;
    file.manifest.sha256 = '0'.repeat(64);
    expectRefused([serialisePackage(file)], 'checksum');
    const altered = JSON.parse(contribution) as PackageFile;
    firstOp(altered).value = 'แก้ไขระหว่างทาง';
    expectRefused([serialisePackage(altered)], 'checksum');
  });

  it('a package for another plan', async () => {
    const other = createPlan(secretariat, { ...bmaDraft, title: 'แผนอื่น' });
    expectRefused([contribution], 'other-plan', { planId: other.id });
    // And for a plan this workspace does not have.
    const elsewhere = reseal(contribution, (f) => {
      f.manifest.planId = crypto.randomUUID();
    });
    expectRefused([elsewhere], 'other-plan');
  });

  it('a newer format version, and an older one (unsigned, from a Phaen before signatures)', () => {
    expectRefused([reseal(contribution, (f) => Object.assign(f, { version: 3 }))], 'newer-version');
    const unsigned = reseal(contribution, (f) => {
      const old = f as Partial<PackageFile>;
      delete old.signature;
      Object.assign(f, { version: 1 });
    });
    expectRefused([unsigned], 'older-version');
  });

  it('an unknown operation type, entity or field, or an operation out of shape, naming the operation', () => {
    const merge = reseal(contribution, (f) => Object.assign(firstOp(f), { type: 'merge' }));
    expectRefused([merge], 'unknown-operation');
    const { id, entity, rowId, field } = firstOp(JSON.parse(contribution) as PackageFile);
    expect(importTexts(secretariat, [merge]).packages[0]!.operation).toEqual({ id, entity, rowId, field });
    // A causal context naming its own writer, and an operation twice: malformed, and which operation says so.
    const ownContext = reseal(contribution, (f) => Object.assign(firstOp(f), { seen: [firstOp(f).hlc] }));
    const twice = reseal(contribution, (f) => {
      const [group] = f.payload.groups;
      group!.ops.push({ ...firstOp(f) });
      f.manifest.opCount += 1;
    });
    for (const text of [ownContext, twice]) {
      expectRefused([text], 'invalid');
      expect(importTexts(secretariat, [text]).packages[0]!.operation).toEqual({ id, entity, rowId, field });
    }
    expectRefused(
      [reseal(contribution, (f) => Object.assign(firstOp(f), { entity: 'budgetLine' }))],
      'unknown-operation',
    );
    expectRefused(
      [reseal(contribution, (f) => Object.assign(firstOp(f), { field: 'created_by' }))],
      'unknown-operation',
    );
  });

  it('a value of the wrong type, even after valid operations', () => {
    const wrong = reseal(contribution, (f) => {
      const ops = f.payload.groups.at(-1)!.ops;
      Object.assign(ops.at(-1)!, { value: 42 });
    });
    expectRefused([wrong], 'bad-value');
  });

  it('a text too long for its field and a year Phaen does not accept, each with its own message naming the operation', () => {
    const long = reseal(contribution, (f) => Object.assign(firstOp(f), { value: 'ก'.repeat(5000) }));
    expectRefused([long], 'too-long');
    const [refused] = importTexts(secretariat, [long]).packages;
    expect(refused!.operation).toEqual({
      id: firstOp(JSON.parse(long) as PackageFile).id,
      entity: 'factor',
      rowId: firstOp(JSON.parse(long) as PackageFile).rowId,
      field: 'statement',
    });
    expect(refused!.problem).toBe('validation.tooLong');
    const year3000 = reseal(contribution, (f) =>
      Object.assign(firstOp(f), {
        entity: 'projectBudget',
        rowId: `${crypto.randomUUID()}:3000`,
        field: 'year',
        value: 3000,
      }),
    );
    expectRefused([year3000], 'year-out-of-range');
  });

  it('a value nested thousands of arrays deep, refused before anything recurses over it', () => {
    const file = JSON.parse(contribution) as PackageFile;
    const deep = `${'['.repeat(2500)}${']'.repeat(2500)}`;
    // Spliced into the text: building it as an object and serialising would itself overflow the stack.
    const text = serialisePackage(file).replace(JSON.stringify(firstOp(file).value), deep);
    expect(text.length).toBeGreaterThan(5000);
    expectRefused([text], 'too-deep');
  });

  it('a package id imported before, sent again with other content', () => {
    expect(importTexts(secretariat, [contribution]).packages[0]!.status).toBe('imported');
    const reused = reseal(contribution, (f) => Object.assign(firstOp(f), { value: 'เนื้อหาอื่น' }));
    expectRefused([reused], 'reused-package-id');
  });

  it('an operation with the clock (or the id) of one already here but another value', () => {
    expect(importTexts(secretariat, [contribution]).packages[0]!.status).toBe('imported');
    const again = (change: (op: PackageFile['payload']['groups'][number]['ops'][number]) => void) =>
      reseal(contribution, (f) => {
        f.manifest.packageId = crypto.randomUUID();
        change(firstOp(f));
      });
    expectRefused(
      [again((op) => Object.assign(op, { id: crypto.randomUUID(), value: 'ค่าอื่นเวลาเดียวกัน' }))],
      'hlc-reused',
    );
    expectRefused([again((op) => Object.assign(op, { value: 'ค่าอื่นรหัสเดียวกัน' }))], 'hlc-reused');
    // The same operations again under a new package id change nothing and are not refused.
    expect(importTexts(secretariat, [again(() => {})]).packages[0]!.status).toBe('imported');
  });

  it('two operations of one package sharing a clock', () => {
    const twin = reseal(contribution, (f) => {
      const [a, b] = f.payload.groups.flatMap((g) => g.ops);
      b!.hlc = a!.hlc;
      const hlcs = f.payload.groups.flatMap((g) => g.ops.map((op) => op.hlc)).sort();
      f.manifest.hlcRange = { first: hlcs[0]!, last: hlcs.at(-1)! };
    });
    expectRefused([twin], 'hlc-reused');
  });

  it('one file given twice in one import: the second is already imported, not refused', () => {
    const twice = () =>
      importPackages(secretariat, [
        incomingText('a.phaen-package', contribution),
        incomingText('copy/a.phaen-package', contribution),
      ]).packages.map((p) => [p.file, p.status, p.reason]);
    expect(twice()).toEqual([
      ['a.phaen-package', 'imported', undefined],
      ['copy/a.phaen-package', 'already-imported', undefined],
    ]);
    const before = fileBytes(secretariatDir);
    expect(twice().map(([, status]) => status)).toEqual(['already-imported', 'already-imported']);
    expect(fileBytes(secretariatDir)).toBe(before);
  });

  it('a package id reused with other content within one import: the later file is refused, naming both files', () => {
    const other = reseal(contribution, (f) => Object.assign(firstOp(f), { value: 'เนื้อหาอื่นรหัสเดิม' }));
    const both = () =>
      importPackages(secretariat, [
        incomingText('first.phaen-package', contribution),
        incomingText('second.phaen-package', other),
      ]).packages;
    const [first, second] = both();
    expect([first!.status, second!.status, second!.reason]).toEqual(['imported', 'rejected', 'reused-package-id']);
    expect(second!.earlier).toBe('first.phaen-package');
    expect(second!.detail).toContain('second.phaen-package');
    expect(second!.detail).toContain('first.phaen-package');
    expect(getRow(secretariat, factorId).data.statement).toBe('มีช่องทางสื่อออนไลน์หลากหลาย');
    expect(JSON.stringify(dump(secretariat))).not.toContain('เนื้อหาอื่นรหัสเดิม');
    // Again, with the first file here already: nothing is accepted, and not a byte is written.
    const before = { dump: dump(secretariat), bytes: fileBytes(secretariatDir) };
    expect(both().map((p) => [p.status, p.reason, p.earlier])).toEqual([
      ['already-imported', undefined, undefined],
      ['rejected', 'reused-package-id', 'first.phaen-package'],
    ]);
    expect(dump(secretariat)).toEqual(before.dump);
    expect(fileBytes(secretariatDir)).toBe(before.bytes);
  });

  it('a clock reused on another field, in one import or one file after the other: refused, naming the operation and the earlier file', () => {
    let reused = { id: '', hlc: '' };
    const twin = reseal(contribution, (f) => {
      f.manifest.packageId = crypto.randomUUID();
      // The statement's clock on a new operation of the evidence field.
      const op = firstOp(f);
      reused = { id: crypto.randomUUID(), hlc: op.hlc };
      Object.assign(op, { id: reused.id, field: 'evidence', value: 'หลักฐานอื่นเวลาเดิม' });
    });
    const pair = () =>
      importPackages(secretariat, [
        incomingText('statement.phaen-package', contribution),
        incomingText('twin.phaen-package', twin),
      ]).packages;
    const [first, second] = pair();
    expect([first!.status, second!.status, second!.reason]).toEqual(['imported', 'rejected', 'hlc-reused']);
    expect(second!.operation).toEqual({ id: reused.id, entity: 'factor', rowId: factorId, field: 'evidence' });
    expect(second!.earlier).toBe('statement.phaen-package');
    expect(second!.detail).toContain(reused.hlc);
    expect(getRow(secretariat, factorId).data.evidence).toBe('สถิติผู้ติดตาม');
    expect(JSON.stringify(dump(secretariat))).not.toContain(reused.id);
    // The pair again: the first is here already, the twin still refused, and not a byte is written.
    const before = { dump: dump(secretariat), bytes: fileBytes(secretariatDir) };
    expect(pair().map((p) => [p.status, p.reason])).toEqual([
      ['already-imported', undefined],
      ['rejected', 'hlc-reused'],
    ]);
    expect(dump(secretariat)).toEqual(before.dump);
    expect(fileBytes(secretariatDir)).toBe(before.bytes);
    // And alone, in an import of its own.
    expectRefused([twin], 'hlc-reused');
    expect(importTexts(secretariat, [twin]).packages[0]!.earlier).toBe('statement.phaen-package');
  });

  it('a contribution deleting the plan or changing its header, naming the operations', () => {
    const deletes = reseal(contribution, (f) =>
      Object.assign(firstOp(f), { entity: 'plan', rowId: planId, field: 'deleted', value: true }),
    );
    expectRefused([deletes], 'secretariat-only');
    const [outcome] = importTexts(secretariat, [deletes]).packages;
    expect(outcome!.operation).toMatchObject({ entity: 'plan', field: 'deleted', rowId: planId });
    // An office's own edit of the header is never sent: its next contribution goes through without it.
    updatePlan(district, planId, [{ field: 'title', value: 'แก้ไขโดยเขต' }]);
    const next = JSON.parse(exportText(district, planId)) as PackageFile;
    expect(next.payload.groups.flatMap((g) => g.ops).some((op) => op.entity === 'plan')).toBe(false);
    expect(importTexts(secretariat, [serialisePackage(next)]).packages[0]!.status).toBe('imported');
  });

  it('a huge file, refused from its size without reading it', () => {
    const path = join(tempDir(), 'huge.phaen-package');
    writeFileSync(path, contribution);
    truncateSync(path, MAX_PACKAGE_BYTES + 1);
    const incoming = readIncoming(path);
    let reads = 0;
    const counted = { ...incoming, read: () => (reads++, incoming.read()) };
    expectRefused(() => importPackages(secretariat, [counted]), 'too-large');
    expect(reads).toBe(0);
  });

  it('a sender claiming the secretariat’s identity', () => {
    const asSecretariat = reseal(contribution, (f) => {
      f.manifest.sender.code = SECRETARIAT.code;
      f.payload.offices[0]!.code = SECRETARIAT.code;
    });
    expectRefused([asSecretariat], 'claims-secretariat');
    const planPackage = reseal(contribution, (f) => {
      f.manifest.kind = 'plan';
      f.manifest.sender.role = 'secretariat';
      f.payload.offices[0]!.role = 'secretariat';
      f.payload.assignments = [];
    });
    expectRefused([planPackage], 'claims-secretariat');
  });

  it('an office neither assigned nor acknowledged, until it is acknowledged (then held to its own factors)', () => {
    const stranger = reseal(contribution, (f) => {
      f.manifest.sender.code = '1099';
      f.payload.offices[0]!.code = '1099';
    });
    expectRefused([stranger], 'unknown-office');
    acknowledgeOffice(secretariat.db, planId, '1099', 'สำนักงานเขตทดลอง', new Date().toISOString());
    // Known now, but an office accepted without an assignment brings only its own factors, not 1001's.
    expectRefused([stranger], 'outside-assignment');
  });

  it('an operation reaching into another plan', () => {
    const other = createPlan(secretariat, { ...bmaDraft, title: 'แผนอื่น' });
    expectRefused(
      [
        reseal(contribution, (f) =>
          Object.assign(firstOp(f), { entity: 'plan', field: 'title', rowId: other.id, value: 'ถูกแก้' }),
        ),
      ],
      'foreign-row',
    );
  });

  it('a sender whose clock is far ahead', () => {
    const ahead = reseal(contribution, (f) => {
      const future = String(Date.now() + 30 * 24 * 3600 * 1000).padStart(15, '0');
      for (const g of f.payload.groups) for (const op of g.ops) op.hlc = future + op.hlc.slice(15);
      // Same wall clock for all: their order now rests on the counters, so take the range over every op.
      const hlcs = f.payload.groups.flatMap((g) => g.ops.map((op) => op.hlc)).sort();
      f.manifest.hlcRange = { first: hlcs[0]!, last: hlcs.at(-1)! };
      f.manifest.covers.to = f.manifest.hlcRange.last;
    });
    expectRefused([ahead], 'clock-ahead');
  });

  it('imports the good packages of a batch and reports the bad one', () => {
    const report = importPackages(secretariat, [
      incomingText('ok.phaen-package', contribution),
      incomingText('cut.phaen-package', contribution.slice(0, 100)),
    ]);
    expect(report.packages.map((p) => [p.file, p.status, p.reason])).toEqual([
      ['ok.phaen-package', 'imported', undefined],
      ['cut.phaen-package', 'rejected', 'damaged'],
    ]);
  });
});

describe('signed packages: a forged or altered package is refused, and an office is known by its key', () => {
  it('a package altered after signing, even with its checksum recomputed', () => {
    const file = JSON.parse(contribution) as PackageFile;
    firstOp(file).value = 'แก้ไขระหว่างทางโดยผู้อื่น';
    file.manifest.sha256 = sha256Hex(checksumInput(file));
    expectRefused([serialisePackage(file)], 'signature');
  });

  it('a signature moved onto another key, or a key without its signature', () => {
    const stranger = newSigningKey().key;
    const swapped = JSON.parse(contribution) as PackageFile;
    swapped.manifest.sender.publicKey = stranger.publicKey;
    swapped.payload.offices[0]!.publicKey = stranger.publicKey;
    swapped.manifest.sha256 = sha256Hex(checksumInput(swapped));
    expectRefused([serialisePackage(swapped)], 'signature');
    const blank = JSON.parse(contribution) as PackageFile;
    blank.signature = 'A'.repeat(86);
    expectRefused([serialisePackage(blank)], 'signature');
  });

  it('registers the office’s key at its first accepted contribution and shows its fingerprint in groups of 4', () => {
    expect(arrivalsView(secretariat, planId).offices.find((o) => o.code === '1001')!.fingerprint).toBeNull();
    const [outcome] = importTexts(secretariat, [contribution]).packages;
    const fingerprint = keyFingerprint(district.signingKey.publicKey);
    expect(fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    expect(outcome).toMatchObject({ status: 'imported', fingerprint });
    expect(arrivalsView(secretariat, planId).offices.find((o) => o.code === '1001')!.fingerprint).toBe(fingerprint);
    // The office reads the same code on its own screen to confirm it by phone.
    expect(exchangeStatus(district, planId).fingerprint).toBe(fingerprint);
  });

  it('a package under a registered office signed by anyone else’s key (a forger holding a key of their own)', () => {
    expect(importTexts(secretariat, [contribution]).packages[0]!.status).toBe('imported');
    const forger = newSigningKey().key;
    const forged = reseal(
      contribution,
      (f) => {
        f.manifest.packageId = crypto.randomUUID();
        firstOp(f).value = 'ข้อความปลอม';
      },
      forger,
    );
    expectRefused([forged], 'key-changed');
    const [outcome] = importTexts(secretariat, [forged]).packages;
    expect(outcome!.fingerprint).toBe(keyFingerprint(forger.publicKey));
  });

  it('two contributions of one office in one import under different keys: the second is refused', () => {
    const other = reseal(contribution, (f) => (f.manifest.packageId = crypto.randomUUID()), newSigningKey().key);
    const report = importTexts(secretariat, [contribution, other]);
    expect(report.packages.map((p) => [p.status, p.reason])).toEqual([
      ['imported', undefined],
      ['rejected', 'key-changed'],
    ]);
  });

  it('a new key confirmed by the user is the office’s from then on; the old one is refused', () => {
    expect(importTexts(secretariat, [contribution]).packages[0]!.status).toBe('imported');
    const moved = newSigningKey().key;
    const fromNewPc = reseal(contribution, (f) => (f.manifest.packageId = crypto.randomUUID()), moved);
    expectRefused([fromNewPc], 'key-changed');
    registerKey(secretariat.db, planId, '1001', moved.publicKey, new Date().toISOString(), true);
    expect(importTexts(secretariat, [fromNewPc]).packages[0]!.status).toBe('imported');
    const oldKey = reseal(contribution, (f) => (f.manifest.packageId = crypto.randomUUID()));
    expect(importTexts(secretariat, [oldKey]).packages.map((p) => p.reason)).toEqual(['key-changed']);
  });

  it('the plan package carries the secretariat’s key; a later plan package under another key is refused at the office', () => {
    const before = { dump: dump(district) };
    const planPackage = exportText(secretariat, planId);
    expect((JSON.parse(planPackage) as PackageFile).manifest.sender.publicKey).toBe(secretariat.signingKey.publicKey);
    expect(getPlanExchange(district.db, planId).secretariat!.publicKey).toBe(secretariat.signingKey.publicKey);
    const impostor = reseal(planPackage, (f) => (f.manifest.packageId = crypto.randomUUID()), newSigningKey().key);
    const report = importTexts(district, [impostor]);
    expect(report.packages.map((p) => [p.status, p.reason])).toEqual([['rejected', 'key-changed']]);
    expect(dump(district)).toEqual(before.dump);
    expect(importTexts(district, [planPackage]).packages[0]!.status).toBe('imported');
  });

  it('offices learn their peers’ keys from the plan package; no package carries a private key', async () => {
    expect(importTexts(secretariat, [contribution]).packages[0]!.status).toBe('imported');
    const planPackage = exportText(secretariat, planId);
    const offices = (JSON.parse(planPackage) as PackageFile).payload.offices;
    expect(offices.find((o) => o.actor === district.officeId)!.publicKey).toBe(district.signingKey.publicKey);
    const peer = await openReplica(join(tempDir(), 'peer'), office('1002'));
    expect(importTexts(peer, [planPackage]).packages[0]!.status).toBe('imported');
    expect(actorKeys(peer.db).get(district.officeId)).toBe(district.signingKey.publicKey);
    peer.close();
    const stored = (s: Store) =>
      s.db.prepare("SELECT value FROM meta WHERE key = 'signing_key'").pluck().get() as string;
    for (const text of [planPackage, contribution]) {
      expect(text).not.toContain(stored(secretariat));
      expect(text).not.toContain(stored(district));
    }
  });
});

describe('a package that would leave the plan out of shape is refused, naming the operation', () => {
  /** A plan's chain issue → goal → KPI and strategy → project at the secretariat, sent to the district. */
  function planTree() {
    const [issue] = createRows(secretariat, planId, [{ entity: 'strategicIssue', values: { name: 'การสื่อสาร' } }]);
    const [goal] = createRows(secretariat, planId, [
      { entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนรับรู้' } },
    ]);
    const [kpi, strategy] = createRows(secretariat, planId, [
      { entity: 'kpi', parentId: goal!.id, values: { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ' } },
      { entity: 'strategy', parentId: goal!.id, values: { name: 'สื่อออนไลน์' } },
    ]);
    const [project] = createRows(secretariat, planId, [
      { entity: 'project', parentId: strategy!.id, values: { name: 'ผลิตสื่อ', startYear: 2567, endYear: 2569 } },
    ]);
    importTexts(district, [exportText(secretariat, planId)]);
    return { issue: issue!, goal: goal!, kpi: kpi!, project: project! };
  }

  function assign(parts: { kpiIds: string[]; projectIds: string[] }) {
    savePlanExchange(secretariat.db, {
      ...getPlanExchange(secretariat.db, planId),
      assignments: [{ officeCode: '1001', officeName: 'สำนักงานเขตพระนคร', factors: true, ...parts }],
    });
  }

  /** What a buggy or hostile installation sends: edits written straight into its op log, past every check. */
  function contributionWith(edits: Parameters<Store['oplog']['apply']>[2]): string {
    district.oplog.apply('forged', planId, edits);
    return forgedContribution(district, planId);
  }

  function expectNamed(text: string, reason: RejectReason, field: string) {
    expectRefused([text], reason);
    const [outcome] = importTexts(secretariat, [text]).packages;
    expect(outcome!.operation?.field).toBe(field);
  }

  const newRow = (
    entity: 'kpi' | 'projectBudget',
    rowId: string,
    parentId: string,
    values: Record<string, unknown>,
  ) => [
    { entity, rowId, field: 'planId', value: planId },
    { entity, rowId, field: 'parentId', value: parentId },
    { entity, rowId, field: 'position', value: 'a0' },
    ...Object.entries(values).map(([field, value]) => ({ entity, rowId, field, value })),
    { entity, rowId, field: 'deleted', value: false },
  ];

  it('a goal moved under its own KPI (once a loop that froze the app)', () => {
    const { goal, kpi } = planTree();
    expectNamed(
      contributionWith([{ entity: 'goal', rowId: goal.id, field: 'parentId', value: kpi.id }]),
      'bad-parent',
      'parentId',
    );
  });

  it('a KPI under a project', () => {
    const { project } = planTree();
    expectNamed(
      contributionWith(newRow('kpi', crypto.randomUUID(), project.id, { name: 'ผิดที่' })),
      'bad-parent',
      'parentId',
    );
  });

  it('a KPI whose parent does not exist', () => {
    planTree();
    const orphan = contributionWith(newRow('kpi', crypto.randomUUID(), crypto.randomUUID(), { name: 'ไม่มีแม่' }));
    expectNamed(orphan, 'bad-parent', 'parentId');
  });

  it('a budget row whose id names one year and whose data another', () => {
    const { project } = planTree();
    const text = contributionWith(
      newRow('projectBudget', `${project.id}:2567`, project.id, { year: 2568, amount: 1000 }),
    );
    expectNamed(text, 'id-mismatch', 'year');
  });

  it('a budget for B.E. 2599 in a 2566–2570 plan', () => {
    const { project } = planTree();
    const far = contributionWith(
      newRow('projectBudget', `${project.id}:2599`, project.id, { year: 2599, amount: 5e7 }),
    );
    expectNamed(far, 'year-outside-plan', 'year');
  });

  it('a budget inside the plan’s years but outside its project’s (2567–2569)', () => {
    const { project } = planTree();
    const early = contributionWith(
      newRow('projectBudget', `${project.id}:2566`, project.id, { year: 2566, amount: 1 }),
    );
    expectNamed(early, 'year-outside-plan', 'year');
  });

  it('accepts a new KPI target and budget beneath the office’s assigned KPI and project in one package', () => {
    const { kpi, project } = planTree();
    assign({ kpiIds: [kpi.id], projectIds: [project.id] });
    const text = contributionWith([
      ...newRow('kpiTarget' as 'kpi', `${kpi.id}:2567`, kpi.id, { year: 2567, target: 80 }),
      ...newRow('projectBudget', `${project.id}:2568`, project.id, { year: 2568, amount: 250000 }),
      { entity: 'kpi', rowId: kpi.id, field: 'responsibleUnit', value: 'ฝ่ายประชาสัมพันธ์ เขตพระนคร' },
    ]);
    expect(importTexts(secretariat, [text]).packages[0]!.status).toBe('imported');
  });

  /** The plan tree with a KPI target (2567) and a budget (2568) the district is assigned, as both hold them. */
  function assignedTree() {
    const tree = planTree();
    createRows(secretariat, planId, [
      { entity: 'kpiTarget', parentId: tree.kpi.id, values: { year: 2567, target: 60 } },
      { entity: 'projectBudget', parentId: tree.project.id, values: { year: 2568, amount: 250000 } },
    ]);
    assign({ kpiIds: [tree.kpi.id], projectIds: [tree.project.id] });
    importTexts(district, [exportText(secretariat, planId)]);
    return { ...tree, target: `${tree.kpi.id}:2567`, budget: `${tree.project.id}:2568` };
  }

  it('an existing budget set to -500 baht by its own office, signed: refused as a local edit is, naming the field', () => {
    const { budget } = assignedTree();
    expect(() => updateRow(district, budget, [{ field: 'amount', value: -500 }])).toThrow(/strategies\.negative/);
    const text = contributionWith([{ entity: 'projectBudget', rowId: budget, field: 'amount', value: -500 }]);
    expectNamed(text, 'bad-value', 'amount');
    const [outcome] = importTexts(secretariat, [text]).packages;
    expect(outcome).toMatchObject({
      operation: { entity: 'projectBudget', rowId: budget },
      problem: 'strategies.negative',
    });
    expect(getRow(secretariat, budget).data.amount).toBe(250000);
  });

  it("a SWOT rating of 6 on the plan's 1–5 scale", () => {
    const text = contributionWith([{ entity: 'factor', rowId: factorId, field: 'rating', value: 6 }]);
    expectNamed(text, 'bad-value', 'rating');
    // With the scale its message names ("between 1 and 5"), as the field on the screen says it.
    expect(importTexts(secretariat, [text]).packages[0]).toMatchObject({
      problem: 'swot.weights.ratingRange',
      problemValues: { min: 1, max: 5 },
    });
  });

  it('for every field rule, a value a local edit refuses is refused by the import, and one it accepts is imported', () => {
    const { kpi, project, target, budget } = assignedTree();
    const year = fc.integer({ min: 2560, max: 2575 });
    const amount = fc.oneof(
      fc.constant(-500),
      fc.integer({ min: -1000, max: 1_000_000 }),
      fc.double({ min: -5, max: 150, noNaN: true }),
    );
    // Each field whose rule needs the plan around it (core/validity.ts), on a row the district may edit.
    const cases = fc.oneof(
      fc.record({
        entity: fc.constant('projectBudget'),
        rowId: fc.constant(budget),
        field: fc.constant('amount'),
        value: amount,
      }),
      fc.record({
        entity: fc.constant('factor'),
        rowId: fc.constant(factorId),
        field: fc.constant('rating'),
        value: fc.integer({ min: -1, max: 8 }),
      }),
      fc.record({
        entity: fc.constant('factor'),
        rowId: fc.constant(factorId),
        field: fc.constant('weight'),
        value: fc.double({ min: -1, max: 2, noNaN: true }),
      }),
      fc.record({
        entity: fc.constant('kpiTarget'),
        rowId: fc.constant(target),
        field: fc.constant('target'),
        value: amount,
      }),
      fc.record({
        entity: fc.constant('kpi'),
        rowId: fc.constant(kpi.id),
        field: fc.constant('periodTarget'),
        value: amount,
      }),
      fc.record({
        entity: fc.constant('project'),
        rowId: fc.constant(project.id),
        field: fc.constantFrom('startYear', 'endYear'),
        value: year,
      }),
    );
    fc.assert(
      fc.property(cases, (edit) => {
        // A budget an earlier case's shorter project years dropped is no longer there to edit.
        fc.pre(listRows(district, planId).some((r) => r.id === edit.rowId));
        let refusedHere = false;
        try {
          updateRow(district, edit.rowId, [{ field: edit.field, value: edit.value }]);
        } catch {
          refusedHere = true;
        }
        if (!refusedHere) {
          // What the district sends for it: the edit and whatever the same action wrote (a budget its project's
          // new years dropped), imported as the district holds it.
          const [outcome] = importTexts(secretariat, [exportText(district, planId)]).packages;
          expect([edit, outcome!.status]).toEqual([edit, 'imported']);
          return;
        }
        // A value its field's schema refuses cannot enter even a forged op log: it is sealed into the package.
        const schemaOk = rowFieldSchema(edit.entity as RowEntity, edit.field).safeParse(edit.value).success;
        const text = schemaOk
          ? contributionWith([edit])
          : reseal(contributionWith([{ ...edit, value: 0.5 }]), (f) => {
              const op = f.payload.groups
                .flatMap((g) => g.ops)
                .find((o) => o.rowId === edit.rowId && o.field === edit.field);
              op!.value = edit.value;
            });
        const [outcome] = importTexts(secretariat, [text]).packages;
        expect([edit, outcome!.status]).toEqual([edit, 'rejected']);
        // Named: this edit, or an earlier one the package sends again that the new value now breaks.
        expect(outcome!.operation).toBeDefined();
        // The district takes its forged edit back, so the next case starts from a plan both hold alike.
        district.oplog.undoLast(planId);
      }),
      { numRuns: 25 },
    );
  });
});

describe('a contribution touches only the parts assigned to its office, and the refusal names the operations', () => {
  function planTree() {
    const [issue] = createRows(secretariat, planId, [{ entity: 'strategicIssue', values: { name: 'การสื่อสาร' } }]);
    const [goal] = createRows(secretariat, planId, [
      { entity: 'goal', parentId: issue!.id, values: { name: 'ประชาชนรับรู้' } },
    ]);
    const [mine, theirs, strategy] = createRows(secretariat, planId, [
      { entity: 'kpi', parentId: goal!.id, values: { name: 'ร้อยละการรับรู้', unit: 'ร้อยละ' } },
      { entity: 'kpi', parentId: goal!.id, values: { name: 'จำนวนช่องทาง', unit: 'ช่องทาง' } },
      { entity: 'strategy', parentId: goal!.id, values: { name: 'สื่อออนไลน์' } },
    ]);
    const [project, other] = createRows(secretariat, planId, [
      { entity: 'project', parentId: strategy!.id, values: { name: 'ผลิตสื่อ', startYear: 2567, endYear: 2569 } },
      { entity: 'project', parentId: strategy!.id, values: { name: 'ของเขตอื่น', startYear: 2567, endYear: 2569 } },
    ]);
    const [dusit] = createRows(secretariat, planId, [
      { entity: 'office', values: { code: '1002', name: 'สำนักงานเขตดุสิต' } },
    ]);
    const [theirFactor] = createRows(secretariat, planId, [
      { entity: 'factor', values: { swot: 'T', category: 'P', statement: 'ของเขตดุสิต', sourceOfficeId: dusit!.id } },
    ]);
    savePlanExchange(secretariat.db, {
      ...getPlanExchange(secretariat.db, planId),
      assignments: [
        {
          officeCode: '1001',
          officeName: 'สำนักงานเขตพระนคร',
          factors: true,
          kpiIds: [mine!.id],
          projectIds: [project!.id],
        },
        {
          officeCode: '1002',
          officeName: 'สำนักงานเขตดุสิต',
          factors: true,
          kpiIds: [theirs!.id],
          projectIds: [other!.id],
        },
      ],
    });
    importTexts(district, [exportText(secretariat, planId)]);
    return {
      issue: issue!,
      goal: goal!,
      mine: mine!,
      theirs: theirs!,
      project: project!,
      other: other!,
      theirFactor: theirFactor!,
      dusit: dusit!,
    };
  }

  function contributionWith(edits: Parameters<Store['oplog']['apply']>[2]): string {
    district.oplog.apply('forged', planId, edits);
    return forgedContribution(district, planId);
  }

  function expectOutside(text: string, rowId: string, field: string) {
    expectRefused([text], 'outside-assignment');
    const [outcome] = importTexts(secretariat, [text]).packages;
    // Every refused operation is named (the first also as the outcome's operation).
    expect(outcome!.detail).toContain(`.${field} of ${rowId})`);
    expect(outcome!.detail).toContain(outcome!.operation!.id);
  }

  it('an office’s own edit outside its parts stays on its computer, counted, and what it sends goes through', () => {
    const { goal, mine } = planTree();
    updateRow(district, goal.id, [{ field: 'name', value: 'แก้โดยเขต' }]);
    updateRow(district, mine.id, [{ field: 'responsibleUnit', value: 'ฝ่ายปกครอง เขตพระนคร' }]);
    expect(exchangeStatus(district, planId)).toMatchObject({ heldOps: 1, unconfirmedOps: 3 });
    const sent = JSON.parse(exportText(district, planId)) as PackageFile;
    expect([...new Set(sent.payload.groups.flatMap((g) => g.ops.map((op) => op.rowId)))].sort()).toEqual(
      [factorId, mine.id].sort(),
    );
    expect(importTexts(secretariat, [serialisePackage(sent)]).packages[0]!.status).toBe('imported');
  });

  it('an edit of a KPI assigned to another office, or of one assigned to nobody', () => {
    const { theirs, goal } = planTree();
    expectOutside(
      contributionWith([{ entity: 'kpi', rowId: theirs.id, field: 'name', value: 'แก้โดยเขตพระนคร' }]),
      theirs.id,
      'name',
    );
    expectOutside(
      contributionWith([{ entity: 'goal', rowId: goal.id, field: 'name', value: 'แก้โดยเขต' }]),
      goal.id,
      'name',
    );
  });

  it('the plan’s own parts: its vision and a new strategic issue', () => {
    planTree();
    const issueId = crypto.randomUUID();
    expectOutside(
      contributionWith([
        { entity: 'strategicIssue', rowId: issueId, field: 'planId', value: planId },
        { entity: 'strategicIssue', rowId: issueId, field: 'name', value: 'ประเด็นใหม่จากเขต' },
        { entity: 'strategicIssue', rowId: issueId, field: 'deleted', value: false },
      ]),
      issueId,
      'planId',
    );
  });

  it('another office’s factor, also when the edit claims it as its own source', () => {
    const { theirFactor } = planTree();
    const mineNow = district.db
      .prepare("SELECT id FROM rows WHERE entity = 'office' AND json_extract(data, '$.code') = '1001'")
      .pluck()
      .get() as string;
    expectOutside(
      contributionWith([
        { entity: 'factor', rowId: theirFactor.id, field: 'sourceOfficeId', value: mineNow },
        { entity: 'factor', rowId: theirFactor.id, field: 'statement', value: 'ยึดมาเป็นของเขตพระนคร' },
      ]),
      theirFactor.id,
      'sourceOfficeId',
    );
  });

  it('a new budget under another office’s project', () => {
    const { other } = planTree();
    const budget = `${other.id}:2568`;
    expectOutside(
      contributionWith([
        { entity: 'projectBudget', rowId: budget, field: 'planId', value: planId },
        { entity: 'projectBudget', rowId: budget, field: 'parentId', value: other.id },
        { entity: 'projectBudget', rowId: budget, field: 'year', value: 2568 },
        { entity: 'projectBudget', rowId: budget, field: 'amount', value: 1 },
        { entity: 'projectBudget', rowId: budget, field: 'deleted', value: false },
      ]),
      budget,
      'planId',
    );
  });
});

describe('a copied installation is found by its own id on operations it did not write', () => {
  it('refuses them, naming the operation, until this computer takes a new identity; nothing is lost', async () => {
    // The district's data folder copied to a second PC: both run under one installation id.
    district.close();
    const copyDir = join(tempDir(), 'second-pc');
    cpSync(districtDir, copyDir, { recursive: true });
    district = await openReplica(districtDir, office('1001', 'สำนักงานเขตพระนคร'));
    const copy = await openReplica(copyDir, office('1001', 'สำนักงานเขตพระนคร'));
    expect(copy.officeId).toBe(district.officeId);
    updateRow(copy, factorId, [{ field: 'statement', value: 'แก้ไขบนเครื่องที่สอง' }]);
    const fromCopy = exportText(copy, planId);
    copy.close();

    // The first PC reads the copy's file (a shared folder), and later the secretariat's update carrying it.
    const before = { dump: dump(district), bytes: fileBytes(districtDir) };
    const direct = importTexts(district, [fromCopy]).packages[0]!;
    expect([direct.status, direct.reason]).toEqual(['rejected', 'copied-installation']);
    expect(direct.operation?.field).toBe('statement');
    expect(importTexts(secretariat, [fromCopy]).packages[0]!.status).toBe('imported');
    const update = exportText(secretariat, planId);
    const relayed = importTexts(district, [update]).packages[0]!;
    expect([relayed.status, relayed.reason]).toEqual(['rejected', 'copied-installation']);
    expect(dump(district)).toEqual(before.dump);
    expect(fileBytes(districtDir)).toBe(before.bytes);
    expect(locales.th.exchange.errors['copied-installation']).toMatch(/[\u0E00-\u0E7F]/);

    // A new identity for this computer: its earlier edits stay, and the copy's now come in as another's.
    const oldId = district.officeId;
    district.takeNewIdentity();
    district.close();
    district = await openReplica(districtDir, office('1001', 'สำนักงานเขตพระนคร'));
    expect(district.officeId).not.toBe(oldId);
    expect(importTexts(district, [update]).packages[0]!.status).toBe('imported');
    expect(getRow(district, factorId).data.statement).toBe('แก้ไขบนเครื่องที่สอง');
    expect(getRow(district, factorId).data.evidence).toBe('สถิติผู้ติดตาม');
  });
});

describe('an office on two computers (its data folder copied, the copy given a new identity)', () => {
  it('is heard from both once the copy’s key is confirmed; a key nobody confirmed is still refused', async () => {
    expect(importTexts(secretariat, [contribution]).packages[0]!.status).toBe('imported');
    const copyDir = join(tempDir(), 'second-pc');
    cpSync(districtDir, copyDir, { recursive: true });
    const opened = await openReplica(copyDir, office('1001', 'สำนักงานเขตพระนคร'));
    expect(opened.movedFrom).not.toBeNull();
    opened.takeNewIdentity();
    opened.close();
    const copy = await openReplica(copyDir, office('1001', 'สำนักงานเขตพระนคร'));
    updateRow(copy, factorId, [{ field: 'evidence', value: 'สถิติจากเครื่องที่สอง' }]);
    const fromCopy = exportText(copy, planId);
    copy.close();

    // The copy's key, new to the secretariat: refused until confirmed by phone, then imported.
    expectRefused([fromCopy], 'key-changed');
    const { sender } = (JSON.parse(fromCopy) as PackageFile).manifest;
    registerKey(secretariat.db, planId, '1001', sender.publicKey!, new Date().toISOString(), true);
    expect(importTexts(secretariat, [fromCopy]).packages[0]!.status).toBe('imported');

    // The first computer goes on: its next package is still heard, signed by the key it was heard with.
    updateRow(district, factorId, [{ field: 'statement', value: 'แก้ไขบนเครื่องแรกหลังคัดลอก' }]);
    const fromFirst = exportText(district, planId);
    expect(importTexts(secretariat, [fromFirst]).packages.map((p) => [p.status, p.reason])).toEqual([
      ['imported', undefined],
    ]);
    expect(getRow(secretariat, factorId).data).toMatchObject({
      statement: 'แก้ไขบนเครื่องแรกหลังคัดลอก',
      evidence: 'สถิติจากเครื่องที่สอง',
    });
    // Someone else's key under the first computer's id is not.
    updateRow(district, factorId, [{ field: 'statement', value: 'ปลอม' }]);
    const next = exportText(district, planId);
    expectRefused([reseal(next, () => undefined, newSigningKey().key)], 'key-changed');
  });
});

describe('a shared folder skips every bad file, naming it and the reason, and imports the rest', () => {
  it('a cut, a forged, a too-deep, a foreign and an unreadable file beside a good one', () => {
    const folder = join(tempDir(), 'shared');
    const inbox = join(folder, planId, '1001');
    mkdirSync(inbox, { recursive: true });
    const file = JSON.parse(contribution) as PackageFile;
    const deep = serialisePackage(file).replace(
      JSON.stringify(firstOp(file).value),
      `${'['.repeat(2500)}${']'.repeat(2500)}`,
    );
    const forged = JSON.parse(contribution) as PackageFile;
    firstOp(forged).value = 'ปลอม';
    forged.manifest.sha256 = sha256Hex(checksumInput(forged));
    const files: Record<string, string> = {
      'a-cut.phaen-package': contribution.slice(0, 300),
      'b-deep.phaen-package': deep,
      'c-forged.phaen-package': serialisePackage(forged),
      'd-good.phaen-package': contribution,
      'e-not-ours.phaen-package': '{"hello":"world"}',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(inbox, name), text);
    chooseFolder(secretariat, folder);
    const report = syncFolder(secretariat);
    expect(report.packages.map((p) => [p.file, p.status, p.reason])).toEqual([
      [`${planId}/1001/a-cut.phaen-package`, 'rejected', 'damaged'],
      [`${planId}/1001/b-deep.phaen-package`, 'rejected', 'too-deep'],
      [`${planId}/1001/c-forged.phaen-package`, 'rejected', 'signature'],
      [`${planId}/1001/d-good.phaen-package`, 'imported', undefined],
      [`${planId}/1001/e-not-ours.phaen-package`, 'rejected', 'not-package'],
    ]);
    expect(getRow(secretariat, factorId).data.statement).toBe('มีช่องทางสื่อออนไลน์หลากหลาย');
    // A file that cannot be read at all (here: a folder where a file should be) is named too.
    const unreadable = join(inbox, 'f-locked.phaen-package');
    mkdirSync(unreadable);
    expectRefused(() => importPackages(secretariat, [readIncoming(unreadable)]), 'unreadable');
  });
});

describe('an export whose recording fails leaves no package behind', () => {
  it('to the shared folder and to a chosen file: SQLite refusing the recording leaves no file and records nothing', () => {
    const folder = join(tempDir(), 'shared');
    mkdirSync(folder);
    chooseFolder(district, folder);
    const chosen = join(tempDir(), 'chosen.phaen-package');
    const before = getPlanExchange(district.db, planId);
    // SQLite refusing the recording's write, as a full disk does at the commit: here a trigger of this
    // connection only, so the database file stays as it is.
    district.db.exec(`CREATE TEMP TRIGGER refuse_record BEFORE UPDATE ON main.exchange_plans
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    expect(() => exportToFolder(district, planId)).toThrow('database or disk is full');
    const built = buildPackage(district, planId);
    expect(() => writeFileAtomic(chosen, built.text, recordingExport(district, built, chosen))).toThrow(
      'database or disk is full',
    );
    expect(filesIn(folder)).toEqual([]);
    expect(filesIn(dirname(chosen))).toEqual([]);
    expect(getPlanExchange(district.db, planId)).toEqual(before);

    // With the disk free again, the same exports write their file and record it.
    district.db.exec('DROP TRIGGER temp.refuse_record');
    const { path } = exportToFolder(district, planId);
    writeFileAtomic(chosen, built.text, recordingExport(district, built, chosen));
    expect(filesIn(folder)).toEqual([path]);
    expect(readFileSync(chosen, 'utf8')).toBe(built.text);
    expect(getPlanExchange(district.db, planId).lastExportFile).toBe(chosen);
  });
});

/** Every file below a folder, with its path. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
