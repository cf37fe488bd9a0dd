import { useQuery } from '@tanstack/react-query';
import { Link, useRoute } from 'wouter';
import { devMailboxEnabled, devMailboxKey } from '../../features/notifications/api';
import { isOpen, progressOf, useOnboarding } from '../../features/onboarding/useOnboarding';
import { focusRing } from '../../ui/focusRing';
import { dashboardHref, dashboardSections } from './dashboardSections';

function NavLink({ path, label, also, extra }: { path: string; label: string; also?: string; extra?: string }) {
  const [exact] = useRoute(path);
  const [nested] = useRoute(also ?? `${path}/*?`);
  const active = exact || nested;
  return (
    <Link
      href={dashboardHref(path)}
      aria-current={active ? 'page' : undefined}
      className={`block rounded-md px-3 py-2 text-sm font-medium ${focusRing} ${
        active ? 'bg-indigo-50 text-indigo-700' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'
      }`}
    >
      {label}
      {extra && <span className="font-normal text-slate-600"> ({extra})</span>}
    </Link>
  );
}

export function DashboardNav() {
  const mailbox = useQuery({
    queryKey: devMailboxKey,
    queryFn: ({ signal }) => devMailboxEnabled(signal),
    staleTime: Infinity,
  });
  // The dev mailbox entry appears only where there is one; its page still explains itself if reached directly.
  const sections = dashboardSections.filter((s) => s.path !== '/mailbox' || mailbox.data === true);
  // The way back into a skipped guide, for as long as it is not finished.
  const onboarding = useOnboarding().data;
  return (
    <nav aria-label="Dashboard">
      {/* Wraps into rows on narrow screens instead of scrolling sideways. */}
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {onboarding && isOpen(onboarding) && (
          <li>
            <NavLink path="/setup" label="Finish setting up" extra={progressOf(onboarding)} />
          </li>
        )}
        {sections.map((item) => (
          <li key={item.path}>
            <NavLink {...item} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
