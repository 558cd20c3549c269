// Password hashing with scrypt from node:crypto at OWASP's cost; parameters are stored with the hash.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** OWASP: N=2^17, r=8, p=1. Tests may lower log2N to stay fast; the stored hash always says what was used. */
export const DEFAULT_LOG2N = 17;
const R = 8;
const P = 1;
const KEY_LEN = 64;

/**
 * At most this many derivations at once (each holds 128·N·r bytes: 128 MiB at OWASP's cost). scrypt already runs on
 * libuv's pool, off the thread that answers calls; the cap keeps a burst of sign-ins from taking all of the pool's
 * four threads (file reads and writes share them) or gigabytes of memory. The rest wait their turn in order.
 */
export const MAX_CONCURRENT_HASHES = 2;
let active = 0;
let peak = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  // A finished derivation hands its slot straight to the next in line, so a newcomer cannot slip in between.
  if (active < MAX_CONCURRENT_HASHES) active += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  peak = Math.max(peak, active);
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }
}

/** How many derivations run now and at most since the last reset (tests of the cap). */
export const hashingLoad = (reset = false) => {
  const load = { active, waiting: waiting.length, peak };
  if (reset) peak = active;
  return load;
};

function derive(password: string, salt: Buffer, log2n: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2n;
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is below OWASP's cost, so raise it.
  const maxmem = 128 * N * r * 2 + 1024 * 1024;
  return withHashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, KEY_LEN, { N, r, p, maxmem }, (err, key) =>
          err ? reject(err) : resolve(key),
        );
      }),
  );
}

export async function hashPassword(password: string, log2n = DEFAULT_LOG2N): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, log2n, R, P);
  return ['scrypt', log2n, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !log2n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(log2n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export const hashParameters = (stored: string) => {
  const [, log2n, r, p] = stored.split('$');
  return { N: 2 ** Number(log2n), r: Number(r), p: Number(p) };
};
