import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a report download link works. */
const REPORT_LINK_HOURS = 24;

export type ReportFormat = 'csv' | 'json';

interface ReportLink {
  url: string;
  expiresAt: string;
}

export interface ReportLinks {
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
  return {
    sign(financialYear, format, now) {
      const expires = String(Math.floor(now.getTime() / 1000) + REPORT_LINK_HOURS * 3600);
      const path = reportPath(financialYear, format);
      return { url: `${publicUrl}${path}?expires=${expires}&token=${mac(path, expires)}`, expiresAt: new Date(Number(expires) * 1000).toISOString() };
    },
    refusal(financialYear, format, expires, token, now) {
      if (!expires || !token) return 'This report link has no token. Ask the bot for a new link: type "report annual <year>".';
      if (!/^\d{1,12}$/.test(expires)) return 'This report link is not valid. Ask the bot for a new link: type "report annual <year>".';
      const expected = Buffer.from(mac(reportPath(financialYear, format), expires));
      const given = Buffer.from(token);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'This report link is not valid (it was changed or signed for another report). Ask the bot for a new link.';
      if (Number(expires) * 1000 < now.getTime()) return `This report link expired (links work for ${REPORT_LINK_HOURS} hours). Ask the bot for a new link: type "report annual <year>".`;
      return null;
    },
  };
}
