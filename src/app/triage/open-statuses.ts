import type { RequestStatus } from '../../domain/request';

/** Requests waiting for a DSG decision. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'under-review', 'more-info-requested'];
