import { SignupForm } from '../features/identity/SignupForm';
import { TextLink } from '../ui/TextLink';
import { AuthLayout } from './AuthLayout';

export function SignupPage() {
  return (
    <AuthLayout
      title="Create your account"
      footer={
        <>
          Already have an account? <TextLink href="/login">Log in</TextLink>
        </>
      }
    >
      <SignupForm />
    </AuthLayout>
  );
}
