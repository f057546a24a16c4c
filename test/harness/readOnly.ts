import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { afterEach } from 'vitest';

/**
 * Make a file or folder read-only for this process, undone after each test. Root ignores permission bits, so
 * as root (containers, CI) the file is marked immutable instead (chattr +i), which binds root too.
 * Call after useTempDir, so the undo runs before the folder is removed.
 */
export function useReadOnly(): (path: string) => void {
  const undo: (() => void)[] = [];
  afterEach(() => {
    for (const u of undo.splice(0).reverse()) u();
  });
  return (path) => {
    if (process.getuid?.() === 0) {
      execFileSync('chattr', ['+i', path]);
      undo.push(() => execFileSync('chattr', ['-i', path]));
    } else {
      const { mode } = statSync(path);
      chmodSync(path, statSync(path).isDirectory() ? 0o555 : 0o444);
      undo.push(() => chmodSync(path, mode));
    }
  };
}
