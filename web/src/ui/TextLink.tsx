import { Link } from 'wouter';
import type { ReactNode } from 'react';
import { focusRing } from './focusRing';

interface TextLinkProps {
  href: string;
  children: ReactNode;
}

export function TextLink({ href, children }: TextLinkProps) {
  return (
    <Link
      href={href}
      className={`rounded-sm font-semibold text-indigo-700 underline-offset-2 hover:underline ${focusRing}`}
    >
      {children}
    </Link>
  );
}
