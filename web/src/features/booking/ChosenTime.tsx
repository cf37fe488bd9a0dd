import { useDateLocale } from '../../lib/pageLanguage';
import { timeZoneLabel } from '../../lib/timeZones';
import { formatLongDate, formatTimeRange } from '../../lib/zonedTime';
import type { Slot } from './api';
import type { ViewerPreferences } from './useViewerPreferences';

/** The time the booking form is for, beside the meeting's facts: date, times and zone on lines of their own. */
export function ChosenTime({ slot, prefs }: { slot: Slot; prefs: ViewerPreferences }) {
  const locale = useDateLocale();
  const start = Date.parse(slot.start);
  return (
    <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm font-medium text-indigo-900">
      {formatLongDate(start, prefs.timeZone, locale)}
      <br />
      {formatTimeRange(start, Date.parse(slot.end), prefs.timeZone, prefs.hour12, locale)}
      <br />
      <span className="font-normal text-indigo-800">{timeZoneLabel(prefs.timeZone)}</span>
    </p>
  );
}
