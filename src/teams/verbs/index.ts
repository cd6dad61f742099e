import { dsgSetup, settingsSave, settingsShow } from './dsg';
import { chatGreet, chatThanks, helpShow } from './help';
import { historyShow, milestoneList, programmeShow, requestPending } from './lists';
import { benefitRecord, healthConfirm, healthSet, measureAdd, measureEdit, measureForm, measureRecord, milestoneAdd, milestoneDone, projectBusinessCase, projectDpia, projectPlan, projectResourcing, projectReopen, projectStatus, projectRefresh, projectView } from './project';
import { requestBack, requestConfirm, requestDiscard, requestDraft, requestEdit, requestNext, requestSubmit } from './request-form';
import { requestList } from './request-list';
import { requestNew } from './request-new';
import { requestSimilar, requestTriage, requestView, triageRefresh } from './request-view';
import { requestShare } from './request-share';
import { requestUndoWithdraw, requestWithdraw } from './request-withdraw';
import { requestAnswer, requestApprove, requestAsk, requestAssign, requestDecline, requestMerge, requestPriority, requestReuse } from './triage';
import type { Verb } from './verb';
import { REMINDER_VERBS } from './reminders';
import { DIGEST_VERBS } from './digest';
import { FOLLOW_VERBS } from './follow';
import { reportAnnual, reportAssurance } from './report';
import { programmeExport } from './programme-export';
import { DATA_PROTECTION_VERBS } from './data-protection';
import { MEETING_VERBS } from './meetings';
import { MEETING_PLAN_VERBS } from './meeting-plans';
import { AGENDA_VERBS } from './agenda';
import { SOLUTION_VERBS } from './solutions';
import { GATE_VERBS } from './gates';
import { RISK_VERBS } from './risks';

/** Every verb the bot answers, from cards (Action.Execute / Action.Submit) and typed commands alike. */
export const VERBS: ReadonlyMap<string, Verb> = new Map(
  [
    helpShow,
    chatGreet,
    chatThanks,
    requestNew,
    requestList,
    requestView,
    requestSimilar,
    requestShare,
    requestWithdraw,
    requestUndoWithdraw,
    requestSubmit,
    requestNext,
    requestBack,
    requestConfirm,
    requestDraft,
    requestEdit,
    requestDiscard,
    dsgSetup,
    settingsShow,
    settingsSave,
    requestApprove,
    requestDecline,
    requestAsk,
    requestMerge,
    requestReuse,
    requestAssign,
    requestPriority,
    requestAnswer,
    requestTriage,
    triageRefresh,
    requestPending,
    programmeShow,
    milestoneList,
    historyShow,
    projectView,
    projectRefresh,
    projectBusinessCase,
    projectPlan,
    projectResourcing,
    projectDpia,
    milestoneAdd,
    healthSet,
    healthConfirm,
    milestoneDone,
    projectStatus,
    projectReopen,
    benefitRecord,
    measureForm,
    measureAdd,
    measureEdit,
    measureRecord,
    reportAnnual,
    reportAssurance,
    programmeExport,
    ...REMINDER_VERBS,
    ...DIGEST_VERBS,
    ...FOLLOW_VERBS,
    ...DATA_PROTECTION_VERBS,
    ...MEETING_VERBS,
    ...MEETING_PLAN_VERBS,
    ...AGENDA_VERBS,
    ...SOLUTION_VERBS,
    ...GATE_VERBS,
    ...RISK_VERBS,
  ].map((v) => [v.name, v]),
);
