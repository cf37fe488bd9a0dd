import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { randomUuid } from '../../lib/uuid';
import { book, type BookInput, type Booking } from './api';

/**
 * Books with one idempotency key per attempt: sending the same request again (a retry after a lost answer)
 * reuses its key, so it never books twice; a booking made, or a new request, gets a new key.
 */
export function useBookWithKey() {
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const mutation = useMutation({
    mutationFn: ({ input, key }: { input: BookInput; key: string }) => book(input, key),
  });

  function submit(
    input: BookInput,
    handlers: { onSuccess: (booking: Booking) => void; onError: (error: Error) => void },
  ) {
    const body = JSON.stringify(input);
    if (attempt.current?.body !== body) attempt.current = { body, key: randomUuid() };
    mutation.mutate(
      { input, key: attempt.current.key },
      {
        onSuccess: (booking) => {
          attempt.current = null;
          handlers.onSuccess(booking);
        },
        onError: handlers.onError,
      },
    );
  }

  return {
    submit,
    /** The attempt cannot succeed as sent (its time is gone): the next submit is a new booking. */
    forgetAttempt: () => {
      attempt.current = null;
    },
    isPending: mutation.isPending,
    isSuccess: mutation.isSuccess,
    reset: mutation.reset,
  };
}
