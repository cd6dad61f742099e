/** The tab's calls to the bot's API (`src/domain/programme-view-types.ts`), with the viewer's credentials. */
import type { ApiRefusal, CatalogueResponse, MeetingsResponse, PeopleResponse, ProgrammeResponse, ProjectDetailResponse, RiskBody, RiskSaved, SessionInfo } from '../domain/programme-view-types';

/** How requests say who is looking. */
export type Credentials = { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'demo'; userId: string };

export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** A form's problems, one per input (a 400 for a form). */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function headersFor(credentials: Credentials): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credentials.kind === 'bearer') headers.authorization = `Bearer ${credentials.token}`;
  if (credentials.kind === 'demo') headers['x-demo-user'] = credentials.userId;
  return headers;
}

/** GETs `path`, or POSTs `body` to it as JSON; the answer's JSON, or an ApiError in the server's words. */
async function callJson<T>(path: string, credentials: Credentials, body?: object): Promise<T> {
  let res: Response;
  try {
    const init: RequestInit = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) };
    res = await fetch(path, { ...init, headers: { ...headersFor(credentials), ...(body && { 'content-type': 'application/json' }) }, credentials: 'omit' });
  } catch {
    throw new ApiError('The server could not be reached. Check your connection and try again.', 0);
  }
  const answer: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const refusal = (answer && typeof answer === 'object' ? answer : {}) as Partial<ApiRefusal>;
    const fields = refusal.fields && typeof refusal.fields === 'object' ? refusal.fields : {};
    throw new ApiError(typeof refusal.error === 'string' ? refusal.error : `The server answered with an error (HTTP ${res.status}). Try again later.`, res.status, fields);
  }
  if (answer === null) throw new ApiError('The server sent something that is not the programme. Try again later.', res.status);
  return answer as T;
}
const getJson = <T>(path: string, credentials: Credentials): Promise<T> => callJson<T>(path, credentials);

export const getSession = (): Promise<SessionInfo> => getJson('/api/session', { kind: 'none' });
export const getProgramme = (credentials: Credentials): Promise<ProgrammeResponse> => getJson('/api/programme', credentials);
export const getProject = (reference: string, credentials: Credentials): Promise<ProjectDetailResponse> =>
  getJson(`/api/projects/${encodeURIComponent(reference)}`, credentials);
export const getMeetings = (credentials: Credentials): Promise<MeetingsResponse> => getJson('/api/meetings', credentials);
export const getCatalogue = (credentials: Credentials): Promise<CatalogueResponse> => getJson('/api/catalogue', credentials);
export const findPeople = (text: string, credentials: Credentials): Promise<PeopleResponse> => getJson(`/api/people?q=${encodeURIComponent(text)}`, credentials);
export const addRisk = (reference: string, body: RiskBody, credentials: Credentials): Promise<RiskSaved> => callJson(`/api/projects/${encodeURIComponent(reference)}/risks`, credentials, body);
export const editRisk = (reference: string, id: string, body: RiskBody, credentials: Credentials): Promise<RiskSaved> =>
  callJson(`/api/projects/${encodeURIComponent(reference)}/risks/${encodeURIComponent(id)}`, credentials, body);
