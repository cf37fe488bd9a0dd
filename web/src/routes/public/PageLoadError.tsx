import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PublicCard, PublicLayout } from './PublicLayout';

export function PageLoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <PublicLayout>
      <PublicCard className="space-y-4 p-6">
        <Alert>Could not load this page. {message}</Alert>
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </PublicCard>
    </PublicLayout>
  );
}
