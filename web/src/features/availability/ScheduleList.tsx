import { Link } from 'wouter';
import { timeZoneLabel } from '../../lib/timeZones';
import { localePrefersHour12 } from '../../lib/zonedTime';
import { Badge } from '../../ui/Badge';
import { focusRing } from '../../ui/focusRing';
import type { Schedule } from './api';
import { weeklySummary } from './scheduleSummary';

export const scheduleHref = (id: string) => `/availability?${new URLSearchParams({ schedule: id }).toString()}`;

const usedBy = (n: number) => (n === 0 ? 'No meeting types' : `${n} meeting ${n === 1 ? 'type' : 'types'}`);

/** The host's schedules as cards; choosing one opens it in the editor below. */
export function ScheduleList({ schedules, chosenId }: { schedules: Schedule[]; chosenId: string }) {
  const hour12 = localePrefersHour12();
  return (
    <nav aria-label="Schedules">
      <ul className="grid gap-3 sm:grid-cols-2">
        {schedules.map((schedule) => {
          const chosen = schedule.id === chosenId;
          return (
            <li key={schedule.id}>
              <Link
                href={scheduleHref(schedule.id)}
                aria-current={chosen ? 'true' : undefined}
                className={`block h-full rounded-xl bg-white p-4 shadow-sm ring-1 ${focusRing} ${
                  chosen ? 'ring-2 ring-indigo-600' : 'ring-slate-200 hover:ring-slate-300'
                }`}
              >
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold wrap-anywhere text-slate-900">{schedule.name}</span>
                  {schedule.isDefault && <Badge tone="indigo">Default</Badge>}
                </span>
                <span className="mt-1 block text-sm text-slate-700">{weeklySummary(schedule.weekly, hour12)}</span>
                <span className="mt-1 block text-sm text-slate-600">
                  {timeZoneLabel(schedule.timeZone)} · {usedBy(schedule.meetingTypeCount)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
