import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** electron-builder.yml checked against electron-builder's own JSON schema, without running a build. */
const root = resolve(import.meta.dirname, '../..');
const schema = createRequire(import.meta.url)('app-builder-lib/scheme.json') as object;
const validate = new Ajv({ allowUnionTypes: true, strict: false }).compile(schema);
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string }[]; category: string; maintainer: string };
  nsis: Record<string, unknown>;
  asarUnpack: string[];
  files: string[];
  extraResources: { from: string; to: string }[];
};

describe('electron-builder.yml', () => {
  it("is valid against app-builder-lib's schema", () => {
    expect(validate(config) ? [] : validate.errors).toEqual([]);
  });

  it('sets the hardening fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('builds the Windows installer and portable app and the Linux AppImage and deb', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toBeTruthy();
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true, language: '1054' });
  });

  it('packs the built app into an asar, with the native SQLite module and the resources outside it', () => {
    expect(config).toMatchObject({ productName: 'Phaen', asar: true, directories: { output: 'dist' } });
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(
      config.asarUnpack.some((glob) => glob.startsWith('node_modules/better-sqlite3/') && glob.endsWith('*.node')),
    ).toBe(true);
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })]);
  });

  it('ships HarfBuzz’s wasm, which the PDF engine reads from node_modules inside the asar', () => {
    // electron-builder packs the production dependencies' files but for its own exclusions (fileMatcher.ts).
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toContain('harfbuzzjs');
    const wasm = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz.wasm');
    const { excludedExts, excludedNames } = createRequire(import.meta.url)('app-builder-lib/out/fileMatcher.js') as {
      excludedExts: string;
      excludedNames: string;
    };
    expect(excludedExts.split(',')).not.toContain('wasm');
    for (const part of wasm.split(/[\\/]/).slice(-3)) expect(excludedNames.split(',')).not.toContain(part);
  });

  it('would catch a broken config: an unknown key and a wrong type are rejected', () => {
    expect(validate({ ...config, electronFusez: {} })).toBe(false);
    expect(validate({ ...config, asar: 'yes please' })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'off' } })).toBe(false);
  });
});
