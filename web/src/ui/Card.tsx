import type { HTMLAttributes } from 'react';

export function Card({ className = '', ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div {...rest} className={`rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8 ${className}`} />;
}
