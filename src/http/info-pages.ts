import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import type { Config } from '../config';
import { daysInWords } from '../domain/data-protection';
import { ukDate } from '../domain/dates';

/**
 * The /privacy and /accessibility pages: Markdown files (the council's own, or the shipped defaults in config/)
 * with {{placeholders}} filled from configuration, rendered once at start-up. Raw HTML in the Markdown is shown as
 * text, never run; every filled value is escaped.
 */
export interface InfoPages {
  privacy: string;
  accessibility: string;
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
const escapeMarkdown = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);

function page(title: string, body: string, other: { href: string; text: string }): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 46rem; margin: 1rem auto; padding: 0 1rem; color: #1b1b1b; background: #fff; }
a { color: #0b5a73; } a:focus { outline: 3px solid #ffbf47; }
table { border-collapse: collapse; } th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
@media (prefers-color-scheme: dark) { body { color: #f3f3f3; background: #1b1b1b; } a { color: #8fd3e8; } }
</style>
</head>
<body>
<main>
${body}
</main>
<footer><p><a href="/tab">The Digital Programme</a> · <a href="${other.href}">${other.text}</a></p></footer>
</body>
</html>
`;
}

/** Fills {{name}} placeholders; an unknown one is an error naming the file and the variable that set it. */
function fill(file: string, variable: string, values: Record<string, string>): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${variable}: cannot read ${file} (${(error as Error).message})`);
  }
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`${variable}: ${file} has a placeholder ${whole} that dsg-bot does not know; it knows ${Object.keys(values).map((k) => `{{${k}}}`).join(', ')}.`);
    return escapeMarkdown(values[name]);
  });
}

export function loadInfoPages(config: Pick<Config, 'pages' | 'retention' | 'publicUrl'>): InfoPages {
  const { pages, retention } = config;
  const values = {
    council: pages.councilName,
    contact: pages.privacyContact,
    accessibilityContact: pages.accessibilityContact,
    publicUrl: config.publicUrl,
    closedRequests: daysInWords(retention.closedRequestDays),
    completedProjects: daysInWords(retention.completedProjectDays),
    drafts: daysInWords(retention.draftDays),
    deliveryLogs: daysInWords(retention.deliveryLogDays),
    meetings: daysInWords(retention.meetingPeopleDays),
    statementDate: ukDate(pages.accessibilityReviewedOn),
  };
  const privacy = fill(pages.privacyNoticeFile, 'PRIVACY_NOTICE_FILE', values);
  const accessibility = fill(pages.accessibilityStatementFile, 'ACCESSIBILITY_STATEMENT_FILE', values);
  const titleOf = (md: string, fallback: string) => /^#\s+(.+)$/m.exec(md)?.[1].replace(/\\(.)/g, '$1') ?? fallback;
  return {
    privacy: page(titleOf(privacy, 'Privacy notice'), markdown.render(privacy), { href: '/accessibility', text: 'Accessibility statement' }),
    accessibility: page(titleOf(accessibility, 'Accessibility statement'), markdown.render(accessibility), { href: '/privacy', text: 'Privacy notice' }),
  };
}
