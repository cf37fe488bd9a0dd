import type { Database } from '../../db/client.js';
import type { Onboarding } from '../../db/schema/stored-json.js';
import type { Clock } from '../../lib/clock.js';
import { invalid, notFound } from '../../lib/errors.js';
import { onboardingRepo } from './onboarding.repo.js';
import type { OnboardingPatch, OnboardingStep, OnboardingView } from './schemas.js';

export type OnboardingDeps = {
  db: Database;
  clock: Clock;
  /**
   * The guide's steps on this server, in order. A step joins only once its feature exists (connecting a
   * calendar, issue 13), so nobody is sent to a dead end and no host stays unfinished for want of it.
   */
  steps: readonly OnboardingStep[];
};

/**
 * The first-run guide of a new host: which steps are done, and whether it was put away or finished. Every step
 * is recorded when the host does it in the guide (confirming the default hours counts as much as changing them),
 * so the state is one column and answers without asking other modules.
 */
export function createOnboarding(deps: OnboardingDeps) {
  const { db, clock, steps } = deps;

  function view(stored: Onboarding): OnboardingView {
    return {
      steps: [...steps],
      done: steps.filter((step) => stored.done?.includes(step)),
      dismissedAt: stored.dismissedAt ?? null,
      finishedAt: stored.finishedAt ?? null,
    };
  }

  function apply(current: Onboarding, patch: OnboardingPatch, now: string): Onboarding {
    const done = new Set(current.done);
    if (patch.done) done.add(patch.done);
    const next: Onboarding = { ...current, done: steps.filter((step) => done.has(step)) };
    if (patch.dismissed === true) next.dismissedAt = current.dismissedAt ?? now;
    if (patch.dismissed === false) delete next.dismissedAt;
    if (!next.finishedAt && steps.every((step) => done.has(step))) next.finishedAt = now;
    return next;
  }

  return {
    async get(userId: string): Promise<OnboardingView> {
      const stored = await onboardingRepo.find(db, userId);
      if (!stored) throw notFound('The user');
      return view(stored);
    },

    async update(userId: string, patch: OnboardingPatch): Promise<OnboardingView> {
      if (patch.done && !steps.includes(patch.done))
        throw invalid({ done: 'This step is not part of the guide on this server yet.' });
      const now = clock().toISOString();
      const stored = await onboardingRepo.change(db, userId, (current) => apply(current, patch, now));
      if (!stored) throw notFound('The user');
      return view(stored);
    },
  };
}
export type OnboardingService = ReturnType<typeof createOnboarding>;
