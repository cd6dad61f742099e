/** The tab's calls to the bot's API (`src/domain/programme-view-types.ts`), with the viewer's credentials. */
import type { CatalogueResponse, MeetingsResponse, ProgrammeResponse, ProjectDetailResponse, SessionInfo } from '../domain/programme-view-types';

/** How requests say who is looking. */
export type Credentials = { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'demo'; userId: string };

export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
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

async function getJson<T>(path: string, credentials: Credentials): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: headersFor(credentials), credentials: 'omit' });
  } catch {
    throw new ApiError('The server could not be reached. Check your connection and try again.', 0);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const said = body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : null;
    throw new ApiError(said ?? `The server answered with an error (HTTP ${res.status}). Try again later.`, res.status);
  }
  if (body === null) throw new ApiError('The server sent something that is not the programme. Try again later.', res.status);
  return body as T;
}

export const getSession = (): Promise<SessionInfo> => getJson('/api/session', { kind: 'none' });
export const getProgramme = (credentials: Credentials): Promise<ProgrammeResponse> => getJson('/api/programme', credentials);
export const getProject = (reference: string, credentials: Credentials): Promise<ProjectDetailResponse> =>
  getJson(`/api/projects/${encodeURIComponent(reference)}`, credentials);
export const getMeetings = (credentials: Credentials): Promise<MeetingsResponse> => getJson('/api/meetings', credentials);
export const getCatalogue = (credentials: Credentials): Promise<CatalogueResponse> => getJson('/api/catalogue', credentials);
