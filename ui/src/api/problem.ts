/** RFC 9457 problem documents as the API sends them, and the error the client throws. */

export interface FieldProblem {
  pointer: string;
  message: string;
  in?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }

  /**
   * Field-level errors: a 422's `errors: [{pointer, message}]`, or the fields a
   * 409 names (`fields: ["accountId"]`, a uniqueness conflict) with its detail.
   */
  get fieldErrors(): FieldProblem[] {
    if (Array.isArray(this.problem.errors)) {
      return this.problem.errors;
    }
    const fields = this.problem.fields;
    if (this.status === 409 && Array.isArray(fields)) {
      return fields.map((field) => ({
        pointer: "/" + String(field).split(".").map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/"),
        message: this.message,
      }));
    }
    return [];
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A one-line, human message for any error (network failures included). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    return error.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}
