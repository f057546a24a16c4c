import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { COMPACT_LEXICON_FILE } from './main/core/compactLexicon.ts';
import { compactLexiconFile } from './main/services/thaiLexicon.ts';

let compactLexicon: string | undefined;

/**
 * The Thai lexicon chosen from resources/lexicon once, here, and emitted beside a bundle (core/compactLexicon.ts):
 * for the main process, CLI and PDF worker (main/services/thaiLexicon.ts) and for the screen's word breaks
 * (renderer/src/thai/lexicon.ts), which then neither choose nor sort the words again at start-up. Made once for
 * both bundles.
 */
const thaiLexicon = (): Plugin => ({
  name: 'phaen-thai-lexicon',
  generateBundle() {
    compactLexicon ??= compactLexiconFile(resolve(__dirname, 'resources'));
    this.emitFile({ type: 'asset', fileName: COMPACT_LEXICON_FILE, source: compactLexicon });
  },
});

/** main and preload bundle for Node/Electron; the renderer is a plain Vite React app served via app://. */
export default defineConfig({
  main: {
    plugins: [thaiLexicon()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // serve: browser mode for scripts/start.mjs when no Electron binary exists (the same services, over loopback).
        // pdfWorker: the PDF engine's worker thread (main/services/pdf/engine/pool.ts finds it beside the bundle).
        // officeWorker: Word and Excel files written off the main thread (main/services/office/run.ts finds it beside the bundle).
        // cli: the command line (bin/phaen.mjs runs it under plain Node: batch printing, exchange).
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          serve: resolve(__dirname, 'main/serve.ts'),
          pdfWorker: resolve(__dirname, 'main/services/pdf/engine/worker.ts'),
          officeWorker: resolve(__dirname, 'main/services/office/worker.ts'),
          cli: resolve(__dirname, 'main/cli/index.ts'),
        },
        external: ['better-sqlite3', 'electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The sandbox has no require() for node_modules either: bundle zod (the contract) into the file.
      externalizeDeps: false,
      // The sandboxed preload cannot require() project files: bundle it to one CommonJS file.
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), thaiLexicon()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
