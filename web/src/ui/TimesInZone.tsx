import { timeZoneLabel } from '../lib/timeZones';
import { offsetLabel } from '../lib/zonedTime';

/** Names, once per page, the zone that the page's times are in: "Times in Europe/Berlin (GMT+1)". */
export function TimesInZone({ zone }: { zone: string }) {
  return (
    <p className="text-sm text-slate-600">
      Times in {timeZoneLabel(zone)} ({offsetLabel(zone)})
    </p>
  );
}
