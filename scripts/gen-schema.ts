/**
 * Writes the JSON Schemas in resources/schema from their zod schemas, the one source of each format
 * (`npm run schema`): plan-file.schema.json from main/core/planFile.ts and exchange-package.schema.json from
 * main/core/exchange/format.ts. test/node/planfile.test.ts and exchange-schema.test.ts fail when they differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exchangePackageJsonSchema } from '../main/core/exchange/format.ts';
import { planFileJsonSchema } from '../main/core/planFile.ts';

const SCHEMA_DIR = join(import.meta.dirname, '..', 'resources', 'schema');
export const PLAN_FILE_SCHEMA_PATH = join(SCHEMA_DIR, 'plan-file.schema.json');
export const EXCHANGE_PACKAGE_SCHEMA_PATH = join(SCHEMA_DIR, 'exchange-package.schema.json');

export function planFileSchemaText(): string {
  return `${JSON.stringify(planFileJsonSchema(), null, 2)}\n`;
}

export function exchangePackageSchemaText(): string {
  return `${JSON.stringify(exchangePackageJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] === import.meta.filename) {
  for (const [path, text] of [
    [PLAN_FILE_SCHEMA_PATH, planFileSchemaText()],
    [EXCHANGE_PACKAGE_SCHEMA_PATH, exchangePackageSchemaText()],
  ] as const) {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
