import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toFormErrors } from '../../lib/formErrors';
import { useUnsavedChangesGuard } from '../../lib/useUnsavedChangesGuard';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TimeZonePicker } from '../../ui/TimeZonePicker';
import { useFormErrors } from '../../ui/useFormErrors';
import { patchSchedule, schedulesKey, type Schedule } from './api';
import { DateOverrides } from './DateOverrides';
import {
  availabilityOf,
  defaultInterval,
  draftOf,
  newKey,
  nextOverrideDate,
  snapshotOf,
  validateDraft,
  type AvailabilityDraft,
} from './draft';
import { WeeklyHours } from './WeeklyHours';

/** One schedule's hours: time zone, weekly hours and date overrides, saved together; leaving unsaved asks first. */
export function AvailabilityEditor({ initial }: { initial: Schedule }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<AvailabilityDraft>(() => draftOf(initial));
  const [saved, setSaved] = useState(false);
  const [savedSnapshot, setSavedSnapshot] = useState(() => snapshotOf(draftOf(initial)));
  useUnsavedChangesGuard(
    snapshotOf(draft) !== savedSnapshot,
    'Your availability has unsaved changes. Leave this page and lose them?',
  );
  const { formRef, errors, show, clear } = useFormErrors();
  const save = useMutation({
    mutationFn: (d: AvailabilityDraft) => patchSchedule(initial.id, availabilityOf(d)),
    onSuccess: (result, sent) => {
      queryClient.setQueryData<Schedule[]>(schedulesKey, (list) => list?.map((s) => (s.id === result.id ? result : s)));
      setSavedSnapshot(snapshotOf(sent));
      setSaved(true);
    },
    onError: (error) => show(toFormErrors(error, [])),
  });

  function change(update: (d: AvailabilityDraft) => AvailabilityDraft) {
    setDraft(update);
    setSaved(false);
    clear();
  }
  function addOverride() {
    const date = nextOverrideDate(draft, Date.now());
    change((d) => ({
      ...d,
      overrides: [...d.overrides, { key: newKey(), date, dayOff: true, intervals: [defaultInterval()] }],
    }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fieldErrors = validateDraft(draft);
    if (Object.keys(fieldErrors).length > 0) {
      show({ fields: fieldErrors, message: 'Some hours need attention.' });
      return;
    }
    save.mutate(draft);
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
      {errors.message && <Alert>{errors.message}</Alert>}
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <TimeZonePicker
          label="Time zone"
          hint="Your hours below are in this zone; invitees see them in theirs."
          value={draft.timeZone}
          onChange={(timeZone) => change((d) => ({ ...d, timeZone }))}
        />
      </section>

      <WeeklyHours
        week={draft.week}
        errors={errors.fields}
        onChange={(update) => change((d) => ({ ...d, week: update(d.week) }))}
      />
      <DateOverrides
        overrides={draft.overrides}
        errors={errors.fields}
        onChange={(update) => change((d) => ({ ...d, overrides: update(d.overrides) }))}
        onAdd={addOverride}
      />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={save.isPending}>
          Save availability
        </Button>
        {saved && (
          <Notice tone="success">
            {initial.isDefault
              ? 'Saved. Your booking pages use these hours now.'
              : `Saved. Meeting types that use “${initial.name}” follow these hours now.`}
          </Notice>
        )}
      </div>
    </form>
  );
}
