import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RETENTION, type RetentionSchedule } from './domain/data-protection';
import { DEFAULT_HEALTH_RHYTHM, HEALTH_RHYTHMS, type HealthRhythm } from './domain/health';
import { ALERT_KINDS, type AlertKind } from './domain/notices';

/** Everything dsg-bot reads from the environment, checked once at start-up. */
export interface Config {
  port: number;
  host: string;
  /** Bot credentials; null in local mode (requests are then not authenticated). */
  bot: { appId: string; appPassword: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; appTenantId: string } | null;
  databaseUrl: string | null;
  sqlitePath: string;
  allowedTenantIds: string[];
  adminAadIds: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  playground: { enabled: boolean; port: number };
  /** Where to open a new 1:1 chat with someone the bot has no conversation with yet. */
  teamsServiceUrl: string;
  /** Absolute path of the bank-holiday list (JSON) that decides the working days. */
  bankHolidaysFile: string;
  /** The Service Standard's stages, criteria and gates (issue 17). */
  serviceStandardFile: string;
  reminders: { schedule: string; everyWorkingDays: number; businessCaseDays: number; planDays: number; healthRhythm: HealthRhythm };
  /** Publish the approved Digital Programme (non-personal fields) at GET /open/programme.json and .csv. */
  openData: boolean;
  /** Weekly digest (cron, Europe/London) and the pre-meeting digest, this many working days before each meeting. */
  digests: { schedule: string; meetingCheckSchedule: string; daysBeforeMeeting: number };
  /** The address people reach the bot at (links in cards start with it), without a trailing slash. */
  publicUrl: string;
  /** The kinds of personal message that set Teams' activity-feed alert (src/app/outbox/alerts.ts); [] for none. */
  activityAlerts: AlertKind[];
  /** Cards that show each person their own actions (Universal Actions refresh; USER_SPECIFIC_VIEWS, off in local mode by default). */
  userSpecificViews: boolean;
  /** Each person's commands and card presses: a burst, then so many a second (src/teams/press-limit.ts). */
  pressLimit: { burst: number; perSecond: number };
  /** Signs the annual report's download links; null when unset (a random one is made at start-up). */
  reportLinkSecret: string | null;
  /** `npm run backup`: where SQLite backups go, and how many of the newest are kept. */
  backups: { dir: string; keep: number };
  // --- The Programme tab's sign-in (issue 6) ---
  /** Teams SSO for the tab's API; null when SSO_APP_ID is not set. The app id URI defaults to api://<host of PUBLIC_URL>/<app id>. */
  sso: { appId: string; appIdUri: string | null; jwksUrl: string } | null;
  // --- Data protection (issue 14) ---
  /** How long personal data is kept, and when the daily retention run starts (cron, Europe/London). */
  retention: RetentionSchedule & { schedule: string };
  /** The /privacy and /accessibility pages: Markdown files with {{placeholders}}, and what fills them. */
  pages: { councilName: string; privacyContact: string; accessibilityContact: string; privacyNoticeFile: string; accessibilityStatementFile: string; accessibilityReviewedOn: string };
}

