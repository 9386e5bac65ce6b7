#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx mqp …` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
const { processIo } = await import('../src-main/cli/io.ts');
process.exitCode = await main(process.argv.slice(2), processIo);
