import { ukDate } from '../domain/dates';
import type { Minutes } from '../domain/meetings';
import { escapeHtml } from './format';

const list = (names: readonly string[]): string => escapeHtml(names.length ? names.join(', ') : 'none');

/** The minutes as one readable, self-contained HTML page (every value escaped). */
export function minutesHtml(m: Minutes): string {
  const items = m.items
    .map(
      (item, i) =>
        `<li><h3>${i + 1}. ${escapeHtml(item.reference && !item.title.startsWith(item.reference) ? `${item.reference} ${item.title}` : item.title)}</h3><p>${escapeHtml(item.outcome)}</p>${item.actions.length ? `<ul>${item.actions.map((a) => `<li>Action: ${escapeHtml(a)}</li>`).join('')}</ul>` : ''}</li>`,
    )
    .join('\n');
  const actions = m.actions.length
    ? `<table><thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Done</th></tr></thead><tbody>${m.actions.map((a) => `<tr><td>${escapeHtml(a.what)}</td><td>${escapeHtml(a.owner)}</td><td>${escapeHtml(ukDate(a.due))}</td><td>${a.done ? 'Yes' : 'No'}</td></tr>`).join('')}</tbody></table>`
    : '<p>None.</p>';
  const title = `Minutes of the Digital Strategy Group, ${ukDate(m.date)}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
ol { padding-left: 0; list-style: none; }
h3 { margin-bottom: 0; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${m.startTime ? `Started ${escapeHtml(m.startTime)}. ` : ''}${m.publishedAt ? `Published ${escapeHtml(ukDate(m.publishedAt))}.` : 'Draft: not published yet.'}</p>
<p><strong>Present:</strong> ${list(m.attendees)}</p>
<p><strong>Apologies:</strong> ${list(m.apologies)}</p>
<h2>Items</h2>
<ol>
${items}
</ol>
<h2>Actions</h2>
${actions}
${m.notes.trim() ? `<h2>Notes</h2><p>${escapeHtml(m.notes)}</p>` : ''}
</main>
</body>
</html>
`;
}
