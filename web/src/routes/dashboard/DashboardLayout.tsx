import type { ReactNode } from 'react';
import { Link, Redirect, useRoute } from 'wouter';
import type { User } from '../../features/identity/api';
import { RecoveryCodesNotice } from '../../features/identity/RecoveryCodesNotice';
import { VerifyEmailBanner } from '../../features/identity/VerifyEmailBanner';
import { SetupBanner } from '../../features/onboarding/SetupBanner';
import { useLogout, useMe } from '../../features/identity/useSession';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { focusRing } from '../../ui/focusRing';
import { Spinner } from '../../ui/Spinner';
import { Wordmark } from '../../ui/Wordmark';
import { DashboardNav } from './DashboardNav';
import { dashboardHref } from './dashboardSections';

/** The signed-in frame: top bar, section nav and main area. Sends visitors without a session to /login. */
export function DashboardLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  // Data first: a failed background refetch keeps the last user, and the page should stay usable.
  if (me.data) return <SignedInFrame user={me.data}>{children}</SignedInFrame>;
  if (me.data === null) return <Redirect to="~/login" replace />;
  return (
    <main className="grid min-h-dvh place-items-center px-4">
      {me.isError ? (
        <div className="w-full max-w-md space-y-4">
          <Alert>Could not load your account. {me.error.message}</Alert>
          <Button variant="secondary" onClick={() => me.refetch()}>
            Try again
          </Button>
        </div>
      ) : (
        <Spinner label="Loading your account…" />
      )}
    </main>
  );
}

function SignedInFrame({ user, children }: { user: User; children: ReactNode }) {
  const logout = useLogout();
  const [home] = useRoute('/');
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className={`sr-only rounded-md bg-white px-3 py-2 text-sm font-semibold focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-10 ${focusRing}`}
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4 sm:px-6">
          <Link href={dashboardHref('/')} className={`shrink-0 rounded-sm ${focusRing}`}>
            <Wordmark />
          </Link>
          <div className="ml-auto flex min-w-0 items-center gap-3">
            <span className="truncate text-sm text-slate-700">{user.name}</span>
            <Button variant="secondary" pending={logout.isPending} onClick={() => logout.mutate()} className="shrink-0">
              Log out
            </Button>
          </div>
        </div>
      </header>
      <div className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 md:flex md:gap-10 md:py-10">
        <div className="md:w-52 md:shrink-0">
          <DashboardNav />
        </div>
        {/* tabIndex lets the skip link move focus here; the outline is dropped because main is not a control. */}
        <main id="main" tabIndex={-1} className="mt-6 min-w-0 flex-1 space-y-6 outline-none md:mt-0">
          {logout.isError && <Alert>Could not log out. {logout.error.message}</Alert>}
          <RecoveryCodesNotice />
          <VerifyEmailBanner user={user} />
          {home && <SetupBanner />}
          {children}
        </main>
      </div>
    </div>
  );
}
