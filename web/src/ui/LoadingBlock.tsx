import { Alert } from './Alert';
import { Button } from './Button';
import { Skeleton } from './Skeleton';

export function LoadingBlock({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-20 w-full" />
      ))}
      <span role="status" className="sr-only">
        {label}
      </span>
    </div>
  );
}

export function LoadError({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <div className="space-y-3">
      <Alert>
        Could not load {what}. {error.message}
      </Alert>
      <Button variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
