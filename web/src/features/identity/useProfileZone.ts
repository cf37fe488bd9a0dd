import { detectTimeZone } from '../../lib/timeZones';
import { formatDateTime } from '../../lib/zonedTime';
import { useMe } from './useSession';

/** The zone the dashboard shows times in: the host's profile zone, the browser's only until the profile loads. */
export function useProfileZone(): string {
  return useMe().data?.timeZone ?? detectTimeZone();
}

/** Formats an ISO instant (or its absence) in the host's profile zone, so every dashboard page agrees. */
export function useProfileDateTime(): (iso: string | null) => string {
  const zone = useProfileZone();
  return (iso) => (iso ? formatDateTime(Date.parse(iso), zone) : '—');
}
