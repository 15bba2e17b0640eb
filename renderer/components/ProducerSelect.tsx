import type { Producer } from '../../shared/contract/catalogue';

/**
 * A labelled producer picker. With `emptyLabel` it offers an empty choice
 * (none chosen / all producers); without it a producer must be picked.
 */
export function ProducerSelect({
  label,
  emptyLabel,
  producers,
  value,
  onChange,
  className,
}: {
  label: string;
  emptyLabel?: string;
  producers: Pick<Producer, 'id' | 'name'>[];
  value: number | null;
  onChange(id: number | null): void;
  className?: string;
}) {
  return (
    <label className={className}>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} aria-label={label}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {producers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
