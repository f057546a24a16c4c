// npm run build, after electron-vite: the command line's startup snapshot for `phaen pdf` (main/cli/snapshot.ts).
// A snapshot is built from one script that requires nothing but Node's own modules, so the entry is bundled with
// its libraries (rolldown, which Vite uses) into out/main/cliSnapshot.cjs, then run once by this very Node with
// --build-snapshot. The blob is named after the Node version and platform it is for: bin/phaen.mjs uses it only
// under the same Node, and runs the ordinary way otherwise (or when this step was skipped or failed).
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'out', 'main');
const script = join(outDir, 'cliSnapshot.cjs');
const blobName = `cli-${process.version}-${process.platform}-${process.arch}.blob`;

// The PDF engine loads its CommonJS libraries with a require made by createRequire (engine/internals.ts), which a
// bundler cannot follow. Here createRequire gives a require over these modules, bundled; an id missing from the
// list fails the snapshot's build, since the engine loads them all as it loads.
const ENGINE_MODULES = [
  'pdfmake/js/Printer.js',
  'pdfmake/js/URLResolver.js',
  'pdfmake/js/virtual-fs.js',
  'pdfmake/js/PDFDocument.js',
  'pdfmake/js/Line.js',
  'pdfmake/js/StyleContextStack.js',
  'pdfmake/js/TextBreaker.js',
  'pdfmake/js/LayoutBuilder.js',
  'pdfmake/js/DocMeasure.js',
  'pdfmake/js/SVGMeasure.js',
  'pdfmake/js/ElementWriter.js',
  'pdfmake/js/PageElementWriter.js',
  'pdfmake/js/TableProcessor.js',
  'pdfmake/js/Renderer.js',
  'linebreak',
  'fontkit',
];
const BUNDLED_REQUIRE = '\0phaen-bundled-require';
const bundledRequire = {
  name: 'phaen-bundled-require',
  resolveId(source, importer) {
    if ((source === 'node:module' || source === 'module') && importer?.endsWith(join('engine', 'internals.ts'))) {
      return BUNDLED_REQUIRE;
    }
    return null;
  },
  load(id) {
    if (id !== BUNDLED_REQUIRE) return null;
    const cases = ENGINE_MODULES.map((m) => `    case ${JSON.stringify(m)}: return require(${JSON.stringify(m)});`);
    return [
      'function bundled(id) {',
      '  switch (id) {',
      ...cases,
      '    default: throw new Error(`cli-snapshot.mjs: add ${id} to ENGINE_MODULES`);',
      '  }',
      '}',
      // pdfkit's own fontkit is the only one installed: resolving an id gives the id.
      'bundled.resolve = (id) => id;',
      'export function createRequire() { return bundled; }',
    ].join('\n');
  },
};

await build({
  cwd: root,
  input: join(root, 'main', 'cli', 'snapshot.ts'),
  platform: 'node',
  // Node's own modules stay require()s; node:module is the plugin's to resolve first (for internals.ts).
  external: (id) => !id.includes('module') && (id.startsWith('node:') || builtinModules.includes(id)),
  plugins: [bundledRequire],
  logLevel: 'warn',
  // The script's source stays in the snapshot (V8 compiles functions from it lazily), and every `phaen pdf` reads it
  // back: one Thai letter in 2.8 MB of code made all of it a two-byte string (5.7 MB), and its 180,000 lines gave
  // V8 a 1.5 MB table of line ends. ASCII only (Thai as \u escapes, same strings) and without whitespace or
  // comments, it is a one-byte string of 2 MB on a few hundred lines: the blob is 3.7 MB smaller. Names are kept
  // (no mangling, no compression), so what runs is the same code.
  output: {
    file: script,
    format: 'cjs',
    codeSplitting: false,
    charset: 'ascii',
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
  },
});

// Written under another name first: Node aborts on a truncated blob, so only a whole one takes the blob's name.
const blob = join(outDir, blobName);
const partial = `${blob}.partial`;
rmSync(blob, { force: true });
const run = spawnSync(process.execPath, ['--snapshot-blob', partial, '--build-snapshot', script], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
});
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  rmSync(partial, { force: true });
  console.error(`cli-snapshot: the snapshot could not be built (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
renameSync(partial, blob);
console.log(`cli-snapshot: out/main/${blobName}`);
