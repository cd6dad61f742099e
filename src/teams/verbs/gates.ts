import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { decideGateRequest } from '../../app/gates/decide-gate';
import { refreshGate } from '../../app/gates/refresh-gate';
import { openGateForm, submitGateRequest } from '../../app/gates/request-gate';
import { getGate, loadGateView, showGate } from '../../app/gates/view-gate';
import { viewProject } from '../../app/projects/view-project';
import { refreshAudience } from '../../domain/card-audience';
import type { Actor } from '../../domain/people';
import { CONDITION_ROWS, conditionFields, GATE_OUTCOMES, type GateView } from '../../domain/stages';
import { gateCard, gateRequestCard } from '../../presenters/gates';
import { projectCard } from '../../presenters/project';
import { card, type Reply } from '../reply';
import { type FormAgain, submitForm } from './form';
import { optionalTyped, reference } from './schemas';
import { verb, view } from './verb';

/** Stage gates: the lead's request from the project card, and the DSG's decision in its channel or at a meeting. */

const gateId = z.string({ error: 'the gate request id is missing' }).trim().min(1).max(100);
const typedText = z.union([z.string().max(4000, 'the text is longer than 4,000 characters'), z.number().transform(String)]).optional().transform((v) => v ?? '');

/** The project card as it now stands for this person, with a line at the top. */
async function projectNow(deps: Deps, actor: Actor, ref: string, notice: string): Promise<Reply> {
  const found = await viewProject(deps, actor, ref);
  return card(projectCard({ ...found, today: deps.calendar.londonDate(deps.clock.now()), notice }));
}

/** **Request gate** on the project card: the form, as a new message below the card. */
export const gateForm = view('gate.form', { reference }, async ({ deps, actor }, d) => gateRequestCard(await openGateForm(deps, actor, d.reference)));

const evidenceInputs = z.record(z.string(), z.unknown()).transform((d) =>
  Object.fromEntries(Object.entries(d).flatMap(([k, v]) => (k.startsWith('evidence_') && typeof v === 'string' ? [[k.slice('evidence_'.length), v]] : []))) as Record<string, string>,
);

/**
 * Send to the DSG: sent, the form becomes the project card with the request in its gate history. A problem (a required
 * criterion without evidence, a link that is not https) comes back on the form with what was typed; a project that moved
 * since the form was drawn comes back as the project card, saying what changed.
 */
export const gateRequest = verb('gate.request', z.object({ reference, from: z.string({ error: 'the stage is missing' }).trim().min(1).max(40) }).loose(), ({ deps, actor }, d) =>
  submitForm(
    d,
    z.object({ gateNote: optionalTyped(4000) }),
    async (f) => {
      const sent = await submitGateRequest(deps, actor, d.reference, { from: d.from, evidence: evidenceInputs.parse(d), note: f.gateNote });
      return projectNow(deps, actor, d.reference, sent.notice);
    },
    async (again: FormAgain) => (again.errors ? card(gateRequestCard({ ...(await openGateForm(deps, actor, d.reference)), form: { values: again.values ?? {}, errors: again.errors } })) : projectNow(deps, actor, d.reference, again.notice ?? '')),
  ),
);

const meetingPlace = { meetingId: z.string().trim().max(100).optional().transform((v) => v || ''), itemId: z.string().trim().max(200).optional().transform((v) => v || '') };
const placeOf = (d: { meetingId: string; itemId: string }): GateView['meeting'] => (d.meetingId && d.itemId ? { meetingId: d.meetingId, itemId: d.itemId } : null);

const conditionInputs = Object.fromEntries(
  Array.from({ length: CONDITION_ROWS }, (_, i) => Object.values(conditionFields(i + 1)).map((k) => [k, typedText] as const)).flat(),
) as Record<string, typeof typedText>;

const decisionFields = z.object({
  outcome: z.enum(GATE_OUTCOMES, { error: 'choose Pass, Pass with conditions or Not yet' }),
  decisionNote: optionalTyped(4000),
  ...conditionInputs,
});

/**
 * Record decision on the gate's card: its problems come back under the inputs with what was typed; a card older than
 * the request (already decided, say) comes back as it now stands, saying what happened. Anyone not in the DSG is
 * refused (audited) and the card stays as it is.
 */
export const gateDecide = verb('gate.decide', z.object({ gateId, version: z.coerce.number({ error: 'the card version is missing' }).int().min(1), ...meetingPlace }).loose(), ({ deps, actor }, d) =>
  submitForm(
    d,
    decisionFields,
    async (f) => {
      const rows = Array.from({ length: CONDITION_ROWS }, (_, i) => {
        const k = conditionFields(i + 1);
        const row = f as unknown as Record<string, string>;
        return { what: row[k.what].trim(), ownerId: row[k.owner].trim(), due: row[k.due].trim() };
      });
      return card(gateCard(await decideGateRequest(deps, actor, d.gateId, { outcome: f.outcome, note: f.decisionNote, conditions: rows, version: d.version, meeting: placeOf(d) })));
    },
    async (again) => {
      const current = await loadGateView(deps, await getGate(deps, d.gateId), placeOf(d), again.notice);
      return card(gateCard(again.errors ? { ...current, form: { values: again.values ?? {}, errors: again.errors } } : current));
    },
  ),
);

/** Open the gate request, from a meeting's agenda item: decided there, the outcome is recorded against the item. */
export const gateShow = view('gate.show', { gateId, ...meetingPlace }, async ({ deps, actor }, d) => gateCard(await showGate(deps, actor, d.gateId, placeOf(d))));

/**
 * Teams asking for one person's own view of a gate card in the DSG channel (Universal Actions refresh): the
 * decision form for a DSG member who did not ask for the gate, the card without it for anyone else allowed to see
 * it. It keeps the refresh, so Teams asks again each time the card changes.
 */
export const gateRefresh = verb('gate.refresh', z.object({ gateId }).loose(), async ({ deps, actor }, d) => {
  const { view, mayDecide, askedForIt } = await refreshGate(deps, actor, d.gateId);
  return card(gateCard(view, { readOnly: !mayDecide, askedForIt, refreshFor: refreshAudience(view.deciders ?? []) }));
});

export const GATE_VERBS = [gateForm, gateRequest, gateDecide, gateShow, gateRefresh];
