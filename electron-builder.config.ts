import type { Configuration } from 'electron-builder';
import { afterPack } from './scripts/after-pack';

/// `npm run dist`: the installers of the desktop app, for the system it runs
/// on: AppImage and .deb on Linux, an NSIS installer on Windows, a dmg on
/// macOS (electron-builder cannot cross-build all of them; CI builds each on
/// its own runner). It downloads Electron, so it needs the network.
const config: Configuration = {
  appId: 'org.palimpsest.desktop',
  productName: 'Palimpsest',
  copyright: 'Palimpsest contributors',
  directories: { output: 'release', buildResources: 'build' },
  // The built app only: main, preload and renderer from electron-vite. The
  // production dependencies the main process imports come with it.
  files: ['out/**/*', 'package.json'],
  asar: true,
  icon: 'build/icon.png',
  afterPack,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    executableName: 'palimpsest',
    maintainer: 'Palimpsest contributors <palimpsest@example.org>',
    synopsis: 'Close reading and annotation of archival sources',
  },
  deb: { packageCategory: 'education' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.education', hardenedRuntime: true },
};

export default config;
