import { LoginForm } from '../features/identity/LoginForm';
import { TextLink } from '../ui/TextLink';
import { AuthLayout } from './AuthLayout';

export function LoginPage() {
  return (
    <AuthLayout
      title="Log in"
      footer={
        <>
          New here? <TextLink href="/signup">Create an account</TextLink>
        </>
      }
    >
      <LoginForm />
    </AuthLayout>
  );
}
