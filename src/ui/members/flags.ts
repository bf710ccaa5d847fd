// Flags from the flag-icons package, one SVG each as a Vite asset: only the members' flags reach the
// build (not the package's stylesheet of 270 flags), served from 'self' or inlined as data:, both of
// which the page's Content-Security-Policy allows.
import am from 'flag-icons/flags/4x3/am.svg';
import az from 'flag-icons/flags/4x3/az.svg';
import by from 'flag-icons/flags/4x3/by.svg';
import ge from 'flag-icons/flags/4x3/ge.svg';
import kg from 'flag-icons/flags/4x3/kg.svg';
import kz from 'flag-icons/flags/4x3/kz.svg';
import ru from 'flag-icons/flags/4x3/ru.svg';
import tj from 'flag-icons/flags/4x3/tj.svg';
import uz from 'flag-icons/flags/4x3/uz.svg';

/** The flag of every member code the engine knows (MEMBER_CODES): the six of the CSTO, and Uzbekistan, Azerbaijan and Georgia of its early years. */
const FLAGS: Record<string, string> = { RU: ru, BY: by, AM: am, KZ: kz, KG: kg, TJ: tj, UZ: uz, AZ: az, GE: ge };

export function flagUrl(code: string): string | null {
  return FLAGS[code] ?? null;
}
