import { MAX_IMPORT_REQUEST_FILES } from './api.ts';
import { MAX_PACKAGE_BYTES } from './format.ts';

/**
 * Package files sent over the browser bridge (browser mode has no dialogs: the page uploads the files' text in
 * exchange.import requests). The bridge and the page share these numbers, so any package the app accepts from
 * a file (up to MAX_PACKAGE_BYTES) also gets through the bridge.
 */

/**
 * The largest exchange.import request body: a package of the largest size written as a JSON string (a package
 * is JSON text, in which only quotes and backslashes gain an escaping backslash: at most twice its size), and
 * the request around it.
 */
export const MAX_IMPORT_REQUEST_BYTES = 2 * MAX_PACKAGE_BYTES + 64 * 1024;

/** The request's own fields ({"planId":"…","files":[…]}) and the commas between files, generously. */
const REQUEST_OVERHEAD_BYTES = 1024;

export interface Upload {
  readonly name: string;
  readonly content: string;
}

const encoder = new TextEncoder();
/** Its size inside the request body, exactly as JSON.stringify writes it. */
const encodedBytes = (upload: Upload) => encoder.encode(JSON.stringify(upload)).byteLength + 1;

/**
 * The uploads grouped, in their order, into requests that each stay within `maxBytes`: usually all in one (one
 * import checks them together and applies them in one transaction). A file that alone would not fit (only a
 * file that is not a package: a package's text at most doubles) is set apart, to be refused as too large.
 */
export function uploadBatches(
  uploads: readonly Upload[],
  maxBytes = MAX_IMPORT_REQUEST_BYTES,
  maxFiles = MAX_IMPORT_REQUEST_FILES,
): { batches: Upload[][]; tooLarge: Upload[] } {
  const budget = maxBytes - REQUEST_OVERHEAD_BYTES;
  const batches: Upload[][] = [];
  const tooLarge: Upload[] = [];
  let current: Upload[] = [];
  let used = 0;
  for (const upload of uploads) {
    const size = encodedBytes(upload);
    if (size > budget) {
      tooLarge.push(upload);
      continue;
    }
    if (current.length === maxFiles || used + size > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(upload);
    used += size;
  }
  if (current.length > 0) batches.push(current);
  return { batches, tooLarge };
}
