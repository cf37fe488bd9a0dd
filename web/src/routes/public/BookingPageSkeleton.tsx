import { useTranslation } from 'react-i18next';
import { Skeleton } from '../../ui/Skeleton';
import { PublicCard, PublicLayout } from './PublicLayout';

/** The booking page's shape while its meeting type loads. */
export function BookingPageSkeleton() {
  const { t } = useTranslation();
  return (
    <PublicLayout wide>
      <PublicCard className="grid gap-6 p-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="space-y-3">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-7 w-48" />
          <Skeleton className="h-4 w-32" />
        </div>
        <div className="space-y-3">
          <Skeleton className="h-6 w-40" />
          <Skeleton className="h-64 w-full" />
        </div>
        <span role="status" className="sr-only">
          {t('bookingPage.loading')}
        </span>
      </PublicCard>
    </PublicLayout>
  );
}
