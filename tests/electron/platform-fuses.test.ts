/**
 * Item 7 of issue 11: the packaged app locks its Electron fuses (the binary
 * cannot run here, so the config is read and the hook is run on a fuse wire).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { webPreferences, windowOptions } from '../../electron/shellConfig';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { build: { afterPack?: string; asar?: boolean } };
const hook = createRequire(__filename)(path.join(root, pkg.build.afterPack ?? 'missing')) as {
  FUSES: Record<string, boolean>;
  FUSE_ORDER: string[];
  SENTINEL: string;
  flipFuses(buffer: Buffer): number;
};

describe('Electron fuses', () => {
  it('the build runs the fuse hook after packing, with the app in an asar', () => {
    expect(pkg.build.afterPack).toBe('electron/tools/fuses.cjs');
    expect(pkg.build.asar).not.toBe(false);
  });

  it('turns off RunAsNode, NODE_OPTIONS and --inspect; on: cookie encryption, asar only, asar integrity', () => {
    expect(hook.FUSES).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('writes those fuses into a binary: every byte of the wire as configured, nothing else touched', () => {
    // A fake binary: some bytes, the wire with every fuse in Electron's default state, more bytes.
    const defaults = '10110010'; // RunAsNode on, cookies off, NODE_OPTIONS on, inspect on, integrity off, asar-only off, snapshot on, file off
    const head = Buffer.from('ELF....some code....');
    const wire = Buffer.concat([Buffer.from(hook.SENTINEL), Buffer.from([1, 8]), Buffer.from(defaults)]);
    const tail = Buffer.from('....more code');
    const binary = Buffer.concat([head, wire, tail]);
    expect(hook.flipFuses(binary)).toBe(1);
    const start = head.length + hook.SENTINEL.length + 2;
    const state = Object.fromEntries(hook.FUSE_ORDER.map((name, i) => [name, String.fromCharCode(binary[start + i]!)]));
    expect(state).toEqual({
      RunAsNode: '0',
      EnableCookieEncryption: '1',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '0',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      LoadBrowserProcessSpecificV8Snapshot: '1', // not configured: Electron's default kept
      GrantFileProtocolExtraPrivileges: '0',
    });
    expect(binary.subarray(0, head.length)).toEqual(head);
    expect(binary.subarray(binary.length - tail.length)).toEqual(tail);
    expect(() => hook.flipFuses(Buffer.concat([Buffer.from(hook.SENTINEL), Buffer.from([2, 8]), Buffer.from(defaults)]))).toThrow(/version/);
  });

  it('a packaged window has no DevTools; a development one keeps them', () => {
    expect(webPreferences('/p.js', true).devTools).toBe(false);
    expect(windowOptions('/p.js', true).webPreferences.devTools).toBe(false);
    expect(webPreferences('/p.js').devTools).toBe(true);
  });
});
