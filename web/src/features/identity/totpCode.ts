/** A code from an authenticator app: six digits. */
export const totpCodePattern = /^\d{6}$/;

/** What is typed into a code field, without the spaces and dashes some apps show between the digits. */
export const digitsOnly = (text: string) => text.replace(/\D/g, '');
