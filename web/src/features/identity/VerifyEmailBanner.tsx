import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { authPolicyKey, fetchAuthPolicy, resendVerification } from './accountApi';
import type { User } from './api';
import { meQueryKey } from './useSession';

/**
 * Tells a host whose address is not verified yet that, while this server requires it, nobody can book them. The
 * server limits how often the link is sent again and says so; that sentence is shown as it is.
 */
export function VerifyEmailBanner({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const policy = useQuery({
    queryKey: authPolicyKey,
    queryFn: ({ signal }) => fetchAuthPolicy(signal),
    enabled: !user.emailVerified,
    staleTime: Infinity,
  });
  const resend = useMutation({
    mutationFn: resendVerification,
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'email_already_verified')
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
  if (user.emailVerified || policy.data?.emailVerification !== 'required') return null;

  return (
    <section
      aria-labelledby="verify-email-heading"
      className="space-y-3 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950 sm:p-5"
    >
      <h2 id="verify-email-heading" className="font-semibold">
        Verify your address: your booking pages are hidden until you do.
      </h2>
      <p>
        Open the link we e-mailed to <span className="font-medium break-all">{user.email}</span>. Nothing there? We can
        send a new one; older links then stop working.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" pending={resend.isPending} onClick={() => resend.mutate()}>
          Send a new link
        </Button>
        {resend.isSuccess && (
          <p role="status" className="font-medium">
            {resend.data.message}
          </p>
        )}
      </div>
      {resend.isError && <Alert>{resend.error.message}</Alert>}
    </section>
  );
}
