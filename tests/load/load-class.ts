import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { CouncilDeclarations } from '../../src/engine/core/declared.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { tableRun, type TableState } from '../../src/engine/play/class-table.ts';
import type { ClassView, StudentView } from '../../src/live/messages.ts';
import { choosableOptions, optionsOnTable } from './council-options.ts';
import { LoadClient } from './load-client.ts';
import { declaredAtTable, LOAD_TEAMS, loadExercise, seatsOf, shareOf, teamDeclarations, type PlannedDeclaration, type Seat } from './load-exercise.ts';
import type { LoadSize } from './load-flags.ts';
import type { SentMove, TimedMove } from './state-latency.ts';

/** One table of one class as the load run followed it: who sits there, how far it got, what its chair chose. */
export interface TableTrack {
  classIndex: number;
  table: number;
  /** Everyone who must see the table's states: its students and the teacher. */
  clients: LoadClient[];
  stage: string;
  /** The version at which the Council opened: from there every state must reach every client. */
  councilVersion?: number;
  /** What the chair's decision will be in the record: its index, the development and the option. */
  decision?: { index: number; development: string; option: string };
  declared?: CouncilDeclarations;
  final?: TableState;
  done: boolean;
}

/** What every class adds to while the run is on. */
export interface LoadLedger {
  /** Every accepted move with its table, whose clients' arrivals time it afterwards. */
  moves: { sent: SentMove; track: TableTrack }[];
  /** A student's join: from sending `student.join` to its acknowledgement. */
  joinMs: number[];
  /** Everything that connected, so it can all be closed at the end. */
  clients: LoadClient[];
  tables: TableTrack[];
  problems: string[];
}

export function newLedger(): LoadLedger {
  return { moves: [], joinMs: [], clients: [], tables: [], problems: [] };
}

/**
 * One class through a whole decision, as a lesson would go but all at once: the class is created, the
 * teacher opens it, every student joins its table and team, the teacher opens the Council at every table,
 * the member teams declare on every option, each chair chooses, and the teacher reveals each table's
 * consequences and moves it on to the next briefing.
 */
export async function runClass(url: string, scenario: Scenario, size: LoadSize, classIndex: number, ledger: LoadLedger): Promise<void> {
  const exercise = loadExercise(classIndex);
  const seats = seatsOf(size.students, size.tables);
  const tables: TableTrack[] = [];
  for (let table = 1; table <= size.tables; table++) {
    tables.push({ classIndex, table, clients: [], stage: 'class not yet created', done: false });
  }
  ledger.tables.push(...tables);
  const stage = (text: string) => {
    for (const t of tables) t.stage = text;
  };

  const created = await createClass(url, teacherAddress(classIndex), exercise, size.tables);
  stage('teacher opening the class');
  const teacher = connected(url, ledger, teacherAddress(classIndex));
  await teacher.connect();
  const view = await teacher.request<ClassView>('teacher.open', { code: created.code, secret: created.secret });
  for (const { table, state } of view.tables) teacher.keep(table, state);

  stage('students joining');
  const students = seats.map(() => connected(url, ledger));
  for (const t of tables) t.clients = [teacher, ...students.filter((_, k) => seats[k]?.table === t.table)];
  await Promise.all(
    seats.map(async (seat, k) => {
      const client = students[k] as LoadClient;
      await client.connect();
      const sentAt = performance.now();
      const joined = await client.request<StudentView>('student.join', {
        code: created.code,
        student: randomBytes(12).toString('base64url'),
        name: `Student ${seat.student + 1}`,
        table: seat.table,
        team: seat.team,
      });
      ledger.joinMs.push(performance.now() - sentAt);
      client.keep(joined.table, joined.state);
    }),
  );

  // The dashboard's one button opens the Council at every table; each table's briefing is then still at the version the teacher holds.
  stage('opening the Council');
  const before = new Map(tables.map((t) => [t.table, teacher.latest.get(t.table)?.version ?? 0]));
  const sentAt = performance.now();
  await teacher.request('teacher.all', { action: { type: 'advance' } });
  for (const t of tables) record(ledger, t, 'council', (before.get(t.table) ?? 0) + 1, sentAt);

  await Promise.all(
    tables.map((t) =>
      runTable(
        scenario,
        classIndex,
        t,
        teacher,
        seats.flatMap((seat, k) => (seat.table === t.table ? [{ seat, client: students[k] as LoadClient }] : [])),
        ledger,
      ),
    ),
  );
}

