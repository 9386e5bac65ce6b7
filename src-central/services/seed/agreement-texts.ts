/**
 * The agreement texts the seeded central service publishes (version "2024-01", English and Spanish). Demo wording
 * only: the real texts come from FINRA; stations record the version an individual accepted (MQP-RULES §3 step 3).
 */
import type { AgreementVersion } from '../../../src-main/contract/central-api';

export const SEED_AGREEMENT_VERSION = '2024-01';
const EFFECTIVE_FROM = '2024-01-01';

const TEXTS: Record<AgreementVersion['kind'], Record<AgreementVersion['language'], string>> = {
  terms: {
    en:
      'MQP Terms and Conditions (demo text). By enrolling in the Maintaining Qualifications Program you agree to ' +
      'complete the Regulatory Element and the Practical Element of your learning plan each year by the due dates ' +
      'shown in FinPro. Missing a due date removes you from the program. Participation does not register you with ' +
      'a firm; you may re-register without an exam up to five years after your termination date.',
    es:
      'Términos y Condiciones del MQP (texto de demostración). Al inscribirse en el Programa de Mantenimiento de ' +
      'Calificaciones, usted acepta completar cada año el Elemento Regulatorio y el Elemento Práctico de su plan de ' +
      'aprendizaje en las fechas indicadas en FinPro. Si no cumple una fecha, queda fuera del programa. La ' +
      'participación no lo registra en una firma; puede volver a registrarse sin examen hasta cinco años después ' +
      'de su fecha de terminación.',
  },
  payment: {
    en:
      'MQP Payment Agreement (demo text). The program fee is $100 per program year; enrolling in the second ' +
      'window costs $200 (2022 and 2023). Fees are not refundable. Your card is charged once per payment attempt; ' +
      'the enrollment shows Payment Pending until the payment is processed.',
    es:
      'Acuerdo de Pago del MQP (texto de demostración). La cuota del programa es de $100 por año del programa; la ' +
      'inscripción en la segunda ventana cuesta $200 (2022 y 2023). Las cuotas no son reembolsables. Su tarjeta se ' +
      'cobra una vez por intento de pago; la inscripción aparece como Pago Pendiente hasta que se procese el pago.',
  },
};

export function seedAgreementVersions(): AgreementVersion[] {
  const versions: AgreementVersion[] = [];
  for (const kind of ['terms', 'payment'] as const) {
    for (const language of ['en', 'es'] as const) {
      versions.push({ id: `${kind}-${SEED_AGREEMENT_VERSION}-${language}`, kind, version: SEED_AGREEMENT_VERSION, language, text: TEXTS[kind][language], effectiveFrom: EFFECTIVE_FROM });
    }
  }
  return versions;
}
