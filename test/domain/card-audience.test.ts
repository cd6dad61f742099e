import { dsgDeciders, MAX_USER_SPECIFIC_VIEWS, projectEditors, refreshAudience } from '../../src/domain/card-audience';
import { isAllowed, rolesFor } from '../../src/domain/permissions';
import type { Project } from '../../src/domain/project';
import { EMPTY_SETTINGS } from '../../src/domain/settings';

const person = (n: number) => ({ aadObjectId: `aad-${n}`, name: `Person ${n}` });

describe('refreshAudience: whose card Teams refreshes to their own view', () => {
  it('names each person once', () => {
    expect(refreshAudience(['29:a', '29:b', '29:a'])).toEqual(['29:a', '29:b']);
  });

  it(`names up to ${MAX_USER_SPECIFIC_VIEWS} people, and none past that (the card then has its actions for everyone)`, () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `29:${i}`);
    expect(refreshAudience(ids(MAX_USER_SPECIFIC_VIEWS))).toHaveLength(MAX_USER_SPECIFIC_VIEWS);
    expect(refreshAudience(ids(MAX_USER_SPECIFIC_VIEWS + 1))).toBeNull();
  });

  it('is null when nobody is known (no roster yet), and ignores missing ids', () => {
    expect(refreshAudience([])).toBeNull();
    expect(refreshAudience([null, undefined, ''])).toBeNull();
  });
});

describe('who may act on a card', () => {
  it("dsgDeciders are exactly those the permission table lets decide requests and gates: the DSG team's members, by Teams id", () => {
    const members = [{ id: '29:1', aadObjectId: 'aad-1', name: 'Person 1' }, { id: '29:2', aadObjectId: 'aad-2', name: 'Person 2' }];
    const deciders = dsgDeciders(members);
    expect(deciders).toEqual(['29:1', '29:2']);
    for (const n of [1, 2, 3]) {
      const roles = rolesFor({ id: `29:${n}`, aadObjectId: `aad-${n}`, name: `Person ${n}`, tenantId: 't' }, { settings: EMPTY_SETTINGS, members }, { adminAadIds: ['aad-3'] });
      expect(isAllowed('request.decide', roles)).toBe(deciders.includes(`29:${n}`));
      expect(isAllowed('gate.decide', roles)).toBe(deciders.includes(`29:${n}`));
    }
  });

  it('projectEditors are exactly those the permission table lets edit the project', () => {
    const project = { reference: 'DP-2026-0001', projectLead: person(1), projectManager: person(2), digitalLeader: person(3) } as unknown as Project;
    const settings = { ...EMPTY_SETTINGS, chair: person(4) };
    const ctx = { adminAadIds: ['aad-5'] };
    const editors = projectEditors(project, settings, ctx);
    expect([...editors].sort()).toEqual(['aad-1', 'aad-2', 'aad-3', 'aad-4', 'aad-5']);
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const roles = rolesFor({ id: `29:${n}`, aadObjectId: `aad-${n}`, name: `Person ${n}`, tenantId: "t" }, { project, settings }, ctx);
      expect(isAllowed('project.edit', roles)).toBe(editors.includes(`aad-${n}`));
    }
  });
});
