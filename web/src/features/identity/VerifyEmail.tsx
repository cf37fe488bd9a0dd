import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../lib/api';
import { Alert } from '../../ui/Alert';
import { Notice } from '../../ui/Notice';
import { Spinner } from '../../ui/Spinner';
import { TextLink } from '../../ui/TextLink';
import { verifyEmail } from './accountApi';
import { meQueryKey } from './useSession';

/** Uses the token from the e-mailed link as soon as the page opens: following the link is the confirmation. */
export function VerifyEmail({ token }: { token: string | null }) {
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  // The link works once: a second request (React runs effects twice in development) would find it used.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);

  if (!token || verify.isError) {
    const dead = !token || (verify.error instanceof ApiError && verify.error.code === 'verification_link_invalid');
    return (
      <div className="space-y-4">
        <Alert>
          {dead
            ? 'This link does not work any more. Links work once, for 24 hours, and a newer link turns older ones off.'
            : `Could not confirm your address. ${verify.error?.message ?? ''}`}
        </Alert>
        <p className="text-sm text-slate-700">For a new link, log in: your dashboard offers to send one.</p>
      </div>
    );
  }
  if (!verify.data) return <Spinner label="Confirming your address…" />;
  return (
    <div className="space-y-4">
      <Notice tone="success">Your address is confirmed. Your booking pages are live.</Notice>
      <p className="text-sm text-slate-700">
        {verify.data.signedIn ? (
          <TextLink href="/dashboard">Go to your dashboard</TextLink>
        ) : (
          <>
            Two-factor authentication is on for your account, so <TextLink href="/login">log in</TextLink> with your
            code to continue.
          </>
        )}
      </p>
    </div>
  );
}
