import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The e2e files first, then vitest's own order (longest last run first, else largest file first). The browser
 * files are the longest of the run: started last, one of them ran alone at the end while the other core idled;
 * started first, the node and dom files fill the other core beside them and the run ends on short files.
 */
export default class E2eFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const e2e = (spec: TestSpecification) => (spec.project.name === 'e2e' ? 0 : 1);
    // Array.prototype.sort is stable: each tier keeps the order vitest gave it.
    return sorted.sort((a, b) => e2e(a) - e2e(b));
  }
}
