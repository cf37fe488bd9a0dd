import { Redirect } from 'wouter';
import { useMe } from '../features/identity/useSession';
import { Spinner } from '../ui/Spinner';

export function HomeRedirect() {
  const me = useMe();
  if (me.data) return <Redirect to="/dashboard" replace />;
  if (me.data === null || me.isError) return <Redirect to="/login" replace />;
  return (
    <main className="grid min-h-dvh place-items-center">
      <Spinner label="Loading…" />
    </main>
  );
}
