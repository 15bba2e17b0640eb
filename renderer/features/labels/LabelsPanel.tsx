import { useCallback, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { LabelSet } from '../../../shared/contract/labels';
import type { MethodInput } from '../../../shared/contract';
import { LABEL_LAYOUTS, LABEL_LAYOUT_IDS, labelsPerPage, type LabelLayoutId } from '../../../shared/domain/labelLayouts';
import { call } from '../../api';
import { useT } from '../../i18n';
import { ErrorAlert, errorText } from '../../components/FormParts';
import { LabelSheet } from './LabelSheet';
import { printLabels } from './printLabels';
import './labels.css';

type Source = MethodInput<'labels.build'>;
const LAYOUT_KEY = 'ukm-mart.labelLayout';

const savedLayout = (): LabelLayoutId => {
  const saved = localStorage.getItem(LAYOUT_KEY);
  return (LABEL_LAYOUT_IDS as readonly string[]).includes(saved ?? '') ? (saved as LabelLayoutId) : 'tj103';
};

/**
 * Labels for an intake, a product or a relabelling: pick the label stock and
 * where a half-used sheet starts, see the sheet as it will print, print it.
 * Goods without a barcode are named, with a button to give them store numbers.
 */
export function LabelsPanel({ source, onClose }: { source: Source; onClose(): void }) {
  const t = useT();
  const [set, setSet] = useState<LabelSet | null>(null);
  const [layoutId, setLayoutId] = useState<LabelLayoutId>(savedLayout);
  const [startAt, setStartAt] = useState(1);
  const [count, setCount] = useState(source.source === 'product' ? source.count : 1);
  const [relabel, setRelabel] = useState(source.source === 'relabel');
  const [error, setError] = useState<string | null>(null);
  const layout = LABEL_LAYOUTS[layoutId];
  const perPage = labelsPerPage(layout);

  const effective: Source =
    source.source === 'intake' ? source : relabel ? { source: 'relabel', productId: source.productId } : { source: 'product', productId: source.productId, count };

  const load = useCallback(async () => {
    try {
      setError(null);
      setSet(await call('labels.build', effective));
    } catch (err) {
      setError(errorText(err));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `effective` is rebuilt each render from these
  }, [source.source, relabel, count, source.source === 'intake' ? source.intakeId : source.productId]);
  useEffect(() => {
    void load();
  }, [load]);

  const assign = async () => {
    try {
      for (const missing of set?.withoutBarcode ?? []) await call('products.assignBarcode', { productId: missing.productId });
      await load();
    } catch (err) {
      setError(errorText(err));
    }
  };

  // While labels are on screen, a print prints only them: the app around them takes no page (see labels.css).
  useEffect(() => {
    document.documentElement.classList.add('labels-printing');
    return () => document.documentElement.classList.remove('labels-printing');
  }, []);

  const labels = set?.labels ?? [];
  const sheetStart = layout.kind === 'sheet' ? startAt : 1;
  const pages = Math.ceil((startAt - 1 + labels.length) / perPage);
  return (
    <section className="labels-panel stack no-print-frame" aria-label={t('labels.title')}>
      <div className="row spread no-print">
        <h2>{set?.title ? `${t('labels.title')} · ${set.title}` : t('labels.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('labels.close')}
        </button>
      </div>
      <div className="row no-print" style={{ flexWrap: 'wrap', gap: '0.75rem', alignItems: 'flex-end' }}>
        <label>
          {t('labels.layout')}
          <select
            value={layoutId}
            onChange={(e) => {
              const next = e.target.value as LabelLayoutId;
              localStorage.setItem(LAYOUT_KEY, next);
              setLayoutId(next);
              setStartAt(1);
            }}
          >
            {LABEL_LAYOUT_IDS.map((id) => (
              <option key={id} value={id}>
                {LABEL_LAYOUTS[id].name}
              </option>
            ))}
          </select>
        </label>
        {layout.kind === 'sheet' && (
          <label>
            {t('labels.startAt', { max: perPage })}
            <input
              type="number"
              min={1}
              max={perPage}
              value={startAt}
              onChange={(e) => setStartAt(Math.min(perPage, Math.max(1, Math.trunc(Number(e.target.value)) || 1)))}
            />
          </label>
        )}
        {source.source !== 'intake' && !relabel && (
          <label>
            {t('labels.count')}
            <input type="number" min={1} max={2000} value={count} onChange={(e) => setCount(Math.min(2000, Math.max(1, Math.trunc(Number(e.target.value)) || 1)))} />
          </label>
        )}
        {source.source !== 'intake' && (
          <label className="row">
            <input type="checkbox" checked={relabel} onChange={(e) => setRelabel(e.target.checked)} />
            {t('labels.relabel', { n: relabel ? labels.length : '…' })}
          </label>
        )}
        <button type="button" className="primary" disabled={labels.length === 0} onClick={() => printLabels(layout, set?.title ?? t('labels.title'))}>
          {t('labels.print')}
        </button>
      </div>
      <ErrorAlert error={error} />
      {set && set.withoutBarcode.length > 0 && (
        <p className="warning no-print" role="status">
          {t('labels.withoutBarcode', { list: set.withoutBarcode.map((w) => `${w.name} (${w.units})`).join(', ') })}{' '}
          <button type="button" onClick={() => void assign()}>
            {t('labels.assignNow')}
          </button>
        </p>
      )}
      <p className="muted no-print" role="status">
        {labels.length === 0
          ? t('labels.none')
          : layout.kind === 'sheet'
            ? t('labels.summary', { n: labels.length, pages })
            : t('labels.summaryRoll', { n: labels.length })}
      </p>
      {labels.length > 0 && (
        <div className="label-preview" role="group" aria-label={t('labels.preview')}>
          <LabelSheet labels={labels} layoutId={layoutId} startAt={sheetStart} />
        </div>
      )}
      {labels.length > 0 &&
        createPortal(
          <div className="print-root label-print-root" aria-hidden="true">
            <LabelSheet labels={labels} layoutId={layoutId} startAt={sheetStart} />
          </div>,
          document.body,
        )}
    </section>
  );
}
