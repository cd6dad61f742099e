import { DEFAULT_RETENTION, FORMER, daysInWords, describeRetention, retentionCutoffs, roleOfAction, withoutNames } from '../../src/domain/data-protection';

describe('withoutNames', () => {
  const names = new Map([
    ['Ann Lee', FORMER.requester],
    ['Ann', FORMER.dsgMember],
    ['Al', FORMER.dsgMember],
  ]);

  it('replaces whole names only, longest first, and leaves names of under 3 characters alone', () => {
    expect(withoutNames('Ann Lee asked Ann; Annabel and Ann2 stay; Al too.', names)).toBe(`${FORMER.requester} asked ${FORMER.dsgMember}; Annabel and Ann2 stay; Al too.`);
    expect(withoutNames('"by":"Ann"', names)).toBe(`"by":"${FORMER.dsgMember}"`);
    expect(withoutNames('', names)).toBe('');
    expect(withoutNames('Ann', new Map())).toBe('Ann');
  });
});

describe('retention rules', () => {
  it('counts back from now by whole days', () => {
    expect(retentionCutoffs(new Date('2026-12-04T02:15:00Z'), DEFAULT_RETENTION)).toEqual({
      closedRequests: '2024-12-04T02:15:00.000Z',
      completedProjects: '2020-12-05T02:15:00.000Z',
      drafts: '2026-09-05T02:15:00.000Z',
      deliveryLogs: '2025-12-04T02:15:00.000Z',
    });
  });

  it('says periods and plans in words', () => {
    expect([730, 365, 2190, 90, 1, 400].map(daysInWords)).toEqual(['2 years', '1 year', '6 years', '90 days', '1 day', '400 days']);
    expect(describeRetention({ closedRequests: ['DP-2024-0001'], completedProjects: [], drafts: 2, deliveryLogs: 1 }, DEFAULT_RETENTION)).toEqual([
      'Pseudonymise the people in 1 declined, withdrawn or merged request decided more than 2 years ago: DP-2024-0001.',
      'Pseudonymise the people in 0 projects completed more than 6 years ago.',
      'Delete 2 drafts not saved for 90 days.',
      'Delete 1 delivery log entry (sent or failed messages) older than 1 year.',
    ]);
  });

  it('names the role each audited action was done in', () => {
    expect(['request.submit', 'request.approve', 'settings.save', 'milestone.move', 'project.plan', 'something.else'].map(roleOfAction)).toEqual([
      FORMER.requester,
      FORMER.dsgMember,
      FORMER.dsgMember,
      FORMER.projectTeam,
      FORMER.projectTeam,
      FORMER.colleague,
    ]);
  });
});
