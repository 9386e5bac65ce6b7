/**
 * worker_threads entry of a console import: runs one import job off the backend's thread and reports to it by
 * messages. Bundled as its own entry (out/main/import-worker.js) beside the backend worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runImportJob, type ImportJob } from './import-job';

if (!parentPort) throw new Error('import-worker must run as a worker thread');
const port = parentPort;
await runImportJob(workerData as ImportJob, (message) => port.postMessage(message));
