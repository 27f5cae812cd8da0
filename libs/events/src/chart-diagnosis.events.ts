import { z, id } from './schema';
import type { DomainEvent } from './envelope';

/**
 * An ICD-10-CM code as written on claims and superbills: a letter, two digits, then optionally a dot
 * and one to four letters or digits (`F41.1`, `Z63.0`, `F32.A`). Upper case; the domain normalises.
 */
export const ICD10_CM_CODE = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;
export const MAX_DIAGNOSIS_CODES = 12;

/** The chart's diagnosis codes, in order (the first is the primary one), replacing the previous list; [] clears them. */
export const DiagnosisCodesSetSchema = z
  .object({
    chartId: id,
    codes: z.array(z.string().regex(ICD10_CM_CODE)).max(MAX_DIAGNOSIS_CODES),
  })
  .strict();
export type DiagnosisCodesSet = DomainEvent<'DiagnosisCodesSet', z.infer<typeof DiagnosisCodesSetSchema>>;

export type ChartDiagnosisEvent = DiagnosisCodesSet;

export const chartDiagnosisEventSchemas = {
  DiagnosisCodesSet: DiagnosisCodesSetSchema,
} as const;
