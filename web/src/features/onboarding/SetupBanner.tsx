import { Link } from 'wouter';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { focusRing } from '../../ui/focusRing';
import { isOpen, progressOf, useOnboarding, useUpdateOnboarding } from './useOnboarding';

/** On the dashboard's home while the guide is neither finished nor skipped: where it is, and the way back in. */
export function SetupBanner() {
  const onboarding = useOnboarding();
  const update = useUpdateOnboarding();
  const o = onboarding.data;
  if (!o || !isOpen(o) || o.dismissedAt !== null) return null;
  return (
    <section
      aria-labelledby="setup-banner-heading"
      className="space-y-3 rounded-xl bg-indigo-50 p-4 ring-1 ring-indigo-200 sm:p-5"
    >
      <div>
        <h2 id="setup-banner-heading" className="text-base font-semibold text-indigo-950">
          Get ready to take bookings
        </h2>
        <p className="mt-1 text-sm text-indigo-950">
          {progressOf(o)} steps done. A few minutes: check your username and time zone, your hours, and share your first
          booking link.
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Link
          href="/setup"
          className={`inline-flex min-h-10 items-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-indigo-500 ${focusRing}`}
        >
          {o.done.length === 0 ? 'Start setting up' : 'Continue setting up'}
        </Link>
        <Button variant="secondary" pending={update.isPending} onClick={() => update.mutate({ dismissed: true })}>
          Skip for now
        </Button>
      </div>
      {update.isError && <Alert>Could not put the guide away. {update.error.message}</Alert>}
    </section>
  );
}
