import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's script, found from the module that starts it (`from`: its import.meta.url): the bundle
 * electron-vite builds (out/main/<bundle>, beside index.js or one level above a chunk), or the worker's source
 * beside the starting module when run from the source tree (Node strips the types).
 */
export function workerScript(from: string, bundle: string, source: string): URL {
  for (const candidate of [`./${bundle}`, `../${bundle}`, `./${source}`]) {
    const url = new URL(candidate, from);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error(`worker ${bundle} not found next to ${from}`);
}
