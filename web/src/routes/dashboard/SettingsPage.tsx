import { ApiKeysPanel } from '../../features/identity/ApiKeysPanel';
import { PasswordPanel } from '../../features/identity/PasswordPanel';
import { ProfilePanel } from '../../features/identity/ProfilePanel';
import { TwoFactorPanel } from '../../features/identity/TwoFactorPanel';
import { useMe } from '../../features/identity/useSession';
import { ConnectedAppsPanel } from '../../features/integrations/ConnectedAppsPanel';
import { LoadingBlock } from '../../ui/LoadingBlock';
import { SectionHeader } from './SectionHeader';

export function SettingsPage() {
  const me = useMe();
  return (
    <>
      <SectionHeader title="Settings" />
      {me.data ? (
        <>
          <ProfilePanel user={me.data} />
          <ConnectedAppsPanel />
          <PasswordPanel />
          <TwoFactorPanel enabled={me.data.totpEnabled === true} />
          <ApiKeysPanel />
        </>
      ) : (
        <LoadingBlock label="Loading your settings…" />
      )}
    </>
  );
}
