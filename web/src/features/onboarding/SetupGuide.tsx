import { useEffect } from 'react';
import { Link, useLocation } from 'wouter';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { Notice } from '../../ui/Notice';
import type { User } from '../identity/api';
import type { OnboardingStep } from './api';
import { GuideStep } from './GuideStep';
import { HoursStep } from './HoursStep';
import { LinkStep } from './LinkStep';
import { ProfileStep } from './ProfileStep';
import { isOpen, progressOf, useOnboarding, useUpdateOnboarding } from './useOnboarding';

/**
 * The first-run guide: username and zone, hours, first link copied, and connecting a calendar shown as coming
 * (calendars do not exist yet, so it is never counted). Opening it brings back a guide that was skipped.
 */
export function SetupGuide({ user }: { user: User }) {
  const [, navigate] = useLocation();
  const onboarding = useOnboarding();
  const update = useUpdateOnboarding();
  const current = onboarding.data;
  const resume = current && isOpen(current) && current.dismissedAt !== null;
  useEffect(() => {
    if (resume && update.isIdle) update.mutate({ dismissed: false });
  }, [resume, update]);

  if (onboarding.isPending) return <LoadingBlock label="Loading your set-up…" />;
  if (onboarding.isError)
    return <LoadError what="your set-up" error={onboarding.error} onRetry={() => onboarding.refetch()} />;
  const o = onboarding.data;
  const done = (step: OnboardingStep) => o.done.includes(step);
  const has = (step: OnboardingStep) => o.steps.includes(step);
  const percent = Math.round((o.done.length / o.steps.length) * 100);

  return (
    <>
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-700" id="setup-progress-label">
          {progressOf(o)} steps done
        </p>
        <div
          role="progressbar"
          aria-labelledby="setup-progress-label"
          aria-valuemin={0}
          aria-valuemax={o.steps.length}
          aria-valuenow={o.done.length}
          className="h-2 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
      </div>
      {!isOpen(o) && (
        <Notice tone="success">
          You are all set: people can book you now. Everything here stays in{' '}
          <Link href="/settings" className={`rounded-sm font-semibold underline ${focusRing}`}>
            Settings
          </Link>
          ,{' '}
          <Link href="/availability" className={`rounded-sm font-semibold underline ${focusRing}`}>
            Availability
          </Link>{' '}
          and your meeting types.
        </Notice>
      )}
      <ol className="space-y-4">
        <GuideStep number={1} title="Check your username and time zone" done={done('profile')}>
          <ProfileStep user={user} done={done('profile')} />
        </GuideStep>
        <GuideStep number={2} title="Review your hours" done={done('availability')}>
          <HoursStep done={done('availability')} />
        </GuideStep>
        <GuideStep number={3} title="Copy your first booking link" done={done('link')}>
          <LinkStep username={user.username} />
        </GuideStep>
        {!has('calendar') && (
          <GuideStep number={4} title="Connect a calendar" done={false} comingSoon>
            <p className="text-sm text-slate-600">
              Soon TuskHub will read your calendar so nobody books you when you are busy. Nothing to do here yet.
            </p>
          </GuideStep>
        )}
      </ol>
      {isOpen(o) && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="secondary"
            pending={update.isPending}
            onClick={() => update.mutate({ dismissed: true }, { onSuccess: () => navigate('~/dashboard') })}
          >
            Skip for now
          </Button>
          <p className="text-sm text-slate-600">“Finish setting up” in the menu brings you back.</p>
        </div>
      )}
      {update.isError && <Alert>Could not save that. {update.error.message}</Alert>}
    </>
  );
}
