import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import E2eFirstSequencer from './test/harness/sequencer.ts';

/** Test tiers by runtime (design.md): node (core and services on real SQLite files), dom (components), e2e (a real browser). */
export default defineConfig({
  test: {
    reporters: ['default', './test/harness/summary-reporter.ts'],
    // One test file per core, e2e beside node and dom: vitest's default keeps a core free for itself, which on
    // CI's two cores ran every file one after another. A browser file is one Chromium, so at most one per core.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: E2eFirstSequencer },
    projects: [
      { test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          include: ['test/dom/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['test/dom/setup.ts'],
          // Each wizard screen carries the plan's side navigation: role queries walk it too, and on a shared
          // 2-core machine under load a screen's queries take seconds, not milliseconds.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['test/harness/chromium-setup.ts'],
        },
      },
    ],
  },
});
