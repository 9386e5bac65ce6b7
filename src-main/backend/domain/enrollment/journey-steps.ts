/**
 * Which step of the FinPro flow (MQP-RULES §3) a draft may show: Back is always allowed before payment is
 * submitted; Continue only when the earlier steps are complete; after submission only confirmation and status.
 */
export type JourneyStep = 'program' | 'contact' | 'qualifications' | 'payment' | 'confirmation' | 'status';

export interface DraftFacts {
  contactConfirmed: boolean;
  categoriesChosen: boolean;
  agreementsAccepted: boolean;
  submitted: boolean;
}

/** Null when the step may be shown, otherwise why not (a sentence for the agent). */
export function stepRefusal(step: JourneyStep, d: DraftFacts): string | null {
  if (d.submitted) {
    return step === 'confirmation' || step === 'status' ? null : 'The payment was submitted: only the confirmation and the status can be shown now.';
  }
  switch (step) {
    case 'program':
    case 'contact':
      return null;
    case 'qualifications':
      return d.contactConfirmed ? null : 'Confirm the contact details first (Save and Continue).';
    case 'payment':
      if (!d.contactConfirmed) return 'Confirm the contact details first (Save and Continue).';
      return d.categoriesChosen && d.agreementsAccepted ? null : 'Choose the categories and accept both agreements first.';
    case 'confirmation':
    case 'status':
      return 'The payment has not been submitted yet.';
  }
}
