import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../main/services/locales.ts';
import { RESOURCES, SAMPLE_FILE } from '../harness/pdfPlan.ts';
import { readXlsxParts } from '../harness/xlsxParts.ts';
import { useTempDir } from '../harness/tmp.ts';

/** `phaen xlsx`, the built command line run as a user would (needs `npm run build`, as cli.test.ts). */

const BIN = join(resolve(import.meta.dirname, '../..'), 'bin', 'phaen.mjs');
const tempDir = useTempDir();
const th = translator(RESOURCES, 'th');
const en = translator(RESOURCES, 'en');

function phaen(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('phaen xlsx', () => {
  it('writes the sample plan file as a workbook and says where, in Thai then English', () => {
    const out = join(tempDir(), 'ตาราง.xlsx');
    const run = phaen('xlsx', SAMPLE_FILE, out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`บันทึก ${out} แล้ว`);
    expect(run.stdout).toContain(`Saved ${out}`);
    const { sheets } = readXlsxParts(new Uint8Array(readFileSync(out)));
    expect(sheets[0]!.name).toBe('ตัวชี้วัดและค่าเป้าหมาย');
    expect(sheets[0]!.cells.get('A3')?.value).toBe('1.1.1');
  });

  it('refuses an invalid plan file with a Thai message, leaving an existing output as it was and no temp file', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.plan.json');
    writeFileSync(bad, '{"format": "not a plan"}');
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, 'previous');
    const run = phaen('xlsx', bad, out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ไม่ใช่ไฟล์แผนที่ถูกต้อง ไม่ได้สร้างไฟล์ Excel');
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(readdirSync(dir).sort()).toEqual(['bad.plan.json', 'out.xlsx']);
  });

  it('says in Thai and English, without a stack trace, when the output cannot be written there, and writes nothing', () => {
    const dir = tempDir();
    const aFile = join(dir, 'a-file');
    writeFileSync(aFile, 'x');
    const cases = [
      [join(dir, 'no-such-folder', 'out.xlsx'), 'cli.file.noFolder', { folder: join(dir, 'no-such-folder') }],
      [join(aFile, 'out.xlsx'), 'cli.file.notFolder', { file: join(aFile, 'out.xlsx') }],
      [dir, 'cli.file.isFolder', { file: dir }],
    ] as const;
    for (const [out, key, values] of cases) {
      const run = phaen('xlsx', SAMPLE_FILE, out);
      expect(run.code, out).toBe(1);
      expect(run.stderr).toContain(th(key, values));
      expect(run.stderr).toContain(en(key, values));
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('names a plan file that is missing or a folder, in Thai and English', () => {
    const missing = join(tempDir(), 'none.plan.json');
    expect(phaen('xlsx', missing, join(tempDir(), 'o.xlsx')).stderr).toContain(
      th('cli.file.missing', { file: missing }),
    );
    const folder = tempDir();
    expect(phaen('xlsx', folder, join(tempDir(), 'o.xlsx')).stderr).toContain(
      en('cli.file.isFolder', { file: folder }),
    );
  });

  it('shows its usage when the output is missing', () => {
    const run = phaen('xlsx', SAMPLE_FILE);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('phaen xlsx <แผน.json> <ผลลัพธ์.xlsx>');
    expect(existsSync(join(tempDir(), 'out.xlsx'))).toBe(false);
  });
});
