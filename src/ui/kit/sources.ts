import type { Scenario } from '../../engine/core/scenario.ts';

/**
 * Sources are written `file: quote or paraphrase` in scenario files; readers see the title of the
 * text and the quote, never a bare file name.
 */
export interface SourceRef {
  title: string;
  detail: string;
}

export function sourceRef(scenario: Scenario, source: string): SourceRef {
  const known = scenario.rules.sources.find((s) => source.startsWith(s.file));
  if (!known) return { title: source, detail: '' };
  const rest = source.slice(known.file.length).replace(/^\s*[:,;-]?\s*/, '');
  // A source may cite a second text after the first ("...; 000_x.txt: ..."): that one is named by its title too.
  const detail = scenario.rules.sources.reduce((text, s) => text.split(s.file).join(titleOf(s.title)), rest);
  return { title: titleOf(known.title), detail };
}

const titleOf = (title: string) => title.replace(/^"(.*)"(.*)$/, '“$1”$2');

/** "Source: ...", ending with one full stop however the source itself ends. */
export function sentence(text: string): string {
  return /[.!?]['"’”)]?$/.test(text) ? text : `${text}.`;
}

export function sourceText(scenario: Scenario, source: string | undefined, assumption?: boolean): string {
  if (source) {
    const ref = sourceRef(scenario, source);
    return ref.detail ? `${ref.title}: ${ref.detail}` : ref.title;
  }
  return assumption ? "designer's assumption" : '';
}
