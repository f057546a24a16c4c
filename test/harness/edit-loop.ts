/**
 * Child process for durability.test.ts: opens a store and autosaves `count` edits, alternating the title and
 * the organisation of one plan, and writes "ack N" after each edit returns (what the UI shows as "saved").
 * The parent kills it with SIGKILL at a random ack. Run with `node --experimental-strip-types`.
 * stdout to a pipe is synchronous on Linux, so an ack the parent reads was written after its commit.
 */
import { join } from 'node:path';
import { createPlan, updatePlan } from '../../main/services/plans.ts';
import { Store } from '../../main/services/store/store.ts';
import { bmaDraft } from './store.ts';

const [path, countArg] = process.argv.slice(2);
const store = await Store.open(path!, { backupDir: join(path!, '..', 'backups') });
const plan = createPlan(store, bmaDraft);
process.stdout.write(`plan ${plan.id}\n`);
for (let n = 1; n <= Number(countArg); n++) {
  if (n % 2 === 1) updatePlan(store, plan.id, [{ field: 'title', value: `แก้ไขครั้งที่ ${n}` }]);
  else updatePlan(store, plan.id, [{ field: 'organisation', value: `หน่วยงาน ${n}` }]);
  process.stdout.write(`ack ${n}\n`);
}
store.close();
