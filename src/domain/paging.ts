/** Lists a person pages through (my requests, pending, the programme) show this many items a page. */
export const PAGE_SIZE = 10;

/** One page of a longer list, and how long the whole list is. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The page asked for (1 when it is not a whole number from 1), and how many pages `total` items make. */
export function pageOf(pageNo: number, pageSize: number, total: number): { page: number; pages: number } {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, not ${pageSize}`);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Number.isInteger(pageNo) && pageNo >= 1 ? pageNo : 1;
  return { page, pages };
}
