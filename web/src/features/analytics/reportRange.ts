import { addDays, civilDateOf, dateKey, startOfZonedDay } from '../../lib/zonedTime';

export const ranges = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
] as const;
export type RangeValue = (typeof ranges)[number]['value'];

/** `days` calendar days ending today, in `zone`: the instants to ask for and the day keys to chart. */
export function rangeOf(days: number, zone: string) {
  const today = civilDateOf(Date.now(), zone);
  const first = addDays(today, -(days - 1));
  const keys = Array.from({ length: days }, (_, i) => dateKey(addDays(first, i)));
  return {
    from: new Date(startOfZonedDay(first, zone)).toISOString(),
    to: new Date(startOfZonedDay(addDays(today, 1), zone)).toISOString(),
    keys,
  };
}
