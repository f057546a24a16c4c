import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The import rules of eslint.config.js are what keeps design.md's layering true; check that they bite. */
const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rules', () => {
  it('keep main/core free of Node and of services', async () => {
    expect(
      await restrictedImports(
        'main/core/x.ts',
        "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'main/core/x.ts',
        "import { Store } from '../services/store/store.ts';\nexport type S = Store;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports('main/core/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n"),
    ).toEqual([]);
  });

  it('keep electron out of services', async () => {
    expect(
      await restrictedImports('main/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
  });

  it('keep the renderer away from services, Node and Electron', async () => {
    const code = "import { listPlans } from '../../main/services/plans.ts';\nexport const l = listPlans;\n";
    expect(await restrictedImports('renderer/src/x.ts', code)).toHaveLength(1);
    expect(
      await restrictedImports(
        'renderer/src/x.ts',
        "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'renderer/src/x.ts',
        "import { contract } from '../../main/core/contract.ts';\nexport const c = contract;\n",
      ),
    ).toEqual([]);
  });
});
