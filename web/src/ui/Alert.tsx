import type { ReactNode } from 'react';

/** An error the user should hear about at once; screen readers announce it when it appears. */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      {children}
    </div>
  );
}
