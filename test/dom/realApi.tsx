import { resolve } from 'node:path';
import { CHANNELS, dispatch, type Api } from '../../main/core/contract.ts';
import type { Result } from '../../main/core/errors.ts';
import { createHandlers } from '../../main/services/handlers.ts';
import { Session } from '../../main/services/session.ts';

const RESOURCES = resolve(import.meta.dirname, '../../resources');

/**
 * The dom tier on main's own services: every channel takes core's parse-call-parse path (dispatch) to the
 * handlers Electron and the bridge use, on a real SQLite file in `dataDir`. For screens whose rules main
 * decides (frozen values, revisions), where a stand-in would only echo what the test expects.
 */
export async function realApi(dataDir: string): Promise<{ api: Api; session: Session }> {
  const session = await Session.start({ dataDir, backupIntervalMs: 0, idleCheckpointMs: 0 });
  const handlers = createHandlers({ session, dialogs: null, resourcesDir: RESOURCES, version: '0.0.0-test' });
  const api = Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: unknown) => dispatch(handlers, channel, input)]),
  ) as Api;
  return { api, session };
}

/** A set-up step's data: a refusal there is the test's own mistake, so it throws with main's detail. */
export async function call<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.detail);
  return r.data;
}
