import { DEFAULT_RETENTION, FORMER, daysInWords, describeRetention, everyoneIn, meetingWithout, retentionCutoffs, roleOfAction, withoutNames } from '../../src/domain/data-protection';
import { draftMinutes, endMeeting, markPresent, recordOutcome, setAttendance, startMeeting } from '../../src/domain/meetings';

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
      meetings: '2020-12-05T02:15:00.000Z',
    });
  });

  it('says periods and plans in words', () => {
    expect([730, 365, 2190, 90, 1, 400].map(daysInWords)).toEqual(['2 years', '1 year', '6 years', '90 days', '1 day', '400 days']);
    expect(describeRetention({ closedRequests: ['DP-2024-0001'], completedProjects: [], drafts: 2, deliveryLogs: 1, meetings: ['2020-10-01'] }, DEFAULT_RETENTION)).toEqual([
      'Pseudonymise the people in 1 declined, withdrawn or merged request decided more than 2 years ago: DP-2024-0001.',
      'Pseudonymise the people in 0 projects completed more than 6 years ago.',
      'Delete 2 drafts not saved for 90 days.',
      'Delete 1 delivery log entry (sent or failed messages) older than 1 year.',
      'Pseudonymise the people in the record of 1 DSG meeting held more than 6 years ago: 2020-10-01; the minutes keep what was decided.',
    ]);
  });

  it('names the role each audited action was done in', () => {
    expect(['request.submit', 'request.approve', 'settings.save', 'milestone.move', 'project.plan', 'measure.record', 'benefit.record', 'meeting.start', 'minutes.publish', 'action.done', 'something.else'].map(roleOfAction)).toEqual([
      FORMER.requester,
      FORMER.dsgMember,
      FORMER.dsgMember,
      FORMER.projectTeam,
      FORMER.projectTeam,
      FORMER.projectTeam,
      FORMER.projectTeam,
      FORMER.dsgMember,
      FORMER.dsgMember,
      FORMER.colleague,
      FORMER.colleague,
    ]);
  });
});

describe('people in a meeting record', () => {
  const NOW = '2026-12-04T10:00:00.000Z';
  const chair = { aadObjectId: 'aad-chair', name: 'Dana Chair' };
  const ann = { aadObjectId: 'aad-ann', name: 'Ann Example' };
  const bob = { aadObjectId: 'aad-bob', name: 'Bob Member' };
  const agenda = [
    { id: 'added:a1', source: 'added' as const, reference: null, title: 'Ann Example on the website', detail: 'Added by Ann Example', addedBy: 'Ann Example' },
    { id: 'open-action:x', source: 'open-action' as const, reference: null, title: 'Survey', detail: 'Bob Member, due 1 Dec 2026', addedBy: null },
  ];
  let meeting = startMeeting('m1', '2026-12-04', '10:00', agenda, 'Dana Chair', NOW);
  meeting = setAttendance(markPresent(meeting, chair, NOW), [chair, bob], [ann], NOW);
  meeting = recordOutcome(meeting, 'added:a1', { kind: 'noted', note: 'Ann Example to report back', by: 'Ann Example', at: NOW }, NOW);
  meeting = endMeeting({ ...meeting, notes: 'Dana Chair thanked Ann Example and Bob Member.' }, NOW);

  it('erasure takes one person out: their attendance, what they recorded, their name in the notes; the rest stays', () => {
    const names = new Map([[ann.name, FORMER.colleague]]);
    const out = meetingWithout(meeting, { person: (p) => p.aadObjectId === ann.aadObjectId, name: (n) => n === ann.name, names });
    expect(out.apologies).toEqual([{ aadObjectId: '', name: FORMER.dsgMember }]);
    expect(out.attendees).toEqual([chair, bob]);
    expect(out.agenda[0]).toMatchObject({ title: `${FORMER.colleague} on the website`, detail: `Added by ${FORMER.colleague}`, addedBy: FORMER.dsgMember });
    expect(out.outcomes['added:a1']).toMatchObject({ kind: 'noted', by: FORMER.dsgMember, note: `${FORMER.colleague} to report back` });
    expect(out.notes).toBe(`Dana Chair thanked ${FORMER.colleague} and Bob Member.`);
    expect(JSON.stringify(out)).not.toContain('Ann Example');
    expect(draftMinutes(out, []).items[0].outcome).toBe(`Noted (${FORMER.dsgMember}): ${FORMER.colleague} to report back`);
  });

  it('retention takes everyone out, each as the role they had there, and a second pass changes nothing', () => {
    const owner = { aadObjectId: 'aad-owner', name: 'Olive Owner' };
    const out = meetingWithout(meeting, everyoneIn(meeting, [owner]));
    expect([...out.attendees, ...out.apologies]).toEqual([0, 1, 2].map(() => ({ aadObjectId: '', name: FORMER.dsgMember })));
    expect(out.startedBy).toBe(FORMER.dsgMember);
    expect(out.notes).toBe(`${FORMER.dsgMember} thanked ${FORMER.dsgMember} and ${FORMER.dsgMember}.`);
    expect(out.agenda[1].detail).toBe(`${FORMER.dsgMember}, due 1 Dec 2026`);
    for (const name of ['Dana Chair', 'Ann Example', 'Bob Member']) expect(JSON.stringify(out)).not.toContain(name);
    expect(meetingWithout(out, everyoneIn(out, []))).toEqual(out);
  });
});
