// electron-builder beforePack: rebuild better-sqlite3 for the Electron version being packaged (only here, never in postinstall).
const path = require('node:path');

exports.default = async function beforePack(context) {
  const { rebuild } = require('@electron/rebuild');
  const electronVersion = context.packager.config.electronVersion ?? require('electron/package.json').version;
  await rebuild({
    buildPath: path.resolve(__dirname, '..'),
    electronVersion,
    arch: context.arch === 1 ? 'x64' : context.arch === 3 ? 'arm64' : process.arch,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
};
