import type { ReactNode } from 'react';
import { Badge } from '../../ui/Badge';

interface GuideStepProps {
  number: number;
  title: string;
  done: boolean;
  /** A step whose feature is not there yet: shown so nobody looks for it, never counted. */
  comingSoon?: boolean;
  children: ReactNode;
}

/** One numbered step of the first-run guide, saying whether it is done. */
export function GuideStep({ number, title, done, comingSoon = false, children }: GuideStepProps) {
  const headingId = `setup-step-${number}`;
  return (
    <li
      className={`space-y-4 rounded-xl p-4 shadow-sm ring-1 sm:p-6 ${comingSoon ? 'bg-slate-50 ring-slate-200' : 'bg-white ring-slate-200'}`}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span
          aria-hidden="true"
          className={`grid size-8 shrink-0 place-items-center rounded-full text-sm font-semibold ${
            done ? 'bg-emerald-600 text-white' : 'bg-slate-100 text-slate-700'
          }`}
        >
          {done ? '✓' : number}
        </span>
        <h2 id={headingId} className="min-w-0 flex-1 text-base font-semibold text-slate-900">
          {title}
        </h2>
        {done && <Badge tone="green">Done</Badge>}
        {comingSoon && <Badge>Coming soon</Badge>}
      </div>
      {children}
    </li>
  );
}
