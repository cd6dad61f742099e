import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { loadInfoPages } from '../../src/http/info-pages';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dsg-pages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('privacy notice and accessibility statement', () => {
  it('take the council’s own Markdown, fill its placeholders and never run its HTML', () => {
    const file = path.join(dir, 'notice.md');
    writeFileSync(file, '# Our notice\n\nDrafts go after {{drafts}}. Ask {{contact}}.\n\n<script>alert(1)</script>\n');
    const pages = loadInfoPages(loadConfig({ PRIVACY_NOTICE_FILE: file, RETENTION_DRAFT_DAYS: '30', PRIVACY_CONTACT: '<b>dpo</b>@council.example' }));
    expect(pages.privacy).toContain('<title>Our notice</title>');
    expect(pages.privacy).toContain('Drafts go after 30 days.');
    expect(pages.privacy).toContain('&lt;b&gt;dpo&lt;/b&gt;@council.example');
    expect(pages.privacy).not.toContain('<script>');
    expect(pages.privacy).toContain('<a href="/accessibility">');
  });

  it('stop the bot with the variable named for a missing file or an unknown placeholder', () => {
    expect(() => loadInfoPages(loadConfig({ PRIVACY_NOTICE_FILE: path.join(dir, 'missing.md') }))).toThrow(/^PRIVACY_NOTICE_FILE: cannot read/);
    const file = path.join(dir, 'statement.md');
    writeFileSync(file, 'Contact {{phone}}.');
    expect(() => loadInfoPages(loadConfig({ ACCESSIBILITY_STATEMENT_FILE: file }))).toThrow(/^ACCESSIBILITY_STATEMENT_FILE: .* has a placeholder \{\{phone\}\} that dsg-bot does not know/);
  });
});

describe('retention settings', () => {
  it('default to the schedule in the brief', () => {
    expect(loadConfig({}).retention).toEqual({ closedRequestDays: 730, completedProjectDays: 2190, draftDays: 90, deliveryLogDays: 365, meetingPeopleDays: 2190, schedule: '15 2 * * *' });
  });

  it.each([
    ['RETENTION_CLOSED_REQUEST_DAYS', '-1', 'must be at least 1 day'],
    ['RETENTION_COMPLETED_PROJECT_DAYS', '0', 'must be at least 1 day'],
    ['RETENTION_DRAFT_DAYS', '2.5', 'must be a whole number of days'],
    ['RETENTION_DELIVERY_LOG_DAYS', 'forever', 'must be a whole number of days'],
    ['RETENTION_DRAFT_DAYS', '99999', 'must be at most 36500 days'],
    ['RETENTION_MEETING_PEOPLE_DAYS', 'never', 'must be a whole number of days'],
  ])('refuse %s=%s, naming it', (name, value, why) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} ${why}`));
  });
});
