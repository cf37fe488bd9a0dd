import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { accountTokens, signupInvitations } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';

type Executor = Database | Tx;
export type AccountTokenPurpose = (typeof accountTokens.purpose.enumValues)[number];

/**
 * One-time links: password resets and address verifications (account_tokens) and sign-up invitations. Each is
 * looked up by the SHA-256 of its token; "using" one is a guarded UPDATE, so of two requests racing with one
 * link exactly one gets it. Functions take the executor, so a caller can make them part of its transaction.
 */
export const accountTokensRepo = {
  /** Stores a new link and voids the user's unused ones of the same purpose: only the newest link works. */
  async issue(
    q: Executor,
    t: { userId: string; purpose: AccountTokenPurpose; tokenHash: string; expiresAt: Date; now: Date },
  ) {
    await q
      .update(accountTokens)
      .set({ usedAt: t.now })
      .where(
        and(eq(accountTokens.userId, t.userId), eq(accountTokens.purpose, t.purpose), isNull(accountTokens.usedAt)),
      );
    await q.insert(accountTokens).values({
      userId: t.userId,
      purpose: t.purpose,
      tokenHash: t.tokenHash,
      expiresAt: t.expiresAt,
      createdAt: t.now,
    });
  },

  /**
   * Serialises the transactions that count and issue one user's links until they commit, so two requests (or
   * two workers) cannot both see room under the hourly cap and both send.
   */
  async lockUser(q: Executor, userId: string) {
    await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`account-links:${userId}`}))`);
  },

  /** How many links of this purpose the user was given since `since` (used ones and voided ones too). */
  async countSince(q: Executor, userId: string, purpose: AccountTokenPurpose, since: Date): Promise<number> {
    const [row] = await q
      .select({ n: sql<number>`count(*)::int` })
      .from(accountTokens)
      .where(
        and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), gt(accountTokens.createdAt, since)),
      );
    return row?.n ?? 0;
  },

  /** The user whose link this is, if it still works; it stays unused. */
  async findUsable(q: Executor, tokenHash: string, purpose: AccountTokenPurpose, now: Date) {
    const [row] = await q
      .select({ userId: accountTokens.userId })
      .from(accountTokens)
      .where(usable(tokenHash, purpose, now));
    return row?.userId;
  },

  /**
   * Uses a link: answers its user once, undefined when it does not work (unknown, used, replaced or expired).
   * The user's other links of that purpose stop working too.
   */
  async use(q: Executor, tokenHash: string, purpose: AccountTokenPurpose, now: Date): Promise<string | undefined> {
    const [row] = await q
      .update(accountTokens)
      .set({ usedAt: now })
      .where(usable(tokenHash, purpose, now))
      .returning({ userId: accountTokens.userId });
    if (!row) return undefined;
    await q
      .update(accountTokens)
      .set({ usedAt: now })
      .where(
        and(eq(accountTokens.userId, row.userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)),
      );
    return row.userId;
  },

  /** A new invitation to this (lower-cased) address; earlier unused ones to it stop working. */
  async invite(q: Executor, i: { email: string; tokenHash: string; expiresAt: Date; now: Date }) {
    await q
      .update(signupInvitations)
      .set({ usedAt: i.now })
      .where(and(eq(signupInvitations.email, i.email), isNull(signupInvitations.usedAt)));
    await q
      .insert(signupInvitations)
      .values({ email: i.email, tokenHash: i.tokenHash, expiresAt: i.expiresAt, createdAt: i.now });
  },

  async invitationUsable(q: Executor, tokenHash: string, email: string, now: Date): Promise<boolean> {
    const [row] = await q
      .select({ id: signupInvitations.id })
      .from(signupInvitations)
      .where(invitation(tokenHash, email, now));
    return !!row;
  },

  /** Uses an invitation for the account just made with it; false when it does not work (any more). */
  async useInvitation(q: Executor, tokenHash: string, email: string, userId: string, now: Date): Promise<boolean> {
    const rows = await q
      .update(signupInvitations)
      .set({ usedAt: now, userId })
      .where(invitation(tokenHash, email, now))
      .returning({ id: signupInvitations.id });
    return rows.length === 1;
  },
};

const usable = (tokenHash: string, purpose: AccountTokenPurpose, now: Date) =>
  and(
    eq(accountTokens.tokenHash, tokenHash),
    eq(accountTokens.purpose, purpose),
    isNull(accountTokens.usedAt),
    gt(accountTokens.expiresAt, now),
  );

const invitation = (tokenHash: string, email: string, now: Date) =>
  and(
    eq(signupInvitations.tokenHash, tokenHash),
    eq(signupInvitations.email, email),
    isNull(signupInvitations.usedAt),
    gt(signupInvitations.expiresAt, now),
  );
