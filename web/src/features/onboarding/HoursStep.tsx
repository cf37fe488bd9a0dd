import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { timeZoneDisplayName } from '../../lib/timeZones';
import { weekdayNames } from '../../lib/zonedTime';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { listSchedules, schedulesKey, type Availability } from '../availability/api';
import { useUpdateOnboarding } from './useOnboarding';

const dayNames = weekdayNames(1, 'long');

/** The weekly hours as lines a person reads: "Monday: 09:00–17:00". */
function weeklyLines(availability: Availability) {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const hours = availability.weekly.filter((w) => w.weekday === weekday).map((w) => `${w.start}–${w.end}`);
    return { weekday, name: dayNames[weekday - 1]!, hours: hours.length ? hours.join(', ') : 'Unavailable' };
  });
}

/** Step 2: the hours people can book, Monday to Friday 09:00–17:00 until the host changes them. */
export function HoursStep({ done }: { done: boolean }) {
  const onboarding = useUpdateOnboarding();
  // The default schedule: the hours every meeting type follows unless the host picks another.
  const availability = useQuery({
    queryKey: schedulesKey,
    queryFn: ({ signal }) => listSchedules(signal),
    select: (schedules) => schedules.find((s) => s.isDefault) ?? schedules[0]!,
  });
  if (availability.isPending) return <LoadingBlock label="Loading your hours…" rows={2} />;
  if (availability.isError)
    return <LoadError what="your hours" error={availability.error} onRetry={() => availability.refetch()} />;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        People can book you in these hours ({timeZoneDisplayName(availability.data.timeZone)}):
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {weeklyLines(availability.data).map((line) => (
          <div key={line.weekday} className="contents">
            <dt className="font-medium text-slate-900">{line.name}</dt>
            <dd className={line.hours === 'Unavailable' ? 'text-slate-500' : 'text-slate-700 tabular-nums'}>
              {line.hours}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button
          variant={done ? 'secondary' : 'primary'}
          pending={onboarding.isPending}
          onClick={() => onboarding.mutate({ done: 'availability' })}
        >
          Keep these hours
        </Button>
        <Link
          href="/availability"
          className={`inline-flex min-h-10 items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50 ${focusRing}`}
        >
          Change hours
        </Link>
      </div>
      {onboarding.isError && <Alert>Could not save this step. {onboarding.error.message}</Alert>}
    </div>
  );
}
