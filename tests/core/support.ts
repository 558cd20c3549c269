// Test support for the core: a real SQLite core, signed-in callers by role, and a complete valid inquiry.
import { dispatch } from '../../db/api/dispatch';
import type { Envelope, InquiryFieldsInput, PatientFieldsInput, Role } from '../../db/contract';
import { openDatabase } from '../../db/sqlite/open';
import { type Clock, type Core, createCore, silentLogger } from '../../db/services/core';

export const PASSWORD = 'test-password-1';

export function makeCore(options: { path?: string; clock?: Clock; attachmentsDir?: string } = {}): Core {
  const { db } = openDatabase(options.path ?? ':memory:');
  return createCore(db, {
    passwordLog2N: 10,
    log: silentLogger,
    checkOutputs: true,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.attachmentsDir ? { attachmentsDir: options.attachmentsDir } : {}),
  });
}

export const fixedClock = (iso: string): Clock & { set(iso: string): void } => {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
};

export interface Caller {
  call(method: string, input?: unknown): Promise<Envelope<unknown>>;
  /** Calls and expects success; returns the value. */
  ok<T = unknown>(method: string, input?: unknown): Promise<T>;
  session: { token: string | null };
}

export function caller(core: Core): Caller {
  const session = { token: null as string | null };
  const call = (method: string, input: unknown = {}) => dispatch(core, session, method, input);
  return {
    session,
    call,
    ok: async <T>(method: string, input: unknown = {}) => {
      const r = await call(method, input);
      if (!r.ok) throw new Error(`${method} refused: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    },
  };
}

/** An admin, a coordinator and a doctor, each signed in on their own session. */
export async function staff(core: Core): Promise<Record<Role, Caller> & { ids: Record<Role, number> }> {
  const admin = caller(core);
  const setup = await admin.ok<{ id: number }>('auth.setupAdmin', {
    username: 'admin',
    displayName: 'Ada Admin',
    password: PASSWORD,
  });
  const coord = await admin.ok<{ id: number }>('accounts.create', {
    username: 'coord',
    displayName: 'Chen Coordinator',
    role: 'coordinator',
    password: PASSWORD,
  });
  const doc = await admin.ok<{ id: number }>('accounts.create', {
    username: 'doctor',
    displayName: 'Dr. Daria',
    role: 'doctor',
    password: PASSWORD,
  });
  const coordinator = caller(core);
  await coordinator.ok('auth.signIn', { username: 'coord', password: PASSWORD });
  const doctor = caller(core);
  await doctor.ok('auth.signIn', { username: 'doctor', password: PASSWORD });
  return { admin, coordinator, doctor, ids: { admin: setup.id, coordinator: coord.id, doctor: doc.id } };
}

export function inquiryInput(overrides: Partial<InquiryFieldsInput> = {}): InquiryFieldsInput {
  return {
    receivedAt: '2026-11-24T09:30:00.000Z',
    channel: 'web_form',
    contactName: 'Olga Sokolova',
    contactRelation: 'child',
    contactEmail: 'olga.sokolova@example.org',
    contactPhone: '+7 701 555 0142',
    messagingHandle: null,
    country: 'KZ',
    preferredLanguage: 'ru',
    patientName: 'Nikolai Sokolov',
    patientSex: 'male',
    patientBirthDate: '1958-04-12',
    patientAge: null,
    diagnosis: 'ischemic',
    strokeOnsetDate: '2025-09-03',
    symptoms: ['one_sided_weakness', 'walking'],
    conditions: ['hypertension'],
    conditionsOther: null,
    message: 'My father cannot walk without help.',
    heardAbout: 'A former patient',
    consentContact: true,
    consentDataProcessing: true,
    ownerId: null,
    nextFollowUp: null,
    ...overrides,
  };
}

export function patientInput(overrides: Partial<PatientFieldsInput> = {}): PatientFieldsInput {
  return {
    familyName: 'Sokolov',
    givenName: 'Nikolai',
    nativeName: 'Николай Соколов',
    sex: 'male',
    birthDate: '1958-04-12',
    nationality: 'KZ',
    languages: ['ru'],
    email: 'n.sokolov@example.org',
    phone: '+7 701 555 0142',
    messagingHandle: null,
    address: 'Almaty',
    emergencyName: 'Olga Sokolova',
    emergencyRelation: 'Daughter',
    emergencyPhone: '+7 701 555 0143',
    passportNumber: 'N1234567',
    strokeType: 'ischemic',
    strokeOnsetDate: '2025-09-03',
    lesionSide: 'left',
    lesionSite: 'MCA territory, basal ganglia',
    priorTreatments: 'Thrombolysis 2025-09-03',
    comorbidities: ['hypertension'],
    comorbiditiesOther: null,
    ecog: 2,
    asa: 2,
    healthNotes: null,
    ...overrides,
  };
}

export const auditCount = (core: Core): number =>
  (core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
