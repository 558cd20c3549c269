// Dispatch's output check: a handler whose value does not match its method's output schema is caught, not passed on.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../db/api/dispatch';
import { handlers } from '../../db/api/handlers';
import { type Core, createCore, type Logger } from '../../db/services/core';
import { openDatabase } from '../../db/sqlite/open';

const SECRET = 'Nikolai Sokolov';

function recordingCore(checkOutputs: boolean): { core: Core; lines: string[] } {
  const lines: string[] = [];
  const log: Logger = {
    info: (message, meta) => lines.push(`${message} ${JSON.stringify(meta ?? {})}`),
    error: (message, err, meta) => lines.push(`${message} ${String(err)} ${JSON.stringify(meta ?? {})}`),
  };
  return { core: createCore(openDatabase(':memory:').db, { log, passwordLog2N: 10, checkOutputs }), lines };
}

/** auth.status answering with a wrong type, a missing field and patient data where a boolean belongs. */
const wrongShape = () =>
  vi.spyOn(handlers, 'auth.status').mockImplementation(() => ({ needsSetup: SECRET, user: null }) as never);

afterEach(() => vi.restoreAllMocks());

describe('output check', () => {
  it('is on for the cores tests build (the test setup sets it)', () => {
    expect(createCore(openDatabase(':memory:').db).checkOutputs).toBe(true);
  });

  it('turns a value of the wrong shape into INTERNAL and logs the method and paths, never the value', async () => {
    const { core, lines } = recordingCore(true);
    const right = await dispatch(core, { token: null }, 'auth.status', {});
    expect(right.ok).toBe(true);

    wrongShape();
    const r = await dispatch(core, { token: null }, 'auth.status', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INTERNAL');
    const logged = lines.find((l) => l.startsWith('output does not match its schema'));
    expect(logged).toContain('"method":"auth.status"');
    expect(logged).toContain('needsSetup:invalid_type');
    expect(logged).toContain('clinicName:invalid_type');
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('lets the value through unchecked when it is off (the packaged app)', async () => {
    const { core } = recordingCore(false);
    wrongShape();
    const r = await dispatch(core, { token: null }, 'auth.status', {});
    expect(r).toEqual({ ok: true, value: { needsSetup: SECRET, user: null } });
  });
});
