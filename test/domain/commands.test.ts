import { COMMANDS, commandMenus, commandsFor, editDistance, nearestCommand, shownAs, smallTalk } from '../../src/domain/commands';
import { givenNameOf } from '../../src/domain/people';

describe('the given name a person is greeted by', () => {
  it.each([
    ['Smith, John', undefined, 'John'],
    ['SMITH, JOHN', undefined, 'John'],
    ['Smith, Dr John (ICT)', undefined, 'John'],
    ['MacLeod, Morag Anne', undefined, 'Morag'],
    ["O'Neill, anne-marie", undefined, 'Anne-Marie'],
    ['John Smith', undefined, 'John'],
    ['Cllr Jane Doe - Finance', undefined, 'Jane'],
    ['Morag', undefined, 'Morag'],
    ['McDonald', undefined, 'McDonald'],
    ['Council Chair', undefined, null],
    ['Council Officer', undefined, null],
    ['Digital Leader (Estates)', undefined, null],
    ['Service Desk, ICT', undefined, null],
    ['Dr Smith', undefined, null],
    ['j.smith@council.example', undefined, null],
    ['Project Lead 2', undefined, null],
    ['', undefined, null],
    [null, undefined, null],
    // Teams' own given name wins over the display name.
    ['Smith, John', 'Johnny', 'Johnny'],
    ['Council Chair', 'Fiona', 'Fiona'],
    ['Smith, John', '  ', 'John'],
    ['DSG Chair', 'DSG Chair', null],
  ])('%j (given name %j) → %j', (display, given, expected) => {
    expect(givenNameOf(display, given)).toBe(expected);
  });
});

describe('greetings and thanks', () => {
  it.each([
    ['hi', 'Hello'],
    ['Hello!', 'Hello'],
    ['hey there', 'Hello'],
    ['Good morning', 'Good morning'],
    ['good afternoon, DSG Bot', 'Good afternoon'],
    ['Good evening 👋', 'Good evening'],
    ['morning all', 'Good morning'],
  ])('%j is a greeting answered with %j', (said, salutation) => {
    expect(smallTalk(said)).toEqual({ kind: 'greeting', salutation });
  });

  it.each(['thanks', 'Thank you!', 'thanks a lot', 'Cheers', 'many thanks', 'thank you very much, bot'])('%j is thanks', (said) => {
    expect(smallTalk(said)).toEqual({ kind: 'thanks' });
  });

  it.each(['hi, can I submit an idea for the library?', 'thanks for nothing, I wanted the programme', 'high', 'programme', ''])('%j is neither', (said) => {
    expect(smallTalk(said)).toBeNull();
  });
});

describe('the nearest command', () => {
  const staff = commandsFor(['colleague']);
  const admin = commandsFor(['colleague', 'admin']);

  it('counts a swap of two letters as one slip', () => {
    expect(editDistance('hlep', 'help')).toBe(1);
    expect(editDistance('progamme', 'programme')).toBe(1);
    expect(editDistance('pending', 'pending')).toBe(0);
    expect(editDistance('', 'new')).toBe(3);
  });

  it.each([
    ['progamme', 'programme'],
    ['Programe', 'programme'],
    ['hlep', 'help'],
    ['my reqeusts', 'my requests'],
    ['projet DP-2026-0007', 'project dp-2026-0007'],
    ['histroy dp-2026-3', 'history dp-2026-3'],
  ])('%j → %j for anyone', (typed, nearest) => {
    expect(nearestCommand(typed, staff)).toBe(nearest);
  });

  it('suggests only commands the person may use', () => {
    expect(nearestCommand('pendng', admin)).toBe('pending');
    expect(nearestCommand('pendng', staff)).toBeNull();
    expect(nearestCommand('remiders preview', admin)).toBe('reminders preview');
    expect(nearestCommand('remiders preview', staff)).toBeNull();
  });

  it('suggests nothing when nothing is close, or for very short words', () => {
    for (const typed of ['what is this', 'banana', 'nwe', 'xyz', 'programme please now', 'help']) expect(nearestCommand(typed, admin)).toBeNull();
  });
});

describe('the command table', () => {
  it('gives each verb one entry and each word one command', () => {
    expect(new Set(COMMANDS.map((c) => c.verb)).size).toBe(COMMANDS.length);
    const words = COMMANDS.flatMap((c) => c.words);
    expect(new Set(words).size).toBe(words.length);
  });

  it('shows staff what anyone may do, and the DSG and admins more', () => {
    expect(commandsFor(['colleague']).map((c) => c.verb)).toEqual([
      'request.new',
      'request.list',
      'request.view',
      'history.show',
      'programme.show',
      'project.view',
      // Who may make a chat follow depends on the project: anyone may ask, and is answered (src/app/follows).
      'project.follow',
      'project.unfollow',
      'project.following',
      'solution.list',
      'help.show',
    ]);
    const member = commandsFor(['colleague', 'dsg-member']).map((c) => c.verb);
    expect(member).toEqual(expect.arrayContaining(['request.pending', 'settings.show', 'digest.preview', 'report.annual', 'programme.export']));
    expect(member).not.toEqual(expect.arrayContaining(['reminders.preview']));
    expect(member).not.toContain('dsg.setup');
    expect(commandsFor(['colleague', 'chair']).map((c) => c.verb)).toEqual(expect.arrayContaining(['reminders.preview', 'reminders.run']));
    expect(commandsFor(['colleague', 'admin'])).toEqual(COMMANDS);
  });

  it('makes one menu per scope from the entries that ask for one, in the table order', () => {
    const menus = commandMenus();
    expect(menus.map((m) => m.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    expect(menus[2].commands.map((c) => c.title)).toEqual(['programme', 'project DP-2026-0007', 'follow DP-2026-0007', 'unfollow DP-2026-0007', 'following', 'pending', 'help']);
    const table = [{ verb: 'meeting.agenda', words: ['agenda'], help: 'The next meeting’s agenda', section: 'dsg' as const, menu: { scopes: ['team' as const], description: 'The agenda' } }];
    expect(commandMenus(table)).toEqual([{ scopes: ['team'], commands: [{ title: 'agenda', description: 'The agenda' }] }]);
    expect(shownAs(COMMANDS.find((c) => c.verb === 'report.annual')!)).toBe('report annual 2026/27');
  });
});
