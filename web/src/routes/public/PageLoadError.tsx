import { useTranslation } from 'react-i18next';
import { errorText } from '../../features/booking/errorText';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PublicCard, PublicLayout } from './PublicLayout';

export function PageLoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <PublicLayout>
      <PublicCard className="space-y-4 p-6">
        <Alert>
          {t('loadPageFailed')} {errorText(error, t)}
        </Alert>
        <Button variant="secondary" onClick={onRetry}>
          {t('tryAgain')}
        </Button>
      </PublicCard>
    </PublicLayout>
  );
}
