interface FieldErrorProps {
  /** For the control to name it in aria-describedby. */
  id?: string | undefined;
  /** Extra classes, e.g. an indent that lines the message up with a checkbox's label. */
  className?: string;
  /** The message; nothing is shown without one. */
  children: string | undefined;
}

/** The error under a field or a group of fields. */
export function FieldError({ id, className, children }: FieldErrorProps) {
  if (!children) return null;
  const classes = 'text-sm font-medium text-red-700';
  return (
    <p id={id} className={className ? `${className} ${classes}` : classes}>
      {children}
    </p>
  );
}
