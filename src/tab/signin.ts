/**
 * Who is looking. In Teams with SSO the tab asks Teams for a token and sends it as a bearer token; if
 * that fails it carries on with the public view and says so. In local mode it offers a clearly marked
 * demo sign-in as one of the Playground's mock users (sent as X-Demo-User). Otherwise: the public view.
 */
import type { SessionInfo, Viewer } from '../domain/programme-view-types';
import type { Credentials } from './api';
import { fill, h } from './dom';
import { type TeamsHost, withTimeout } from './teams';

export interface SignIn {
  credentials(): Promise<Credentials>;
  /** The server would not take these credentials: carry on with the public view, saying why. */
  refused(reason: string): void;
  /** Says who the server says is looking. */
  showViewer(viewer: Viewer | null): void;
}

const DEMO_USER_KEY = 'dsg-tab-demo-user';
const TOKEN_TIMEOUT_MS = 10_000;

/** sessionStorage can be blocked for a framed page (third-party storage): then the choice lasts until reload. */
const remembered = {
  get: (): string => {
    try {
      return sessionStorage.getItem(DEMO_USER_KEY) ?? '';
    } catch {
      return '';
    }
  },
  set: (value: string): void => {
    try {
      sessionStorage.setItem(DEMO_USER_KEY, value);
    } catch {
      // not kept: fine
    }
  },
};

/** "Signed in as DSG Chair · DSG chair": the roles that matter here ("Colleague", which everyone is, goes unsaid). */
const signedInAs = (viewer: Viewer): string => {
  const roles = viewer.roles.filter((r) => r !== 'Colleague');
  return `Signed in as ${viewer.name}${roles.length ? ` · ${roles.join(', ')}` : ''}`;
};

export function createSignIn(root: HTMLElement, session: SessionInfo, teams: TeamsHost | null, notify: (text: string) => void, onChange: () => void): SignIn {
  const viewerLine = h('p', { class: 'viewer', id: 'viewer' });
  let useSso = session.mode === 'teams-sso' && teams !== null;
  let demoUser = '';
  let picker: HTMLSelectElement | null = null;

  // The API offers demo users in local mode only (also when SSO is configured there, for trying it out).
  const users = session.demoUsers ?? [];
  if (users.length > 0) {
    demoUser = users.some((u) => u.id === remembered.get()) ? remembered.get() : '';
    picker = h('select', { id: 'demo-user' }, h('option', { value: '' }, 'Nobody (public view)'), users.map((u) => h('option', { value: u.id }, u.name)));
    picker.value = demoUser;
    picker.addEventListener('change', () => {
      demoUser = picker?.value ?? '';
      remembered.set(demoUser);
      onChange();
    });
    fill(
      root,
      viewerLine,
      h('fieldset', { class: 'demo-signin' }, h('legend', {}, 'Demo sign-in (local mode only)'), h('label', { for: 'demo-user' }, 'Sign in as'), picker),
    );
  } else {
    fill(root, viewerLine);
  }

  return {
    async credentials() {
      if (demoUser) return { kind: 'demo', userId: demoUser };
      if (!useSso || !teams) return { kind: 'none' };
      try {
        return { kind: 'bearer', token: await withTimeout(teams.getToken(), TOKEN_TIMEOUT_MS) };
      } catch (error) {
        this.refused(`Teams could not sign you in to the tab (${error instanceof Error ? error.message : String(error)})`);
        return { kind: 'none' };
      }
    },
    refused(reason) {
      useSso = false;
      demoUser = '';
      if (picker) picker.value = '';
      remembered.set('');
      notify(`${reason}, so you see the public view: names of people are hidden.`);
    },
    showViewer(viewer) {
      if (viewer) viewerLine.textContent = signedInAs(viewer);
      else if (session.mode === 'teams-sso' && !teams) viewerLine.textContent = 'Public view: open the tab in Teams to see names.';
      else viewerLine.textContent = 'Public view: names of people are hidden.';
    },
  };
}
