import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meetingTypesKey } from '../meetingTypes/api';
import { createSchedule, deleteSchedule, patchSchedule, schedulesKey, type Schedule, type ScheduleInput } from './api';

/**
 * The changes the schedules page makes, each keeping the cached list in step. Making a default or deleting
 * changes other schedules (and the types that follow them), so those refetch the list as well.
 */
export function useScheduleChanges() {
  const queryClient = useQueryClient();
  const replace = (schedule: Schedule) =>
    queryClient.setQueryData<Schedule[]>(schedulesKey, (list) =>
      list?.map((s) => (s.id === schedule.id ? schedule : s)),
    );
  const refetch = () => {
    void queryClient.invalidateQueries({ queryKey: schedulesKey });
    void queryClient.invalidateQueries({ queryKey: meetingTypesKey });
  };

  return {
    create: useMutation({
      mutationFn: (input: ScheduleInput) => createSchedule(input),
      onSuccess: (created) => queryClient.setQueryData<Schedule[]>(schedulesKey, (list) => list && [...list, created]),
    }),
    rename: useMutation({
      mutationFn: ({ id, name }: { id: string; name: string }) => patchSchedule(id, { name }),
      onSuccess: replace,
    }),
    makeDefault: useMutation({
      mutationFn: (id: string) => patchSchedule(id, { isDefault: true }),
      onSuccess: refetch,
    }),
    remove: useMutation({
      mutationFn: (id: string) => deleteSchedule(id),
      // Dropped from the cache at once, so the list never shows a schedule the page says is deleted.
      onSuccess: (_moved, id) => {
        queryClient.setQueryData<Schedule[]>(schedulesKey, (list) => list?.filter((s) => s.id !== id));
        refetch();
      },
    }),
  };
}
export type ScheduleChanges = ReturnType<typeof useScheduleChanges>;
