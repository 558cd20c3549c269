// Contract parity: the same calls over direct dispatch and over the HTTP host give deep-equal envelopes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/dispatch';
import type { Envelope, InquiryFieldsInput } from '../../db/contract';
import { startHost } from '../../db/host/server';
import { type Clock, type Core, createCore, silentLogger } from '../../db/services/core';
import { openDatabase } from '../../db/sqlite/open';
import { CookieClient, portOf } from './http-client';

const NOW = new Date('2026-11-25T09:30:00.000Z');
const fixedClock: Clock = { now: () => new Date(NOW) };
const PASSWORD = 'parity-password-1';

const intake: InquiryFieldsInput = {
  receivedAt: '2026-11-24T07:15:00.000Z',
  channel: 'email',
  contactName: 'Mira Testcase',
  contactRelation: 'child',
  contactEmail: 'Mira@Example.org',
  contactPhone: null,
  messagingHandle: null,
  country: 'DE',
  preferredLanguage: 'de',
  patientName: 'Otto Testcase',
  patientSex: 'male',
  patientBirthDate: '1958-03-02',
  patientAge: null,
  diagnosis: 'ischemic',
  strokeOnsetDate: '2025-06-10',
  symptoms: ['one_sided_weakness', 'trouble_speaking'],
  conditions: ['hypertension'],
  conditionsOther: null,
  message: '  Synthetic message, no real person.  ',
  heardAbout: null,
  consentContact: true,
  consentDataProcessing: true,
  ownerId: null,
  nextFollowUp: '2026-11-25',
};

/** One step of the script: a method and its raw input, which may depend on what earlier steps answered. */
interface Step {
  label: string;
  method: string;
  input: (earlier: Map<string, Envelope<unknown>>) => unknown;
}

const valueOf = (earlier: Map<string, Envelope<unknown>>, label: string): Record<string, unknown> => {
  const e = earlier.get(label);
  if (!e?.ok) throw new Error(`step ${label} did not succeed`);
  return e.value as Record<string, unknown>;
};
const inquiryId = (earlier: Map<string, Envelope<unknown>>) => valueOf(earlier, 'create inquiry').id;
const versionAfter = (earlier: Map<string, Envelope<unknown>>, label: string) => valueOf(earlier, label).version;

const SCRIPT: Step[] = [
  { label: 'status before setup', method: 'auth.status', input: () => ({}) },
  {
    label: 'setup admin',
    method: 'auth.setupAdmin',
    input: () => ({ username: 'Admin', displayName: 'Ada Admin', password: PASSWORD }),
  },
  {
    label: 'setup twice',
    method: 'auth.setupAdmin',
    input: () => ({ username: 'other', displayName: 'Other', password: PASSWORD }),
  },
  {
    label: 'create coordinator',
    method: 'accounts.create',
    input: () => ({ username: 'coord', displayName: 'Chen Coordinator', role: 'coordinator', password: PASSWORD }),
  },
  {
    label: 'create duplicate',
    method: 'accounts.create',
    input: () => ({ username: 'coord', displayName: 'Again', role: 'doctor', password: PASSWORD }),
  },
  { label: 'accounts as admin', method: 'accounts.list', input: () => ({}) },
  { label: 'sign out admin', method: 'auth.signOut', input: () => ({}) },
  { label: 'signed out list', method: 'inquiries.list', input: () => ({}) },
  {
    label: 'wrong password',
    method: 'auth.signIn',
    input: () => ({ username: 'coord', password: 'not-the-password' }),
  },
  { label: 'sign in coordinator', method: 'auth.signIn', input: () => ({ username: ' COORD ', password: PASSWORD }) },
  { label: 'status signed in', method: 'auth.status', input: () => ({}) },
  { label: 'accounts as coordinator', method: 'accounts.list', input: () => ({}) },
  { label: 'create inquiry', method: 'inquiries.create', input: () => intake },
  {
    label: 'create invalid',
    method: 'inquiries.create',
    input: () => ({ ...intake, contactEmail: null, patientName: '   ', strokeOnsetDate: '2025-02-30' }),
  },
  { label: 'create wrong shape', method: 'inquiries.create', input: () => 'not an object' },
  { label: 'get', method: 'inquiries.get', input: (e) => ({ id: inquiryId(e) }) },
  { label: 'get missing', method: 'inquiries.get', input: () => ({ id: 9999 }) },
  { label: 'list with search', method: 'inquiries.list', input: () => ({ text: 'testcase', limit: 10 }) },
  { label: 'list search no hit', method: 'inquiries.list', input: () => ({ text: 'nobody-by-this-name' }) },
  {
    label: 'change status legal',
    method: 'inquiries.changeStatus',
    input: (e) => ({ id: inquiryId(e), version: 1, to: 'contacted', reason: null }),
  },
  {
    label: 'change status stale version',
    method: 'inquiries.changeStatus',
    input: (e) => ({ id: inquiryId(e), version: 1, to: 'awaiting_records', reason: null }),
  },
  {
    label: 'change status illegal',
    method: 'inquiries.changeStatus',
    input: (e) => ({ id: inquiryId(e), version: versionAfter(e, 'change status legal'), to: 'new', reason: null }),
  },
  {
    label: 'change status doctor only',
    method: 'inquiries.changeStatus',
    input: (e) => ({
      id: inquiryId(e),
      version: versionAfter(e, 'change status legal'),
      to: 'declined',
      reason: 'Not eligible',
    }),
  },
  {
    label: 'add activity',
    method: 'inquiries.addActivity',
    input: (e) => ({ id: inquiryId(e), kind: 'call', summary: 'Called the daughter', at: null }),
  },
  { label: 'get after changes', method: 'inquiries.get', input: (e) => ({ id: inquiryId(e) }) },
  { label: 'worklist mine', method: 'inquiries.worklist', input: () => ({ scope: 'mine' }) },
  { label: 'worklist all', method: 'inquiries.worklist', input: () => ({ scope: 'all' }) },
  { label: 'unknown method', method: 'inquiries.teleport', input: () => ({}) },
  { label: 'prototype key as method', method: 'constructor', input: () => ({}) },
  { label: 'validation error', method: 'inquiries.list', input: () => ({ limit: 1000, sort: 'shoeSize' }) },
  { label: 'extra key on strict input', method: 'auth.status', input: () => ({ sneaky: true }) },
  { label: 'sign out coordinator', method: 'auth.signOut', input: () => ({}) },
  { label: 'status after sign out', method: 'auth.status', input: () => ({}) },
];

