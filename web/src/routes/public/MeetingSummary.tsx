import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicHost, PublicMeetingType } from '../../features/booking/api';
import { formatDuration, locationLabel } from '../../features/booking/locations';

function Fact({ icon, children }: { icon: string; children: ReactNode }) {
  return (
    <li className="flex items-start gap-2.5">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 text-slate-500">
        <path
          d={icon}
          stroke="currentColor"
          strokeWidth="1.6"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span>{children}</span>
    </li>
  );
}

const clockIcon = 'M10 5.5V10l3 2M17.5 10a7.5 7.5 0 1 1-15 0 7.5 7.5 0 0 1 15 0Z';
const pinIcon = 'M10 17.5s5.5-4.8 5.5-9a5.5 5.5 0 1 0-11 0c0 4.2 5.5 9 5.5 9Zm0-7a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z';
const checkIcon = 'M4 10.5l3.5 3.5L16 5.5';

/** Host and meeting facts: the left column of the booking page. */
export function MeetingSummary({
  host,
  meetingType,
  children,
}: {
  host: PublicHost;
  meetingType: PublicMeetingType;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      {!meetingType.isActive && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-600/30">
          <strong className="font-semibold">{t('summary.preview')}</strong> {t('summary.previewText')}
        </p>
      )}
      <div>
        <p className="text-sm font-medium wrap-anywhere text-slate-600">{host.name}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight wrap-anywhere text-slate-900">{meetingType.title}</h1>
      </div>
      <ul className="space-y-2 text-sm text-slate-700">
        <Fact icon={clockIcon}>{formatDuration(t, meetingType.durationMinutes)}</Fact>
        <Fact icon={pinIcon}>{locationLabel(t, meetingType.locationType)}</Fact>
        {meetingType.requiresConfirmation && <Fact icon={checkIcon}>{t('summary.hostConfirms')}</Fact>}
      </ul>
      {children}
      {meetingType.description && (
        <p className="text-sm whitespace-pre-line text-slate-700">{meetingType.description}</p>
      )}
    </div>
  );
}
