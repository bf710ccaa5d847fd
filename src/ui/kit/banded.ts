import { meterBand, type Meter } from '../../engine/rules/meter-meaning.ts';
import { whole } from './format.ts';

/** A meter's value with its band, as tables print it: "37 (breaking)". */
export const banded = (meter: Meter, value: number) => `${whole(value)} (${meterBand(meter, value).word})`;
