import { describe, expect, it } from 'vitest';
import { decideExternalLink, EXTERNAL_LINK_HOSTS } from '../../../src-main/main/policies/external-links';

describe('§7 shell.openExternal only for parsed https URLs on the allow-list', () => {
  it.each([
    ['https://finra.org', 'https://finra.org/'],
    ['https://www.finra.org/rules-guidance/guidance/maintaining-qualifications-program', 'https://www.finra.org/rules-guidance/guidance/maintaining-qualifications-program'],
    ['https://nasaa.org/exams/', 'https://nasaa.org/exams/'],
    ['https://WWW.FINRA.ORG/a?b=c#d', 'https://www.finra.org/a?b=c#d'],
    ['https://finra.org:443/x', 'https://finra.org/x'],
  ])('§7 opens %s as %s', (raw, normalised) => {
    expect(decideExternalLink(raw)).toEqual({ open: true, url: normalised });
  });

  it.each([
    ['javascript: scheme', 'javascript:alert(1)'],
    ['javascript: scheme in mixed case', 'JaVaScRiPt:alert(document.domain)'],
    ['file: scheme', 'file:///etc/passwd'],
    ['plain http', 'http://finra.org/'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['our own app origin', 'app://mqp/index.html'],
    ['custom handler scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['credentials before the host', 'https://finra.org@evil.com/'],
    ['user and password on an allowed host', 'https://user:pass@finra.org/'],
    ['lookalike suffix', 'https://finra.org.evil.com/'],
    ['lookalike prefix', 'https://evilfinra.org/'],
    ['subdomain not on the list', 'https://login.finra.org/'],
    ['trailing dot', 'https://finra.org./'],
    ['non-default port', 'https://finra.org:8443/'],
    ['IDN homograph', 'https://fіnra.org/'],
    ['relative URL', '/rules'],
    ['empty string', ''],
    ['not a string', 42],
    ['null', null],
  ])('§7 refuses %s', (_why, raw) => {
    expect(decideExternalLink(raw).open).toBe(false);
  });

  it('§7 the allow-list is frozen and holds exact lowercase host names', () => {
    expect(Object.isFrozen(EXTERNAL_LINK_HOSTS)).toBe(true);
    for (const host of EXTERNAL_LINK_HOSTS) expect(host).toBe(new URL(`https://${host}`).hostname);
  });

  it('§7 a refusal says why', () => {
    expect(decideExternalLink('https://finra.org.evil.com/')).toEqual({
      open: false,
      reason: 'host finra.org.evil.com is not on the allow-list',
    });
  });
});
