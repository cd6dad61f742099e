import { firstStepWithErrors, formValuesOf, NONE_OF_THESE, REQUIRED_MESSAGES, resumeStep, sentAnyOf, stepErrors, validateRequestForm, withStep } from '../../src/domain/request-form';

const TODAY = '2026-11-27';
const valid = {
  title: 'Online booking for bulky uplifts',
  problem: 'Residents phone the contact centre to book bulky uplifts.',
  outcome: 'Residents book and pay online at any time.',
  beneficiaries: 'citizens,employees',
  strand: 'customers',
  principles: 'customer-focused,collaboration-value',
  principlesHow: 'Self-service for citizens, less phone handling.',
  reuseChecked: 'The national MyGov.scot forms platform.',
  route: 'reuse',
  routeJustification: '',
  personalData: 'true',
  oneOffCost: '£25,000',
  annualBenefit: '12000.50',
  desiredStart: '2027-01-14',
};

describe('request form validation', () => {
  it('turns a valid form into request details', () => {
    const result = validateRequestForm(valid, TODAY);
    expect(result).toEqual({
      ok: true,
      details: expect.objectContaining({
        beneficiaries: ['citizens', 'employees'],
        principles: ['customer-focused', 'collaboration-value'],
        personalData: true,
        oneOffCost: 25000,
        annualBenefit: 12001,
        routeJustification: null,
        desiredStart: '2027-01-14',
      }),
    });
  });

  it('names every problem by field and keeps what was typed', () => {
    const typed = { ...valid, title: 'x'.repeat(121), strand: 'digital-mars', principles: '', oneOffCost: 'lots', desiredStart: '2020-01-01' };
    const result = validateRequestForm(typed, TODAY);
    if (result.ok) throw new Error('expected errors');
    expect(Object.keys(result.errors).sort()).toEqual(['desiredStart', 'oneOffCost', 'principles', 'strand', 'title']);
    expect(result.errors.title).toMatch(/120 characters/);
    expect(result.errors.desiredStart).toMatch(/past/);
    expect(result.values.title).toBe(typed.title);
    expect(result.values.oneOffCost).toBe('lots');
  });

  it('requires a justification to buy or build', () => {
    const result = validateRequestForm({ ...valid, route: 'build' }, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.routeJustification).toMatch(/last resort/);
    expect(validateRequestForm({ ...valid, route: 'build', routeJustification: 'Nothing exists to share.' }, TODAY).ok).toBe(true);
  });

  it('reports the missing justification together with other problems', () => {
    const result = validateRequestForm({ ...valid, title: '', route: 'buy' }, TODAY);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['routeJustification', 'title']);
  });

  it.each([
    ['oneOffCost', '100000001', /between £0 and £100,000,000/],
    ['oneOffCost', '-5', /number of pounds/],
    ['annualBenefit', '1e5', /number of pounds/],
    ['desiredStart', '2027-02-30', /as a date/],
    ['problem', 'y'.repeat(4001), /4,000 characters/],
    ['beneficiaries', 'citizens,aliens', /who benefits/],
  ])('refuses %s = %s', (field, value, message) => {
    const result = validateRequestForm({ ...valid, [field]: value }, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as keyof typeof result.errors]).toMatch(message);
  });

  it('treats an empty or non-object form as all missing, without throwing', () => {
    for (const raw of [null, 'text', 42, [], {}]) {
      const result = validateRequestForm(raw, TODAY);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.title).toBe('Enter a title.');
    }
  });

  it('ignores fields that are not on the form and coerces booleans', () => {
    const result = validateRequestForm({ ...valid, personalData: false, isAdmin: true, status: 'approved' }, TODAY);
    expect(result.ok && result.details.personalData).toBe(false);
    expect(result.ok && 'status' in result.details).toBe(false);
  });

  it('round-trips stored details back into form values', () => {
    const result = validateRequestForm(valid, TODAY);
    if (!result.ok) throw new Error('expected valid');
    expect(validateRequestForm(formValuesOf(result.details), TODAY)).toEqual(result);
  });
});

