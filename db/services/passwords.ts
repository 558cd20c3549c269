// Password hashing with scrypt from node:crypto at OWASP's cost; parameters are stored with the hash.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** OWASP: N=2^17, r=8, p=1. Tests may lower log2N to stay fast; the stored hash always says what was used. */
export const DEFAULT_LOG2N = 17;
const R = 8;
const P = 1;
const KEY_LEN = 64;

function derive(password: string, salt: Buffer, log2n: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2n;
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is below OWASP's cost, so raise it.
  const maxmem = 128 * N * r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LEN, { N, r, p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
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
