import { describe, expect, it } from 'vitest';
import { MEMBER_CODES, memberAt, memberSlot, type MemberState } from '../../src/engine/core/world.ts';
import { fixture } from '../support/scenarios.ts';

/** memberAt reads each slot by a property name written out: it must be the member of that code, whatever MEMBER_CODES becomes. */
describe('members by slot', () => {
  it('should find every member by its slot, as by its code', () => {
    const world = { ...fixture().baseline, members: {} as Record<string, MemberState> };
    for (const [i, code] of MEMBER_CODES.entries()) world.members[code] = { loyalty: i, publicSupport: 0, hedging: 0, ties: 0, status: 'member' };
    for (const code of MEMBER_CODES) expect(memberAt(world, memberSlot(code))).toBe(world.members[code]);
  });

  it('should refuse a member the world does not have: every slot the engine keeps is one of its members', () => {
    const world = fixture().baseline;
    for (const code of MEMBER_CODES) if (!(code in world.members)) expect(() => memberAt(world, memberSlot(code))).toThrow(/no member in slot/);
  });
});
