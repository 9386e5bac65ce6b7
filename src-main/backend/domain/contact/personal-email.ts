/**
 * R21: the enrollment e-mail doubles as the password-reset address, so it must be a personal mailbox the person
 * keeps after leaving a firm. A firm-looking domain is a warning, never a block.
 */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
}

/** The warning to show, or null. `firmDomains`: known for the individual; `extraFirmDomains`: configured list. */
export function firmEmailWarning(email: string, firmDomains: readonly string[], extraFirmDomains: readonly string[] = []): string | null {
  const domain = emailDomain(email);
  const known = [...firmDomains, ...extraFirmDomains].map((d) => d.toLowerCase());
  const matches = known.some((d) => domain === d || domain.endsWith(`.${d}`));
  if (!matches) return null;
  return `${domain} looks like a firm's e-mail domain. The MQP e-mail is also the FinPro password-reset address: ask for a personal mailbox the caller will keep after leaving a firm (R21).`;
}
