// The child of the kill -9 loop: opens a data folder the way the app does, writes patients through the core's commands
// and prints each id only after its command has returned (an acknowledged write), until it is killed.
import { dispatch } from '../../db/api/dispatch';
import { bootstrap } from '../../db/app/bootstrap';
import { countAccounts } from '../../db/repos/accounts';
import { silentLogger } from '../../db/services/core';
import { patientInput } from '../core/support';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-writer <data folder>');
const PASSWORD = 'crash-loop-password-1';

const { core } = await bootstrap({ dataDir, log: silentLogger, checkOutputs: false, passwordLog2N: 10 });
const session = { token: null as string | null };
const call = async (method: string, input: unknown): Promise<unknown> => {
  const r = await dispatch(core, session, method, input);
  if (!r.ok) throw new Error(`${method} refused: ${r.error.code} ${r.error.message}`);
  return r.value;
};
// Patients are made by staff, not admins: the first start sets up the admin, who makes the coordinator who writes.
if (countAccounts(core.db) === 0) {
  await call('auth.setupAdmin', { username: 'admin', displayName: 'Crash Admin', password: PASSWORD });
  const coordinator = { username: 'coord', displayName: 'Crash Coordinator', role: 'coordinator', password: PASSWORD };
  await call('accounts.create', coordinator);
  session.token = null;
}
await call('auth.signIn', { username: 'coord', password: PASSWORD });
process.stdout.write('ready\n');

// Names made of letters only, different on every write (the same-person rules would hold back a repeated name).
const letters = (n: number): string => {
  let s = '';
  for (let v = n; ; v = Math.floor(v / 26) - 1) {
    s = String.fromCharCode(97 + (v % 26)) + s;
    if (v < 26) break;
  }
  return s;
};
const base = Number(process.argv[3] ?? 0);
for (let i = 0; ; i += 1) {
  const tag = letters(base + i);
  const created = (await call(
    'patients.create',
    patientInput({ familyName: `Crash${tag}`, givenName: `Writer${tag}`, nativeName: null, passportNumber: null }),
  )) as { id: number };
  process.stdout.write(`ack ${created.id}\n`);
}
