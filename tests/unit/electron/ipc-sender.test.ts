import { describe, expect, it } from 'vitest';
import { validateIpcSender } from '../../../src-main/main/policies/ipc-sender';

const topFrame = { parent: null };
const childFrame = { parent: { url: 'app://mqp/index.html' } };

describe('§7 IPC sender validation: top frame of app://mqp only', () => {
  it.each(['app://mqp/index.html', 'app://mqp/', 'app://mqp/individuals/42#top'])('§7 trusts the top frame at %s', (url) => {
    expect(validateIpcSender({ ...topFrame, url })).toEqual({ trusted: true });
  });

  it.each([
    ['an iframe of our own origin', { ...childFrame, url: 'app://mqp/index.html' }, 'not the top frame'],
    ['a remote page', { ...topFrame, url: 'https://evil.example/' }, 'is not app://mqp'],
    ['a file page', { ...topFrame, url: 'file:///tmp/x.html' }, 'is not app://mqp'],
    ['another app host', { ...topFrame, url: 'app://mqp.evil/' }, 'is not app://mqp'],
    ['about:blank', { ...topFrame, url: 'about:blank' }, 'is not app://mqp'],
    ['an empty URL', { ...topFrame, url: '' }, 'is not app://mqp'],
    ['a destroyed frame', null, 'no sender frame'],
    ['a missing frame', undefined, 'no sender frame'],
  ])('§7 rejects %s', (_why, frame, reason) => {
    const decision = validateIpcSender(frame);
    expect(decision.trusted).toBe(false);
    expect(decision.trusted === false && decision.reason).toContain(reason);
  });
});
