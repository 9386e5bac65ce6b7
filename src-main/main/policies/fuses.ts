/**
 * Electron fuses this app is meant to ship with (flipped into the Electron binary at packaging time).
 *
 * This repository cannot package Electron (no binary can be downloaded here), so nothing applies these yet and
 * `@electron/fuses` is deliberately not a dependency. The packaging step, wherever it runs, does:
 *
 *   import { flipFuses, FuseVersion, FuseV1Options } from '@electron/fuses';
 *   import { fuseFlipOptions } from './src-main/main/policies/fuses';
 *   await flipFuses(electronBinaryPath, {
 *     version: FuseVersion.V1,
 *     resetAdHocDarwinSignature: process.platform === 'darwin',
 *     ...Object.fromEntries(Object.entries(fuseFlipOptions()).map(([name, on]) => [FuseV1Options[name], on])),
 *   });
 *
 * and then rebuilds better-sqlite3 against Electron's ABI and packs the app into app.asar (with its integrity
 * hash in Info.plist / the Windows resource, which EnableEmbeddedAsarIntegrityValidation checks).
 */

/** Names as in @electron/fuses' FuseV1Options enum. */
export type FuseName =
  | 'RunAsNode'
  | 'EnableCookieEncryption'
  | 'EnableNodeOptionsEnvironmentVariable'
  | 'EnableNodeCliInspectArguments'
  | 'EnableEmbeddedAsarIntegrityValidation'
  | 'OnlyLoadAppFromAsar'
  | 'GrantFileProtocolExtraPrivileges';

export interface FuseSetting {
  fuse: FuseName;
  enabled: boolean;
  why: string;
}

export const INTENDED_FUSES: readonly FuseSetting[] = Object.freeze([
  { fuse: 'RunAsNode', enabled: false, why: 'ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node interpreter' },
  { fuse: 'EnableNodeOptionsEnvironmentVariable', enabled: false, why: 'NODE_OPTIONS could preload arbitrary code into the main process' },
  { fuse: 'EnableNodeCliInspectArguments', enabled: false, why: '--inspect would let anyone on the station attach a debugger and read PII' },
  { fuse: 'OnlyLoadAppFromAsar', enabled: true, why: 'the app code is only ever loaded from the packed (integrity-checked) archive' },
  { fuse: 'EnableEmbeddedAsarIntegrityValidation', enabled: true, why: 'a modified app.asar is refused at start-up' },
  { fuse: 'EnableCookieEncryption', enabled: true, why: 'cookies on disk are encrypted with the OS key store' },
  { fuse: 'GrantFileProtocolExtraPrivileges', enabled: false, why: 'the console is served by app://, file:// needs no extra privileges' },
]);

/** `{ RunAsNode: false, … }` — the shape a packaging script maps onto FuseV1Options. */
export function fuseFlipOptions(settings: readonly FuseSetting[] = INTENDED_FUSES): Record<FuseName, boolean> {
  const out = {} as Record<FuseName, boolean>;
  for (const s of settings) {
    if (s.fuse in out) throw new Error(`fuse ${s.fuse} is listed twice`);
    out[s.fuse] = s.enabled;
  }
  return out;
}
