import { z } from './zod.ts';
import { MEMBER_CODES } from './world.ts';

/**
 * In a classroom, teams play members: each team declares its member's stance on an option, with a sentence of
 * argument, and the engine takes the declaration in place of the stance it would compute. The declarations
 * are part of the run (its record, its link), so a replay rebuilds the same World.
 */
export const STANCE_KINDS = ['supports', 'accepts', 'objects', 'vetoes'] as const;
export type StanceKind = (typeof STANCE_KINDS)[number];

/** An argument is a sentence or two, not an essay: it travels in a link. */
export const MAX_ARGUMENT_LENGTH = 280;

export interface Declaration {
  stance: StanceKind;
  argument?: string;
}

/** The stances declared on one option, by member code: only the members a team holds. */
export type Declarations = Partial<Record<string, Declaration>>;

/** Everything declared at one Council, by option id: every option the teams spoke to. */
export type CouncilDeclarations = Partial<Record<string, Declarations>>;

export const declarationSchema = z.object({
  stance: z.enum(STANCE_KINDS),
  argument: z.string().max(MAX_ARGUMENT_LENGTH).optional(),
});

const memberCode = z.enum(MEMBER_CODES);
const optionId = z.string().regex(/^[a-z][a-z0-9_]*$/);

export const councilDeclarationsSchema = z.record(optionId, z.partialRecord(memberCode, declarationSchema));
