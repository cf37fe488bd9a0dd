import { useQuery } from '@tanstack/react-query';
import { useParams } from 'wouter';
import { getMeetingType, meetingTypesKey } from '../../features/meetingTypes/api';
import { MeetingTypeEditor } from '../../features/meetingTypes/MeetingTypeEditor';
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
      <SectionHeader title={`Edit “${existing.data.title}”`} />
      <MeetingTypeEditor existing={existing.data} />
    </>
  );
}