async function runTable(
  scenario: Scenario,
  classIndex: number,
  track: TableTrack,
  teacher: LoadClient,
  seated: { seat: Seat; client: LoadClient }[],
  ledger: LoadLedger,
): Promise<void> {
  const { table } = track;
  const council = await teacher.until(table, (s) => s.phase === 'council');
  track.councilVersion = council.version;
  const options = optionsOnTable(scenario, council);
  const development = tableRun(scenario, council, false).world.development ?? '';

  // Each member team's declarations, shared among its students at this table, each student sending its own in turn.
  const planned: PlannedDeclaration[] = [];
  const sending: Promise<void>[] = [];
  for (let team = 0; team < LOAD_TEAMS.length; team++) {
    const ofTeam = teamDeclarations(classIndex, table, team, options);
    planned.push(...ofTeam);
    const members = seated.filter((s) => s.seat.team === team);
    for (const { seat, client } of members) sending.push(declareInTurn(track, client, shareOf(ofTeam, seat.placeInTeam, members.length), ledger));
  }
  track.declared = declaredAtTable(planned);
  track.stage = `declaring (${planned.length} declarations)`;
  await Promise.all(sending);

  // The chair's team chooses once its own screen shows every declaration, among the options the engine lets it choose.
  const chair = seated.find((s) => s.seat.team === 0)?.client;
  if (!chair) throw new Error(`class ${classIndex + 1} table ${table}: no student holds the chair`);
  track.stage = "waiting for the chair's screen to show every declaration";
  const ready = await chair.until(table, (s) => countDeclared(s.drafts) === planned.length);
  const choosable = choosableOptions(scenario, ready);
  const option = choosable[(classIndex + table) % Math.max(1, choosable.length)];
  if (!option) throw new Error(`class ${classIndex + 1} table ${table}: no option can be chosen with what was declared`);
  track.decision = { index: council.record.decisions.length, development, option };
  track.stage = 'the chair choosing';
  await act(track, chair, 'choose', { type: 'choose', option, leverage: false }, ledger);

  track.stage = 'the teacher revealing';
  await teacher.until(table, (s) => s.phase === 'reveal');
  await act(track, teacher, 'reveal', { type: 'advance' }, ledger);
  track.stage = 'the teacher moving on to the next briefing';
  await teacher.until(table, (s) => s.phase === 'aftermath');
  const last = await act(track, teacher, 'next', { type: 'advance' }, ledger);

  track.stage = 'every screen catching up with the next briefing';
  await Promise.all(track.clients.map((c) => c.until(table, (s) => s.version >= last)));
  track.final = teacher.latest.get(table);
  track.stage = 'done';
  track.done = true;
}

async function declareInTurn(track: TableTrack, client: LoadClient, share: PlannedDeclaration[], ledger: LoadLedger): Promise<void> {
  for (const { option, member, declaration } of share) await act(track, client, 'declare', { type: 'declare', option, member, declaration }, ledger);
}

/** A move at the table, timed from its sending; gives the version it made. */
async function act(track: TableTrack, client: LoadClient, move: TimedMove, action: unknown, ledger: LoadLedger): Promise<number> {
  const sentAt = performance.now();
  const { version } = await client.request<{ version: number }>('table.act', { table: track.table, action });
  record(ledger, track, move, version, sentAt);
  return version;
}

function record(ledger: LoadLedger, track: TableTrack, move: TimedMove, version: number, sentAt: number): void {
  ledger.moves.push({ sent: { move, table: track.table, version, sentAt }, track });
}

function countDeclared(drafts: CouncilDeclarations): number {
  return Object.values(drafts).reduce((n, onOption) => n + Object.keys(onOption ?? {}).length, 0);
}

function connected(url: string, ledger: LoadLedger, from?: string): LoadClient {
  const client = new LoadClient(url, from);
  ledger.clients.push(client);
  return client;
}

/**
 * Creates the class over HTTP as its teacher's page does, from the teacher's own address: the server allows
 * each address only so many classes an hour, and fifty classes are fifty teachers' laptops. Loopback has a
 * whole /8 of them (127.0.0.0/8 reaches the server on Linux from any of its addresses).
 */
function createClass(url: string, from: string, exercise: unknown, tables: number): Promise<{ code: string; secret: string }> {
  const body = JSON.stringify({ exercise, tables });
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/classes`,
      { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          let reply: { code?: string; secret?: string; error?: string } = {};
          try {
            reply = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            // Said below with the status.
          }
          if (res.statusCode === 201 && reply.code && reply.secret) resolve({ code: reply.code, secret: reply.secret });
          else reject(new Error(`the class could not be created (${res.statusCode}): ${reply.error ?? 'no code in the reply'}`));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The address of class i's teacher's laptop, on loopback. */
export function teacherAddress(classIndex: number): string {
  return `127.0.0.${10 + (classIndex % 200)}`;
}
