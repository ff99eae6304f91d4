import { now } from '@/lib/clock';

const YEAR = 365 * 24 * 3_600_000;

/** Today through the one clock, a year and ten years on: a time-dependent test runs at each. */
export function severalDates(): [string, Date][] {
  const today = now();
  return [
    ['today', today],
    ['a year ahead', new Date(today.getTime() + YEAR)],
    ['ten years ahead', new Date(today.getTime() + 10 * YEAR)],
  ];
}
