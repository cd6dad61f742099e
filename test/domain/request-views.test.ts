import { requestViewFor } from '../../src/domain/request-views';
import { EMPTY_SETTINGS } from '../../src/domain/settings';
import { sampleRequest } from '../support/sample-request';

describe('the view of a request a person gets, wherever they open it', () => {
  const request = sampleRequest({ requesterId: '29:requester', strand: 'learning' });
  const person = (id: string) => ({ id: `29:${id}`, aadObjectId: `aad-${id}`, name: id, tenantId: 't' });
  const members = [{ id: '29:member', aadObjectId: 'aad-member', name: 'member' }, { id: '29:requester', aadObjectId: 'aad-requester', name: 'requester' }];
  const settings = { ...EMPTY_SETTINGS, chair: { aadObjectId: 'aad-chair', name: 'chair' }, leaders: { learning: { aadObjectId: 'aad-leader', name: 'leader' } } };
  const ctx = { adminAadIds: ['aad-admin'] };
  const viewOf = (id: string, subject: { members?: typeof members } = { members }) => requestViewFor(person(id), { request, settings, ...subject }, ctx);

  it('gives the DSG (members, the chair) and administrators the triage view', () => {
    expect(viewOf('member')).toBe('triage');
    expect(viewOf('chair')).toBe('triage');
    expect(viewOf('admin')).toBe('triage');
  });

  it('gives the requester their own view, even when they are in the DSG too', () => {
    expect(viewOf('requester', { members: [] })).toBe('requester');
    expect(viewOf('requester')).toBe('requester');
  });

  it('gives everyone else the read-only view, a Digital Leader outside the DSG roster included', () => {
    expect(viewOf('colleague')).toBe('read-only');
    expect(viewOf('leader')).toBe('read-only');
    expect(viewOf('member', { members: [] })).toBe('read-only');
  });
});
