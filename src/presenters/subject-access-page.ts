import type { SubjectAccessExport } from '../domain/data-protection';
import { ukDateTime } from '../domain/dates';
import { escapeHtml } from './format';

/** The subject access export as one readable, self-contained HTML page (every value escaped). */


function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return '<span class="none">none</span>';
  if (typeof v === 'object') return `<pre>${escapeHtml(JSON.stringify(v, null, 2))}</pre>`;
  return escapeHtml(String(v));
}

/** One section: a heading, then a table per record (field, value), or a line saying there is none. */
function section(title: string, intro: string, rows: readonly object[]): string {
  const body = rows.length
    ? rows.map((r, i) => `<table><caption>${escapeHtml(title)} ${i + 1} of ${rows.length}</caption><tbody>${Object.entries(r).map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${value(v)}</td></tr>`).join('')}</tbody></table>`).join('\n')
    : '<p>None.</p>';
  return `<section><h2>${escapeHtml(title)} (${rows.length})</h2><p>${escapeHtml(intro)}</p>${body}</section>`;
}

export function subjectAccessHtml(d: SubjectAccessExport): string {
  const sections = [
    section('Roles', 'Roles held in the Digital Strategy Group and its projects.', d.roles),
    section('Person records', 'Who Teams says you are, and the reference dsg-bot uses to message you.', d.people),
    section('Conversations', 'Your personal chat with the bot (the reference Teams gives to write to you).', d.conversations),
    section('Requests', 'Digital project requests you made.', d.requests),
    section('Drafts', 'Request forms you saved but did not submit.', d.drafts),
    section('Decisions and questions', 'Triage decisions you took and questions you asked, by request.', d.triage),
    section('Project records', 'Milestones you moved, benefits and measure figures you recorded, digest subscriptions you made.', d.projectRecords),
    section('DSG meetings', 'Meetings you attended or sent apologies to, what you recorded there, actions you own, agenda items you added.', d.meetings),
    section('Reminders and snoozes', 'What the bot reminded you of, how often, and what you snoozed.', d.reminders),
    section('Messages', 'Messages the bot queued or sent to you.', d.messages),
    section('Audit entries', 'Entries in the audit trail that name you: what you did, or what was done about you.', d.auditEntries),
  ];
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>What dsg-bot holds about ${escapeHtml(d.person.names[0] ?? d.searchedFor)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; }
caption { text-align: left; font-weight: 600; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { width: 14rem; background: #f3f3f3; }
pre { margin: 0; white-space: pre-wrap; word-break: break-word; }
.none { color: #505050; font-style: italic; }
</style>
</head>
<body>
<main>
<h1>What dsg-bot holds about ${escapeHtml(d.person.names.join(', ') || d.searchedFor)}</h1>
<p>Made on ${escapeHtml(ukDateTime(d.generatedAt))} (UK time) for ${escapeHtml(d.searchedFor)}. Known as: ${escapeHtml(d.person.names.join(', ') || 'no name')}; email ${escapeHtml(d.person.emails.join(', ') || 'not known')}; user principal name ${escapeHtml(d.person.upns.join(', ') || 'not known')}; Teams ids ${escapeHtml(d.person.teamsIds.join(', ') || 'none')}; AAD object ids ${escapeHtml(d.person.aadObjectIds.join(', ') || 'none')}.</p>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

/** The export as files: `.json` and `.html`. */
export function subjectAccessFiles(data: SubjectAccessExport): { json: string; html: string } {
  return { json: `${JSON.stringify(data, null, 2)}\n`, html: subjectAccessHtml(data) };
}
