import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../../src-main/backend/sync/backoff';

const policy = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 5 };

describe('sync backoff', () => {
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [2, 1, 2000],
    [4, 0.5, 6000],
    [10, 1, 60_000], // capped
  ])('attempt %i with jitter %f waits %i ms', (attempts, random, expected) => {
    expect(backoffDelay(attempts, policy, null, () => random)).toBe(expected);
  });

  it('never waits less than the server’s Retry-After', () => {
    expect(backoffDelay(1, policy, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(6, policy, 1_000, () => 1)).toBe(32_000);
  });

  it.each([
    ['5', 5000],
    ['0', 0],
    ['Fri, 27 Nov 2026 12:00:10 GMT', 10_000],
    ['soon', null],
    [null, null],
  ])('reads Retry-After %s as %s ms', (header, expected) => {
    expect(parseRetryAfter(header, new Date('2026-11-27T12:00:00Z'))).toBe(expected);
  });
});
