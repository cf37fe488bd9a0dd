import { useSearchParams } from 'wouter';
import { VerifyEmail } from '../features/identity/VerifyEmail';
import { TextLink } from '../ui/TextLink';
import { AuthLayout } from './AuthLayout';

/** Opened from the e-mailed link: /verify-email?token=… */
export function VerifyEmailPage() {
  const [search] = useSearchParams();
  return (
    <AuthLayout
      title="Confirm your e-mail address"
      footer={
        <>
          Have an account? <TextLink href="/login">Log in</TextLink>
        </>
      }
    >
      <VerifyEmail token={search.get('token')} />
    </AuthLayout>
  );
}
