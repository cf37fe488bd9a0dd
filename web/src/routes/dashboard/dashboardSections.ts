/** Sections of the signed-in app; paths are relative to /dashboard, where they are nested. */
export const dashboardSections = [
  { path: '/', label: 'Meeting types', also: '/types/*?' },
  { path: '/availability', label: 'Availability' },
  { path: '/bookings', label: 'Bookings' },
  { path: '/analytics', label: 'Analytics' },
  { path: '/webhooks', label: 'Webhooks' },
  { path: '/emails', label: 'E-mail log' },
  { path: '/mailbox', label: 'Dev mailbox' },
  { path: '/settings', label: 'Settings' },
] as const;

/** The address of a section; the nested "/" is spelled out, since wouter would render it as "/dashboard/". */
export function dashboardHref(path: string): string {
  return path === '/' ? '~/dashboard' : path;
}
