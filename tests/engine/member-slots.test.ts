import { describe, expect, it } from 'vitest';
import {
  MEMBER_CODES,
  MEMBER_FIELDS,
  keyedRecord,
  memberSlot,
  newWorld,
  statusAt,
  valueIndex,
  writeAtSlot,
  type MemberState,
} from '../../src/engine/core/world.ts';
import { fixture } from '../support/scenarios.ts';

/**
 * The rules read and write members by slot (World.values, World.statuses) while the rest of the game
 * reads `world.members.AM`: both must be the same member, whatever MEMBER_CODES becomes.
 */
describe('members by slot', () => {
  const everyMember = () => {
    const members: Record<string, MemberState> = {};
    for (const [i, code] of MEMBER_CODES.entries()) members[code] = { loyalty: i, publicSupport: 10 + i, hedging: 20 + i, ties: 30 + i, status: 'member' };
    return newWorld({ members, credibility: 0, moscowBandwidth: 0, development: null });
  };

  it("should keep each member's values where its slot and field say, and show them through world.members", () => {
    const world = everyMember();
    for (const code of MEMBER_CODES) {
      const slot = memberSlot(code);
      for (const field of MEMBER_FIELDS) expect(world.values[valueIndex(slot, field)]).toBe(world.members[code]?.[field]);
      expect(world.members[code]?.loyalty).toBe(slot);
    }
  });

  it('should write through world.members into the values the rules read, and back', () => {
    const world = everyMember();
    const am = world.members.AM as MemberState;
    am.hedging = 77;
    am.status = 'suspended';
    expect(world.values[valueIndex(memberSlot('AM'), 'hedging')]).toBe(77);
    expect(statusAt(world, memberSlot('AM'))).toBe('suspended');
    world.values[valueIndex(memberSlot('KZ'), 'ties')] = 5;
    expect(world.members.KZ?.ties).toBe(5);
    expect(JSON.parse(JSON.stringify(world.members.AM))).toEqual({ loyalty: 2, publicSupport: 12, hedging: 77, ties: 32, status: 'suspended' });
  });

  it('should write a record by slot under the code of that slot', () => {
    const record = keyedRecord(MEMBER_CODES);
    for (const code of MEMBER_CODES) writeAtSlot(record, memberSlot(code), memberSlot(code) * 10);
    expect(Object.keys(record)).toEqual([...MEMBER_CODES]);
    for (const code of MEMBER_CODES) expect(record[code]).toBe(memberSlot(code) * 10);
  });

  it('should refuse a member the world does not have: every slot the engine keeps is one of its members', () => {
    const world = fixture().baseline;
    for (const code of MEMBER_CODES) if (!(code in world.members)) expect(() => statusAt(world, memberSlot(code))).toThrow(/no member in slot/);
  });
});
