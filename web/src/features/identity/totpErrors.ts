import { ApiError } from '../../lib/api';

/** The server's answer to a code, in the words of the settings page. */
export function codeError(error: Error | null): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.code === 'totp_invalid') return 'That code is not valid. Try the next one.';
  if (error instanceof ApiError && error.code === 'recovery_code_invalid')
    return 'This code is not one of yours, or it was used already.';
  return error.message;
}
