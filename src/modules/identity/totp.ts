const ISSUER = 'TuskHub Meetings';

// otplib (with its hash library) is loaded by the first two-factor step, not at start-up: most requests and
// many accounts never use it.
const otplib = () => import('otplib');

export async function newTotpSecret(accountEmail: string) {
  const { generateSecret, generateURI } = await otplib();
  const secret = generateSecret();
  return { secret, otpauthUrl: generateURI({ issuer: ISSUER, label: accountEmail, secret }) };
}

/**
 * Accepts the current code and the one before it (clock drift), never a time step at or before the last
 * accepted one, so an observed code cannot be replayed. Returns the accepted time step or null.
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  const { verify } = await otplib();
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
