import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { formatDuration, locationLabel } from '../../features/booking/locations';
import {
  deleteMeetingType,
  duplicateMeetingType,
  meetingTypesKey,
  updateMeetingType,
  upcomingBookingsOf,
  type MeetingType,
} from '../../features/meetingTypes/api';
import { colorOf } from '../../features/meetingTypes/typeColors';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { focusRing } from '../../ui/focusRing';
import { Notice } from '../../ui/Notice';
import { Switch } from '../../ui/Switch';

export const linkButton = `inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-semibold ${focusRing}`;

interface MeetingTypeRowProps {
  type: MeetingType;
  username: string;
  /** The name of the type's own schedule; undefined when it follows the default. */
  scheduleName: string | undefined;
}

/** One meeting type in the list: its colour, facts and link, on/off, and what can be done with it. */
export function MeetingTypeRow({ type, username, scheduleName }: MeetingTypeRowProps) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const path = `/${username}/${type.slug}`;
  const url = `${window.location.origin}${path}`;

  const toggle = useMutation({
    mutationFn: (isActive: boolean) => updateMeetingType(type.id, { isActive }),
    onSuccess: (updated) =>
      queryClient.setQueryData<MeetingType[]>(meetingTypesKey, (list) =>
        list?.map((t) => (t.id === updated.id ? updated : t)),
      ),
  });
  const duplicate = useMutation({
    mutationFn: () => duplicateMeetingType(type.id),
    onSuccess: (copy) => {
      queryClient.setQueryData<MeetingType[]>(meetingTypesKey, (list) => list && [...list, copy]);
      // The copy is off and named "(copy)": open it to rename it and turn it on.
      navigate(`/types/${copy.id}`);
    },
  });
  const remove = useMutation({
    mutationFn: (cancelBookings: boolean) => deleteMeetingType(type.id, cancelBookings),
    onSuccess: () => {
      setConfirmDelete(false);
      queryClient.setQueryData<MeetingType[]>(meetingTypesKey, (list) => list?.filter((t) => t.id !== type.id));
    },
  });
  // The server names the upcoming bookings when it refuses; until then the dialog does not know of any.
  const upcoming = upcomingBookingsOf(remove.error);
  const closeDialog = () => {
    setConfirmDelete(false);
    remove.reset();
  };
  const turnOff = () => {
    toggle.mutate(false);
    closeDialog();
  };

  return (
    <li
      className={`rounded-xl border-l-6 p-4 shadow-sm ring-1 ring-slate-200 sm:p-5 ${type.isActive ? 'bg-white' : 'bg-slate-50'}`}
      style={{ borderLeftColor: colorOf(type) }}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
            <Link href={`/types/${type.id}`} className={`rounded-sm hover:underline ${focusRing}`}>
              {type.title}
            </Link>
            {!type.isActive && <Badge>Off</Badge>}
            {type.isSecret && <Badge tone="indigo">Secret</Badge>}
            {type.requiresConfirmation && <Badge tone="amber">Needs confirmation</Badge>}
          </h2>
          <p className="text-sm text-slate-600">
            {formatDuration(t, type.durationMinutes)} · {locationLabel(t, type.location.type)}
            {scheduleName && ` · ${scheduleName}`}
          </p>
          <p className="text-sm break-all text-slate-600">{path}</p>
        </div>
        <Switch
          checked={type.isActive}
          disabled={toggle.isPending}
          onChange={(checked) => toggle.mutate(checked)}
          label={type.isActive ? 'Bookable' : 'Not bookable'}
        />
      </div>
      {duplicate.isError && (
        <div className="mt-3">
          <Alert>
            Could not duplicate “{type.title}”. {duplicate.error.message}
          </Alert>
        </div>
      )}
      {toggle.isError && (
        <div className="mt-3">
          <Alert>
            Could not change “{type.title}”. {toggle.error.message}
          </Alert>
        </div>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <CopyButton text={url} label="Copy link" />
        <a
          href={path}
          target="_blank"
          rel="noreferrer"
          className={`${linkButton} bg-white text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50`}
        >
          Open page
        </a>
        <Link
          href={`/types/${type.id}`}
          className={`${linkButton} bg-white text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50`}
        >
          Edit<span className="sr-only"> {type.title}</span>
        </Link>
        <Button variant="secondary" pending={duplicate.isPending} onClick={() => duplicate.mutate()}>
          Duplicate<span className="sr-only"> {type.title}</span>
        </Button>
        <Button variant="secondaryDanger" onClick={() => setConfirmDelete(true)}>
          Delete<span className="sr-only"> {type.title}</span>
        </Button>
      </div>
      <Dialog open={confirmDelete} title={`Delete “${type.title}”?`} onClose={closeDialog}>
        {upcoming === undefined ? (
          <p className="text-sm text-slate-700">
            Its booking link stops working. Past bookings stay in your bookings list.
            {type.isActive && ' To stop new bookings but keep the link, turn it off instead.'}
          </p>
        ) : (
          <>
            <Notice tone="warning">
              “{type.title}” has {upcoming} upcoming {upcoming === 1 ? 'booking' : 'bookings'}.
            </Notice>
            <p className="text-sm text-slate-700">
              Deleting it cancels {upcoming === 1 ? 'that booking' : 'them'}: each invitee gets a cancellation e-mail
              and the meeting leaves their calendar.
              {type.isActive && ' To keep them and take no new bookings, turn the type off instead.'}
            </p>
          </>
        )}
        {remove.isError && upcoming === undefined && <Alert>Could not delete. {remove.error.message}</Alert>}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={closeDialog}>
            Keep it
          </Button>
          {type.isActive && (
            <Button variant="secondary" onClick={turnOff}>
              Turn off instead
            </Button>
          )}
          {upcoming === undefined ? (
            <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate(false)}>
              Delete
            </Button>
          ) : (
            <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate(true)}>
              Cancel {upcoming} {upcoming === 1 ? 'booking' : 'bookings'} and delete
            </Button>
          )}
        </div>
      </Dialog>
    </li>
  );
}
