/** The web app's pages that the one-time links in account e-mails and in the admin CLI's output open. */
export function accountLinks(publicUrl: string) {
  const page = (path: string, param: string, token: string) =>
    `${publicUrl}${path}?${param}=${encodeURIComponent(token)}`;
  return {
    login: `${publicUrl}/login`,
    resetPassword: (token: string) => page('/reset-password', 'token', token),
    verifyEmail: (token: string) => page('/verify-email', 'token', token),
    signup: (invite: string) => page('/signup', 'invite', invite),
  };
}
export type AccountLinks = ReturnType<typeof accountLinks>;
