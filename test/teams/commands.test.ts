import { parseCommand } from '../../src/teams/commands';

describe('typed commands', () => {
  it.each([
    ['new', 'request.new'],
    ['NEW', 'request.new'],
    ['  Submit an idea ', 'request.new'],
    ['my requests', 'request.list'],
    ['My Requests.', 'request.list'],
    ['help', 'help.show'],
    ['dp-2026-7', 'request.view'],
    ['view DP-2026-0007', 'request.view'],
    ['Programme export', 'programme.export'],
  ])('%j -> %s', (typed, verb) => {
    expect(parseCommand(typed)?.verb).toBe(verb);
  });

  it('carries the year of an export', () => {
    expect(parseCommand('programme export 2025/26')).toEqual({ verb: 'programme.export', data: { year: '2025/26' } });
  });

  it('carries the normalised reference', () => {
    expect(parseCommand('view dp 2026 7')).toEqual({ verb: 'request.view', data: { reference: 'DP-2026-0007' } });
  });

  it('turns greetings and thanks into their verbs, keeping how the person greeted', () => {
    expect(parseCommand('Good morning!')).toEqual({ verb: 'chat.greet', data: { salutation: 'Good morning' } });
    expect(parseCommand('hi')).toEqual({ verb: 'chat.greet', data: { salutation: 'Hello' } });
    expect(parseCommand('thank you')).toEqual({ verb: 'chat.thanks', data: {} });
  });

  it('reads the argument of every command in the table', () => {
    expect(parseCommand('subscribe digest for Digital Learning')).toEqual({ verb: 'digest.subscribe', data: { strands: 'digital learning' } });
    expect(parseCommand('annual report')).toEqual({ verb: 'report.annual', data: { year: '' } });
    expect(parseCommand('project dp-2026-12')).toEqual({ verb: 'project.view', data: { reference: 'DP-2026-0012' } });
    expect(parseCommand('history DP-2026-0012')).toEqual({ verb: 'history.show', data: { reference: 'DP-2026-0012' } });
    expect(parseCommand('follow dp 2026 7')).toEqual({ verb: 'project.follow', data: { reference: 'DP-2026-0007' } });
    expect(parseCommand('Unfollow DP-2026-0007')).toEqual({ verb: 'project.unfollow', data: { reference: 'DP-2026-0007' } });
    expect(parseCommand('following')).toEqual({ verb: 'project.following', data: {} });
    expect(parseCommand('sar person@council.example')).toEqual({ verb: 'person.export', data: { email: 'person@council.example' } });
  });

  it.each(['hello there, can you help', '', 'project', 'project banana', 'new thing for the school', 'rm -rf /', 'DP-2026'])('%j is not a command', (typed) => {
    expect(parseCommand(typed)).toBeNull();
  });
});
