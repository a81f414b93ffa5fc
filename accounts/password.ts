/** Password hashing: argon2id with the OWASP-recommended minimum (19 MiB, t=2, p=1). */

import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2's Algorithm is a const enum; 2 = Argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Minimum length for passwords that users or admins set. */
export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return Promise.reject(new Error(`passwords need at least ${MIN_PASSWORD_LENGTH} characters`));
  }
  return hash(password, OPTIONS);
}

/** True when `password` matches the argon2 `passwordHash`; false for malformed hashes. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Burns the same time as a real check, so unknown emails are not revealed by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hash("gibbs-dummy-password", OPTIONS);
  await verifyPassword(await dummy, password);
  return false;
}
