import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { useT } from '../i18n';
import { dateTimeToText, dateToText, textToDate, textToDateTime } from './dateText';

type Rest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'>;

/**
 * A text field for a date typed day first (22/11/2026) in both languages,
 * instead of the browser's date field, which shows the browser's locale
 * (11/22/2026 on an English system). `onChange` gets ISO dates only: '' when
 * cleared, nothing while the text is not (yet) a real date, which the field
 * marks as invalid.
 */
function useTextField(value: string, toText: (v: string) => string, parse: (s: string) => string | null, onChange: (v: string) => void) {
  const [text, setText] = useState(() => toText(value));
  // A new value from outside (a picker, a reset) replaces the text unless the text already means it.
  useEffect(() => {
    setText((current) => (parse(current) === value || (value === '' && current.trim() === '') ? current : toText(value)));
  }, [value, toText, parse]);
  const parsed = parse(text);
  return {
    text,
    invalid: text.trim() !== '' && parsed === null,
    change(next: string) {
      setText(next);
      if (next.trim() === '') onChange('');
      else {
        const v = parse(next);
        if (v !== null) onChange(v);
      }
    },
    blur() {
      if (parsed !== null) setText(toText(parsed));
    },
  };
}

export function DateInput({ value, onChange, min, max, ...rest }: Rest & { value: string; onChange(iso: string): void; min?: string; max?: string }) {
  const t = useT();
  const field = useTextField(value, dateToText, textToDate, onChange);
  const parsed = textToDate(field.text);
  const outOfRange = parsed !== null && ((min !== undefined && min !== '' && parsed < min) || (max !== undefined && max !== '' && parsed > max));
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('form.date.placeholder')}
      title={t('form.date.hint')}
      size={11}
      value={field.text}
      aria-invalid={field.invalid || outOfRange || undefined}
      onChange={(e) => field.change(e.target.value)}
      onBlur={field.blur}
    />
  );
}

/** Date and time, day first and a 24-hour clock (22/11/2026 14:05); `onChange` gets `2026-11-22T14:05`. */
export function DateTimeInput({ value, onChange, ...rest }: Rest & { value: string; onChange(value: string): void }) {
  const t = useT();
  const field = useTextField(value, dateTimeToText, textToDateTime, onChange);
  return (
    <input
      {...rest}
      type="text"
      autoComplete="off"
      placeholder={t('form.dateTime.placeholder')}
      title={t('form.dateTime.hint')}
      size={16}
      value={field.text}
      aria-invalid={field.invalid || undefined}
      onChange={(e) => field.change(e.target.value)}
      onBlur={field.blur}
    />
  );
}