type Call = (method: string, input: unknown) => Promise<Envelope<unknown>>;

async function runScript(call: Call): Promise<Map<string, Envelope<unknown>>> {
  const results = new Map<string, Envelope<unknown>>();
  for (const step of SCRIPT) results.set(step.label, await call(step.method, step.input(results)));
  return results;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function freshCore(name: string): { core: Core; db: Database } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `strokedesk-parity-${name}-`));
  const { db } = openDatabase(path.join(dir, 'strokedesk.sqlite'));
  cleanups.push(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db, core: createCore(db, { clock: fixedClock, log: silentLogger, passwordLog2N: 10 }) };
}

async function overDirect(): Promise<Map<string, Envelope<unknown>>> {
  const { core } = freshCore('direct');
  const session = { token: null as string | null };
  return runScript((method, input) => dispatch(core, session, method, input));
}

async function overHttp(): Promise<Map<string, Envelope<unknown>>> {
  const { core } = freshCore('http');
  const host = await startHost({ core, port: 0, rendererDir: null, log: silentLogger });
  cleanups.push(() => host.close());
  const client = new CookieClient(portOf(host.url));
  await client.open(host.token);
  return runScript(async (method, input) => {
    const res = await client.call(method, input);
    expect(res.status, `${method} answered HTTP ${res.status}`).toBe(200);
    return JSON.parse(res.body) as Envelope<unknown>;
  });
}

describe('contract parity: direct dispatch and the HTTP host', () => {
  it('answer every call of the script with deep-equal envelopes', async () => {
    const direct = await overDirect();
    const http = await overHttp();
    expect([...http.keys()]).toEqual(SCRIPT.map((s) => s.label));
    for (const step of SCRIPT) {
      // toStrictEqual also catches an `undefined` the direct side has and JSON would drop.
      expect(http.get(step.label), step.label).toStrictEqual(direct.get(step.label));
    }
  });

  it('exercises what it claims to: successes and each kind of failure', async () => {
    const direct = await overDirect();
    const code = (label: string) => {
      const e = direct.get(label);
      return e === undefined ? 'missing' : e.ok ? 'ok' : e.error.code;
    };
    expect(Object.fromEntries(SCRIPT.map((s) => [s.label, code(s.label)]))).toEqual({
      'status before setup': 'ok',
      'setup admin': 'ok',
      'setup twice': 'ALREADY_SET_UP',
      'create coordinator': 'ok',
      'create duplicate': 'VALIDATION',
      'accounts as admin': 'ok',
      'sign out admin': 'ok',
      'signed out list': 'UNAUTHENTICATED',
      'wrong password': 'BAD_CREDENTIALS',
      'sign in coordinator': 'ok',
      'status signed in': 'ok',
      'accounts as coordinator': 'FORBIDDEN',
      'create inquiry': 'ok',
      'create invalid': 'VALIDATION',
      'create wrong shape': 'VALIDATION',
      get: 'ok',
      'get missing': 'NOT_FOUND',
      'list with search': 'ok',
      'list search no hit': 'ok',
      'change status legal': 'ok',
      'change status stale version': 'CONFLICT',
      'change status illegal': 'INVALID_TRANSITION',
      'change status doctor only': 'FORBIDDEN',
      'add activity': 'ok',
      'get after changes': 'ok',
      'worklist mine': 'ok',
      'worklist all': 'ok',
      'unknown method': 'UNKNOWN_METHOD',
      'prototype key as method': 'UNKNOWN_METHOD',
      'validation error': 'VALIDATION',
      'extra key on strict input': 'VALIDATION',
      'sign out coordinator': 'ok',
      'status after sign out': 'ok',
    });
    // The search found the inquiry, and the timeline grew by the status change and the call.
    expect(direct.get('list with search')).toMatchObject({
      ok: true,
      value: { total: 1, rows: [{ patientName: 'Otto Testcase' }] },
    });
    expect(direct.get('list search no hit')).toMatchObject({ ok: true, value: { total: 0, rows: [] } });
    const timeline = (label: string) => (valueOf(direct, label).timeline as unknown[]).length;
    expect(timeline('get after changes')).toBe(timeline('get') + 2);
  });
});