describe("the catalogue entry the requester checked", () => {
  const halls = { id: 's-halls', name: 'Community hall and room booking', retired: false };

  it('keeps the chosen entry, or None of these, or no answer (forms from before the catalogue)', () => {
    const details = (typed: object, chosen?: Parameters<typeof validateRequestForm>[2]) => {
      const result = validateRequestForm({ ...valid, ...typed }, TODAY, chosen);
      return result.ok ? result.details.reuseSolution : result.errors;
    };
    expect(details({ reuseSolution: 's-halls' }, { entry: halls })).toBe('s-halls');
    expect(details({ reuseSolution: NONE_OF_THESE }, { entry: null })).toBe(NONE_OF_THESE);
    expect(details({ reuseSolution: '' }, { entry: null })).toBeNull();
    expect(details({})).toBeNull();
    // The words are still asked for whatever is chosen.
    expect(details({ reuseSolution: 's-halls', reuseChecked: '' }, { entry: halls })).toEqual({ reuseChecked: REQUIRED_MESSAGES.reuseChecked });
  });

  it('says so, under the choice and with everything typed kept, when the entry is unknown or retired since', () => {
    const typed = { ...valid, reuseSolution: 's-gone', title: '' };
    const unknown = validateRequestForm(typed, TODAY, { entry: null });
    expect(unknown).toEqual({
      ok: false,
      errors: { title: REQUIRED_MESSAGES.title, reuseSolution: 'That is not an entry in the catalogue: choose one from the list, or None of these.' },
      values: expect.objectContaining({ reuseSolution: 's-gone', reuseChecked: valid.reuseChecked, problem: valid.problem }),
    });
    const retired = validateRequestForm({ ...valid, reuseSolution: 's-halls' }, TODAY, { entry: { ...halls, retired: true } });
    expect(!retired.ok && retired.errors).toEqual({ reuseSolution: 'Community hall and room booking has been retired from the catalogue: choose another entry, or None of these.' });
    expect(!retired.ok && firstStepWithErrors(retired.errors)).toBe(3);
    // An entry found under another id is not the one chosen.
    expect(validateRequestForm({ ...valid, reuseSolution: 's-halls' }, TODAY, { entry: { ...halls, id: 's-other' } }).ok).toBe(false);
  });

  it('opens a stored request again with its choice', () => {
    const result = validateRequestForm({ ...valid, reuseSolution: 's-halls' }, TODAY, { entry: halls });
    if (!result.ok) throw new Error('expected valid');
    expect(formValuesOf(result.details).reuseSolution).toBe('s-halls');
    expect(formValuesOf({ ...result.details, reuseSolution: null }).reuseSolution).toBe('');
  });
});

describe('the form in three steps', () => {
  it('reports every problem of every step in one round, and the first step that has one', () => {
    const result = validateRequestForm({}, TODAY);
    if (result.ok) throw new Error('expected errors');
    expect(Object.keys(stepErrors(result.errors, 1))).toEqual(['title', 'problem', 'outcome', 'beneficiaries']);
    expect(Object.keys(stepErrors(result.errors, 2))).toEqual(['strand', 'principles', 'principlesHow']);
    expect(Object.keys(stepErrors(result.errors, 3))).toEqual(['reuseChecked', 'route']);
    expect(firstStepWithErrors(result.errors)).toBe(1);
    expect(firstStepWithErrors({ oneOffCost: 'x', strand: 'y' })).toBe(2);
    expect(firstStepWithErrors({})).toBeNull();
  });

  it("replaces one step's answers with what the card sent, keeping the other steps' saved answers", () => {
    const saved = { ...valid };
    const merged = withStep(saved, { title: 'New title', problem: 'New problem', strand: 'estates', beneficiaries: undefined }, 1);
    expect(merged).toMatchObject({ title: 'New title', problem: 'New problem', outcome: '', beneficiaries: '', strand: 'customers', reuseChecked: valid.reuseChecked });
    expect(sentAnyOf({ principlesHow: 'x' }, 2)).toBe(true);
    expect(sentAnyOf({ formId: 'f-1', step: 2 }, 2)).toBe(false);
  });

  it('reopens a draft at the first step still to complete, or at step 1 when every step is complete', () => {
    expect(resumeStep({}, TODAY)).toBe(1);
    expect(resumeStep({ title: 'T', problem: 'P', outcome: 'O', beneficiaries: 'citizens' }, TODAY)).toBe(2);
    expect(resumeStep({ ...valid, route: '' }, TODAY)).toBe(3);
    expect(resumeStep(valid, TODAY)).toBe(1);
  });
});
