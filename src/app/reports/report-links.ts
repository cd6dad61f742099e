import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a download link works. */
const REPORT_LINK_HOURS = 24;

export type ReportFormat = 'csv' | 'json';

export interface ReportLink {
  url: string;
  expiresAt: string;
}

/** What a refusal calls the link, and the command that gives a new one. */
export interface LinkWords {
  what: string;
  command: string;
}

export interface ReportLinks {
  /** A download link for the year's report, signed and valid for 24 hours from `now`. */
  sign(financialYear: string, format: ReportFormat, now: Date): ReportLink;
  /** Why a download is refused, or null when the token is good for that year and format at `now`. */
  refusal(financialYear: string, format: ReportFormat, expires: string | undefined, token: string | undefined, now: Date): string | null;
  /** A download link for any path the server serves (e.g. the programme export), signed the same way. */
  signPath(path: string, now: Date): ReportLink;
  /** Why a download of `path` is refused, in `words`, or null when the token is good for it at `now`. */
  pathRefusal(path: string, expires: string | undefined, token: string | undefined, now: Date, words: LinkWords): string | null;
}

/** The path a report is downloaded from: `/reports/annual/2026-27.csv`. */
const reportPath = (financialYear: string, format: ReportFormat): string => `/reports/annual/${financialYear.replace('/', '-')}.${format}`;

const REPORT_WORDS: LinkWords = { what: 'report', command: 'report annual <year>' };

/**
 * Signed, expiring download links (HMAC-SHA256 over the path and the expiry, with a secret only the server
 * knows), so a link in a card works for a day without anyone signing in, and cannot be altered or reused later.
 */
export function reportLinks(secret: string, publicUrl: string): ReportLinks {
  const mac = (path: string, expires: string) => createHmac('sha256', secret).update(`${path}\n${expires}`).digest('base64url');
  const signPath = (path: string, now: Date): ReportLink => {
    const expires = String(Math.floor(now.getTime() / 1000) + REPORT_LINK_HOURS * 3600);
    return { url: `${publicUrl}${path}?expires=${expires}&token=${mac(path, expires)}`, expiresAt: new Date(Number(expires) * 1000).toISOString() };
  };
  const pathRefusal: ReportLinks['pathRefusal'] = (path, expires, token, now, { what, command }) => {
    if (!expires || !token) return `This ${what} link has no token. Ask the bot for a new link: type "${command}".`;
    if (!/^\d{1,12}$/.test(expires)) return `This ${what} link is not valid. Ask the bot for a new link: type "${command}".`;
    const expected = Buffer.from(mac(path, expires));
    const given = Buffer.from(token);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return `This ${what} link is not valid (it was changed or signed for another ${what}). Ask the bot for a new link.`;
    if (Number(expires) * 1000 < now.getTime()) return `This ${what} link expired (links work for ${REPORT_LINK_HOURS} hours). Ask the bot for a new link: type "${command}".`;
    return null;
  };
  return {
    signPath,
    pathRefusal,
    sign: (financialYear, format, now) => signPath(reportPath(financialYear, format), now),
    refusal: (financialYear, format, expires, token, now) => pathRefusal(reportPath(financialYear, format), expires, token, now, REPORT_WORDS),
  };
}
