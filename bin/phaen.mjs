#!/usr/bin/env node
// phaen: Phaen's command line (batch printing of plan files to PDF, and more commands in main/cli). It runs the
// bundle electron-vite builds (out/main/cli.js) under plain Node, which must be 22.14 or later (better-sqlite3 13
// crashes on Node 20). On an older Node (`node bin/phaen.mjs` on a machine with Node 20, which is enough to run
// npm) it runs itself again on the project's own Node 22, installed by npm as a dev dependency; without one it
// says what is needed instead of failing with a syntax or module error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  const own = fileURLToPath(
    new URL(`../node_modules/node/bin/node${process.platform === 'win32' ? '.exe' : ''}`, import.meta.url),
  );
  // PHAEN_REEXEC: never loop if the project's own Node turned out to be old too.
  if (existsSync(own) && !process.env.PHAEN_REEXEC) {
    const run = spawnSync(own, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, PHAEN_REEXEC: '1' },
    });
    process.exit(run.status ?? 1);
  }
  console.error(
    `phaen ต้องใช้ Node.js 22.14 ขึ้นไป เครื่องนี้มี ${process.versions.node} กรุณาสั่ง npm install ในโฟลเดอร์โปรแกรมก่อน\n` +
      `phaen needs Node.js 22.14 or later; this is ${process.versions.node}. Run npm install in the project folder first.`,
  );
  process.exit(1);
}

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error(
    `ยังไม่ได้สร้างโปรแกรม กรุณาสั่ง npm run build ก่อน (ไม่พบ ${cli})\n` +
      `Phaen is not built yet: run npm run build first (${cli} is missing)`,
  );
  process.exit(1);
}
// `phaen pdf` starts from the build's V8 startup snapshot (main/cli/snapshot.ts: the engine, fonts and lexicon
// loaded, its code compiled) when there is one for this very Node, in a process of its own: a snapshot is given to
// Node as it starts. Node refuses a snapshot it cannot use with exit code 14 (V8 flags that differ, say); the
// command then runs the ordinary way. PHAEN_NO_SNAPSHOT=1 asks for the ordinary way (tests compare the two).
const STARTUP_SNAPSHOT_FAILED = 14;
// Optimised by Maglev at most, never TurboFan: one export is over in a few seconds, too soon for TurboFan's costly
// compiles (on threads of their own, CPU time all the same) to pay for themselves. The sample plan takes about
// three quarters of the CPU time and the 116-page plan 0.95 of it, with 25-30 MB less memory (README, Speed).
// A run-time flag: a snapshot is the same with or without it.
const ONE_SHOT_V8_FLAGS = ['--max-opt=2'];
const snapshot = fileURLToPath(
  new URL(`../out/main/cli-${process.version}-${process.platform}-${process.arch}.blob`, import.meta.url),
);
if (process.argv[2] === 'pdf' && !process.env.PHAEN_NO_SNAPSHOT && existsSync(snapshot)) {
  const run = spawnSync(
    process.execPath,
    [
      ...ONE_SHOT_V8_FLAGS,
      ...process.execArgv,
      '--snapshot-blob',
      snapshot,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== STARTUP_SNAPSHOT_FAILED) process.exit(run.status ?? 1);
}
// Node's on-disk cache of compiled code (in the system's temporary folder): each run after the first reads the
// command's modules compiled instead of compiling them again (the PDF worker turns it on for itself too).
module.enableCompileCache?.();
const { runCli } = await import(pathToFileURL(cli).href);
process.exitCode = await runCli(process.argv.slice(2), {
  resourcesDir: fileURLToPath(new URL('../resources', import.meta.url)),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
