/**
 * m365agents.yml, m365agents.local.yml, env/ and infra/ as far as they can be checked without Azure: they parse,
 * name only actions the Microsoft 365 Agents Toolkit has (with the parameters it requires), every ${{VARIABLE}}
 * they use is given somewhere, and the package provision builds is the one `npm run package` makes.
 * Not checked here (README says so): compiling the Bicep, and deploying it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseEnv } from 'dotenv';
import { parse } from 'yaml';
import { DEFAULT_OUT, MANIFEST_DIR, buildAppPackage } from '../../src/package-app';
import { strFromU8, unzipSync } from 'fflate';
import { ACTION_KEYS, AGENTS_TOOLKIT_ACTIONS } from './agents-toolkit-actions';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  environmentFolderPath: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

const FILES = { 'm365agents.yml': 'dev', 'm365agents.local.yml': 'local' } as const;
const project = (file: keyof typeof FILES) => parse(read(file)) as ProjectFile;
const stages = (p: ProjectFile) => [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])];
const variablesIn = (text: string) => [...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]);
/** `output NAME type = ...` lines of the Bicep file: what arm/deploy writes back to the environment file. */
const bicep = read('infra/azure.bicep');
const bicepOutputs = [...bicep.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]);

describe.each(Object.entries(FILES))('%s', (file, environment) => {
  const p = project(file as keyof typeof FILES);

  it('parses, with a version and the env folder', () => {
    expect(p.version).toMatch(/^v\d+\.\d+$/);
    expect(p.environmentFolderPath).toBe('./env');
    expect(existsSync(path.join(ROOT, 'env', `.env.${environment}`))).toBe(true);
  });

  it('names only actions the toolkit has, each with the parameters it requires and accepts', () => {
    const problems: string[] = [];
    for (const action of stages(p)) {
      const known = AGENTS_TOOLKIT_ACTIONS[action.uses];
      if (!known) {
        problems.push(`${action.uses} is not a Microsoft 365 Agents Toolkit action`);
        continue;
      }
      for (const key of Object.keys(action)) if (!(ACTION_KEYS as readonly string[]).includes(key)) problems.push(`${action.uses}: unknown key ${key}`);
      const given = Object.keys(action.with ?? {});
      for (const r of known.required) if (!given.includes(r)) problems.push(`${action.uses}: with.${r} is required`);
      for (const g of given) if (!known.accepted.includes(g)) problems.push(`${action.uses}: with.${g} is not a parameter of it`);
      for (const w of known.writes ?? []) if (!action.writeToEnvironmentFile?.[w]) problems.push(`${action.uses}: writeToEnvironmentFile.${w} is required`);
    }
    expect(problems).toEqual([]);
  });

  it('uses only variables its environment file, an earlier action or the Bicep outputs give', () => {
    const envFile = parseEnv(read(`env/.env.${environment}`));
    const given = new Set([...Object.keys(envFile), ...bicepOutputs, ...stages(p).flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}))]);
    const used = [...variablesIn(read(file)), ...variablesIn(read('manifest/manifest.json')), ...(file === 'm365agents.yml' ? variablesIn(read('infra/azure.parameters.json')) : [])];
    // SECRET_ values live in env/.env.<environment>.user, never in the committed file.
    expect([...new Set(used)].filter((v) => !given.has(v) && !v.startsWith('SECRET_'))).toEqual([]);
  });

  it('builds the app package from manifest/manifest.json into build/, as npm run package does', () => {
    const zips = stages(p).filter((a) => a.uses === 'teamsApp/zipAppPackage');
    expect(zips.length).toBeGreaterThan(0);
    for (const a of [...zips, ...stages(p).filter((x) => x.uses === 'teamsApp/validateManifest')]) {
      expect(path.resolve(ROOT, String(a.with?.manifestPath))).toBe(path.join(MANIFEST_DIR, 'manifest.json'));
    }
    for (const zip of zips) {
      expect(path.dirname(path.resolve(ROOT, String(zip.with?.outputZipPath)))).toBe(path.dirname(DEFAULT_OUT));
      const uploaded = stages(p).filter((a) => ['teamsApp/validateAppPackage', 'teamsApp/update', 'teamsApp/publishAppPackage'].includes(a.uses));
      for (const u of uploaded) expect(u.with?.appPackagePath).toBe(zip.with?.outputZipPath);
    }
  });
});

