import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8');

/** The founding news item (test/fixtures/README.md): real Thai text for line breaking and PDF round trips. */
export const SEED_TEXT = fixture('bma-pr-workshop-news.txt');

/** The paragraphs of real public government text (test/fixtures/thai-gov-corpus.txt), its comments left out. */
export const GOVERNMENT_PARAGRAPHS = fixture('thai-gov-corpus.txt')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
