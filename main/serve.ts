import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startBridge } from './services/bridge/server.ts';
import { syncFolderAtStart } from './services/exchange/folder.ts';
import { createHandlers } from './services/handlers.ts';
import { Session } from './services/session.ts';
import { userDataDir } from './services/userData.ts';

export interface ServeOptions {
  /** The project folder: resources/ and the built out/renderer live under it. */
  readonly root: string;
  readonly version: string;
  readonly log?: (message: string) => void;
}

/**
 * Browser mode (`npm start` where no Electron binary exists): the same services and handlers as the Electron
 * app, on the same user-data folder, behind the loopback bridge. Built to out/main/serve.js for
 * scripts/start.mjs, which is plain JS and cannot import the TypeScript services itself.
 */
export async function serve({ root, version, log }: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  const dataDir = userDataDir();
  mkdirSync(dataDir, { recursive: true });
  const session = await Session.start({ dataDir, log });
  const handlers = createHandlers({ session, dialogs: null, resourcesDir: join(root, 'resources'), version });
  const bridge = await startBridge({ handlers, staticDir: join(root, 'out', 'renderer'), log });
  // Before the page opens, so it shows what arrived.
  syncFolderAtStart(session, log);
  return {
    url: bridge.url,
    async close() {
      await bridge.close();
      // Closing the last connection checkpoints the WAL into the database file.
      session.close();
    },
  };
}