describe('m365agents.yml', () => {
  const p = project('m365agents.yml');

  it('provisions, deploys and publishes in the toolkit’s order', () => {
    expect((p.provision ?? []).map((a) => a.uses)).toEqual([
      'teamsApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect((p.deploy ?? []).map((a) => `${a.uses} ${String(a.with?.args ?? '')}`.trim())).toEqual([
      'cli/runNpmCommand ci --no-audit --no-fund',
      'cli/runNpmCommand run build',
      'azureAppService/zipDeploy',
    ]);
    expect((p.publish ?? []).map((a) => a.uses)).toContain('teamsApp/publishAppPackage');
  });

  it('deploys infra/azure.bicep with its parameters file, and zip-deploys to the web app it outputs', () => {
    const arm = p.provision?.find((a) => a.uses === 'arm/deploy');
    const [template] = arm?.with?.templates as { path: string; parameters: string; deploymentName: string }[];
    expect(path.resolve(ROOT, template.path)).toBe(path.join(ROOT, 'infra', 'azure.bicep'));
    expect(path.resolve(ROOT, template.parameters)).toBe(path.join(ROOT, 'infra', 'azure.parameters.json'));
    const zipDeploy = p.deploy?.find((a) => a.uses === 'azureAppService/zipDeploy');
    expect(variablesIn(String(zipDeploy?.with?.resourceId))).toEqual(['BOT_AZURE_APP_SERVICE_RESOURCE_ID']);
    expect(bicepOutputs).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']));
    expect(existsSync(path.join(ROOT, String(zipDeploy?.with?.ignoreFile)))).toBe(true);
  });

  it('makes the same package as npm run package from the same values', () => {
    // What provision writes to env/.env.dev, and the same values as npm run package reads them.
    const env = { TEAMS_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', BOT_ID: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', BOT_DOMAIN: 'dsgbotdev.azurewebsites.net', APP_VERSION: '1.4.2' };
    const ours = buildAppPackage({ MicrosoftAppId: env.BOT_ID, TEAMS_APP_ID: env.TEAMS_APP_ID, PUBLIC_URL: `https://${env.BOT_DOMAIN}`, APP_VERSION: env.APP_VERSION });
    const ourFiles = unzipSync(ours.zip);
    // teamsApp/zipAppPackage: the manifest with ${{VARIABLES}} from the environment, and the icons it names, at the zip's root.
    const zip = p.provision?.find((a) => a.uses === 'teamsApp/zipAppPackage');
    const manifestPath = path.resolve(ROOT, String(zip?.with?.manifestPath));
    const theirs = JSON.parse(readFileSync(manifestPath, 'utf8').replace(/\$\{\{(\w+)\}\}/g, (_, name: keyof typeof env) => env[name])) as { icons: { color: string; outline: string } };
    expect(JSON.parse(strFromU8(ourFiles['manifest.json']))).toEqual(theirs);
    expect(Object.keys(ourFiles).sort()).toEqual(['manifest.json', theirs.icons.color, theirs.icons.outline].sort());
    for (const icon of [theirs.icons.color, theirs.icons.outline]) expect(Buffer.from(ourFiles[icon]).equals(readFileSync(path.join(path.dirname(manifestPath), icon)))).toBe(true);
  });
});

describe('env/ templates', () => {
  it.each(['dev', 'local'])('env/.env.%s holds no secrets', (environment) => {
    const values = parseEnv(read(`env/.env.${environment}`));
    expect(Object.keys(values).filter((k) => k.startsWith('SECRET_') || /PASSWORD|SECRET|KEY$/i.test(k))).toEqual([]);
    for (const [name, value] of Object.entries(values)) {
      if (!['TEAMSFX_ENV', 'APP_NAME_SUFFIX', 'AZURE_LOCATION', 'APP_VERSION'].includes(name)) expect(`${name}=${value}`).toBe(`${name}=`);
    }
    expect(read('.gitignore')).toContain('env/.env.*.user');
  });
});

describe('infra/azure.bicep', () => {
  const parameters = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };
  const declared = [...bicep.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)].map((m) => ({ name: m[1], hasDefault: !!m[2] }));

  it('is given every parameter it needs, and only parameters it declares', () => {
    const given = Object.keys(parameters.parameters);
    expect(given.filter((g) => !declared.some((d) => d.name === g))).toEqual([]);
    expect(declared.filter((d) => !d.hasDefault && !given.includes(d.name)).map((d) => d.name)).toEqual([]);
    // Secrets come from env/.env.dev.user, never written in the file.
    for (const secret of ['postgresAdminPassword', 'reportLinkSecret']) expect(String(parameters.parameters[secret].value)).toMatch(/^\$\{\{SECRET_[A-Z_]+\}\}$/);
  });

  it('declares the resources the bot needs, as the brief for App Service asks', () => {
    for (const type of [
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.DBforPostgreSQL/flexibleServers',
      'Microsoft.DBforPostgreSQL/flexibleServers/databases',
    ]) expect(bicep).toMatch(new RegExp(`^resource \\w+ '${type.replace(/\./g, '\\.')}@\\d{4}-\\d{2}-\\d{2}(-preview)?'`, 'm'));
    for (const setting of [
      "linuxFxVersion: 'NODE|20-lts'",
      'httpsOnly: true',
      'alwaysOn: true',
      "healthCheckPath: '/readyz'",
      "msaAppType: 'UserAssignedMSI'",
      'msaAppMSIResourceId: identity.id',
      "channelName: 'MsTeamsChannel'",
      "{ name: 'MicrosoftAppType', value: 'UserAssignedMSI' }",
      "{ name: 'MicrosoftAppId', value: identity.properties.clientId }",
      "name: 'DATABASE_URL'",
    ]) expect(bicep).toContain(setting);
    expect(bicep).not.toMatch(/MicrosoftAppPassword/);
  });
});
