#!/usr/bin/env node
// phaen: Phaen's command line (batch printing of plan files to PDF, and more commands in main/cli). It runs the
// bundle electron-vite builds (out/main/cli.js) under plain Node, which must be 22.14 or later: the same
// requirement as the app's own tools (package.json engines), checked first so an older Node gets a clear
// message instead of a syntax or module error.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 14)) {
  console.error(
    `phaen ต้องใช้ Node.js 22.14 ขึ้นไป เครื่องนี้มี ${process.versions.node}\n` +
      `phaen needs Node.js 22.14 or later; this is ${process.versions.node}`,
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
const { runCli } = await import(pathToFileURL(cli).href);
process.exitCode = await runCli(process.argv.slice(2), {
  resourcesDir: fileURLToPath(new URL('../resources', import.meta.url)),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
