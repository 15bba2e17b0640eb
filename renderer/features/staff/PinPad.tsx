import { useT } from '../../i18n';

/**
 * An on-screen keypad for a PIN field, for touch screens. The keys are left
 * out of the tab order: on a keyboard the PIN is simply typed.
 */
export function PinPad({ value, onChange, onEnter, disabled }: { value: string; onChange(v: string): void; onEnter?(): void; disabled?: boolean }) {
  const t = useT();
  const press = (key: string) => {
    if (key === 'back') onChange(value.slice(0, -1));
    else if (key === 'clear') onChange('');
    else if (value.length < 8) onChange(value + key);
  };
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];
  return (
    <div className="pin-pad" role="group" aria-label={t('till.pin.keypad')}>
      {keys.map((k) => (
        <button
          key={k}
          type="button"
          tabIndex={-1}
          disabled={disabled}
          onClick={() => press(k)}
          aria-label={k === 'back' ? t('till.pin.backspace') : k === 'clear' ? t('till.pin.clear') : k}
        >
          {k === 'back' ? '⌫' : k === 'clear' ? 'C' : k}
        </button>
      ))}
      {onEnter && (
        <button type="button" tabIndex={-1} className="primary pin-enter" disabled={disabled || value.length < 4} onClick={onEnter}>
          {t('till.pin.ok')}
        </button>
      )}
    </div>
  );
}

export const onlyDigits = (v: string) => v.replace(/\D/g, '').slice(0, 8);
