import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { authPolicyKey, fetchAuthPolicy } from '../features/identity/accountApi';
import { SignupForm } from '../features/identity/SignupForm';
import { Notice } from '../ui/Notice';
import { Spinner } from '../ui/Spinner';
import { TextLink } from '../ui/TextLink';
import { AuthLayout } from './AuthLayout';

const loginFooter = (
  <>
    Already have an account? <TextLink href="/login">Log in</TextLink>
  </>
);

/**
 * Sign-up as this server allows it (SIGNUP): open, by invitation (/signup?invite=…) or closed. The server still
 * decides; asking first only spares people a form they cannot send.
 */
export function SignupPage() {
  const [search] = useSearchParams();
  const invite = search.get('invite') ?? undefined;
  const policy = useQuery({ queryKey: authPolicyKey, queryFn: ({ signal }) => fetchAuthPolicy(signal) });
  const [inbox, setInbox] = useState<string | null>(null);

  if (inbox)
    return (
      <AuthLayout title="Check your inbox" footer={loginFooter}>
        <div className="space-y-4 text-sm text-slate-700">
          <Notice tone="success">We sent an e-mail to {inbox} with the next step.</Notice>
          <p>
            Open the link in it to confirm your address and finish setting up. It works for 24 hours. If this address
            has an account already, the e-mail says so and how to get back in.
          </p>
          <p>Nothing after a few minutes? Look in your spam folder.</p>
        </div>
      </AuthLayout>
    );
  if (policy.isPending)
    return (
      <AuthLayout title="Create your account" footer={loginFooter}>
        <Spinner label="Loading…" />
      </AuthLayout>
    );
  if (policy.data?.signup === 'closed')
    return (
      <AuthLayout title="Sign-up is closed" footer={loginFooter}>
        <p className="text-sm text-slate-700">
          This server does not take sign-ups. Ask the people who run it to make you an account.
        </p>
      </AuthLayout>
    );
  if (policy.data?.signup === 'invite' && !invite)
    return (
      <AuthLayout title="Sign-up is by invitation" footer={loginFooter}>
        <p className="text-sm text-slate-700">
          To create an account here you need an invitation link. Ask the people who run this server for one, then open
          the link they send you.
        </p>
      </AuthLayout>
    );
  return (
    <AuthLayout title="Create your account" footer={loginFooter}>
      {invite && policy.data?.signup === 'invite' && (
        <div className="mb-5">
          <Notice>You were invited. Sign up with the e-mail address the invitation was sent to.</Notice>
        </div>
      )}
      <SignupForm invite={invite} onCheckInbox={setInbox} />
    </AuthLayout>
  );
}
