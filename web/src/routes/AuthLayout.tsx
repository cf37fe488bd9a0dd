import type { ReactNode } from 'react';
import { Card } from '../ui/Card';
import { PageTitle } from '../ui/PageTitle';
import { Wordmark } from '../ui/Wordmark';

interface AuthLayoutProps {
  title: string;
  children: ReactNode;
  /** A line under the card, such as a link to the other auth page. */
  footer: ReactNode;
}

export function AuthLayout({ title, children, footer }: AuthLayoutProps) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-16">
      <PageTitle>{title}</PageTitle>
      <header className="mb-8">
        <Wordmark />
      </header>
      <main className="w-full max-w-md">
        <Card>
          <h1 className="mb-6 text-xl font-semibold tracking-tight">{title}</h1>
          {children}
        </Card>
        <p className="mt-6 text-center text-sm text-slate-600">{footer}</p>
      </main>
    </div>
  );
}
