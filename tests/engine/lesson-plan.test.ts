import { describe, expect, it } from 'vitest';
import { lessonPlan, UNTIMED_MINUTES } from '../../src/engine/play/lesson-plan.ts';

const total = (plan: ReturnType<typeof lessonPlan>) => plan.rows.reduce((sum, r) => sum + r.minutes, 0);

describe("a lesson's timetable", () => {
  it("should keep the teacher's timers where they fit, and give the spare minutes to the debrief", () => {
    const plan = lessonPlan({ briefing: 5, council: 8, aftermath: 2 }, [1, 3], 45);
    expect(plan.scaled).toBe(false);
    expect(plan.rows.map((r) => [r.phase, r.decision ?? null, r.start, r.minutes])).toEqual([
      ['briefing', null, 0, 5],
      ['council', 1, 5, 8],
      ['aftermath', 1, 13, 2],
      ['council', 3, 15, 8],
      ['aftermath', 3, 23, 2],
      ['debrief', null, 25, 20],
    ]);
  });

  it('should shrink every phase by the same share when the decisions do not fit, keeping the debrief and the lesson length', () => {
    const plan = lessonPlan({ briefing: 10, council: 15, aftermath: 5 }, [1, 2, 3, 4, 5], 45);
    expect(plan.scaled).toBe(true);
    expect(plan.overrun).toBe(false);
    expect(total(plan)).toBe(45);
    const debrief = plan.rows.at(-1);
    expect(debrief?.phase).toBe('debrief');
    expect(debrief?.minutes).toBeGreaterThanOrEqual(9);
    const councils = plan.rows.filter((r) => r.phase === 'council').map((r) => r.minutes);
    expect(new Set(councils).size).toBe(1);
    expect(councils[0]).toBeLessThan(15);
    // The 90-minute lesson has room for more of each.
    const longer = lessonPlan({ briefing: 10, council: 15, aftermath: 5 }, [1, 2, 3, 4, 5], 90);
    expect(longer.rows.find((r) => r.phase === 'council')?.minutes).toBeGreaterThan(councils[0] ?? 0);
    expect(total(longer)).toBe(90);
  });

  it('should give phases without a timer their usual length, and say when even a minute each overruns', () => {
    const untimed = lessonPlan({ briefing: 0, council: 0, aftermath: 0 }, [1], 90);
    expect(untimed.rows[0]?.minutes).toBe(UNTIMED_MINUTES.briefing);
    expect(untimed.rows[1]?.minutes).toBe(UNTIMED_MINUTES.council);
    const crowded = lessonPlan(
      { briefing: 5, council: 8, aftermath: 2 },
      Array.from({ length: 30 }, (_, i) => i + 1),
      45,
    );
    expect(crowded.overrun).toBe(true);
    expect(crowded.rows.every((r) => r.minutes >= 1)).toBe(true);
  });
});
