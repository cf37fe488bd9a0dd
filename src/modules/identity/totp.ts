import { generateSecret, generateURI, verify } from 'otplib';

const ISSUER = 'TuskHub Meetings';

export function newTotpSecret(accountEmail: string) {
  const secret = generateSecret();
  return { secret, otpauthUrl: generateURI({ issuer: ISSUER, label: accountEmail, secret }) };
}

/**
 * Accepts the current code and the one before it (clock drift), never a time step at or before the last
 * accepted one, so an observed code cannot be replayed. Returns the accepted time step or null.
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  try {
    const result = await verify({
      secret,
      token: code,
      epochTolerance: [30, 0],
      ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // otplib throws when the stored step lies in the future (a clock moved back): treat as not accepted.
    return null;
  }
}
