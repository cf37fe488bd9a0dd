import { PageTitle } from '../../ui/PageTitle';
import { PublicCard, PublicLayout } from './PublicLayout';

export function PublicNotFound({ title, description }: { title: string; description: string }) {
  return (
    <PublicLayout>
      <PageTitle>{title}</PageTitle>
      <PublicCard className="p-8 text-center">
        <p className="text-sm font-semibold text-indigo-600">404</p>
        <h1 className="mt-2 text-xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-2 text-sm text-slate-600">{description}</p>
      </PublicCard>
    </PublicLayout>
  );
}
