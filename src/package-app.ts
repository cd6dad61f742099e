/**
 * `npm run package [-- --out <file>]`: the Teams app package (build/appPackage.zip by default) to upload to
 * Teams. Fills the placeholders of manifest/manifest.json from the environment (or .env), checks the result
 * against the official schema of the manifest version it declares (vendored in manifest/schema/, offline)
 * and zips it with the two icons. Refuses, naming every problem and writing nothing, when a setting is
 * missing or wrong.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import dotenv from 'dotenv';
import { strToU8, zipSync } from 'fflate';
import { commandMenus } from './domain/commands';

const ROOT = path.resolve(__dirname, '..');
export const MANIFEST_DIR = path.join(ROOT, 'manifest');
export const DEFAULT_OUT = path.join(ROOT, 'build', 'appPackage.zip');
const ICONS = ['color.png', 'outline.png'] as const;

/**
 * The command menu limits of earlier manifest schemas (10 commands a list up to v1.23; titles of 32 and
 * descriptions of 128 characters up to v1.20; v1.29 allows more): kept so the menu reads well in every Teams client.
 */
export const MENU_LIMITS = { commands: 10, title: 32, description: 128 };

const USAGE =
  'Usage: npm run package [-- --out <file>]\n  --out  where to write the package (default: build/appPackage.zip)\n' +
  '       npm run package -- --menus\n  --menus  rewrite the command menus in manifest/manifest.json from the command table (src/domain/commands.ts)';
const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const VERSION = /^\d{1,9}\.\d{1,9}\.\d{1,9}$/;

export class PackageRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package was not written; fix these first (settings come from the environment or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageRefused';
  }
}

export interface PackageSettings {
  /**
   * The values of the manifest's ${{PLACEHOLDERS}}: the Microsoft 365 Agents Toolkit's syntax and names, so that its
   * teamsApp/zipAppPackage (m365agents.yml) fills the same template from env/.env.<environment> to the same package.
   */
  placeholders: { BOT_ID: string; TEAMS_APP_ID: string; BOT_DOMAIN: string; APP_VERSION: string };
  /** The Entra ID (Azure AD) app the Programme tab signs in with (Teams SSO); null leaves webApplicationInfo out. */
  ssoAppId: string | null;
  /** Its application id URI: SSO_APP_ID_URI, or api://<public host>/<app id> (as the bot's config reads it). */
  ssoResource: string | null;
}

const guidProblem = (name: string, value: string, what: string): string | null => {
  if (!value) return `${name} is missing: set it to ${what} (a GUID like 00000000-0000-0000-0000-000000000000).`;
  return GUID.test(value) ? null : `${name} is "${value.slice(0, 60)}", which is not a GUID; set it to ${what}.`;
};

/** A problem with PUBLIC_URL, or null: Teams loads tabs only over HTTPS, on the host's standard port. */
function publicUrlProblem(raw: string): string | null {
  const what = 'the address people reach the bot at, like https://dsg-bot.council.example';
  if (!raw) return `PUBLIC_URL is missing: set it to ${what}.`;
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || url.protocol !== 'https:') return `PUBLIC_URL is "${raw.slice(0, 100)}", which is not an https:// address; set it to ${what}.`;
  if (url.port || url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return `PUBLIC_URL must be just https:// and a host name (no port, path or query), like https://dsg-bot.council.example; it is "${raw.slice(0, 100)}".`;
  }
  return null;
}

/** Reads and checks the settings; throws PackageRefused naming each missing or invalid variable. */
export function readSettings(env: NodeJS.ProcessEnv, packageVersion: string): PackageSettings {
  const value = (name: string) => env[name]?.trim() ?? '';
  const problems: string[] = [];
  const need = (problem: string | null) => problem && problems.push(problem);
  need(guidProblem('MicrosoftAppId', value('MicrosoftAppId'), "the bot's Microsoft App ID, from its Azure Bot resource"));
  need(guidProblem('TEAMS_APP_ID', value('TEAMS_APP_ID'), "this Teams app's own id, chosen once and kept for every version"));
  need(publicUrlProblem(value('PUBLIC_URL')));
  const version = value('APP_VERSION') || packageVersion;
  if (!VERSION.test(version)) {
    problems.push(`${value('APP_VERSION') ? 'APP_VERSION' : 'The version in package.json'} is "${version.slice(0, 40)}"; Teams needs three numbers, like 1.0.0.`);
  }
  const sso = value('SSO_APP_ID');
  if (sso) need(guidProblem('SSO_APP_ID', sso, "the Application (client) ID of the Programme tab's Entra ID app, or leave it empty"));
  if (problems.length) throw new PackageRefused(problems);
  return {
    placeholders: { BOT_ID: value('MicrosoftAppId'), TEAMS_APP_ID: value('TEAMS_APP_ID'), BOT_DOMAIN: new URL(value('PUBLIC_URL')).hostname, APP_VERSION: version },
    ssoAppId: sso || null,
    ssoResource: sso ? value('SSO_APP_ID_URI') || `api://${new URL(value('PUBLIC_URL')).hostname}/${sso}` : null,
  };
}

/** The manifest template with every ${{PLACEHOLDER}} filled; webApplicationInfo added when the tab has an SSO app. */
export function fillManifest(template: string, settings: PackageSettings): Record<string, unknown> {
  const values: Record<string, string> = settings.placeholders;
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = Object.hasOwn(values, name) ? values[name] : undefined;
    if (v === undefined) throw new PackageRefused([`manifest/manifest.json has a placeholder ${whole} that npm run package does not know.`]);
    return JSON.stringify(v).slice(1, -1);
  });
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  // The menus always come from the command table, whatever the template holds (a test keeps the two the same).
  for (const bot of (manifest.bots ?? []) as Record<string, unknown>[]) bot.commandLists = commandMenus();
  if (settings.ssoAppId && settings.ssoResource) manifest.webApplicationInfo = { id: settings.ssoAppId, resource: settings.ssoResource };
  return manifest;
}

interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}

/** The bot's command lists, for the menu checks and the tests. */
export function commandListsOf(manifest: Record<string, unknown>): CommandList[] {
  const bots = (manifest.bots ?? []) as { commandLists?: CommandList[] }[];
  return bots.flatMap((b) => b.commandLists ?? []);
}

/** Problems with a filled manifest: the official schema of the version it declares, then the command menu's limits. */
export function checkManifest(manifest: Record<string, unknown>): string[] {
  const version = String(manifest.manifestVersion);
  const schemaFile = path.join(MANIFEST_DIR, 'schema', `v${version}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(schemaFile)) return [`manifest/manifest.json declares manifestVersion "${version}", but manifest/schema/v${version}/MicrosoftTeams.schema.json is not there (see manifest/schema/SOURCE.md).`];
  const problems: string[] = [];
  if (!String(manifest.$schema).endsWith(`/v${version}/MicrosoftTeams.schema.json`)) problems.push(`manifest/manifest.json: $schema does not name version ${version}, the manifestVersion.`);
  const ajv = new Ajv({ allErrors: true, strict: false, formats: { uri: (s: string) => URL.canParse(s) } });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  if (!validate(manifest)) {
    for (const e of validate.errors ?? []) problems.push(`manifest ${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? `: ${String(e.params.allowedValues)}` : ''}`);
  }
  for (const list of commandListsOf(manifest)) {
    const where = `the ${list.scopes.join('/')} command list`;
    if (list.commands.length > MENU_LIMITS.commands) problems.push(`${where} has ${list.commands.length} commands; Teams shows at most ${MENU_LIMITS.commands}.`);
    for (const c of list.commands) {
      if (c.title.length > MENU_LIMITS.title) problems.push(`${where}: the title "${c.title}" is longer than ${MENU_LIMITS.title} characters.`);
      if ((c.description ?? '').length > MENU_LIMITS.description) problems.push(`${where}: the description of "${c.title}" is longer than ${MENU_LIMITS.description} characters.`);
    }
  }
  return problems;
}

/**
 * The manifest template with its command menus written from the command table, in the template's layout (one
 * command a line), for the Microsoft 365 Agents Toolkit, which packages the template as it is.
 */
export function withMenus(template: string): string {
  const pad = (n: number) => ' '.repeat(n);
  const lists = commandMenus().map((list) =>
    [
      `${pad(8)}{`,
      `${pad(10)}"scopes": ${JSON.stringify(list.scopes)},`,
      `${pad(10)}"commands": [`,
      list.commands.map((c) => `${pad(12)}{ "title": ${JSON.stringify(c.title)}, "description": ${JSON.stringify(c.description)} }`).join(',\n'),
      `${pad(10)}]`,
      `${pad(8)}}`,
    ].join('\n'),
  );
  const block = /"commandLists": \[[\s\S]*?\n {6}\]/;
  if (!block.test(template)) throw new Error('manifest/manifest.json has no "commandLists": [ … ] block at the bot\'s indentation');
  return template.replace(block, () => `"commandLists": [\n${lists.join(',\n')}\n${pad(6)}]`);
}

/** The filled, checked manifest and the zip holding it and the icons at its root. */
export function buildAppPackage(env: NodeJS.ProcessEnv): { manifest: Record<string, unknown>; zip: Uint8Array } {
  const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const settings = readSettings(env, packageJson.version);
  const manifest = fillManifest(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8'), settings);
  const problems = checkManifest(manifest);
  if (problems.length) throw new PackageRefused(problems);
  const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const icon of ICONS) files[icon] = readFileSync(path.join(MANIFEST_DIR, icon));
  return { manifest, zip: zipSync(files, { level: 9 }) };
}

function main(): number {
  dotenv.config({ quiet: true });
  const args = process.argv.slice(2);
  if (args.length === 1 && args[0] === '--menus') {
    const file = path.join(MANIFEST_DIR, 'manifest.json');
    writeFileSync(file, withMenus(readFileSync(file, 'utf8')));
    console.log('Wrote the command menus of manifest/manifest.json from src/domain/commands.ts.');
    return 0;
  }
  const out = args.length === 2 && args[0] === '--out' && args[1] ? path.resolve(args[1]) : args.length === 0 ? DEFAULT_OUT : null;
  if (!out) {
    console.error(`Unknown arguments: ${args.join(' ')}\n${USAGE}`);
    return 2;
  }
  let built: ReturnType<typeof buildAppPackage>;
  try {
    built = buildAppPackage(process.env);
  } catch (error) {
    if (!(error instanceof PackageRefused)) throw error;
    console.error(error.message);
    return 1;
  }
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, built.zip);
  const m = built.manifest as { version: string; manifestVersion: string; validDomains: string[]; webApplicationInfo?: unknown };
  const shown = path.relative(process.cwd(), out).startsWith('..') ? out : path.relative(process.cwd(), out);
  console.log(
    [
      `Wrote ${shown} (app version ${m.version}, manifest ${m.manifestVersion}, host ${m.validDomains[0]}, tab sign-in ${m.webApplicationInfo ? 'on' : 'off: SSO_APP_ID is not set'}).`,
      'Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin centre (Teams apps > Manage apps > Upload new app).',
    ].join('\n'),
  );
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
