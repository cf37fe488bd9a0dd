import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { listSchedules, schedulesKey, type Schedule } from '../../features/availability/api';
import { AvailabilityEditor } from '../../features/availability/AvailabilityEditor';
import { ScheduleActions } from '../../features/availability/ScheduleActions';
import { scheduleHref, ScheduleList } from '../../features/availability/ScheduleList';
import { ScheduleNameDialog } from '../../features/availability/ScheduleNameDialog';
import { useScheduleChanges } from '../../features/availability/useScheduleChanges';
import { Button } from '../../ui/Button';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { Notice } from '../../ui/Notice';
import { SectionHeader } from './SectionHeader';

const WORKDAYS = [1, 2, 3, 4, 5];

/** The host's schedules, and the hours of the one chosen (`?schedule=<id>`; the default when none is). */
export function AvailabilityPage() {
  const schedules = useQuery({ queryKey: schedulesKey, queryFn: ({ signal }) => listSchedules(signal) });
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const changes = useScheduleChanges();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const list = schedules.data ?? [];
  const fallback = list.find((s) => s.isDefault) ?? list[0];
  const chosen = list.find((s) => s.id === params.get('schedule')) ?? fallback;

  const open = (schedule: Schedule) => {
    setNotice(undefined);
    navigate(scheduleHref(schedule.id));
  };
  const closeCreate = () => {
    setCreating(false);
    changes.create.reset();
  };

  return (
    <>
      <SectionHeader
        title="Availability"
        description="The hours people can book you. Each meeting type follows the default schedule unless you choose another."
        actions={fallback && <Button onClick={() => setCreating(true)}>New schedule</Button>}
      />
      {schedules.isPending ? (
        <LoadingBlock label="Loading your schedules…" rows={4} />
      ) : schedules.isError ? (
        <LoadError what="your schedules" error={schedules.error} onRetry={() => schedules.refetch()} />
      ) : (
        chosen &&
        fallback && (
          <>
            {notice && <Notice tone="success">{notice}</Notice>}
            <ScheduleList schedules={list} chosenId={chosen.id} />
            <section aria-labelledby="schedule-heading" className="space-y-6 border-t border-slate-200 pt-6">
              <ScheduleActions
                schedule={chosen}
                defaultName={fallback.name}
                changes={changes}
                onCopied={open}
                onDone={(message) => {
                  setNotice(message);
                  navigate('/availability', { replace: true });
                }}
              />
              <AvailabilityEditor key={chosen.id} initial={chosen} />
            </section>
          </>
        )
      )}
      <ScheduleNameDialog
        open={creating}
        title="New schedule"
        submitLabel="Create schedule"
        initialName=""
        hint="It starts with Monday to Friday, 09:00–17:00; change the hours once it is made."
        pending={changes.create.isPending}
        error={changes.create.error}
        onClose={closeCreate}
        onSubmit={(name) =>
          changes.create.mutate(
            {
              name,
              timeZone: fallback?.timeZone ?? 'UTC',
              weekly: WORKDAYS.map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
              overrides: [],
            },
            {
              onSuccess: (created) => {
                closeCreate();
                open(created);
              },
            },
          )
        }
      />
    </>
  );
}
