// Runs the command line's bundle in this process and, as it exits, prints its peak resident memory
// (threads included: they share the process) to stderr: `node peak-memory.mjs <bundle> <command> ...`.
import { pathToFileURL } from 'node:url';
import { peakMegabytes } from './peak-rss.mjs';

const [bundle] = process.argv.splice(2, 1);
process.on('exit', () => process.stderr.write(`peak-rss-mb ${peakMegabytes().toFixed(1)}\n`));
await import(pathToFileURL(bundle).href);
