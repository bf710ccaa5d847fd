import type { Scenario } from '../../engine/core/scenario.ts';
import { present } from '../app/page-layout.ts';
import { markScreen } from '../app/test-markers.ts';
import { liveHash } from '../kit/route.ts';
import type { Library } from '../state/library.ts';
import { LiveConnection } from './connection.ts';
import { connectionStatus } from './connection-status.ts';
import { joinScreen } from './join-screen.ts';
import { hasJoined, studentToken } from './live-keys.ts';
import { layOutLive } from './live-layout.ts';
import { NO_ANSWER } from './no-answer.ts';
import type { LivePageHandle } from './student-page.ts';

/** How long the join screen waits to be shown a class's teams before offering the team's number instead. */
const LOOK_MS = 4000;

/**
 * The join screen on its own connection: it looks the class up by its code (a browser that has joined it
 * before goes straight back to its table), then joins with this browser's token for the class.
 */
export function openJoin(root: HTMLElement, library: Library, initialCode: string, go: (hash: string) => void): LivePageHandle {
  const connection = new LiveConnection(() => {});
  const screen = joinScreen(initialCode, {
    async look(code) {
      if (!(await connection.whenUp())) return { ok: false, error: NO_ANSWER, unanswered: true };
      if (hasJoined(code)) {
        const back = await connection.call('student.rejoin', { code, student: studentToken(code) });
        if (back.ok) {
          go(liveHash({ kind: 'table', code }));
          return { ok: false, error: '', unanswered: false };
        }
      }
      const reply = await connection.call('class.look', { code }, LOOK_MS);
      if (!reply.ok) return { ok: false, error: reply.error, unanswered: reply.error === NO_ANSWER };
      const loaded = await library.load(reply.value.exercise.scenario);
      const scenario: Scenario | null = loaded.ok ? loaded.value : null;
      return { ok: true, value: reply.value, scenario };
    },
    async join(code, name, table, team) {
      if (!(await connection.whenUp())) return NO_ANSWER;
      const reply = await connection.call('student.join', { code, student: studentToken(code), name, table, team });
      if (!reply.ok) return reply.error;
      go(liveHash({ kind: 'table', code }));
      return null;
    },
  });
  layOutLive(root, connectionStatus(connection), null, screen);
  markScreen('live-join', null);
  present(screen);
  return { dispose: () => connection.close() };
}
