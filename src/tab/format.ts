/** Numbers and dates the UK way: £12,500 and 14 Jan 2027. */
export { ukDate, ukDateTime } from '../domain/dates';

const WHOLE_POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const POUNDS_AND_PENCE = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });
const NUMBER = new Intl.NumberFormat('en-GB');

/** `£12,500`; pence only when there are any (`£12,500.50`). */
export const money = (amount: number): string => (Number.isInteger(amount) ? WHOLE_POUNDS : POUNDS_AND_PENCE).format(amount);

/** `1 project`, `12 projects`, `1,024 projects`. */
export const count = (n: number, one: string, many = `${one}s`): string => `${NUMBER.format(n)} ${n === 1 ? one : many}`;
