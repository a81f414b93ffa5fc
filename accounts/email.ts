/** How an e-mail address is compared and stored: trimmed and lower-cased (sign-in, roster import, seed). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
