import { useTranslation } from 'react-i18next';
import { LoadError } from '../../ui/LoadingBlock';
import { Skeleton } from '../../ui/Skeleton';
import { errorText } from './errorText';

interface BookingLoadStateProps {
  /** Why the booking could not be loaded; null while it is still on its way. */
  error: Error | null;
  onRetry: () => void;
  /** Centres the heading's placeholder, under which a centred heading will stand (the confirmation's). */
  centered?: boolean;
}

/** Stands in for an invitee's booking while it loads, or says it could not be loaded and offers to try again. */
export function BookingLoadState({ error, onRetry, centered = false }: BookingLoadStateProps) {
  const { t } = useTranslation();
  if (error)
    return (
      <LoadError
        message={`${t('loadBookingFailed')} ${errorText(error, t)}`}
        retryLabel={t('tryAgain')}
        onRetry={onRetry}
      />
    );
  return (
    <div className="space-y-4">
      <Skeleton className={centered ? 'mx-auto h-7 w-48' : 'h-7 w-64'} />
      <Skeleton className="h-32 w-full" />
      <span role="status" className="sr-only">
        {t('manage.loading')}
      </span>
    </div>
  );
}
