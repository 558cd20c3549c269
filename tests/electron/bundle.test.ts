// The bundled shell: the preload exposes only the bridge, and no core or host code imports electron.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { bundleElectron } from '../../build/bundle-electron.mjs';

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}

describe('electron bundles', () => {
  it('builds main and preload; only electron/ files import electron; the preload uses fixed channels only', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-bundle-'));
    const meta = (await bundleElectron(out)) as { main: Metafile; preload: Metafile; worker: Metafile };
    expect(fs.existsSync(path.join(out, 'main.cjs'))).toBe(true);
    const preload = fs.readFileSync(path.join(out, 'preload.cjs'), 'utf8');

    // The worker's entry (backups, exports, audit verification off the call thread) is built beside main.cjs.
    expect(fs.existsSync(path.join(out, 'worker.cjs'))).toBe(true);
    for (const m of [meta.main, meta.preload, meta.worker]) {
      for (const [file, input] of Object.entries(m.inputs)) {
        if (input.imports.some((i) => i.path === 'electron')) expect(file.startsWith('electron/')).toBe(true);
      }
    }
    expect(Object.keys(meta.preload.inputs).some((f) => f.startsWith('db/') && !f.startsWith('db/contract/'))).toBe(
      false,
    );
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect([...preload.matchAll(/ipcRenderer\.(\w+)\(/g)].map((m) => m[1]).every((fn) => fn === 'invoke')).toBe(true);
    expect([...preload.matchAll(/invoke\("([^"]+)"/g)].map((m) => m[1]).sort()).toEqual([
      'api',
      'os:chooseFolder',
      'os:openAttachment',
      'os:printToPdf',
    ]);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
