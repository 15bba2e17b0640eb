import type { ErrorCode } from '../../shared/contract';
import type { BiText } from '../../shared/i18nText';

/** An error meant for a person: a stable code and a message in both languages. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: BiText,
    readonly field?: string,
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

export const fail = (code: ErrorCode, id: string, en: string, field?: string): never => {
  throw new AppError(code, { id, en }, field);
};

export const notFound = (id: string, en: string): never => fail('NOT_FOUND', id, en);
export const conflict = (id: string, en: string): never => fail('CONFLICT', id, en);
export const invalid = (id: string, en: string, field?: string): never => fail('VALIDATION', id, en, field);
export const forbidden = (id: string, en: string): never => fail('FORBIDDEN', id, en);
