import type { ReactNode } from 'react';

interface SettingsPanelProps {
  title: string;
  description?: string;
  /** Lets links such as /dashboard/settings#connected-apps point at the panel. */
  id?: string;
  children: ReactNode;
}

export function SettingsPanel({ title, description, id, children }: SettingsPanelProps) {
  const headingId = `panel-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="space-y-5 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6"
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
