/**
 * Writes resources/schema/plan-file.schema.json from the zod schema in main/core/planFile.ts, the one source
 * of the format (`npm run schema`). test/node/planfile.test.ts fails when the two differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFileJsonSchema } from '../main/core/planFile.ts';

export const PLAN_FILE_SCHEMA_PATH = join(import.meta.dirname, '..', 'resources', 'schema', 'plan-file.schema.json');

export function planFileSchemaText(): string {
  return `${JSON.stringify(planFileJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(PLAN_FILE_SCHEMA_PATH, planFileSchemaText());
  console.log(`wrote ${PLAN_FILE_SCHEMA_PATH}`);
}
