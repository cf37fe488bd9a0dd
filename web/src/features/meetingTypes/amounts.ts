/** Times the editor shows as an amount and a unit (4 hours), kept by the server in minutes. */

export type Unit = 'minutes' | 'hours' | 'days';
export const unitMinutes: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440 };

export interface Amount {
  amount: string;
  unit: Unit;
}

export function toAmount(minutes: number): Amount {
  if (minutes > 0 && minutes % 1440 === 0) return { amount: String(minutes / 1440), unit: 'days' };
  if (minutes > 0 && minutes % 60 === 0) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

export function describeOffset(minutes: number): string {
  const { amount, unit } = toAmount(minutes);
  const n = Number(amount);
  const word = unit === 'days' ? 'day' : unit === 'hours' ? 'hour' : 'minute';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
