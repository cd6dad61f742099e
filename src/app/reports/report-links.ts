import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a report or export download link works. */
export const DOWNLOAD_LINK_HOURS = 24;

export type ReportFormat = 'csv' | 'json';

export interface ReportLink {
  url: string;
  expiresAt: string;
}

/** How a refusal names a link: "report link", how long such links work, and how to get a new one. */
export interface LinkWords {
  what: string;
  hours: number;
  again: string;
}

export interface ReportLinks {
  /** A signed link to any of the bot's download paths (the programme export, a subject access export), valid for `hours` from `now`. */
  signPath(path: string, now: Date, hours: number): ReportLink;
  /** Why a download of `path` is refused, or null when the token is good at `now`; `link` names it and says how to get a new one. */
  pathRefusal(path: string, expires: string | undefined, token: string | undefined, now: Date, link: LinkWords): string | null;
  /** A download link for the year's report, signed and valid for 24 hours from `now`. */
  sign(financialYear: string, format: ReportFormat, now: Date): ReportLink;
  /** Why a download is refused, or null when the token is good for that year and format at `now`. */
  refusal(financialYear: string, format: ReportFormat, expires: string | undefined, token: string | undefined, now: Date): string | null;
}

/** The path a report is downloaded from: `/reports/annual/2026-27.csv`. */
const reportPath = (financialYear: string, format: ReportFormat): string => `/reports/annual/${financialYear.replace('/', '-')}.${format}`;

/**
 * Signed, expiring download links (HMAC-SHA256 over the path and the expiry, with a secret only the server
 * knows), so a link in a card works for a day without anyone signing in, and cannot be altered or reused later.
 */
export function reportLinks(secret: string, publicUrl: string): ReportLinks {
  const mac = (path: string, expires: string) => createHmac('sha256', secret).update(`${path}\n${expires}`).digest('base64url');
  function signPath(path: string, now: Date, hours: number): ReportLink {
    const expires = String(Math.floor(now.getTime() / 1000) + hours * 3600);
    return { url: `${publicUrl}${path}?expires=${expires}&token=${mac(path, expires)}`, expiresAt: new Date(Number(expires) * 1000).toISOString() };
  }
  function pathRefusal(path: string, expires: string | undefined, token: string | undefined, now: Date, link: LinkWords): string | null {
    if (!expires || !token) return `This ${link.what} has no token. ${link.again}`;
    if (!/^\d{1,12}$/.test(expires)) return `This ${link.what} is not valid. ${link.again}`;
    const expected = Buffer.from(mac(path, expires));
    const given = Buffer.from(token);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return `This ${link.what} is not valid (it was changed or signed for something else). ${link.again}`;
    if (Number(expires) * 1000 < now.getTime()) return `This ${link.what} expired (links work for ${link.hours} hours). ${link.again}`;
    return null;
  }
  const words: LinkWords = { what: 'report link', hours: DOWNLOAD_LINK_HOURS, again: 'Ask the bot for a new link: type "report annual <year>".' };
  return {
    signPath,
    pathRefusal,
    sign: (financialYear, format, now) => signPath(reportPath(financialYear, format), now, DOWNLOAD_LINK_HOURS),
    refusal: (financialYear, format, expires, token, now) => pathRefusal(reportPath(financialYear, format), expires, token, now, words),
  };
}
