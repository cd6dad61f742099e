import { resolve } from 'node:path';
import { DEFAULT_SERVICE_STANDARD_FILE, loadConfig } from '../src/config';
import { DEFAULT_SERVICE_STANDARD } from '../src/domain/stages';
import { loadServiceStandard, parseServiceStandard } from '../src/service-standard';

describe('the Service Standard file', () => {
  it('is config/service-standard.json unless SERVICE_STANDARD_FILE says otherwise, and holds the defaults', () => {
    expect(loadConfig({}).serviceStandardFile).toBe(DEFAULT_SERVICE_STANDARD_FILE);
    expect(loadConfig({ SERVICE_STANDARD_FILE: 'local/standard.json' }).serviceStandardFile).toBe(resolve('local/standard.json'));
    expect(loadServiceStandard(DEFAULT_SERVICE_STANDARD_FILE)).toEqual(DEFAULT_SERVICE_STANDARD);
  });

  it('refuses a file that is not JSON, not the shape, or not a standard, naming the problem', () => {
    expect(() => parseServiceStandard('{', 'x.json')).toThrow(/x.json cannot be used:\n {2}- is not valid JSON/);
    expect(() => parseServiceStandard(JSON.stringify({ ...DEFAULT_SERVICE_STANDARD, stages: [{ id: 'Alpha Stage', label: 'Alpha' }] }), 'x.json')).toThrow(/stages\.0\.id must be an id/);
    const skipping = { ...DEFAULT_SERVICE_STANDARD, gates: [{ from: 'discovery', to: 'beta', required: [], optional: [] }] };
    expect(() => parseServiceStandard(JSON.stringify(skipping), 'x.json')).toThrow('the standard has a gate from discovery to beta, but a gate goes from a stage to the next one');
    expect(() => loadConfig({ SERVICE_STANDARD_FILE: 'standard.yaml' })).toThrow(/SERVICE_STANDARD_FILE must be the path of a .json file/);
  });
});
