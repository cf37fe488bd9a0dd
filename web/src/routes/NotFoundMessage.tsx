import { PageTitle } from '../ui/PageTitle';
import { TextLink } from '../ui/TextLink';

/** The body of a 404, for use inside whatever layout owns the unmatched path (hence the absolute "~/" link). */
export function NotFoundMessage() {
  return (
    <div className="py-12 text-center">
      <PageTitle>Page not found</PageTitle>
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">The address may be mistyped, or the page may have moved.</p>
      <p className="mt-6 text-sm">
        <TextLink href="~/">Go to the start page</TextLink>
      </p>
    </div>
  );
}
