// npm start: the Electron app where its binary exists; otherwise the same app in a browser, served on
// 127.0.0.1 by the loopback bridge (design.md: the app can always be tried).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = resolve(import.meta.dirname, '..');
const SOURCES = ['main', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/index.js', 'out/main/serve.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** Newest modification time under a file or folder. */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function buildIfStale() {
  const outputs = OUTPUTS.map((file) => join(root, file));
  const built = outputs.every((file) => existsSync(file)) ? Math.min(...outputs.map(newest)) : 0;
  if (built > Math.max(...SOURCES.map((source) => newest(join(root, source))))) return;
  console.log('Building (electron-vite build)…');
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function browserMode() {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const { serve } = await import(pathToFileURL(join(root, 'out', 'main', 'serve.js')).href);
  const app = await serve({ root, version, log: (message) => console.error(`[phaen] ${message}`) });
  console.log(`Open in a browser / เปิดในเบราว์เซอร์: ${app.url}`);
  console.log('Ctrl+C stops the server / กด Ctrl+C เพื่อหยุด');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Close the database cleanly so its WAL is checkpointed into the .sqlite file.
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

buildIfStale();
const electron = findElectronBinary(root);
if (electron) {
  const child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
  // Ctrl+C or a stop request reaches Electron, which quits cleanly (closing the database); we exit after it.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(
    'No Electron binary in node_modules/electron: serving the app for a browser instead / ไม่พบโปรแกรม Electron จึงเปิดแอปให้ใช้ผ่านเบราว์เซอร์แทน',
  );
  await browserMode();
}
