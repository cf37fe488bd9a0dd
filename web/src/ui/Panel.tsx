import type { ReactNode } from 'react';

interface PanelProps {
  title: string;
  description?: ReactNode;
  /** Given, the panel is a region named by its heading, so it shows in a screen reader's list of landmarks. */
  headingId?: string;
  /** Lets links such as /dashboard/settings#connected-apps point at the panel. */
  id?: string;
  /** Tighter padding and spacing, for pages that stack many panels (analytics, webhooks). */
  compact?: boolean;
  children: ReactNode;
}

/** A white card with a heading and an optional line under it: one part of a dashboard page. */
export function Panel({ title, description, headingId, id, compact = false, children }: PanelProps) {
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={
        compact
          ? 'space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6'
          : 'space-y-5 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6'
      }
    >
      <div>
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {children}
    </section>
  );
}
