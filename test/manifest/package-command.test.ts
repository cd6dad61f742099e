import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { MANIFEST_DIR, checkManifest } from '../../src/package-app';
import { PACKAGE_ENV } from './sample-env';

const ROOT = path.resolve(__dirname, '../..');
const SETTINGS = ['MicrosoftAppId', 'TEAMS_APP_ID', 'PUBLIC_URL', 'APP_VERSION', 'SSO_APP_ID'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsg-package-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run package -- --out <dir>/app.zip`, run for real from an empty directory (so no .env is read). */
function runPackage(env: Record<string, string>) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SETTINGS.includes(name)));
  const out = path.join(dir, 'app.zip');
  const run = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src', 'package-app.ts'), '--out', out], {
    cwd: dir,
    env: { ...inherited, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, out };
}

describe('npm run package', () => {
  it('refuses when a variable is missing, naming it, and writes nothing', () => {
    const run = runPackage({ MicrosoftAppId: PACKAGE_ENV.MicrosoftAppId, PUBLIC_URL: 'http://dsg-bot.council.example' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The Teams app package was not written');
    expect(run.stderr).toContain('TEAMS_APP_ID is missing');
    expect(run.stderr).toContain('PUBLIC_URL is "http://dsg-bot.council.example", which is not an https:// address');
    expect(run.stderr).not.toContain('MicrosoftAppId');
    expect(existsSync(run.out)).toBe(false);
  });

  it('writes a zip with the filled manifest and the icons at its root', () => {
    const run = runPackage({ ...PACKAGE_ENV, APP_VERSION: '1.2.3', SSO_APP_ID: '99999999-8888-4777-8666-555555555555' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('app.zip (app version 1.2.3, manifest 1.29, host dsg-bot.council.example, tab sign-in on)');
    const files = unzipSync(readFileSync(run.out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json'])) as Record<string, unknown>;
    expect(checkManifest(manifest)).toEqual([]);
    expect(manifest).toMatchObject({ version: '1.2.3', id: PACKAGE_ENV.TEAMS_APP_ID, webApplicationInfo: { id: '99999999-8888-4777-8666-555555555555' } });
    for (const icon of ['color.png', 'outline.png']) expect(Buffer.from(files[icon]).equals(readFileSync(path.join(MANIFEST_DIR, icon)))).toBe(true);
  });
});
