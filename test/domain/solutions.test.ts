import { termsOf } from '../../src/domain/similarity';
import { addMonths, checkedSolution, contractState, matchSolutions, offeredForIdea, solutionValuesOf, validateSolution } from '../../src/domain/solutions';
import { searchSolutions } from '../../src/domain/solution-search';
import { SOLUTION_FORM as VALID, sampleSolution } from '../support/sample-solution';


describe('validating a catalogue entry', () => {
  it('accepts a complete entry, strands by id or name and keywords tidied', () => {
    const result = validateSolution(VALID);
    expect(result).toEqual({
      ok: true,
      details: {
        name: 'Community hall and room booking',
        whatItDoes: VALID.whatItDoes,
        owningService: 'Customer Services',
        strands: ['customers', 'estates'],
        keywords: ['booking', 'halls', 'rooms'],
        sharedWithPartners: false,
        sharedWith: null,
        contractEnds: '2027-03-31',
        link: 'https://intranet.council.example/bookings',
      },
    });
  });

  it('gives every problem at once, by field, keeping what was typed', () => {
    const typed = { name: ' ', owningService: 'jo.bloggs@council.example', strands: 'customers, Digital Parks', sharedWithPartners: 'maybe', contractEnds: '31/03/2027', link: 'http://x' };
    const result = validateSolution(typed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['contractEnds', 'link', 'name', 'owningService', 'sharedWithPartners', 'strands', 'whatItDoes']);
    expect(result.errors.owningService).toMatch(/not a person/);
    expect(result.errors.strands).toMatch(/"Digital Parks" is not a strand/);
    expect(result.values).toEqual(typed);
  });

  it('needs the partners when it is shared, and forgets them when it is not', () => {
    const shared = validateSolution({ ...VALID, sharedWithPartners: 'yes' });
    expect(shared.ok ? null : shared.errors).toEqual({ sharedWith: 'Say which partners it is shared with.' });
    const notShared = validateSolution({ ...VALID, sharedWithPartners: 'no', sharedWith: 'NHS Board' });
    expect(notShared.ok && notShared.details.sharedWith).toBeNull();
  });

  it('refuses an email address anywhere, as the catalogue is published', () => {
    const result = validateSolution({ ...VALID, whatItDoes: 'Ask jo.bloggs@council.example for access', sharedWithPartners: 'yes', sharedWith: 'a@b.example' });
    expect(result.ok ? null : Object.keys(result.errors).sort()).toEqual(['sharedWith', 'whatItDoes']);
  });

  it('rejects a date that does not exist and needs a strand', () => {
    const result = validateSolution({ ...VALID, contractEnds: '2027-02-30', strands: ' , ' });
    expect(result.ok ? null : Object.keys(result.errors).sort()).toEqual(['contractEnds', 'strands']);
  });

  it('round-trips through the form values', () => {
    const result = validateSolution(VALID);
    if (!result.ok) throw new Error('not valid');
    expect(validateSolution(solutionValuesOf(result.details))).toEqual(result);
  });
});

describe('contract end', () => {
  it('adds months, keeping to the end of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-12-04', 6)).toBe('2027-06-04');
  });

  it('is ended on or after its date, ending within 6 months, running after that', () => {
    const today = '2026-12-04';
    expect(contractState({ contractEnds: null }, today)).toBe('none');
    expect(contractState({ contractEnds: '2026-12-04' }, today)).toBe('ended');
    expect(contractState({ contractEnds: '2026-12-05' }, today)).toBe('ending');
    expect(contractState({ contractEnds: '2027-06-04' }, today)).toBe('ending');
    expect(contractState({ contractEnds: '2027-06-05' }, today)).toBe('running');
  });
});

