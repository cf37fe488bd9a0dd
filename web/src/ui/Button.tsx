import type { ButtonHTMLAttributes } from 'react';
import { focusRing } from './focusRing';
import { Spinner } from './Spinner';

/** secondaryDanger: the quiet form of a destructive action, which then asks to confirm with `danger`. */
type Variant = 'primary' | 'secondary' | 'secondaryDanger' | 'danger' | 'ghost';

const variantClasses: Record<Variant, string> = {
  primary: 'bg-indigo-600 text-white shadow-xs hover:bg-indigo-500',
  secondary: 'bg-white text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50',
  secondaryDanger: 'bg-white text-red-700 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-red-50',
  danger: 'bg-red-600 text-white shadow-xs hover:bg-red-500',
  ghost: 'text-indigo-700 hover:bg-indigo-50',
};

/** A button's look, also for a link that takes the place of one (it goes to a page rather than acting). */
export const buttonClasses = (variant: Variant = 'primary') =>
  `inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition-colors ${focusRing} ${variantClasses[variant]}`;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** Shows a spinner and ignores clicks while the action it started is running. */
  pending?: boolean;
}

export function Button({
  variant = 'primary',
  pending = false,
  type = 'button',
  className = '',
  onClick,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      // aria-disabled rather than disabled: a disabled button drops keyboard focus mid-action.
      aria-disabled={pending || undefined}
      onClick={pending ? (event) => event.preventDefault() : onClick}
      className={`${buttonClasses(variant)} aria-disabled:cursor-wait aria-disabled:opacity-75 disabled:cursor-not-allowed disabled:opacity-50 ${className}`}
    >
      {pending && <Spinner />}
      {children}
    </button>
  );
}