/** The project root (this file is src/config.ts, or dist/config.js once built). */
const PROJECT_ROOT = resolve(__dirname, '..');
/** The shipped list of Scotland's bank holidays, used when BANK_HOLIDAYS_FILE is not set. */
export const DEFAULT_BANK_HOLIDAYS_FILE = resolve(PROJECT_ROOT, 'config', 'bank-holidays-scotland.json');
/** The Digital Scotland Service Standard's stages and gates, used when SERVICE_STANDARD_FILE is not set. */
export const DEFAULT_SERVICE_STANDARD_FILE = resolve(PROJECT_ROOT, 'config', 'service-standard.json');
/** The shipped privacy notice and accessibility statement, used when their *_FILE variables are not set. */
export const DEFAULT_PRIVACY_NOTICE_FILE = resolve(PROJECT_ROOT, 'config', 'privacy-notice.md');
/** When the shipped accessibility statement was prepared and the service last tested. */
export const ACCESSIBILITY_REVIEWED_ON = '2026-12-04';
export const DEFAULT_ACCESSIBILITY_STATEMENT_FILE = resolve(PROJECT_ROOT, 'config', 'accessibility-statement.md');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`dsg-bot cannot start; fix these settings (in the environment or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const list = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const port = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : Number(v)))
    .pipe(z.number().int('must be a whole number').min(1, 'must be 1-65535').max(65535, 'must be 1-65535'));

const optionalText = z
  .string()
  .optional()
  .transform((v) => v?.trim() || '');

const days = (fallback: number) =>
  optionalText
    .transform((v) => (v === '' ? fallback : Number(v)))
    .pipe(z.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(0, 'must be 0 or more').max(365, 'must be at most 365'));

/** A retention period: whole days, at least one, at most a century. */
const retentionDays = (fallback: number) =>
  optionalText
    .transform((v) => (v === '' ? fallback : Number(v)))
    .pipe(
      z
        .number({ error: 'must be a whole number of days, like 730 for two years' })
        .int('must be a whole number of days, like 730 for two years')
        .min(1, 'must be at least 1 day (a negative or zero retention period is impossible)')
        .max(36500, 'must be at most 36500 days (100 years)'),
    );

const markdownFile = (what: string) => optionalText.refine((v) => v === '' || v.endsWith('.md'), `must be the path of a Markdown (.md) file with ${what} (or unset for the default)`);

const schema = z.object({
  PORT: port(3978),
  HOST: optionalText.transform((v) => v || '127.0.0.1'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: optionalText
    .transform((v) => v || 'MultiTenant')
    .pipe(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { error: 'must be MultiTenant, SingleTenant or UserAssignedMSI' })),
  MicrosoftAppTenantId: optionalText,
  DATABASE_URL: optionalText.refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL (or unset to use SQLite)'),
  SQLITE_PATH: optionalText.transform((v) => v || './data/dsg-bot.sqlite'),
  ALLOWED_TENANT_IDS: list,
  DSG_ADMIN_AAD_IDS: list,
  LOG_LEVEL: optionalText
    .transform((v) => v || 'info')
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' })),
  PLAYGROUND: optionalText
    .transform((v) => v || 'on')
    .pipe(z.enum(['on', 'off'], { error: 'must be on or off' })),
  PLAYGROUND_PORT: port(56150),
  TEAMS_SERVICE_URL: optionalText.refine((v) => v === '' || /^https?:\/\//.test(v), 'must be an http(s):// URL'),
  REMINDER_SCHEDULE: optionalText
    .transform((v) => v || '30 9 * * 1-5')
    .refine((v) => /^(\S+\s+){4}\S+$/.test(v), 'must be a cron expression with five fields, like "30 9 * * 1-5" (weekdays at 09:30, Europe/London)'),
  REMIND_BUSINESS_CASE_DAYS: days(30),
  REMIND_PLAN_DAYS: days(14),
  REMIND_EVERY_DAYS: optionalText
    .transform((v) => (v === '' ? 7 : Number(v)))
    .pipe(z.number({ error: 'must be a whole number of working days' }).int('must be a whole number of working days').min(1, 'must be at least 1').max(60, 'must be at most 60')),
  HEALTH_RHYTHM: optionalText
    .transform((v) => v.toLowerCase() || DEFAULT_HEALTH_RHYTHM)
    .pipe(z.enum(HEALTH_RHYTHMS, { error: `must be ${HEALTH_RHYTHMS.join(', ')}: how often projects in delivery are asked for their health status` })),
  OPEN_DATA: optionalText
    .transform((v) => v || 'off')
    .pipe(z.enum(['on', 'off'], { error: 'must be on or off' })),
  DIGEST_SCHEDULE: optionalText.transform((v) => v || '0 9 * * 1').refine((v) => /^(\S+\s+){4}\S+$/.test(v), 'must be a cron expression with five fields, like "0 9 * * 1" (Mondays at 09:00, Europe/London)'),
  DIGEST_MEETING_CHECK_SCHEDULE: optionalText.transform((v) => v || '0 9 * * 1-5').refine((v) => /^(\S+\s+){4}\S+$/.test(v), 'must be a cron expression with five fields, like "0 9 * * 1-5"'),
  DIGEST_DAYS_BEFORE_MEETING: optionalText
    .transform((v) => (v === '' ? 3 : Number(v)))
    .pipe(z.number({ error: 'must be a whole number of working days' }).int('must be a whole number of working days').min(1, 'must be at least 1').max(20, 'must be at most 20')),
  ACTIVITY_ALERTS: optionalText
    .transform((v) => (v === '' ? [...ALERT_KINDS] : v.toLowerCase() === 'none' ? [] : [...new Set(v.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean))]))
    .superRefine((kinds, ctx) => {
      const unknown = kinds.filter((k) => !(ALERT_KINDS as readonly string[]).includes(k));
      if (unknown.length) ctx.addIssue({ code: 'custom', message: `does not know ${unknown.join(', ')}: list the alerts to switch on from ${ALERT_KINDS.join(', ')} (comma-separated), or none` });
    })
    .transform((kinds) => kinds as AlertKind[]),
  USER_SPECIFIC_VIEWS: optionalText.pipe(z.enum(['', 'on', 'off'], { error: 'must be on or off' })),
  PRESS_LIMIT_BURST: optionalText
    .transform((v) => (v === '' ? 10 : Number(v)))
    .pipe(z.number({ error: 'must be a whole number of presses' }).int('must be a whole number of presses').min(1, 'must be at least 1').max(100_000, 'must be at most 100000')),
  PRESS_LIMIT_PER_SECOND: optionalText
    .transform((v) => (v === '' ? 1 : Number(v)))
    .pipe(z.number({ error: 'must be a number of presses a second, like 1 or 0.5' }).min(0.01, 'must be at least 0.01').max(100_000, 'must be at most 100000')),
  PUBLIC_URL: optionalText.refine((v) => v === '' || /^https?:\/\/[^/\s]+$/.test(v.replace(/\/+$/, '')), 'must be the address people reach the bot at, like https://dsg-bot.council.example (no path)'),
  REPORT_LINK_SECRET: optionalText.refine((v) => v === '' || v.length >= 32, 'must be at least 32 characters (e.g. openssl rand -hex 32)'),
  BACKUP_DIR: optionalText.transform((v) => v || './backups'),
  BACKUP_KEEP: optionalText
    .transform((v) => (v === '' ? 14 : Number(v)))
    .pipe(z.number({ error: 'must be a whole number of backups' }).int('must be a whole number of backups').min(1, 'must be at least 1').max(1000, 'must be at most 1000')),
  BANK_HOLIDAYS_FILE: optionalText.refine((v) => v === '' || v.endsWith('.json'), 'must be the path of a .json file (or unset for config/bank-holidays-scotland.json)'),
  SERVICE_STANDARD_FILE: optionalText.refine((v) => v === '' || v.endsWith('.json'), 'must be the path of a .json file (or unset for config/service-standard.json)'),
  // --- The Programme tab's sign-in (issue 6) ---
  SSO_APP_ID: optionalText.refine((v) => v === '' || GUID.test(v), 'must be the Azure AD app (client) id of the tab, a GUID'),
  SSO_APP_ID_URI: optionalText.refine((v) => v === '' || /^api:\/\/\S+$/.test(v), 'must be an application id URI, like api://dsg-bot.council.example/<SSO_APP_ID>'),
  SSO_JWKS_URL: optionalText.refine((v) => v === '' || (URL.canParse(v) && /^https?:\/\//.test(v)), 'must be an http(s):// URL of a JSON Web Key Set'),
  // --- Data protection (issue 14) ---
  RETENTION_CLOSED_REQUEST_DAYS: retentionDays(DEFAULT_RETENTION.closedRequestDays),
  RETENTION_COMPLETED_PROJECT_DAYS: retentionDays(DEFAULT_RETENTION.completedProjectDays),
  RETENTION_DRAFT_DAYS: retentionDays(DEFAULT_RETENTION.draftDays),
  RETENTION_DELIVERY_LOG_DAYS: retentionDays(DEFAULT_RETENTION.deliveryLogDays),
  RETENTION_MEETING_PEOPLE_DAYS: retentionDays(DEFAULT_RETENTION.meetingPeopleDays),
  RETENTION_SCHEDULE: optionalText.transform((v) => v || '15 2 * * *').refine((v) => /^(\S+\s+){4}\S+$/.test(v), 'must be a cron expression with five fields, like "15 2 * * *" (every day at 02:15, Europe/London)'),
  COUNCIL_NAME: optionalText.transform((v) => v || 'the council').refine((v) => v.length <= 200, 'must be at most 200 characters'),
  PRIVACY_CONTACT: optionalText
    .transform((v) => v || "the council's Data Protection Officer")
    .refine((v) => v.length <= 300, 'must be at most 300 characters: who to contact about personal data, like dpo@council.example'),
  ACCESSIBILITY_CONTACT: optionalText.refine((v) => v.length <= 300, 'must be at most 300 characters'),
  PRIVACY_NOTICE_FILE: markdownFile('the privacy notice'),
  ACCESSIBILITY_STATEMENT_FILE: markdownFile('the accessibility statement'),
  ACCESSIBILITY_REVIEWED_ON: optionalText.transform((v) => v || ACCESSIBILITY_REVIEWED_ON).refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), 'must be a date like 2026-12-04: when the accessibility statement was last reviewed'),
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Where Microsoft Entra ID publishes the keys that sign its tokens. */
const DEFAULT_SSO_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

/** Reads the configuration; throws ConfigError naming every wrong or missing variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const local = e.MicrosoftAppId === '';
  if (local) {
    if (!isLoopback(e.HOST)) {
      problems.push(
        `HOST is ${e.HOST}, but with no MicrosoftAppId requests are not authenticated, so dsg-bot only listens on a loopback address (127.0.0.1 or ::1). Set MicrosoftAppId and MicrosoftAppPassword to listen on other addresses.`,
      );
    }
    if (e.MicrosoftAppPassword) problems.push('MicrosoftAppPassword is set but MicrosoftAppId is empty: set both, or neither for local mode.');
  } else {
    if (e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) problems.push('MicrosoftAppPassword is required when MicrosoftAppId is set.');
    if (e.MicrosoftAppType === 'UserAssignedMSI' && e.MicrosoftAppPassword) {
      problems.push('MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI: the managed identity signs in without one (MicrosoftAppId is its client id).');
    }
    if (e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId) problems.push(`MicrosoftAppTenantId is required when MicrosoftAppType is ${e.MicrosoftAppType}.`);
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL is required when MicrosoftAppId is set: the https address people reach the bot at (links in cards start with it), like https://dsg-bot.council.example.');
    else if (!e.PUBLIC_URL.startsWith('https://')) problems.push(`PUBLIC_URL must be an https:// address when MicrosoftAppId is set (links in cards and the tab go there); it is ${e.PUBLIC_URL}.`);
    if (e.SSO_JWKS_URL && !e.SSO_JWKS_URL.startsWith('https://')) problems.push(`SSO_JWKS_URL must be an https:// address when MicrosoftAppId is set (the keys that sign people's tokens must not be read in the clear); it is ${e.SSO_JWKS_URL}.`);
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    bot: local
      ? null
      : { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, appTenantId: e.MicrosoftAppTenantId },
    databaseUrl: e.DATABASE_URL || null,
    sqlitePath: e.SQLITE_PATH,
    // With credentials and a tenant of its own, the bot answers only its own tenant unless told otherwise.
    allowedTenantIds: e.ALLOWED_TENANT_IDS.length || local || !e.MicrosoftAppTenantId ? e.ALLOWED_TENANT_IDS : [e.MicrosoftAppTenantId],
    adminAadIds: e.DSG_ADMIN_AAD_IDS,
    logLevel: e.LOG_LEVEL,
    playground: { enabled: local && e.PLAYGROUND === 'on', port: e.PLAYGROUND_PORT },
    teamsServiceUrl: e.TEAMS_SERVICE_URL || (local ? `http://127.0.0.1:${e.PLAYGROUND_PORT}/_connector` : 'https://smba.trafficmanager.net/teams/'),
    // A path given in the environment is relative to the working directory, like SQLITE_PATH.
    bankHolidaysFile: e.BANK_HOLIDAYS_FILE ? resolve(e.BANK_HOLIDAYS_FILE) : DEFAULT_BANK_HOLIDAYS_FILE,
    serviceStandardFile: e.SERVICE_STANDARD_FILE ? resolve(e.SERVICE_STANDARD_FILE) : DEFAULT_SERVICE_STANDARD_FILE,
    reminders: { schedule: e.REMINDER_SCHEDULE, everyWorkingDays: e.REMIND_EVERY_DAYS, businessCaseDays: e.REMIND_BUSINESS_CASE_DAYS, planDays: e.REMIND_PLAN_DAYS, healthRhythm: e.HEALTH_RHYTHM },
    openData: e.OPEN_DATA === 'on',
    digests: { schedule: e.DIGEST_SCHEDULE, meetingCheckSchedule: e.DIGEST_MEETING_CHECK_SCHEDULE, daysBeforeMeeting: e.DIGEST_DAYS_BEFORE_MEETING },
    publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') || `http://${isLoopback(e.HOST) ? '127.0.0.1' : 'localhost'}:${e.PORT}`,
    activityAlerts: e.ACTIVITY_ALERTS,
    // Cards that show each person their own actions (Teams' Universal Actions refresh). The Agents Playground
    // does not show user-specific views yet, so local mode posts cards with their actions for everyone.
    userSpecificViews: e.USER_SPECIFIC_VIEWS ? e.USER_SPECIFIC_VIEWS === 'on' : !local,
    pressLimit: { burst: e.PRESS_LIMIT_BURST, perSecond: e.PRESS_LIMIT_PER_SECOND },
    reportLinkSecret: e.REPORT_LINK_SECRET || null,
    backups: { dir: e.BACKUP_DIR, keep: e.BACKUP_KEEP },
    // --- The Programme tab's sign-in (issue 6) ---
    sso: e.SSO_APP_ID
      ? {
          appId: e.SSO_APP_ID,
          appIdUri: e.SSO_APP_ID_URI || (e.PUBLIC_URL ? `api://${new URL(e.PUBLIC_URL).host}/${e.SSO_APP_ID}` : null),
          jwksUrl: e.SSO_JWKS_URL || DEFAULT_SSO_JWKS_URL,
        }
      : null,
    // --- Data protection (issue 14) ---
    retention: {
      closedRequestDays: e.RETENTION_CLOSED_REQUEST_DAYS,
      completedProjectDays: e.RETENTION_COMPLETED_PROJECT_DAYS,
      draftDays: e.RETENTION_DRAFT_DAYS,
      deliveryLogDays: e.RETENTION_DELIVERY_LOG_DAYS,
      meetingPeopleDays: e.RETENTION_MEETING_PEOPLE_DAYS,
      schedule: e.RETENTION_SCHEDULE,
    },
    pages: {
      councilName: e.COUNCIL_NAME,
      privacyContact: e.PRIVACY_CONTACT,
      accessibilityContact: e.ACCESSIBILITY_CONTACT || e.PRIVACY_CONTACT,
      privacyNoticeFile: e.PRIVACY_NOTICE_FILE ? resolve(e.PRIVACY_NOTICE_FILE) : DEFAULT_PRIVACY_NOTICE_FILE,
      accessibilityStatementFile: e.ACCESSIBILITY_STATEMENT_FILE ? resolve(e.ACCESSIBILITY_STATEMENT_FILE) : DEFAULT_ACCESSIBILITY_STATEMENT_FILE,
      accessibilityReviewedOn: e.ACCESSIBILITY_REVIEWED_ON,
    },
  };
}
