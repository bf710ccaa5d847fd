import { replay } from '../../engine/play/record.ts';
import type { Run } from '../../engine/play/run.ts';
import { runHash } from '../kit/route.ts';
import { compareScreen, type CompareTarget } from './compare-screen.ts';
import type { Screen } from '../kit/screen.ts';
import { listSlots, nameOf, readSlot } from '../state/saves.ts';
import type { Session } from '../state/session.ts';

/**
 * What a run can be set beside, and the Compare screen for one of them: the historical path on its
 * seed, or another saved run of the same scenario on the same seed (a branch of it, or another team's
 * run of the class's seed), since only on the same dice do differences come from the decisions alone.
 */
export function compareWith(s: Session, other: string | null, backLabel: string): Screen {
  const mine = s.run;
  const here = (to: string | null) => runHash(s.slot, { kind: 'compare', other: to });
  const targets: CompareTarget[] = [{ href: here(null), label: 'The historical path (same seed)', current: other === null }];
  for (const read of listSlots()) {
    if (!read.ok) continue;
    const x = read.value;
    if (x.slot === s.slot || x.record.scenario !== s.scenario.id || x.record.seed !== mine.seed) continue;
    const n = x.record.decisions.length;
    targets.push({ href: here(x.slot), label: `${nameOf(x, s.scenario.title)} · ${n} ${n === 1 ? 'decision' : 'decisions'}`, current: x.slot === other });
  }
  let beside: Run = s.historicalRun();
  let otherName = 'The historical path';
  let notice: string | null = null;
  if (other !== null) {
    const read = readSlot(other);
    const comparable = read?.ok && read.value.record.scenario === s.scenario.id && read.value.record.seed === mine.seed;
    const replayed = read?.ok && comparable ? replay(s.scenario, read.value.record, { recordCauses: false }) : null;
    if (read?.ok && replayed?.ok) {
      beside = replayed.value.run;
      otherName = `The other run (${nameOf(read.value, s.scenario.title)})`;
    } else {
      const why = !read
        ? 'it is no longer in this browser'
        : !read.ok
          ? read.error.reason
          : replayed && !replayed.ok
            ? replayed.error
            : 'it is not a run of this scenario on this seed';
      notice = `That saved run cannot be set beside this one (${why}): the historical path is shown instead.`;
      targets[0].current = true;
    }
  }
  return compareScreen({
    mine,
    other: beside,
    otherName,
    targets,
    backHref: runHash(s.slot),
    backLabel,
    outlookHref: (at) => runHash(s.slot, { kind: 'outlook', at }),
    otherHref: other !== null && !notice ? runHash(other) : null,
    notice,
  });
}
