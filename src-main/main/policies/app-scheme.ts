/**
 * How the `app` scheme is registered (protocol.registerSchemesAsPrivileged, before `ready`):
 * - standard: relative URLs, origin `app://mqp`, web storage work as on https;
 * - secure: treated like https (secure context);
 * - supportFetchAPI: the console may fetch its own files (agreement texts).
 * Deliberately NOT corsEnabled: that privilege lets other origins read our responses without CORS checks.
 * Deliberately NOT bypassCSP: our CSP must apply. No service workers, no streaming needed.
 */
import { APP_SCHEME } from './app-origin';

export interface AppSchemePrivileges {
  standard: boolean;
  secure: boolean;
  supportFetchAPI: boolean;
  corsEnabled: boolean;
  bypassCSP: boolean;
  allowServiceWorkers: boolean;
  stream: boolean;
  codeCache: boolean;
}

export const APP_SCHEME_REGISTRATION: { scheme: string; privileges: AppSchemePrivileges } = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
    codeCache: false,
  },
};
