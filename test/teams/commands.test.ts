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

  it.each(['hello', '', 'new thing for the school', 'rm -rf /', 'DP-2026'])('%j is not a command', (typed) => {
    expect(parseCommand(typed)).toBeNull();
  });
});
