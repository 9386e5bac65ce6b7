import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, securityHeaders } from '../../../src-main/main/policies/csp';

describe('§7 Content-Security-Policy', () => {
  it('§7 is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it.each(["'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'blob:'])('§7 never contains %s', (source) => {
    for (const directive of CONTENT_SECURITY_POLICY.split('; ')) {
      expect(directive.split(' ').slice(1)).not.toContain(source);
    }
  });

  it("§7 only style-src allows 'unsafe-inline'", () => {
    const withInline = CONTENT_SECURITY_POLICY.split('; ').filter((d) => d.includes("'unsafe-inline'"));
    expect(withInline).toEqual(["style-src 'self' 'unsafe-inline'"]);
  });

  it('§7 response headers carry the CSP and nosniff', () => {
    expect(securityHeaders()).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
