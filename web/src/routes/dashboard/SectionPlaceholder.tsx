import { EmptyState } from '../../ui/EmptyState';
import { PageTitle } from '../../ui/PageTitle';

interface SectionPlaceholderProps {
  title: string;
  emptyTitle: string;
  description: string;
}

/** Stands in for a dashboard section until its real page exists; it shows no data, real or made up. */
export function SectionPlaceholder({ title, emptyTitle, description }: SectionPlaceholderProps) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <EmptyState title={emptyTitle} description={description} />
    </>
  );
}
