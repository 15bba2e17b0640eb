import type { ReactNode } from 'react';

/** One place to sign: an optional caption above the line, what is printed on the line, an optional note under it. */
export interface SignatureSlot {
  above?: ReactNode;
  onLine?: ReactNode;
  below?: ReactNode;
}

/** Signature lines side by side (stacked on a till roll); styled by `.signatures` in styles.css. */
export function SignatureLines({ slots }: { slots: SignatureSlot[] }) {
  return (
    <div className="signatures">
      {slots.map((s, i) => (
        <div key={i}>
          {s.above !== undefined && <div>{s.above}</div>}
          <div className="line">{s.onLine || '\u00a0'}</div>
          {s.below !== undefined && <div className="small">{s.below}</div>}
        </div>
      ))}
    </div>
  );
}
