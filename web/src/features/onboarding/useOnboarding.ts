import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchOnboarding, onboardingKey, updateOnboarding, type Onboarding } from './api';

export function useOnboarding() {
  return useQuery({ queryKey: onboardingKey, queryFn: ({ signal }) => fetchOnboarding(signal) });
}

/** Marks a step done, skips the guide or resumes it; the answer is the new state. */
export function useUpdateOnboarding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOnboarding,
    onSuccess: (onboarding) => queryClient.setQueryData(onboardingKey, onboarding),
  });
}

/** "2 of 3": the steps done out of those the guide has on this server. */
export const progressOf = (o: Onboarding) => `${o.done.length} of ${o.steps.length}`;
export const isOpen = (o: Onboarding) => o.finishedAt === null;
