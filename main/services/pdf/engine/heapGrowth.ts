/**
 * V8 lets a heap grow, before its next full collection, in proportion to what survived the last one, and a
 * render's layout passes leave their pages behind in between: through the generated 100-page plan the worker's
 * heap reached some 200 MB of which under 50 MB was live, and `phaen pdf` peaked at 310–370 MB, over the
 * 300 MB limit of issue 10. Growing by 20% over what is live collects that garbage sooner (the 100-page plan
 * then peaks near 280 MB) but costs CPU: 4–8% of the 32-page sample plan's `phaen pdf` (pair by pair on a loaded
 * machine), which peaks near 200 MB either way. So the growth is limited only once a layout has
 * LARGE_DOCUMENT_PAGES pages (typeset.ts asks after each layout, before any drawing).
 * The flag is V8's, so it holds for the whole process (the app's main thread too) from then on. It is set
 * after the engine's modules are loaded, so they still compile under the flags they were cached with (V8
 * checks a code cache against its flags), and never by the startup snapshot's rehearsal of the sample plan.
 */
import { setFlagsFromString } from 'node:v8';

/** Pages from which a render's garbage could take the process over 300 MB (the sample plan has 32–34). */
export const LARGE_DOCUMENT_PAGES = 60;

let limited = false;

/** Limit the heap's growth from now on if a layout of `pages` pages says the document is a large one. */
export function limitHeapGrowthFor(pages: number): void {
  if (limited || pages < LARGE_DOCUMENT_PAGES) return;
  limited = true;
  setFlagsFromString('--heap-growing-percent=20');
}
