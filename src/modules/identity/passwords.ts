import argon2 from 'argon2';

/** OWASP's argon2id baseline (19 MiB, 2 passes) keeps login under ~50 ms on a small server. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

/** Verifying against this when the e-mail is unknown makes both failures take the same time. */
const decoyHash = hashPassword('decoy-password-for-unknown-accounts');

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash ?? (await decoyHash), password);
  } catch {
    return false;
  }
}
