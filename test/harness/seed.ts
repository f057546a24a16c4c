import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The founding news item (test/fixtures/README.md): real Thai text for line breaking and PDF round trips. */
export const SEED_TEXT = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'bma-pr-workshop-news.txt'), 'utf8');
