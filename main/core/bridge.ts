/**
 * The loopback HTTP bridge (browser mode and the e2e tier): the same contract handlers behind
 * POST /api/<channel>, JSON body in, Result envelope out. The per-run token arrives in the page URL
 * (?token=…) and must accompany every request in this header.
 */
export const BRIDGE_API_PREFIX = '/api/';
export const BRIDGE_TOKEN_HEADER = 'x-phaen-token';
export const BRIDGE_TOKEN_PARAM = 'token';
