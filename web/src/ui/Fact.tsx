import type { ReactNode } from 'react';

interface FactProps {
  label: string;
  /** Classes of the value, e.g. to break a long address or keep a note's line breaks. */
  className?: string | undefined;
  children: ReactNode;
}

/** One "Label: value" line of a description list (<dl>). */
export function Fact({ label, className, children }: FactProps) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="text-slate-600">{label}:</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}
