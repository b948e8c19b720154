import type { z } from 'zod'
import { formatZodError, type ValidationIssue } from '../validation/formatZodError.js'
import { CalderaError } from './base.js'

export type ValidationErrorParameters = {
  /** What was being validated, e.g. `domain config`. */
  subject: string
  issues: ValidationIssue[]
  cause?: unknown
  hint?: string
}

/**
 * Thrown when an input fails validation. Lists every problem at once; each names the field,
 * what was given and what was expected.
 *
 * @example
 * import { ValidationError } from '@caldera/core'
 * if (error instanceof ValidationError) for (const issue of error.issues) console.log(issue.path)
 */
export class ValidationError extends CalderaError {
  override name = 'ValidationError'
  readonly subject: string
  readonly issues: ValidationIssue[]

  constructor({ subject, issues, cause, hint }: ValidationErrorParameters) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`
    super(`Invalid ${subject}: ${count}.`, {
      cause,
      metaMessages: issues.map((i) => `- ${i.path}: expected ${i.expected}, got ${i.received}`),
      hint: hint ?? `Correct the ${issues.length === 1 ? 'field' : 'fields'} above and call again.`,
      details: issues.map((i) => `${i.path}: expected ${i.expected}, got ${i.received}`).join('; '),
    })
    this.subject = subject
    this.issues = issues
  }

  /** Builds a {@link ValidationError} from a zod error and the input that failed. */
  static fromZod(subject: string, error: z.ZodError, input?: unknown): ValidationError {
    return new ValidationError({ subject, issues: formatZodError(error, input), cause: error })
  }
}
