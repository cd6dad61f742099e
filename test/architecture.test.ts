/**
 * The layering rules live in `.dependency-cruiser.cjs`, and `npm test` runs `depcruise src` on the real code before
 * jest (a violation fails it with the rule's name and the offending import). These tests check the rules themselves:
 * each one catches the import it forbids, in a small tree that breaks every rule once; and the production build
 * compiles no demo module.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'architecture');
const depcruise = path.join(ROOT, 'node_modules', '.bin', 'depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** The violations depcruise finds in the fixture tree, as `rule: from → to`. */
function violationsInFixture(): string[] {
  let out: string;
  try {
    out = execFileSync(depcruise, ['src', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: FIXTURE, encoding: 'utf8' });
  } catch (error) {
    // depcruise exits non-zero when it finds violations; its report is still on stdout.
    out = String((error as { stdout?: unknown }).stdout ?? '');
  }
  const report = JSON.parse(out) as { summary: { violations: Violation[] } };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^(\.\.\/)+node_modules\/([^/]+)\/.*$/, '$2')}`);
}

// The rule names as the config states them, read from the config itself so a new rule is checked too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RULES = (require(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: { name: string }[] }).forbidden.map((r) => r.name);

describe('the layering rules', () => {
  const found = violationsInFixture();

  it.each(RULES)('%s catches the import it forbids', (rule) => {
    expect(found.filter((v) => v.startsWith(`${rule}: `))).not.toEqual([]);
  });

  it('names the rule and the offending import', () => {
    expect(found).toEqual(
      expect.arrayContaining([
        'botbuilder-only-in-teams: src/http/server.ts → botbuilder',
        'database-drivers-only-in-storage: src/teams/turn.ts → kysely',
        'presenters-never-import-app: src/presenters/card.ts → src/app/use-case.ts',
        'app-only-domain-and-ports: src/app/use-case.ts → src/storage/repository.ts',
        'domain-is-plain: src/domain/rules.ts → fs',
        'no-orphans: src/teams/unused.ts → src/teams/unused.ts',
      ]),
    );
  });
});

describe('the production build', () => {
  it('compiles no demo module: the demo programme is for npm run seed-demo only', () => {
    const tsc = path.join(ROOT, 'node_modules', '.bin', 'tsc');
    const files = execFileSync(tsc, ['-p', 'tsconfig.build.json', '--listFilesOnly'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.includes(`${path.sep}src${path.sep}`));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => /[/\\]src[/\\](demo[/\\]|seed-demo\.ts$)/.test(f))).toEqual([]);
  });
});
