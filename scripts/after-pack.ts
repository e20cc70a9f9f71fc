import { type FuseV1Config, FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { join } from 'node:path';

/// The Electron fuses of every packaged Palimpsest, flipped in the binary
/// itself so no command-line switch or environment variable undoes them:
/// the app cannot be run as plain Node, takes no NODE_OPTIONS and no
/// --inspect, loads its code only from its checked app.asar, and encrypts
/// its cookies. The page is served from app://, so file:// keeps no extra
/// privileges either.
export const fuseSettings = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} satisfies FuseV1Config;

/// What electron-builder tells an afterPack hook, as far as it is used here.
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/// The Electron binary (or, on macOS, the .app bundle) electron-builder
/// just packed.
export function packedBinary(context: PackedApp): string {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  const name = packager.appInfo.productFilename;
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${name}.app`);
  if (platform === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName ?? name.toLowerCase());
}

/// electron-builder's afterPack hook: flips the fuses before the installer
/// is made (and, on macOS, re-signs ad hoc so an unsigned build still runs).
export async function afterPack(context: PackedApp): Promise<void> {
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(packedBinary(context), { ...fuseSettings, resetAdHocDarwinSignature: darwin });
}
