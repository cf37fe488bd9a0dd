import type { ReactNode } from 'react';
import { productName } from '../../lib/product';

/** The frame of pages anyone can open: booking, profile and manage pages. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <main className={`mx-auto w-full flex-1 px-3 py-6 sm:px-6 sm:py-10 ${wide ? 'max-w-5xl' : 'max-w-2xl'}`}>
        {children}
      </main>
      <footer className="pb-6 text-center text-xs text-slate-600">Scheduling by {productName}</footer>
    </div>
  );
}

export function PublicCard({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`rounded-xl bg-white shadow-sm ring-1 ring-slate-200 ${className}`}>{children}</div>;
}
