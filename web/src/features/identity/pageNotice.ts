/**
 * A sentence handed to the next page through the history entry (after a password reset, the log-in page says
 * it worked), so it survives neither a new tab nor a shared link.
 */
type PageState = { notice?: string; recoveryCodesLeft?: number };

export const withNotice = (notice: string) => ({ state: { notice } satisfies PageState });
export const withRecoveryCodesLeft = (recoveryCodesLeft: number) => ({
  state: { recoveryCodesLeft } satisfies PageState,
});

/** The state the current history entry was opened with, read once when a page mounts. */
export function pageState(): PageState {
  const state: unknown = window.history.state;
  if (typeof state !== 'object' || state === null) return {};
  const { notice, recoveryCodesLeft } = state as Record<string, unknown>;
  return {
    ...(typeof notice === 'string' ? { notice } : {}),
    ...(typeof recoveryCodesLeft === 'number' ? { recoveryCodesLeft } : {}),
  };
}
