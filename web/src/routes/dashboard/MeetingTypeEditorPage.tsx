import { useQuery } from '@tanstack/react-query';
import { useParams } from 'wouter';
import { useMe } from '../../features/identity/useSession';
import { getMeetingType, meetingTypesKey, type MeetingType } from '../../features/meetingTypes/api';
import { MeetingTypeEditor } from '../../features/meetingTypes/MeetingTypeEditor';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { SectionHeader } from './SectionHeader';

/** /dashboard/types/new and /dashboard/types/{id}. */
export function MeetingTypeEditorPage() {
  const { id } = useParams<{ id?: string }>();
  const existing = useQuery({
    queryKey: [...meetingTypesKey, id],
    queryFn: ({ signal }) => getMeetingType(id!, signal),
    enabled: id !== undefined,
  });

  if (id === undefined) {
    return (
      <>
        <SectionHeader title="New meeting type" />
        <MeetingTypeEditor />
      </>
    );
  }
  if (existing.isPending) {
    return (
      <>
        <SectionHeader title="Edit meeting type" />
        <LoadingBlock label="Loading the meeting type…" />
      </>
    );
  }
  if (existing.isError) {
    return (
      <>
        <SectionHeader title="Edit meeting type" />
        <LoadError what="this meeting type" error={existing.error} onRetry={() => existing.refetch()} />
      </>
    );
  }
  return (
    <>
      <SectionHeader title={`Edit “${existing.data.title}”`} actions={<PreviewLink type={existing.data} />} />
      <MeetingTypeEditor existing={existing.data} />
    </>
  );
}

/**
 * The public booking page as saved, in a new tab (the editor keeps its unsaved edits). Secret types open by link
 * anyway; one that is off opens for its signed-in host only, as a preview.
 */
function PreviewLink({ type }: { type: MeetingType }) {
  const username = useMe().data?.username;
  if (!username) return null;
  return (
    <a
      href={`/${encodeURIComponent(username)}/${encodeURIComponent(type.slug)}`}
      target="_blank"
      rel="noreferrer"
      className={`inline-flex min-h-10 items-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50 ${focusRing}`}
    >
      Preview<span className="sr-only"> the booking page (opens in a new tab)</span>
    </a>
  );
}
