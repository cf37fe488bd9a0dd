import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { listSchedules, schedulesKey } from '../../features/availability/api';
import { useMe } from '../../features/identity/useSession';
import { listMeetingTypes, meetingTypesKey } from '../../features/meetingTypes/api';
import { EmptyState } from '../../ui/EmptyState';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { linkButton, MeetingTypeRow } from './MeetingTypeRow';
import { SectionHeader } from './SectionHeader';

export function MeetingTypesPage() {
  const types = useQuery({ queryKey: meetingTypesKey, queryFn: ({ signal }) => listMeetingTypes(signal) });
  // Only to name the schedule of a type that has its own; the list shows without it.
  const schedules = useQuery({ queryKey: schedulesKey, queryFn: ({ signal }) => listSchedules(signal) });
  const scheduleNames = new Map((schedules.data ?? []).map((s) => [s.id, s.name]));
  const username = useMe().data?.username ?? '';

  return (
    <>
      <SectionHeader
        title="Meeting types"
        description="Each meeting type has its own booking link."
        actions={
          <Link href="/types/new" className={`${linkButton} bg-indigo-600 text-white shadow-xs hover:bg-indigo-500`}>
            New meeting type
          </Link>
        }
      />
      {username && (
        <p className="text-sm text-slate-700">
          Your profile page:{' '}
          <a
            href={`/${username}`}
            target="_blank"
            rel="noreferrer"
            className={`rounded-sm font-semibold text-indigo-700 underline underline-offset-2 ${focusRing}`}
          >
            {window.location.host}/{username}
          </a>
        </p>
      )}
      {types.isPending ? (
        <LoadingBlock label="Loading meeting types…" />
      ) : types.isError ? (
        <LoadError what="your meeting types" error={types.error} onRetry={() => types.refetch()} />
      ) : types.data.length === 0 ? (
        <EmptyState
          title="No meeting types yet"
          description="Create one, such as a 30-minute intro call, and share its link so people can book you."
        />
      ) : (
        <ul className="space-y-3">
          {types.data.map((type) => (
            <MeetingTypeRow
              key={type.id}
              type={type}
              username={username}
              scheduleName={type.scheduleId ? scheduleNames.get(type.scheduleId) : undefined}
            />
          ))}
        </ul>
      )}
    </>
  );
}
