import { Wordmark } from '../ui/Wordmark';
import { NotFoundMessage } from './NotFoundMessage';

export function NotFoundPage() {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:py-16">
      <header className="mb-8">
        <Wordmark />
      </header>
      <main className="w-full max-w-md">
        <NotFoundMessage />
      </main>
    </div>
  );
}
