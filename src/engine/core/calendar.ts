/** The Gregorian calendar's month lengths, for development dates: no Date object, no time zone, no locale. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY, YYYY-MM or YYYY-MM-DD as months since the year 0, each day its share of its month (a missing part is the first). */
export function calendarMonth(time: string): number {
  const [year = 0, month = 1, day = 1] = time.split('-').map(Number);
  return year * 12 + (month - 1) + (day - 1) / daysInMonth(year, month);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A calendar position (months since the year 0) as "March 2021", in English whatever the machine's locale. */
export function monthName(month: number): string {
  const whole = Math.floor(month);
  return `${MONTH_NAMES[((whole % 12) + 12) % 12]} ${Math.floor(whole / 12)}`;
}
