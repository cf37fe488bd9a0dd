import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { productName } from '../../lib/product';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The frame of pages anyone can open: booking, profile and manage pages, with their language switcher. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-dvh flex-col">
      <main className={`mx-auto w-full flex-1 px-3 py-4 sm:px-6 sm:py-8 ${wide ? 'max-w-5xl' : 'max-w-2xl'}`}>
        <div className="mb-3 flex justify-end">
          <LanguageSwitcher />
        </div>
        {children}
      </main>
      <footer className="pb-6 text-center text-xs text-slate-600">
        {t('layout.schedulingBy', { product: productName })}
      </footer>
    </div>
  );
}

export function PublicCard({ children, className = '' }: { children: ReactNode; className?: string }) {
  return <div className={`rounded-xl bg-white shadow-sm ring-1 ring-slate-200 ${className}`}>{children}</div>;
}
