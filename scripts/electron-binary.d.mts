/** The Electron executable the npm package points at, or null when there is none (see electron-binary.mjs). */
export function findElectronBinary(root: string): string | null;
