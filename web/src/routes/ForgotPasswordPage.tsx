import { ForgotPasswordForm } from '../features/identity/ForgotPasswordForm';
import { TextLink } from '../ui/TextLink';
import { AuthLayout } from './AuthLayout';

export function ForgotPasswordPage() {
  return (
    <AuthLayout
      title="Forgot your password?"
      footer={
        <>
          Remembered it? <TextLink href="/login">Log in</TextLink>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthLayout>
  );
}
