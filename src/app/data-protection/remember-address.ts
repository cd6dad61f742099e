import type { Deps } from '../deps';

/** How Teams says who someone is: their email and user principal name (either may be missing). */
export type AddressLookup = () => Promise<{ email: string | null; upn: string | null }>;

/**
 * Keeps the email and UPN of someone who talks to the bot, so a subject access or erasure request by email finds
 * them. Asks Teams (`lookup`) only when none is stored; a failure is logged and never stops the turn.
 */
export async function rememberAddress(deps: Pick<Deps, 'store'> & { log: { info(o: object, msg: string): void } }, personId: string, lookup: AddressLookup): Promise<void> {
  try {
    if (await deps.store.dataProtection.hasAddress(personId)) return;
    const { email, upn } = await lookup();
    if (email || upn) await deps.store.dataProtection.rememberAddress(personId, email, upn);
  } catch (error) {
    // Best effort: Teams may not list the person in this conversation (the Playground's personal chats, say).
    deps.log.info({ reason: error instanceof Error ? error.message : String(error) }, 'could not read the email address of a person from Teams');
  }
}
