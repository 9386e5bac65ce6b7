/**
 * The assisted enrollment journey (MQP-RULES §3, DESIGN §5): the draft on screen, the scripts and agreements in
 * the caller's language, the individual's MQP section and R22's payment lock. Every decision is the backend's —
 * the store keeps what it answered. Card data never enters this store: see enrollment/submit-payment.ts.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  EnrollmentDraftView,
  EnrollmentStep,
  Language,
  MqpSection,
  ProcedureInput,
  ProcedureOutput,
  VersionedText,
} from '../../../src-main/contract';
import { ApiError, call, toApiError } from '../api';
import { mergeLockViews, toLockView, type LockView } from '../enrollment/payment-lock-view';
import { onBeforeSignOut } from './sign-out-hooks';

export type EnrollmentTexts = ProcedureOutput<'enrollment.texts'>;
export type TimelineEvent = ProcedureOutput<'enrollment.timeline'>[number];
export type ContactInput = ProcedureInput<'enrollment.saveContact'>['contact'];
export type AbandonReason = ProcedureInput<'enrollment.abandonPayment'>['reason'];

export const useEnrollmentStore = defineStore('enrollment', () => {
  const texts = ref<Partial<Record<Language, EnrollmentTexts>>>({});
  const draft = ref<EnrollmentDraftView | null>(null);
  const section = ref<MqpSection | null>(null);
  const sectionError = ref<ApiError | null>(null);
  const loadingSection = ref(false);
  /** R22's lock of the draft's (or the section's) individual, with the local time it arrived. */
  const lock = ref<LockView | null>(null);
  const lockCrd = ref<string | null>(null);
  const timeline = ref<TimelineEvent[]>([]);
  /** The contact confirmed on the contact step (of `draft`): Back shows it again, the payment link goes to its email. */
  const confirmedContact = ref<ContactInput | null>(null);
  const confirmedEmail = computed(() => confirmedContact.value?.email ?? null);

  /** Bumped on dehydrate: answers to calls of an earlier session are dropped. */
  let generation = 0;
  let stopHook: (() => void) | null = null;
  /** Attempts whose abandonment was already sent from here. */
  const abandonedAttempts = new Set<string>();

  /** R22: a payment page with a started, unsubmitted attempt — leaving it must be recorded. */
  const paymentInProgress = computed(() => draft.value?.step === 'payment' && draft.value.attempt?.status === 'started');

  function textsFor(language: Language): EnrollmentTexts | null {
    return texts.value[language] ?? null;
  }

  /** The script the agent reads on a step, in the draft's language (null until the texts are loaded). */
  function scriptFor(step: EnrollmentStep): VersionedText | null {
    const d = draft.value;
    if (!d) return null;
    return textsFor(d.language)?.scripts[step] ?? null;
  }

  async function guarded<T>(run: () => Promise<T>, apply: (value: T) => void): Promise<T> {
    const ticket = generation;
    const value = await run();
    if (ticket === generation) apply(value);
    return value;
  }

  function setDraft(next: EnrollmentDraftView): EnrollmentDraftView {
    if (draft.value?.id !== next.id) confirmedContact.value = null;
    draft.value = next;
    return next;
  }

  /** Accepts a draft answered outside the store (the card payment goes around it, see submit-payment.ts). */
  function acceptDraft(next: EnrollmentDraftView): void {
    setDraft(next);
  }

  async function loadTexts(language: Language): Promise<EnrollmentTexts> {
    const known = texts.value[language];
    if (known) return known;
    return guarded(() => call('enrollment.texts', { language }), (value) => {
      texts.value = { ...texts.value, [language]: value };
    });
  }

  function currentDraft(): EnrollmentDraftView {
    if (!draft.value) throw new ApiError({ code: 'NOT_FOUND', message: 'No enrollment draft is open.' });
    return draft.value;
  }

  /** Starts or resumes (also another agent's, after a handoff) the draft of an individual. */
  async function open(crd: string, kind: 'new' | 'add', language: Language): Promise<EnrollmentDraftView> {
    try {
      return await guarded(() => call('enrollment.open', { crd, kind, language }), setDraft);
    } catch (error) {
      noteLockError(error, crd);
      throw error;
    }
  }

  async function load(draftId: string): Promise<EnrollmentDraftView> {
    if (draft.value && draft.value.id !== draftId) draft.value = null;
    return guarded(() => call('enrollment.get', { draftId }), setDraft);
  }

  /** Back / Continue: records the script shown on the step being left (consent evidence, DESIGN §6). */
  async function goTo(step: EnrollmentStep): Promise<EnrollmentDraftView> {
    const d = currentDraft();
    const scriptVersion = scriptFor(d.step)?.version ?? '';
    return guarded(() => call('enrollment.goTo', { draftId: d.id, step, scriptVersion }), setDraft);
  }

  async function saveContact(contact: ContactInput): Promise<EnrollmentDraftView> {
    const d = currentDraft();
    return guarded(() => call('enrollment.saveContact', { draftId: d.id, contact }), (next) => {
      setDraft(next);
      confirmedContact.value = { ...contact, email: contact.email.trim() };
    });
  }

  async function chooseQualifications(categories: string[], termsVersion: string, paymentAgreementVersion: string): Promise<EnrollmentDraftView> {
    const d = currentDraft();
    const input = {
      draftId: d.id,
      categories,
      termsVersion,
      paymentAgreementVersion,
      termsAccepted: true as const,
      paymentAgreementAccepted: true as const,
      scriptVersion: scriptFor('qualifications')?.version ?? '',
    };
    return guarded(() => call('enrollment.chooseQualifications', input), setDraft);
  }

  /** The payment page is shown: a new attempt with its own idempotency key, or PAYMENT_LOCKED (R22). */
  async function startPayment(): Promise<EnrollmentDraftView> {
    const d = currentDraft();
    try {
      const next = await guarded(() => call('enrollment.startPayment', { draftId: d.id }), setDraft);
      if (lockCrd.value === d.crd) lock.value = null;
      return next;
    } catch (error) {
      noteLockError(error, d.crd);
      throw error;
    }
  }

  /**
   * R22: the payment page is left unsubmitted. Best effort — the caller is leaving anyway; `keepalive` lets the
   * request outlive a closing window. Does nothing when no attempt is open.
   */
  async function abandonPayment(reason: AbandonReason, options: { keepalive?: boolean } = {}): Promise<LockView | null> {
    const d = draft.value;
    if (!d || !paymentInProgress.value || !d.attempt || abandonedAttempts.has(d.attempt.key)) return null;
    // Noted at once, so that a second leave signal (pagehide after beforeunload) does not send it twice.
    abandonedAttempts.add(d.attempt.key);
    const ticket = generation;
    try {
      const answer = await call('enrollment.abandonPayment', { draftId: d.id, reason }, options);
      if (ticket !== generation) return null;
      const view = toLockView(answer, Date.now());
      if (view) setLock(d.crd, view);
      return view;
    } catch {
      return null;
    }
  }

  async function refreshStatus(): Promise<EnrollmentDraftView> {
    const d = currentDraft();
    return guarded(() => call('enrollment.refreshStatus', { draftId: d.id }), setDraft);
  }

  async function retryPayment(): Promise<EnrollmentDraftView> {
    const d = currentDraft();
    return guarded(() => call('enrollment.retryPayment', { draftId: d.id }), setDraft);
  }

  async function loadSection(crd: string): Promise<MqpSection | null> {
    const ticket = generation;
    if (section.value?.crd !== crd) section.value = null;
    loadingSection.value = true;
    sectionError.value = null;
    try {
      const value = await call('enrollment.section', { crd });
      if (ticket !== generation) return null;
      section.value = value;
      if (value.lock) {
        const view = toLockView(value.lock, Date.now());
        if (view) setLock(crd, view);
      } else if (lockCrd.value === crd) {
        lock.value = null;
      }
      return value;
    } catch (error) {
      if (ticket === generation) sectionError.value = toApiError(error);
      return null;
    } finally {
      if (ticket === generation) loadingSection.value = false;
    }
  }

  async function loadTimeline(crd: string): Promise<TimelineEvent[]> {
    return guarded(() => call('enrollment.timeline', { crd }), (events) => {
      timeline.value = events;
    });
  }

  function setLock(crd: string, view: LockView): void {
    lock.value = lockCrd.value === crd ? mergeLockViews(view, lock.value) : view;
    lockCrd.value = crd;
  }

  /** A PAYMENT_LOCKED answer carries the lock in its details. */
  function noteLockError(error: unknown, crd: string): void {
    if (!(error instanceof ApiError) || error.code !== 'PAYMENT_LOCKED') return;
    const view = toLockView(error.details, Date.now());
    if (view) setLock(crd, view);
  }

  /** The lock of this individual, if one is known. */
  function lockOf(crd: string): LockView | null {
    return lockCrd.value === crd ? lock.value : null;
  }

  function clearLock(crd: string): void {
    if (lockCrd.value === crd) lock.value = null;
  }

  function closeDraft(): void {
    draft.value = null;
    confirmedContact.value = null;
  }

  function reset(): void {
    generation++;
    abandonedAttempts.clear();
    texts.value = {};
    draft.value = null;
    section.value = null;
    sectionError.value = null;
    loadingSection.value = false;
    lock.value = null;
    lockCrd.value = null;
    timeline.value = [];
    confirmedContact.value = null;
  }

  async function hydrate(): Promise<void> {
    reset();
    stopHook?.();
    // R22: signing out, or the idle lock, on an open payment page records the abandonment first.
    stopHook = onBeforeSignOut(async (cause) => {
      await abandonPayment(cause === 'idle-lock' ? 'idle-lock' : 'signed-out');
    });
  }

  /** No caller's data outlives the session that loaded it. */
  function dehydrate(): void {
    stopHook?.();
    stopHook = null;
    reset();
  }

  return {
    texts, draft, section, sectionError, loadingSection, lock, timeline, confirmedContact, confirmedEmail, paymentInProgress,
    textsFor, scriptFor, acceptDraft, loadTexts, open, load, goTo, saveContact, chooseQualifications, startPayment,
    abandonPayment, refreshStatus, retryPayment, loadSection, loadTimeline, lockOf, clearLock, noteLockError, closeDraft,
    hydrate, dehydrate,
  };
});
