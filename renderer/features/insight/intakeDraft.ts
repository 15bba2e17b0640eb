/**
 * A reorder list handed to the intake form (issue #17): the producer and the
 * edited quantities. Kept in memory only until the intake screen takes it;
 * nothing is recorded until the manager saves the intake.
 */
export interface IntakeDraft {
  producerId: number;
  producerName: string;
  lines: { productId: number; quantity: number }[];
}

let pending: IntakeDraft | null = null;

export function setIntakeDraft(draft: IntakeDraft): void {
  pending = draft;
}

/** The draft waiting for the intake screen, once (a later visit starts empty). */
export function takeIntakeDraft(): IntakeDraft | null {
  const draft = pending;
  pending = null;
  return draft;
}
