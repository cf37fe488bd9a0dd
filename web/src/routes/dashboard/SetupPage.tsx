import { useMe } from '../../features/identity/useSession';
import { SetupGuide } from '../../features/onboarding/SetupGuide';
import { LoadingBlock } from '../../ui/LoadingBlock';
import { SectionHeader } from './SectionHeader';

export function SetupPage() {
  const me = useMe();
  return (
    <>
      <SectionHeader title="Set up your account" description="Three short checks before you share your booking link." />
      {me.data ? <SetupGuide user={me.data} /> : <LoadingBlock label="Loading your account…" />}
    </>
  );
}
