import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import dotenv from 'dotenv';
import type { Deps } from './app/deps';
import type { Clock } from './app/ports';
import { type OutboxWorker, startOutboxWorker } from './app/outbox/outbox-worker';
import { openFiguresCsv, openFiguresJson, openProgrammeCsv, openProgrammeJson, openCatalogueCsv, openCatalogueJson } from './app/publish-open-data';
import { sessionInfo } from './app/programme-view/session-info';
import { viewProgramme } from './app/programme-view/view-programme';
import { programmeProject, viewProgrammeProject } from './app/programme-view/view-programme-project';
import { actorOf } from './app/programme-view/viewer';
import { findPeople } from './app/find-people';
import { addRisk } from './app/risks/add-risk';
import { changeRisk } from './app/risks/edit-risk';
import type { RiskValues } from './domain/risks';
import { recordDelivery } from './app/triage/record-delivery';
import { sendDueReminders } from './app/reminders/send-due-reminders';
import { postDigests } from './app/digests/post-digests';
import { downloadAnnualReport } from './app/reports/annual-report';
import { downloadProgrammeExport } from './app/programme-sheets/export-programme';
import { RETENTION_ACTOR, runRetention } from './app/data-protection/retention';
import { downloadSubjectAccess } from './app/data-protection/subject-access';
import { subjectAccessFiles } from './presenters/subject-access-page';
import { downloadMinutes } from './app/meetings/minutes';
import { viewMeetingsPage } from './app/meetings/meetings-page';
import { viewCataloguePage } from './app/solutions/catalogue-page';
import { minutesHtml } from './presenters/minutes-page';
import { minutesDocx } from './documents/minutes-docx';
import { assuranceDocx } from './documents/assurance-docx';
import { assuranceCsv } from './domain/assurance';
import { downloadAssuranceReport } from './app/reports/assurance-report';
import { reportLinks } from './app/reports/report-links';
import { WorkingCalendar } from './domain/calendar';
import { DEFAULT_THRESHOLDS } from './domain/reminders';
import { loadBankHolidays } from './scheduler/bank-holidays';
import { loadServiceStandard } from './service-standard';
import { startSchedule } from './scheduler/schedule';
import { type Config, ConfigError, loadConfig } from './config';
import { loadInfoPages } from './http/info-pages';
import { close, createHttpServer, listen } from './http/server';
import { TAB_DIR } from './http/tab-files';
import { createLogger, type Logger } from './log';
import { MOCK_TENANT, MOCK_USERS, startPlayground } from './playground';
import { type Caller, createSignIn, SignInError } from './sso/sign-in';
import { createTokenValidator } from './sso/token-validator';
import { workbookBuffer } from './spreadsheet/workbook';
import { openStore } from './storage/open-store';
import { type ChannelAuthOptions, createAdapter, createTeamsEndpoint } from './teams/endpoint';
import { createMessenger } from './teams/messenger';
import { createOutboxRenderer } from './teams/outbox-renderer';
import { createRoster } from './teams/roster';

export interface RunningBot {
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  /** How Teams' requests are authenticated (tests point the Bot Framework's keys at a loopback server). */
  channelAuth?: ChannelAuthOptions;
}

