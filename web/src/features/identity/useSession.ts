import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { forgetCsrfToken } from '../../lib/api';
import { fetchMe, login, logout, signup, type User } from './api';

export const meQueryKey = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => fetchMe(signal) });
}

function useStartSession() {
  const queryClient = useQueryClient();
  return (user: User) => {
    forgetCsrfToken();
    queryClient.setQueryData(meQueryKey, user);
  };
}

export function useSignup() {
  const startSession = useStartSession();
  return useMutation({ mutationFn: signup, onSuccess: startSession });
}

export function useLogin() {
  const startSession = useStartSession();
  return useMutation({ mutationFn: login, onSuccess: startSession });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      forgetCsrfToken();
      // Everything cached belonged to the user who just left; keep only the fact that nobody is signed in.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
