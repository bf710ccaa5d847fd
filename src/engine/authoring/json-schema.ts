import { z } from '../core/zod.ts';
import { campaignSchema, rulesSchema, scenarioSchema } from './format/schema.ts';

/** Draft-07 JSON Schemas generated from the zod schemas, for editors (VS Code's YAML extension). */
export function jsonSchemas(): Record<'scenario' | 'campaign' | 'rules', unknown> {
  const make = (schema: z.ZodType, title: string) => ({
    ...(z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as object),
    title,
  });
  return {
    scenario: make(scenarioSchema, 'Article Four scenario'),
    campaign: make(campaignSchema, 'Article Four campaign'),
    rules: make(rulesSchema, 'Article Four standing rules'),
  };
}
