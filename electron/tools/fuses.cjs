/**
 * electron-builder afterPack hook: locks the Electron fuses of the packaged
 * binary (issue 11, item 7). electron-builder 25 has no `electronFuses` option
 * and @electron/fuses is not a dependency, so this writes the documented fuse
 * wire directly: after the sentinel below come a version byte (1), a length
 * byte, then one byte per fuse, '0' off / '1' on ('r' = removed by Electron).
 *
 * What the fuses close: the shipped binary cannot be turned into a plain Node
 * (RunAsNode, NODE_OPTIONS, --inspect), cannot load an app from outside its
 * asar or a tampered asar, and encrypts its cookies at rest.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse positions of wire version 1 (@electron/fuses FuseV1Options). */
const FUSE_ORDER = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];

/** The shop's fuses. Fuses not named here keep Electron's default. */
const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

/** Sets the fuses in a binary's bytes; returns how many fuse wires were found (an Electron binary has one). */
function flipFuses(buffer, fuses = FUSES) {
  let found = 0;
  let at = buffer.indexOf(SENTINEL);
  while (at !== -1) {
    const version = buffer[at + SENTINEL.length];
    const length = buffer[at + SENTINEL.length + 1];
    if (version !== 1) throw new Error(`unknown fuse wire version ${version}`);
    const start = at + SENTINEL.length + 2;
    for (const [name, on] of Object.entries(fuses)) {
      const index = FUSE_ORDER.indexOf(name);
      if (index < 0) throw new Error(`unknown fuse ${name}`);
      if (index >= length) throw new Error(`fuse ${name} is not in this Electron build`);
      if (buffer[start + index] === 0x72) continue; // removed by Electron: nothing to set
      buffer[start + index] = on ? 0x31 : 0x30;
    }
    found++;
    at = buffer.indexOf(SENTINEL, start + length);
  }
  return found;
}

function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  const platform = context.electronPlatformName;
  if (platform === 'win32') return path.join(context.appOutDir, `${name}.exe`);
  if (platform === 'darwin') return path.join(context.appOutDir, `${name}.app`, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
  return path.join(context.appOutDir, context.packager.executableName ?? name);
}

async function afterPack(context) {
  const file = electronBinary(context);
  const buffer = fs.readFileSync(file);
  if (flipFuses(buffer) !== 1) throw new Error(`no single fuse wire in ${file}`);
  fs.writeFileSync(file, buffer);
  console.log(`[fuses] locked ${path.basename(file)}: ${JSON.stringify(FUSES)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.FUSE_ORDER = FUSE_ORDER;
module.exports.SENTINEL = SENTINEL;
module.exports.flipFuses = flipFuses;
