/**
 * The first day of the week in `tag` (the browser's locale when left out), as an ISO weekday; Monday where the
 * browser cannot tell.
 */
export function localeFirstDayOfWeek(tag: string = navigator.language): number {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}
