import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { Alert } from '../../ui/Alert';
import { CopyButton } from '../../ui/CopyButton';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { TextLink } from '../../ui/TextLink';
import { listMeetingTypes, meetingTypesKey } from '../meetingTypes/api';
import { useUpdateOnboarding } from './useOnboarding';

/** Step 3: the link to share, of the first meeting type people can book; copying it is the step. */
export function LinkStep({ username }: { username: string }) {
  const onboarding = useUpdateOnboarding();
  const types = useQuery({ queryKey: meetingTypesKey, queryFn: ({ signal }) => listMeetingTypes(signal) });
  if (types.isPending) return <LoadingBlock label="Loading your meeting types…" rows={1} />;
  if (types.isError) return <LoadError what="your meeting types" error={types.error} onRetry={() => types.refetch()} />;
  const first = types.data.find((t) => t.isActive && !t.isSecret);
  if (!first)
    return (
      <p className="text-sm text-slate-700">
        You have no meeting type open for booking. <TextLink href="/types/new">Create one</TextLink> and come back.
      </p>
    );
  const url = `${window.location.origin}/${username}/${first.slug}`;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        Send this link to people, or put it in your e-mail signature. It opens the booking page of “{first.title}”.
      </p>
      <p className="rounded-md bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900 ring-1 ring-slate-200">
        {url}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton text={url} label="Copy link" onCopied={() => onboarding.mutate({ done: 'link' })} />
        <Link
          href={`/types/${first.id}`}
          className={`rounded-sm text-sm font-semibold text-indigo-700 hover:underline ${focusRing}`}
        >
          Edit “{first.title}”
        </Link>
      </div>
      {onboarding.isError && <Alert>Could not save this step. {onboarding.error.message}</Alert>}
    </div>
  );
}