describe('matching an idea against the catalogue', () => {
  const halls = sampleSolution();
  const wifi = sampleSolution({ id: 's-2', name: 'Schools Wi-Fi', whatItDoes: 'Wireless network in every school classroom', keywords: ['wifi', 'wireless'] });

  it('finds the booking system for "Online booking for community halls", with its service and link', () => {
    const idea = termsOf('Online booking for community halls', 'Groups phone the office to book a hall; they should book and pay online.');
    const matches = matchSolutions(idea, [wifi, halls], '2026-12-04');
    expect(matches).toEqual([{ id: 's-1', name: halls.name, owningService: 'Customer Services', link: halls.link, contractEnds: '2027-03-31', contract: 'ending', score: expect.any(Number) }]);
  });

  it('offers no retired entry and nothing for an unrelated idea', () => {
    expect(matchSolutions(termsOf('Online booking for community halls', ''), [{ ...halls, retired: true }], '2026-12-04')).toEqual([]);
    expect(matchSolutions(termsOf('Garden waste permits', 'Residents pay for brown bins'), [halls, wifi], '2026-12-04')).toEqual([]);
  });
});

describe('searching the catalogue', () => {
  it('finds entries containing every word, current before retired, by name', () => {
    const a = sampleSolution({ id: 'a', name: 'Room booking' });
    const b = sampleSolution({ id: 'b', name: 'Asset booking', retired: true });
    const c = sampleSolution({ id: 'c', name: 'Payroll', whatItDoes: 'Pays staff', keywords: [], owningService: 'HR' });
    expect(searchSolutions([c, b, a], 'BOOKING').map((s) => s.id)).toEqual(['a', 'b']);
    expect(searchSolutions([c, b, a], '').map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('the catalogue on the request form', () => {
  const halls = sampleSolution({ id: 'halls' });
  const forms = sampleSolution({ id: 'forms', name: 'Online forms builder', whatItDoes: 'Services build their own online forms.', keywords: ['forms'], strands: ['customers'] });
  const wifi = sampleSolution({ id: 'wifi', name: 'Schools Wi-Fi', whatItDoes: 'Wireless network in every school classroom', keywords: ['wifi'], strands: ['learning'] });
  const archive = sampleSolution({ id: 'archive', name: 'Archive', whatItDoes: 'Old records', keywords: [], strands: ['compliance'] });
  const retired = sampleSolution({ id: 'old', name: 'Aardvark booking', retired: true });
  const idea = (over: Partial<Parameters<typeof offeredForIdea>[1]> = {}) => ({ terms: termsOf('Online booking for community halls', 'Book and pay for a hall online'), strand: 'learning', chosen: null, ...over });

  it('offers every entry in use, most relevant first: the chosen one, those matching the idea, those of its strand, then the rest by name', () => {
    const all = [wifi, archive, forms, retired, halls];
    expect(offeredForIdea(all, idea(), '2026-12-04').map((s) => s.id)).toEqual(['halls', 'wifi', 'archive', 'forms']);
    expect(offeredForIdea(all, idea({ chosen: 'forms' }), '2026-12-04').map((s) => s.id)).toEqual(['forms', 'halls', 'wifi', 'archive']);
    expect(offeredForIdea(all, idea({ terms: [], strand: null }), '2026-12-04')).toEqual([
      { id: 'archive', name: 'Archive', owningService: 'Customer Services' },
      { id: 'halls', name: halls.name, owningService: 'Customer Services' },
      { id: 'forms', name: 'Online forms builder', owningService: 'Customer Services' },
      { id: 'wifi', name: 'Schools Wi-Fi', owningService: 'Customer Services' },
    ]);
    // A retired entry is not offered even when it was chosen before.
    expect(offeredForIdea(all, idea({ chosen: 'old' }), '2026-12-04').map((s) => s.id)).not.toContain('old');
  });

  it('names the entry a request says was checked, as the catalogue holds it now', () => {
    expect(checkedSolution(null, null)).toBeNull();
    expect(checkedSolution('none', null)).toEqual({ kind: 'none' });
    expect(checkedSolution('halls', halls)).toEqual({ kind: 'entry', name: halls.name, owningService: 'Customer Services' });
    expect(checkedSolution('halls', null)).toEqual({ kind: 'gone' });
  });
});
