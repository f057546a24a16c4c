/**
 * V8 lets a heap grow, before its next full collection, in proportion to what survived the last one, and a
 * render's layout passes leave their pages behind in between: through the generated 100-page plan the worker's
 * heap reached some 200 MB of which under 50 MB was live, and `phaen pdf` peaked at 310–370 MB, over the
 * 300 MB limit of issue 10. Growing by 20% over what is live collects that garbage sooner: the command then
 * peaks at 260–265 MB for about 5% more CPU (pair by pair on a loaded machine). The flag is V8's, so it holds
 * for the whole process (the app's main thread too) from then on. It is set when the first render starts,
 * after the engine's modules are loaded, so they still compile under the flags they were cached with (V8
 * checks a code cache against its flags).
 */
import { setFlagsFromString } from 'node:v8';

let limited = false;

export function limitHeapGrowth(): void {
  if (limited) return;
  limited = true;
  setFlagsFromString('--heap-growing-percent=20');
}
