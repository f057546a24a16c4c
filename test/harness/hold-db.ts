/**
 * Child process for the lock tests: a second Phaen instance. It opens the database the way the app does
 * (Store.open: EXCLUSIVE lock) and holds it until its stdin closes; each line "plan <title>" it reads creates
 * a plan and is answered "saved <id>" once committed, as the other window's autosave would.
 * Run with `node --experimental-strip-types`.
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createPlan } from '../../main/services/plans.ts';
import { Store } from '../../main/services/store/store.ts';
import { bmaDraft } from './store.ts';

const path = process.argv[2]!;
const store = await Store.open(path, { backupDir: join(path, '..', 'backups') });
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const title = /^plan (.+)$/.exec(line)?.[1];
  if (title) process.stdout.write(`saved ${createPlan(store, { ...bmaDraft, title }).id}\n`);
}
store.close();
process.exit(0);
