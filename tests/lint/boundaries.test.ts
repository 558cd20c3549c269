// Proves the folder boundaries are enforced by lint, not hoped for: forbidden imports are reported, allowed ones pass.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    ['db/services/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['db/services/x.ts', "import { useState } from 'react'; export const a = useState;"],
    ['db/repos/x.ts', "import { call } from '../../renderer/src/api/client'; export const a = call;"],
    ['db/contract/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['db/contract/x.ts', "import { sql } from '../sqlite/sql'; export const a = sql;"],
    ['db/sqlite/x.ts', "import { DomainError } from '../services/errors'; export const a = DomainError;"],
    ['db/sqlite/x.ts', "import { insertAudit } from '../repos/audit'; export const a = insertAudit;"],
    [
      'renderer/src/features/x.ts',
      "import { openDatabase } from '../../../db/sqlite/open'; export const a = openDatabase;",
    ],
    ['renderer/src/features/x.ts', "import { dispatch } from '../../../db/api/dispatch'; export const a = dispatch;"],
    ['renderer/src/features/x.ts', "import fs from 'node:fs'; export const a = fs;"],
    ['renderer/src/features/x.ts', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;"],
    ['electron/preload/x.ts', "import { dispatch } from '../../db/api/dispatch'; export const a = dispatch;"],
    ['electron/main/x.ts', "import { countAccounts } from '../../db/repos/accounts'; export const a = countAccounts;"],
    ['electron/main/x.ts', "import { seedClinic } from '../../db/seed/generate'; export const a = seedClinic;"],
    ['electron/main/x.ts', "import { openDatabase } from '../../db/sqlite/open'; export const a = openDatabase;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/features/x.ts', "import { methods } from '../../../db/contract'; export const a = methods;"],
    ['db/services/x.ts', "import { sql } from '../sqlite/sql'; export const a = sql;"],
    ['db/sqlite/x.ts', "import { Role } from '../contract'; export const a = Role;"],
    ['db/contract/x.ts', "import { z } from 'zod'; export const a = z;"],
    ['electron/preload/x.ts', "import { BRIDGE_GLOBAL } from '../../db/contract'; export const a = BRIDGE_GLOBAL;"],
    ['electron/main/x.ts', "import { bootstrap } from '../../db/app/bootstrap'; export const a = bootstrap;"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
