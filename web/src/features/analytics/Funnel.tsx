import { Panel } from '../../ui/Panel';
import type { AnalyticsReport } from './api';
import { count, percent } from './numberFormats';

/** Page views, slot views and bookings as bars, each with its share of the views and of the step before. */
export function Funnel({ data }: { data: AnalyticsReport }) {
  const steps = [
    { label: 'Page views', value: data.pageViews },
    { label: 'Slot views', value: data.slotViews },
    { label: 'Bookings', value: data.bookings },
  ];
  const widest = Math.max(1, ...steps.map((s) => s.value));
  return (
    <Panel
      compact
      headingId="funnel-heading"
      title="Conversion funnel"
      description="Visitors are counted once per page and day. Percentages are of page views; the step figure compares with the step before."
    >
      <ol className="space-y-3">
        {steps.map((step, i) => {
          const previous = i > 0 ? steps[i - 1]!.value : undefined;
          const ofViews = data.pageViews > 0 ? step.value / data.pageViews : undefined;
          const ofPrevious = previous ? step.value / previous : undefined;
          return (
            <li key={step.label}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span className="font-medium text-slate-900">{step.label}</span>
                <span className="text-slate-700 tabular-nums">
                  <span className="font-semibold text-slate-900">{count.format(step.value)}</span>
                  {i > 0 && ofViews !== undefined && <> · {percent.format(ofViews)} of page views</>}
                  {i > 1 && ofPrevious !== undefined && <> · {percent.format(ofPrevious)} of slot views</>}
                </span>
              </div>
              <div aria-hidden="true" className="mt-1 h-3 rounded-full bg-slate-100">
                <div
                  className="h-3 rounded-full bg-indigo-600"
                  style={{ width: `${(step.value / widest) * 100}%`, minWidth: step.value > 0 ? '0.25rem' : 0 }}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
