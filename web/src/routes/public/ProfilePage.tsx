import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { fetchProfile } from '../../features/booking/api';
import { formatDuration, locationLabel } from '../../features/booking/locations';
import { ApiError } from '../../lib/api';
import { usePageLanguage } from '../../lib/pageLanguage';
import { focusRing } from '../../ui/focusRing';
import { PageTitle } from '../../ui/PageTitle';
import { Skeleton } from '../../ui/Skeleton';
import { PageLoadError } from './PageLoadError';
import { PublicCard, PublicLayout } from './PublicLayout';
import { PublicNotFound } from './PublicNotFound';

/** /{username}: the host's bookable meeting types. */
export function ProfilePage() {
  const { t } = useTranslation();
  const page = usePageLanguage();
  const { username = '' } = useParams<{ username: string }>();
  const profile = useQuery({
    queryKey: ['public-profile', username],
    queryFn: ({ signal }) => fetchProfile(username, signal),
  });

  const typeHref = (slug: string) => {
    const path = `/${encodeURIComponent(username)}/${encodeURIComponent(slug)}`;
    return page ? page.href(path) : path;
  };

  if (profile.isError) {
    if (profile.error instanceof ApiError && profile.error.status === 404) {
      return <PublicNotFound title={t('profile.notFoundTitle')} description={t('profile.notFoundText')} />;
    }
    return <PageLoadError error={profile.error} onRetry={() => profile.refetch()} />;
  }

  return (
    <PublicLayout>
      {profile.data && <PageTitle>{t('profile.title', { name: profile.data.host.name })}</PageTitle>}
      <PublicCard className="p-5 sm:p-8">
        {profile.isPending ? (
          <div className="space-y-4">
            <Skeleton className="h-7 w-56" />
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-20 w-full" />
            <span role="status" className="sr-only">
              {t('profile.loading')}
            </span>
          </div>
        ) : (
          <>
            <div className="mb-6 text-center">
              <div
                aria-hidden="true"
                className="mx-auto mb-3 grid size-14 place-items-center rounded-full bg-indigo-100 text-xl font-semibold text-indigo-700"
              >
                {profile.data.host.name.slice(0, 1).toUpperCase()}
              </div>
              <h1 className="text-2xl font-semibold tracking-tight">{profile.data.host.name}</h1>
              <p className="mt-1 text-sm text-slate-600">{t('profile.intro')}</p>
            </div>
            {profile.data.meetingTypes.length === 0 ? (
              <p className="rounded-lg border-2 border-dashed border-slate-300 px-4 py-10 text-center text-sm text-slate-600">
                {t('profile.noTypes', { name: profile.data.host.name })}
              </p>
            ) : (
              <ul className="space-y-3">
                {profile.data.meetingTypes.map((type) => (
                  <li key={type.slug}>
                    <Link
                      href={typeHref(type.slug)}
                      className={`group block rounded-lg border border-slate-200 p-4 hover:border-indigo-400 hover:bg-indigo-50/40 ${focusRing}`}
                    >
                      <span className="flex items-center justify-between gap-3">
                        <span className="font-semibold text-slate-900 group-hover:text-indigo-700">{type.title}</span>
                        <span aria-hidden="true" className="text-slate-400 group-hover:text-indigo-600">
                          →
                        </span>
                      </span>
                      <span className="mt-1 block text-sm text-slate-600">
                        {formatDuration(t, type.durationMinutes)} · {locationLabel(t, type.locationType)}
                      </span>
                      {type.description && (
                        <span className="mt-2 line-clamp-2 block text-sm text-slate-700">{type.description}</span>
                      )}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </PublicCard>
    </PublicLayout>
  );
}
