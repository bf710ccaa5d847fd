import { readRunRecord, type RunRecord } from '../../engine/play/record.ts';
import { decodeRunParams } from '../../engine/play/share-link.ts';

/**
 * What a teacher brings in, read into run records: share links pasted many at once, record files, the
 * saves of this browser. Each item that cannot be read gets a sentence of its own naming it; the others
 * are still read.
 */
export interface IncomingRun {
  /** Where it came from, as a sentence names it: "Link 2", "File group-a.json". */
  source: string;
  record: RunRecord;
  /** A name the run already has (a save's, a file's), used as the group's name. */
  name?: string;
}

export interface Incoming {
  runs: IncomingRun[];
  problems: string[];
  /** The links that could not be read, as pasted: left in the box to be mended. */
  unread?: string[];
}

/** How a link is shown in a sentence: whole when short, its start and end when long. */
function shortLink(link: string): string {
  return link.length <= 60 ? link : `${link.slice(0, 36)}…${link.slice(-20)}`;
}

/** A word that is meant as a link (it has an address's or a query's marks), as against a name written beside one. */
const looksLikeLink = (word: string) => /:\/\/|[?#&=]/.test(word);

/**
 * Links one per line or separated by spaces: each is read on its own. Words written on a line beside a
 * single link ("Hawks: https://...") name that group, as a class sends links with its name on; words that
 * cannot belong to one link are said, so that nothing pasted is silently dropped.
 */
export function readLinks(text: string): Incoming {
  const incoming: Incoming = { runs: [], problems: [], unread: [] };
  let count = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    const words = line.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) return;
    const links = words.filter(looksLikeLink);
    const others = words.filter((w) => !looksLikeLink(w));
    const said = others.join(' ');
    if (links.length === 0) {
      incoming.problems.push(`Line ${i + 1} (“${shortLink(said)}”) has no link in it.`);
      incoming.unread?.push(line.trim());
      return;
    }
    // The punctuation that sets a name off from its link ("Hawks:", "— Hawks") is not part of it.
    const name = links.length === 1 ? said.replace(/^[\s:;,.–—-]+|[\s:;,.–—-]+$/g, '') || undefined : undefined;
    if (links.length > 1 && said) {
      incoming.problems.push(`Line ${i + 1} has several links, so “${shortLink(said)}” is not used as a name: put each group’s name on the line of its link.`);
    }
    for (const link of links) {
      const source = `Link ${++count}`;
      const read = decodeRunParams(link);
      if (read.ok) incoming.runs.push({ source, record: read.value, ...(name ? { name } : {}) });
      else {
        incoming.problems.push(`${source} (${shortLink(link)}) cannot be used: ${read.error}.`);
        incoming.unread?.push(name ? `${name}: ${link}` : link);
      }
    }
  });
  return incoming;
}

const MAX_RUNS_IN_A_FILE = 200;

/** One item of a file: a record, or something holding one (a save, a group of an exported class). */
function recordIn(item: unknown): { record: unknown; name?: string } {
  if (item && typeof item === 'object' && !Array.isArray(item) && 'record' in item) {
    const { record, name } = item as { record: unknown; name?: unknown };
    return { record, name: typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined };
  }
  return { record: item };
}

/**
 * A file the game or the command line wrote: a run record (`run --record`), a save, a list of records,
 * or the class results' own JSON (its groups, each with its name and record).
 */
export function readRecordFile(fileName: string, text: string): Incoming {
  const incoming: Incoming = { runs: [], problems: [] };
  const source = `File ${fileName}`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    incoming.problems.push(`${source} cannot be used: it is not a run record (not JSON data).`);
    return incoming;
  }
  const groups = data && typeof data === 'object' && !Array.isArray(data) && 'groups' in data ? (data as { groups: unknown }).groups : undefined;
  const items = Array.isArray(groups) ? groups : Array.isArray(data) ? data : [data];
  if (items.length > MAX_RUNS_IN_A_FILE) {
    incoming.problems.push(`${source} cannot be used: it holds ${items.length} runs, and a class's results take at most ${MAX_RUNS_IN_A_FILE} from one file.`);
    return incoming;
  }
  items.forEach((item, i) => {
    const { record, name } = recordIn(item);
    const itemSource = items.length > 1 ? `${source}, run ${i + 1}` : source;
    const read = readRunRecord(record);
    if (read.ok) incoming.runs.push({ source: itemSource, record: read.value, name });
    else incoming.problems.push(`${itemSource} cannot be used: ${read.error}.`);
  });
  return incoming;
}

/** The same run brought in twice (the same scenario, seed, decisions and declared stances) is one group, not two. */
export function runKey(record: RunRecord): string {
  return JSON.stringify([record.scenario, record.seed, record.decisions, record.declared ?? []]);
}
