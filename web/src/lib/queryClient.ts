import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Asking again will not change a 4xx answer; only network and server failures are worth retrying.
      retry: (failureCount, error) => failureCount < 2 && !isClientError(error),
    },
  },
});
