/** Numbers in words as every output shows them: one definition each, so the cards, the tab and the reports agree. */

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** `£25,000` (whole pounds). */
export const pounds = (amount: number): string => POUNDS.format(amount);

/** `1 request`, `3 requests`. */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
