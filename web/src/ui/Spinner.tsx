interface SpinnerProps {
  /** Announced to assistive technology and shown beside the spinner; omit when the spinner only decorates. */
  label?: string;
}

export function Spinner({ label }: SpinnerProps) {
  const circle = (
    <svg className="size-4 shrink-0 animate-spin" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
  if (label === undefined) return circle;
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-slate-600">
      {circle}
      {label}
    </span>
  );
}
