import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OfficeCode } from '../../main/core/exchange/identity.ts';
import { chooseFolder, exportToFolder, syncFolder } from '../../main/services/exchange/folder.ts';
import { getPlanExchange, savePlanExchange } from '../../main/services/exchange/state.ts';
import { createPlan } from '../../main/services/plans.ts';
import { createRows } from '../../main/services/rows.ts';
import { SECRETARIAT, openReplica } from '../harness/exchange.ts';
import { bmaDraft } from '../harness/store.ts';
import { useTempDir } from '../harness/tmp.ts';

/** Office codes: what Thai staff type (Thai abbreviations, a closing dot) and what a folder name can hold. */

const tempDir = useTempDir();
const code = (text: string) => OfficeCode.safeParse(text);

describe('office code rule', () => {
  it('takes Thai abbreviations, English codes and district numbers as typed', () => {
    for (const valid of ['สปส', 'สยป', 'กรุงเทพฯ', 'BMA-PR', 'PR_2', '1001']) expect(code(valid).data).toBe(valid);
  });

  it('leaves out the closing dot of an abbreviation and the spaces around it', () => {
    expect(code('สปส.').data).toBe('สปส');
    expect(code(' สยป. ').data).toBe('สยป');
    expect(code('PR..').data).toBe('PR');
  });

  it('refuses what is not a safe folder name everywhere: dots inside, spaces, separators, device names', () => {
    for (const invalid of [
      'ส.ป.ส.',
      '.',
      'เขต 1',
      'a/b',
      'a\\b',
      'สปส:',
      'x*',
      'a?',
      '"x"',
      '<x>',
      'x|y',
      'CON',
      'nul',
      'com1',
      'LPT9',
      '-x',
      '',
    ]) {
      expect(code(invalid).success, invalid).toBe(false);
    }
    // Thai digits and other scripts are outside the rule: one spelling per code.
    expect(code('๑๐๐๑').success).toBe(false);
    expect(code('สปส'.repeat(7)).success).toBe(false);
  });
});

describe('a Thai-coded office in the shared folder', () => {
  it('writes under its Thai code, and the secretariat imports it as from that office', async () => {
    const shared = tempDir();
    const secretariat = await openReplica(tempDir(), SECRETARIAT);
    const plan = createPlan(secretariat, bmaDraft);
    savePlanExchange(secretariat.db, {
      ...getPlanExchange(secretariat.db, plan.id),
      assignments: [
        {
          officeCode: OfficeCode.parse('สยป.'),
          officeName: 'สำนักยุทธศาสตร์และประเมินผล',
          factors: true,
          kpiIds: [],
          projectIds: [],
        },
      ],
    });
    chooseFolder(secretariat, shared);
    exportToFolder(secretariat, plan.id);

    const office = await openReplica(tempDir(), {
      code: OfficeCode.parse('สยป.'),
      name: 'สำนักยุทธศาสตร์และประเมินผล',
      role: 'contributor',
    });
    chooseFolder(office, shared);
    expect(syncFolder(office).packages).toMatchObject([{ status: 'imported', kind: 'plan' }]);
    createRows(office, plan.id, [
      { entity: 'factor', values: { swot: 'S', category: 'S1', statement: 'บุคลากรมีความรู้ด้านการประเมินผล' } },
    ]);
    const { path } = exportToFolder(office, plan.id);
    expect(relative(shared, path).split(sep).slice(0, 2)).toEqual([plan.id, 'สยป']);
    expect(readdirSync(join(shared, plan.id)).sort()).toEqual(['PR', 'สยป'].sort());

    const report = syncFolder(secretariat);
    expect(report.packages).toMatchObject([
      { status: 'imported', kind: 'contribution', sender: { code: 'สยป', name: 'สำนักยุทธศาสตร์และประเมินผล' } },
    ]);
    secretariat.close();
    office.close();
  });
});
