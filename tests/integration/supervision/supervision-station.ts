/** A demo station as `npm start` makes it (two weeks of enrollment history), signed in as each demo account. */
import { callOk, testBackend } from '../../support/test-backend';

export const NOW = '2026-11-27T15:00:00Z';
export const RANGE = { from: '2026-11-13', to: '2026-11-27' };

export async function supervisionStation() {
  const t = await testBackend({ demoIndividuals: 800, now: NOW });
  const signIn = async (username: string) => (await callOk<{ token: string }>(t.backend, 'session.signIn', { username, password: 'demo-password-1' })).token;
  return { ...t, super1: await signIn('super1'), admin: await signIn('admin'), agent1: await signIn('agent1') };
}
