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

/** Says what could not be loaded and offers to try again; a page in another language words it itself. */
type LoadErrorProps = { onRetry: () => void; retryLabel?: string } & (
  { what: string; error: Error } | { message: string }
);

export function LoadError(props: LoadErrorProps) {
  const message = 'message' in props ? props.message : `Could not load ${props.what}. ${props.error.message}`;
  return (
    <div className="space-y-3">
      <Alert>{message}</Alert>
      <Button variant="secondary" onClick={props.onRetry}>
        {props.retryLabel ?? 'Try again'}
      </Button>
    </div>
  );
}
