/**
 * renderPdf (render.ts) on the calling thread instead of the worker, for the command line's startup snapshot
 * (cli/snapshot.ts): that process has no screen to keep responsive, and it starts with the engine, the fonts
 * and the lexicon already loaded, which a worker thread could not share (Node starts every worker afresh,
 * the best part of a second of module loading for the engine). Importing this module loads pdfmake: the
 * app's main process never does.
 */
import { forgetIntl } from '../../core/intl.ts';
import { forgetLineBreaks } from './engine/textBreaker.ts';
import { prepareRender as prepareTypesetting, typeset } from './engine/typeset.ts';
import { type RenderOptions, engineSettings } from './render.ts';

type Doc = Parameters<typeof typeset>[0];

/** Load the engine, parse the fonts and install the lexicon with the users' words, as the worker does when warmed. */
export function prepareRenderHere(options: Pick<RenderOptions, 'fontsDir' | 'userWords'> = {}): void {
  prepareTypesetting(engineSettings(options, false));
}

export async function renderPdfHere(doc: Doc, options: Omit<RenderOptions, 'signal'> = {}): Promise<Uint8Array> {
  return (await typeset(doc, engineSettings(options, false), options.onProgress)).pdf;
}

/**
 * Render `doc` and forget it, keeping only the code compiled on the way: a snapshot taken afterwards starts
 * its first render with the engine's code compiled (V8 keeps it in the snapshot) rather than cold, which is
 * most of the difference between a first and a second render in one process. Nothing of the document stays:
 * the breaks found in its text are forgotten, the fonts (whose glyphs keep the code points of their first
 * use) are parsed afresh, and ICU's objects are dropped (V8 cannot put them in a snapshot). (A rehearsal of
 * the sample never limits the heap's growth, engine/heapGrowth.ts: V8's flags are the process's.)
 */
export async function rehearseRender(doc: Doc, options: Pick<RenderOptions, 'fontsDir' | 'numbering'>): Promise<void> {
  await typeset(doc, engineSettings(options, false));
  forgetLineBreaks();
  forgetIntl();
  prepareRenderHere(options);
}
