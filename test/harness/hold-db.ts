/**
 * Child process for open.test.ts: opens a database the way the app does (EXCLUSIVE lock) and holds it, as a
 * second Phaen instance would, until its stdin closes. Run with `node --experimental-strip-types`.
 */
import { openForWrite } from '../../main/services/store/open.ts';

const db = openForWrite(process.argv[2]!);
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  db.close();
  process.exit(0);
});
