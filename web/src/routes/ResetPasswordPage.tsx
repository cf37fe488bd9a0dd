import { useSearchParams } from 'wouter';
import { DeadResetLink, ResetPasswordForm } from '../features/identity/ResetPasswordForm';
import { TextLink } from '../ui/TextLink';
import { AuthLayout } from './AuthLayout';

/** Opened from the e-mailed link: /reset-password?token=… */
export function ResetPasswordPage() {
  const [search] = useSearchParams();
  const token = search.get('token');
  return (
    <AuthLayout
      title="Choose a new password"
      footer={
        <>
          Remembered it? <TextLink href="/login">Log in</TextLink>
        </>
      }
    >
      {token ? <ResetPasswordForm token={token} /> : <DeadResetLink />}
    </AuthLayout>
  );
}
