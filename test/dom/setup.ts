import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { i18n } from '../../renderer/src/i18n.ts';

// The screen fetches its own files from the page's origin (the app:// protocol or the loopback server in the
// app): here the built renderer (npm test builds first) stands for them, so the strategy map and chart labels
// break with the shipped lexicon as they do in the app (renderer/src/thai/lexicon.ts), not with ICU.
const RENDERER_FILES = join(import.meta.dirname, '..', '..', 'out', 'renderer');
const webFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
  if (url.origin !== new URL(document.baseURI).origin) return webFetch(input, init);
  try {
    return new Response(await readFile(join(RENDERER_FILES, decodeURIComponent(url.pathname))));
  } catch {
    return new Response(null, { status: 404 });
  }
};
// Chromium has Uint8Array.fromBase64 (since 140); Node 22's V8 does not yet: the same decoding through Buffer.
const typed = Uint8Array as unknown as { fromBase64?: (base64: string) => Uint8Array };
typed.fromBase64 ??= (base64) => new Uint8Array(Buffer.from(base64, 'base64'));

/** Every dom test starts in Thai on the home route, with nothing left over from the previous test. */
beforeEach(async () => {
  await i18n.changeLanguage('th');
  window.location.hash = '';
});

// findBy… waits up to 5 s (default 1 s): a role query walks the whole screen, side navigation included, and
// the test machines are shared and loaded.
configure({ asyncUtilTimeout: 5000 });

// vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());
