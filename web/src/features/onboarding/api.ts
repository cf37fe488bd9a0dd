import type { MeResponse, OnboardingPatchRequest, OnboardingResponse } from '../../../../src/modules/identity/schemas';
import { api } from '../../lib/api';

export type { OnboardingStep, OnboardingView as Onboarding } from '../../../../src/modules/identity/schemas';

/** Not under the "me" key: logging out drops every query but that one, and this state belongs to the user. */
export const onboardingKey = ['onboarding'] as const;

export async function fetchOnboarding(signal?: AbortSignal) {
  const { onboarding } = await api.get<MeResponse>('/api/me', { signal });
  return onboarding;
}

export async function updateOnboarding(patch: OnboardingPatchRequest) {
  const { onboarding } = await api.patch<OnboardingResponse>('/api/me/onboarding', patch);
  return onboarding;
}
