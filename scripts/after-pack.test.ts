import { FuseV1Options } from '@electron/fuses';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@electron/fuses', async (original) => ({ ...(await original<typeof import('@electron/fuses')>()), flipFuses: vi.fn(async () => 1) }));
const { flipFuses } = await import('@electron/fuses');
const { afterPack, fuseSettings, packedBinary } = await import('./after-pack');

describe('the packaged app’s fuses', () => {
  it('are those the release needs', () => {
    expect(fuseSettings).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('are flipped in the binary of each platform', async () => {
    const packager = { appInfo: { productFilename: 'Palimpsest' }, executableName: 'palimpsest' };
    expect(packedBinary({ appOutDir: '/out/linux-unpacked', electronPlatformName: 'linux', packager })).toBe(join('/out/linux-unpacked', 'palimpsest'));
    expect(packedBinary({ appOutDir: '/out/win-unpacked', electronPlatformName: 'win32', packager })).toBe(join('/out/win-unpacked', 'Palimpsest.exe'));
    expect(packedBinary({ appOutDir: '/out/mac', electronPlatformName: 'darwin', packager })).toBe(join('/out/mac', 'Palimpsest.app'));
    await afterPack({ appOutDir: '/out/mac', electronPlatformName: 'darwin', packager });
    expect(vi.mocked(flipFuses)).toHaveBeenCalledWith(
      join('/out/mac', 'Palimpsest.app'),
      expect.objectContaining({ ...fuseSettings, resetAdHocDarwinSignature: true }),
    );
  });
});
