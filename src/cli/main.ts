#!/usr/bin/env node
import { isMainThread } from 'node:worker_threads';

// Batch commands start their threads on this same file (the bundle is one file): a thread serves runs,
// the main thread is the command line.
if (isMainThread) process.exitCode = await (await import('./command-line.ts')).runCommandLine();
else await import('./parallel/batch-worker.ts');
