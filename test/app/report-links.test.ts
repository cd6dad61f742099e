import { reportLinks } from '../../src/app/reports/report-links';

describe('report download links', () => {
  const links = reportLinks('k'.repeat(32), 'https://dsg-bot.council.example');
  const now = new Date('2026-11-27T10:00:00Z');
  const parts = (url: string) => {
    const u = new URL(url);
    return { path: u.pathname, expires: u.searchParams.get('expires') ?? undefined, token: u.searchParams.get('token') ?? undefined };
  };

  it('signs a link for one year and format that works for 24 hours', () => {
    const link = links.sign('2026/27', 'csv', now);
    const { path, expires, token } = parts(link.url);
    expect(path).toBe('/reports/annual/2026-27.csv');
    expect(link.expiresAt).toBe('2026-11-28T10:00:00.000Z');
    expect(links.refusal('2026/27', 'csv', expires, token, new Date('2026-11-28T09:59:59Z'))).toBeNull();
    expect(links.refusal('2026/27', 'csv', expires, token, new Date('2026-11-28T10:00:01Z'))).toMatch(/^This report link expired/);
  });

  it('refuses a missing, altered or borrowed token', () => {
    const { expires, token } = parts(links.sign('2026/27', 'csv', now).url);
    expect(links.refusal('2026/27', 'csv', undefined, undefined, now)).toMatch(/has no token/);
    expect(links.refusal('2026/27', 'json', expires, token, now)).toMatch(/not valid/);
    expect(links.refusal('2025/26', 'csv', expires, token, now)).toMatch(/not valid/);
    expect(links.refusal('2026/27', 'csv', String(Number(expires) + 3600), token, now)).toMatch(/not valid/);
    expect(links.refusal('2026/27', 'csv', 'soon', token, now)).toMatch(/not valid/);
    expect(reportLinks('x'.repeat(32), 'https://dsg-bot.council.example').refusal('2026/27', 'csv', expires, token, now)).toMatch(/not valid/);
  });
});