/** The composition root: storage, use-case ports, the Teams endpoint and the HTTP server. */
export async function startBot(config: Config, log: Logger, options: StartOptions = {}): Promise<RunningBot> {
  // Read first: a missing or wrong privacy notice or accessibility statement stops the bot before anything opens.
  const infoPages = loadInfoPages(config);
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, logger: log, checkpointInBackground: true });
  const appId = config.bot?.appId ?? '';
  const adapter = createAdapter(config, log, options.channelAuth);
  const messenger = createMessenger(adapter, appId, {
    defaultServiceUrl: config.teamsServiceUrl,
    // In local mode the bot has no app id of its own: use the one the Playground plays.
    botId: config.bot ? undefined : MOCK_TENANT.bot.id,
  });
  let worker: OutboxWorker | undefined;
  const calendar = new WorkingCalendar(loadBankHolidays(config.bankHolidaysFile).dates);
  const deps: Deps = {
    store,
    calendar,
    reminders: {
      ...DEFAULT_THRESHOLDS,
      remindEveryWorkingDays: config.reminders.everyWorkingDays,
      businessCaseDays: config.reminders.businessCaseDays,
      planDays: config.reminders.planDays,
      healthRhythm: config.reminders.healthRhythm,
    },
    clock: options.clock ?? { now: () => new Date() },
    newId: randomUUID,
    roles: { adminAadIds: config.adminAadIds },
    roster: createRoster(adapter, appId),
    reportLinks: reportLinks(reportLinkSecret(config), config.publicUrl),
    kickOutbox: () => worker?.kick(),
    log,
    retention: config.retention,
    serviceStandard: loadServiceStandard(config.serviceStandardFile),
  };
  worker = startOutboxWorker(
    { store, clock: deps.clock, renderer: createOutboxRenderer(deps, { alerts: config.activityAlerts, userSpecificViews: config.userSpecificViews }), messenger, log, onSent: (message, result, rendered) => recordDelivery(deps, message, result, rendered) },
    { worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` },
  );
  const reminders = startSchedule({
    job: 'reminders',
    cron: config.reminders.schedule,
    calendar,
    runs: store.scheduledRuns,
    clock: deps.clock,
    // A bot restarted later the same day still sends that day's reminders; never a day late.
    catchUpSameDay: true,
    run: async (slot) => {
      const result = await sendDueReminders(deps, slot, deps.reminders);
      log.info({ slot, ...result }, 'reminders queued');
    },
    log,
  });
  // Retention runs every day (not only working days), once a day across every process; one missed while the bot
  // was down runs when it is back that day, and a day missed altogether is caught up by the next run.
  const retention = startSchedule({
    job: 'retention',
    cron: config.retention.schedule,
    calendar: { isWorkingDay: () => true },
    runs: store.scheduledRuns,
    clock: deps.clock,
    catchUpSameDay: true,
    run: async (slot) => {
      const { plan, counts } = await runRetention(deps);
      log.info({ slot, actor: RETENTION_ACTOR, closedRequests: plan.closedRequests.length, completedProjects: plan.completedProjects.length, ...counts }, 'retention run finished');
    },
    log,
  });
  const schedules = [reminders, retention, ...startDigestSchedules(config, deps, calendar, log)];
  const teams = createTeamsEndpoint(adapter, config, deps, log, options.channelAuth);
  const openData = config.openData
    ? { json: () => openProgrammeJson(deps), csv: () => openProgrammeCsv(deps), figuresJson: () => openFiguresJson(deps), figuresCsv: () => openFiguresCsv(deps), catalogueJson: () => openCatalogueJson(deps), catalogueCsv: () => openCatalogueCsv(deps) }
    : undefined;
  // The Programme tab's API: Teams SSO when SSO_APP_ID is set; in local mode also the demo sign-in as a mock user.
  const signIn = createSignIn({
    validate: config.sso && createTokenValidator({ ...config.sso, allowedTenantIds: config.allowedTenantIds, log }),
    demo: config.bot ? null : { users: Object.values(MOCK_USERS), tenantId: MOCK_TENANT.tenantId },
  });
  /** Who makes a change from the tab: someone signed in (nobody is a 401). */
  const signedInActor = async (caller: Caller) => {
    const signedIn = await signIn.identify(caller);
    if (!signedIn) throw new SignInError('Sign in to do this: changes are made by name.');
    return actorOf(deps, signedIn);
  };
  const programmeApi = {
    session: () => sessionInfo({ sso: signIn.sso, demoUsers: signIn.demoUsers }),
    programme: async (caller: Caller) => viewProgramme(deps, await signIn.identify(caller)),
    project: async (caller: Caller, reference: string) => viewProgrammeProject(deps, await signIn.identify(caller), reference),
    meetings: async (caller: Caller) => viewMeetingsPage(deps, await signIn.identify(caller)),
    catalogue: async (caller: Caller) => viewCataloguePage(deps, await signIn.identify(caller)),
    people: async (caller: Caller, text: string) => {
      await signedInActor(caller);
      return { people: (await findPeople(deps, text)).map((p) => ({ id: p.aadObjectId, name: p.name })) };
    },
    // The tab's changes to a project's log: the card's use cases, for the signed-in caller, on a published project.
    addRisk: async (caller: Caller, reference: string, values: RiskValues) => {
      const actor = await signedInActor(caller);
      const { entry, notice } = await addRisk(deps, actor, (await programmeProject(deps, reference)).ref, values);
      return { notice, id: entry.id, version: entry.version };
    },
    editRisk: async (caller: Caller, reference: string, riskId: string, version: number, values: RiskValues) => {
      const actor = await signedInActor(caller);
      const { ref } = await programmeProject(deps, reference);
      const { entry, notice } = await changeRisk(deps, actor, riskId, version, { kind: 'edit', values }, ref);
      return { notice, id: entry.id, version: entry.version };
    },
  };
  const server = createHttpServer(
    {
      messages: (activity, authorization) => teams.handle(activity, authorization),
      databaseHealthy: () => store.ping(),
      openData,
      annualReport: (file, expires, token) => downloadAnnualReport(deps, file, expires, token),
      programmeExport: async (file, expires, token) => {
        const result = await downloadProgrammeExport(deps, file, expires, token);
        return result.ok ? { ok: true, format: 'xlsx', fileName: result.fileName, body: await workbookBuffer(result.sheets) } : result;
      },
      assuranceReport: async (file, expires, token) => {
        const result = await downloadAssuranceReport(deps, file, expires, token);
        if (!result.ok) return result;
        return { ok: true, format: result.format, fileName: result.fileName, body: result.format === 'docx' ? await assuranceDocx(result.report) : assuranceCsv(result.report) };
      },
      minutes: async (file, expires, token) => {
        const result = await downloadMinutes(deps, file, expires, token);
        if (!result.ok) return result;
        return { ok: true, format: result.format, fileName: result.fileName, body: result.format === 'docx' ? await minutesDocx(result.minutes) : minutesHtml(result.minutes) };
      },
      programmeApi,
      tabDir: TAB_DIR,
      infoPages,
      // The export is read fresh when the link is opened, then drawn as the page or the JSON file.
      subjectAccess: async (file, expires, token) => {
        const result = await downloadSubjectAccess(deps, file, expires, token);
        return result.ok ? { ok: true, format: result.format, body: subjectAccessFiles(result.data)[result.format] } : result;
      },
    },
    log,
    { loopbackHostsOnly: config.bot === null },
  );
  let url: string;
  try {
    url = await listen(server, config.port, config.host);
  } catch (error) {
    await Promise.all(schedules.map((s) => s.stop()));
    await worker.stop();
    await store.close();
    throw error;
  }
  log.info({ url, database: config.databaseUrl ? 'postgresql' : 'sqlite', authenticated: config.bot !== null }, 'dsg-bot listening');
  if (config.bot && !config.reportLinkSecret && !config.bot.appPassword) log.warn('REPORT_LINK_SECRET is not set: annual report links stop working when the bot restarts.');
  if (config.bot && config.allowedTenantIds.length === 0) {
    log.warn('ALLOWED_TENANT_IDS is empty: people from any Microsoft 365 tenant that installs the bot can use it. Set it to the council tenant id.');
  }
  return {
    url,
    async stop() {
      await close(server);
      await Promise.all(schedules.map((s) => s.stop()));
      await worker?.stop();
      await store.close();
    },
  };
}

/**
 * What signs the annual report's links: REPORT_LINK_SECRET; else, with credentials, a key derived from the bot's
 * password (the same in every instance and across restarts); else (local mode) one made now.
 */
function reportLinkSecret(config: Config): string {
  if (config.reportLinkSecret) return config.reportLinkSecret;
  if (config.bot?.appPassword) return createHmac('sha256', config.bot.appPassword).update('dsg-bot report links').digest('hex');
  return randomBytes(32).toString('hex');
}

/**
 * The weekly digest (a bank holiday Monday's moves to Tuesday) and the daily look for a DSG meeting a few
 * working days ahead. Both are idempotent (one digest per channel per period, kept in the database), so a
 * bot down at 09:00 posts when it is back that day, and a restart or a second instance posts nothing twice.
 */
function startDigestSchedules(config: Config, deps: Deps, calendar: WorkingCalendar, log: Logger) {
  const common = { calendar, runs: deps.store.scheduledRuns, clock: deps.clock, catchUpSameDay: true, idempotent: true, log };
  return [
    startSchedule({
      ...common,
      job: 'digest-weekly',
      cron: config.digests.schedule,
      onNonWorkingDay: 'next-working-day',
      run: async (slot) => log.info({ slot, ...(await postDigests(deps, { weekly: true, daysBeforeMeeting: config.digests.daysBeforeMeeting })) }, 'weekly digests queued'),
    }),
    startSchedule({
      ...common,
      job: 'digest-meeting',
      cron: config.digests.meetingCheckSchedule,
      run: async (slot) => log.info({ slot, ...(await postDigests(deps, { weekly: false, daysBeforeMeeting: config.digests.daysBeforeMeeting })) }, 'pre-meeting digest checked'),
    }),
  ];
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const bot = await startBot(config, log);
  const playground = config.playground.enabled
    ? await startPlayground({ botEndpoint: `${bot.url}/api/messages`, port: config.playground.port, workDir: path.resolve(__dirname, '..'), logger: log })
    : null;

  console.log(`\ndsg-bot is running at ${bot.url}/api/messages${config.bot ? '' : ' (local mode: requests are not authenticated)'}`);
  if (playground) console.log(`Open ${playground.url} and say hi to the bot. Press Ctrl-C to stop.\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await playground?.stop();
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('dsg-bot failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
