import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityLabel, fieldLabel } from '../../main/core/entityLabels.ts';
import { translator } from '../../main/services/locales.ts';
import { entities } from '../../main/services/store/entities.ts';

const RESOURCES = join(import.meta.dirname, '..', '..', 'resources');

describe('names of row kinds and fields (core/entityLabels.ts)', () => {
  it('names every stored kind of row and every field in Thai and in English words, never by its code', () => {
    for (const language of ['th', 'en'] as const) {
      const t = translator(RESOURCES, language);
      const unnamed = Object.entries(entities).flatMap(([entity, spec]) => [
        ...(entityLabel(t, entity) === entity ? [entity] : []),
        ...Object.keys(spec.fields)
          .concat('parentId', 'position', 'deleted')
          .filter((field) => fieldLabel(t, entity, field) === field)
          .map((field) => `${entity}.${field}`),
      ]);
      expect(unnamed, language).toEqual([]);
    }
  });

  it('names a goal’s parent as the exchange screens and the command line both show it', () => {
    expect(entityLabel(translator(RESOURCES, 'th'), 'goal')).toBe('เป้าประสงค์');
    expect(fieldLabel(translator(RESOURCES, 'th'), 'goal', 'parentId')).toBe('รายการแม่');
    expect(fieldLabel(translator(RESOURCES, 'en'), 'plan', 'title')).toBe('Plan title');
  });

  it('falls back to the code for a kind a newer release may send, rather than an empty name', () => {
    expect(entityLabel(translator(RESOURCES, 'th'), 'futureThing')).toBe('futureThing');
  });
});
