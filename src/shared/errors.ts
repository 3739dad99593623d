import { z } from 'zod'

/**
 * `stopped`: work main hands to another thread (the checks, docs/reliability.md) did not finish:
 * past its time limit, or the thread failed. Nothing was changed; trying again is safe.
 */
export const apiErrorCodes = ['invalid-input', 'not-found', 'conflict', 'library', 'stopped', 'internal'] as const
export type ApiErrorCode = (typeof apiErrorCodes)[number]

export const apiErrorShapeSchema = z.strictObject({
  code: z.enum(apiErrorCodes),
  message: z.string(),
  /** For invalid input: which field, and why. */
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
})
export type ApiErrorShape = z.infer<typeof apiErrorShapeSchema>

/** Thrown by the library and api; crosses processes as an ApiErrorShape inside a Reply. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiErrorShape['issues'],
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toShape(): ApiErrorShape {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message }
  }

  static fromShape(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape.issues)
  }
}

/** "headline: Too big: expected string to have <=1000 characters" for every zod issue. */
export function issuesOf(error: z.ZodError): NonNullable<ApiErrorShape['issues']> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }))
}

export function invalidInput(what: string, error: z.ZodError): ApiError {
  const issues = issuesOf(error)
  const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ')
  return new ApiError('invalid-input', `${what}: ${detail}`, issues)
}
