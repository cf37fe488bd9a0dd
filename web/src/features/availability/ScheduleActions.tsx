import { useState } from 'react';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import type { Schedule } from './api';
import { ScheduleNameDialog } from './ScheduleNameDialog';
import type { ScheduleChanges } from './useScheduleChanges';

interface ScheduleActionsProps {
  schedule: Schedule;
  defaultName: string;
  changes: ScheduleChanges;
  /** A copy was made: the page opens it. */
  onCopied: (copy: Schedule) => void;
  /** What the page says once a change is done. */
  onDone: (message: string) => void;
}

const types = (n: number) => `${n} meeting ${n === 1 ? 'type' : 'types'}`;

/** The chosen schedule's name and what can be done with it: rename, duplicate, make default, delete. */
export function ScheduleActions({ schedule, defaultName, changes, onCopied, onDone }: ScheduleActionsProps) {
  const [dialog, setDialog] = useState<'rename' | 'duplicate' | 'delete' | null>(null);
  const { rename, create, makeDefault, remove } = changes;
  const close = () => {
    setDialog(null);
    rename.reset();
    create.reset();
    remove.reset();
  };
  const moving = schedule.meetingTypeCount;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="schedule-heading" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          <span className="wrap-anywhere">{schedule.name}</span>
          {schedule.isDefault && <Badge tone="indigo">Default</Badge>}
        </h2>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setDialog('rename')}>
            Rename
          </Button>
          <Button variant="secondary" onClick={() => setDialog('duplicate')}>
            Duplicate
          </Button>
          {!schedule.isDefault && (
            <>
              <Button
                variant="secondary"
                pending={makeDefault.isPending}
                onClick={() =>
                  makeDefault.mutate(schedule.id, {
                    onSuccess: () =>
                      onDone(
                        `“${schedule.name}” is your default now: meeting types without their own schedule follow it.`,
                      ),
                  })
                }
              >
                Make default
              </Button>
              <Button variant="secondaryDanger" onClick={() => setDialog('delete')}>
                Delete
              </Button>
            </>
          )}
        </div>
      </div>
      {makeDefault.isError && <Alert>Could not make it the default. {makeDefault.error.message}</Alert>}

      <ScheduleNameDialog
        open={dialog === 'rename'}
        title={`Rename “${schedule.name}”`}
        submitLabel="Rename"
        initialName={schedule.name}
        pending={rename.isPending}
        error={rename.error}
        onClose={close}
        onSubmit={(name) => rename.mutate({ id: schedule.id, name }, { onSuccess: close })}
      />
      <ScheduleNameDialog
        open={dialog === 'duplicate'}
        title={`Duplicate “${schedule.name}”`}
        submitLabel="Duplicate"
        initialName={`${schedule.name} (copy)`.slice(0, 60)}
        hint="The copy starts with the same hours; no meeting type uses it yet."
        pending={create.isPending}
        error={create.error}
        onClose={close}
        onSubmit={(name) => {
          const { timeZone, weekly, overrides } = schedule;
          create.mutate(
            { name, timeZone, weekly, overrides },
            {
              onSuccess: (copy) => {
                close();
                onCopied(copy);
              },
            },
          );
        }}
      />
      <Dialog open={dialog === 'delete'} title={`Delete “${schedule.name}”?`} onClose={close}>
        <p className="text-sm text-slate-700">
          {moving === 0
            ? 'No meeting type uses it.'
            : `${types(moving)} use it. They will follow your default schedule, “${defaultName}”, instead.`}
        </p>
        {remove.isError && <Alert>Could not delete. {remove.error.message}</Alert>}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Keep it
          </Button>
          <Button
            variant="danger"
            pending={remove.isPending}
            onClick={() =>
              remove.mutate(schedule.id, {
                onSuccess: ({ movedMeetingTypes: n }) => {
                  close();
                  onDone(`Deleted “${schedule.name}”.${n ? ` ${types(n)} now follow “${defaultName}”.` : ''}`);
                },
              })
            }
          >
            Delete
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
