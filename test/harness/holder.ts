import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach } from 'vitest';

/** Another Phaen instance holding a database (hold-db.ts), able to save plans while it holds it. */
export interface Holder {
  /** Create a plan in the other instance; resolves with its id once committed there. */
  save(title: string): Promise<string>;
  /** Close the other instance's database (it checkpoints) and wait for the process to end. */
  stop(): Promise<void>;
}

/** A holder per call, killed after each test if still running. Call at the top level of a test file. */
export function useHolders(): (path: string) => Promise<Holder> {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  });
  return async (path) => {
    // The same Node binary as the tests: better-sqlite3 13 needs Node 22.
    const child = spawn(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', join(import.meta.dirname, 'hold-db.ts'), path],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const next = async (): Promise<string> => {
      const line = await lines.next();
      if (line.done) throw new Error(`holder ended: ${stderr}`);
      return line.value;
    };
    if ((await next()) !== 'ready') throw new Error(`holder failed: ${stderr}`);
    return {
      async save(title) {
        child.stdin!.write(`plan ${title}\n`);
        return (await next()).replace(/^saved /, '');
      },
      stop: () =>
        new Promise((resolve) => {
          child.once('exit', () => resolve());
          child.stdin!.end();
        }),
    };
  };
}
