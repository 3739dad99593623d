// The parts of Google's CSP evaluator (as shipped with Electronegativity) the tests use; it has no types of its own.
declare module '@doyensec/csp-evaluator' {
  export interface Finding {
    type: number
    description: string
    severity: number
    directive: string
    value?: string
  }
  export class CspParser {
    constructor(policy: string)
    csp: unknown
  }
  export class CspEvaluator {
    constructor(csp: unknown, version?: unknown)
    evaluate(): Finding[]
  }
  export const Version: { CSP1: unknown; CSP2: unknown; CSP3: unknown }
}
